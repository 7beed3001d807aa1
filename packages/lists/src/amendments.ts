import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Amendment } from '@chokepoint/core';

/** An amendment as loaded from its file, with the file's name and SHA-256. */
export type LoadedAmendment = Amendment & { sha256: string; file: string };

/** SHA-256 (hex) of a file's bytes, as answers cite an amendment. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Reads every `*.json` file of an amendments directory, in name order. A file that is not valid JSON
 * is refused naming the file; the records' own checks happen when the engine is built with them.
 */
export async function loadAmendments(dir: string): Promise<LoadedAmendment[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new Error(`amendments directory ${dir}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const out: LoadedAmendment[] = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    let doc: unknown;
    try {
      doc = JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      throw new Error(`amendment file ${name}: not valid JSON (${(err as Error).message})`);
    }
    const records = Array.isArray(doc) ? doc : [doc];
    records.forEach((record, i) => {
      if (typeof record !== 'object' || record === null) throw new Error(`amendment file ${name}: record ${i} is not a JSON object`);
      out.push({ ...(record as Amendment), sha256: sha256Hex(bytes), file: records.length > 1 ? `${name}#${i}` : name });
    });
  }
  return out;
}
