import { sameAnswer, type AssessmentResponse } from '@chokepoint/core';

/**
 * One chunk of NDJSON output, assembled into a single Buffer. Joining strings instead would build a
 * rope of hundreds of megabytes that V8 must flatten and re-encode as UTF-8 on every write; copying
 * pre-encoded answers is several times faster.
 */
export class NdjsonChunk {
  private readonly pieces: (Buffer | string)[] = [];
  private bytes = 0;

  push(piece: Buffer | string): void {
    this.pieces.push(piece);
    this.bytes += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
  }

  get byteLength(): number {
    return this.bytes;
  }

  toBuffer(): Buffer {
    const out = Buffer.allocUnsafe(this.bytes);
    let offset = 0;
    for (const p of this.pieces) {
      if (typeof p === 'string') offset += out.write(p, offset);
      else {
        out.set(p, offset);
        offset += p.length;
      }
    }
    return out;
  }
}

/**
 * Serialises answers as NDJSON lines. A batch repeats the same question under many IDs, and the
 * engine then hands back shallow copies of one frozen answer that differ only in `id`; encoding
 * that answer once and appending each ID makes such batches several times faster. The memo is
 * keyed on the answer's `jurisdictions` array and used only when every other field is the very
 * same object, so a differing answer can never pick up another's text.
 */
export class ResponseSerializer {
  private readonly memo = new WeakMap<object, { source: AssessmentResponse; head: Buffer; empty: boolean }>();

  /** Appends the answer as one line: its JSON without `id` and the closing brace, then `id` and the brace. */
  writeLine(response: AssessmentResponse, chunk: NdjsonChunk): void {
    const key = response.jurisdictions;
    let entry = this.memo.get(key);
    if (!entry || !sameAnswer(entry.source, response)) {
      const json = JSON.stringify({ ...response, id: undefined });
      entry = { source: response, head: Buffer.from(json.slice(0, -1)), empty: json === '{}' };
      this.memo.set(key, entry);
    }
    chunk.push(entry.head);
    chunk.push(response.id === undefined ? '}\n' : `${entry.empty ? '' : ','}"id":${JSON.stringify(response.id)}}\n`);
  }
}
