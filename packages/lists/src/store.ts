import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validatePartyList, type PartyList } from '@chokepoint/core';

/** Where imported lists are kept: a file per list for the CLI, a table for the server (SQLite or PostgreSQL). */
export interface ListStore {
  /** The copies in use. */
  load(): Promise<PartyList[]>;
  /** Puts these lists in use together, keeping each one's previous copy; all or nothing. */
  replace(lists: PartyList[]): Promise<void>;
}

/**
 * Lists as JSON files under a directory (`<dataDir>/lists/<id>.json`, the previous copy beside it as
 * `<id>.previous.json`). Each new copy is written to a temporary file first and renamed over the old
 * one, so a reader never sees half a list.
 */
export class FileListStore implements ListStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'lists');
  }

  async load(): Promise<PartyList[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const lists: PartyList[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !n.endsWith('.previous.json')).sort()) {
      const list = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as PartyList;
      const problems = validatePartyList(list);
      if (problems.length) throw new Error(`${join(this.dir, name)}: ${problems.slice(0, 5).join('; ')}`);
      lists.push(list);
    }
    return lists;
  }

  async replace(lists: PartyList[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const stamp = `${process.pid}-${Date.now()}`;
    // Write every new copy first; only when all are on disk do the renames put them in use.
    for (const list of lists) await writeFile(join(this.dir, `${list.id}.json.${stamp}.tmp`), JSON.stringify(list));
    for (const list of lists) {
      const current = join(this.dir, `${list.id}.json`);
      await rename(current, join(this.dir, `${list.id}.previous.json`)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      await rename(join(this.dir, `${list.id}.json.${stamp}.tmp`), current);
    }
  }
}
