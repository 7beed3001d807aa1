import { describe, expect, it } from 'vitest';
import { readNdjson, type BatchLine } from './ndjson.js';

async function readAll(chunks: (string | Buffer)[]): Promise<BatchLine[]> {
  const out: BatchLine[] = [];
  for await (const batch of readNdjson(chunks)) out.push(...batch.lines);
  return out;
}

describe('readNdjson', () => {
  it('joins lines split across chunks and numbers lines as in the file', async () => {
    const lines = await readAll(['{"a":', '1}\n\n{"b"', ':2}\r\n{"c":3}']);
    expect(lines).toEqual([
      { line: 1, request: { a: 1 } },
      { line: 3, request: { b: 2 } },
      { line: 4, request: { c: 3 } },
    ]);
  });

  it('keeps a bad line in place as an error and goes on', async () => {
    const lines = await readAll(['{"a":1}\nnot json\n{"b":2}\n']);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'invalid_json' } });
    expect(lines[2]).toEqual({ line: 3, request: { b: 2 } });
  });

  it('decodes UTF-8 split inside a character and drops a byte-order mark', async () => {
    const bytes = Buffer.from('\uFEFF{"name":"金属镓"}\n');
    const lines = await readAll([bytes.subarray(0, 12), bytes.subarray(12)]);
    expect(lines).toEqual([{ line: 1, request: { name: '金属镓' } }]);
  });

  it('reports the bytes consumed for progress', async () => {
    const batches = [];
    for await (const b of readNdjson([Buffer.from('{"a":1}\n'), Buffer.from('{"b":2}\n')])) batches.push(b.bytesRead);
    expect(batches.at(-1)).toBe(16);
  });
});
