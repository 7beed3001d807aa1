import { AnswerWriter, type AssessmentResponse } from '@chokepoint/core';

/** Moved to core (the server writes answers with it too); still exported here for the CLI's callers. */
export { AnswerWriter };

/**
 * One chunk of NDJSON output, encoded as UTF-8 straight into one growing Buffer as the pieces come.
 * Joining strings instead would build a rope of hundreds of megabytes that V8 must flatten and
 * re-encode on every write; measuring each piece first and copying it later reads it twice. A chunk
 * is cleared and filled again once its bytes are written: a batch that allocated a new buffer per
 * chunk of input held tens of megabytes of dead buffers until the next full garbage collection.
 */
export class NdjsonChunk {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private bytes = 0;

  push(piece: Buffer | string): void {
    if (typeof piece === 'string') {
      // UTF-8 takes at most three bytes per UTF-16 code unit.
      this.reserve(piece.length * 3);
      this.bytes += this.buffer.write(piece, this.bytes);
    } else {
      this.reserve(piece.length);
      this.buffer.set(piece, this.bytes);
      this.bytes += piece.length;
    }
  }

  get byteLength(): number {
    return this.bytes;
  }

  /** The chunk's bytes: a view of its buffer, valid until {@link clear}. */
  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.bytes);
  }

  /** Empties the chunk, keeping its buffer for the next pieces. */
  clear(): void {
    this.bytes = 0;
  }

  private reserve(extra: number): void {
    if (this.bytes + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.bytes + extra) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buffer.copy(next, 0, 0, this.bytes);
    this.buffer = next;
  }
}

/** Serialises answers as NDJSON lines, full answers or only the `--fields` asked for. */
export class ResponseSerializer {
  private readonly writer = new AnswerWriter();

  constructor(private readonly fields?: FieldSelection) {}

  /** Appends the answer as one line. */
  writeLine(response: AssessmentResponse, chunk: NdjsonChunk): void {
    chunk.push(`${this.fields ? this.fields.text(response) : this.writer.text(response)}\n`);
  }
}

/** The fields `--compact` keeps: the decision per regime, what is missing and what warns. */
export const COMPACT_FIELDS = 'id,verdict,date,jurisdictions.jurisdiction,jurisdictions.reaches,jurisdictions.verdict,jurisdictions.licensePolicy,questions.parameter,questions.jurisdiction,warnings.code,warnings.jurisdiction';

type Tree = Map<string, Tree>;

/**
 * A projection of answers onto dotted field paths (`verdict,jurisdictions.verdict,questions.parameter`).
 * A path through an array applies to each element; fields an answer lacks are left out; the order of
 * the answer's own fields is kept.
 */
export class FieldSelection {
  private readonly tree: Tree = new Map();

  constructor(spec: string) {
    for (const path of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
      let node = this.tree;
      for (const part of path.split('.')) {
        if (!part) throw new Error(`--fields: "${path}" has an empty segment`);
        let next = node.get(part);
        if (!next) node.set(part, (next = new Map()));
        node = next;
      }
    }
    if (!this.tree.size) throw new Error('--fields: name at least one field, e.g. verdict,jurisdictions.verdict');
  }

  /** The answer with only the selected fields. */
  project(value: unknown): unknown {
    return pick(value, this.tree);
  }

  /**
   * `JSON.stringify(this.project(value))`, written without building the projection; the text of a
   * frozen part (an assessment the engine shares between answers) is written once per field set.
   */
  text(value: unknown): string {
    return this.write(value, this.tree) ?? 'null';
  }

  private readonly shared = new Map<Tree, WeakMap<object, string>>();

  private write(value: unknown, tree: Tree): string | undefined {
    if (tree.size === 0 || typeof value !== 'object' || value === null) return JSON.stringify(value);
    if (Object.isFrozen(value)) {
      let texts = this.shared.get(tree);
      if (!texts) this.shared.set(tree, (texts = new WeakMap()));
      let text = texts.get(value);
      if (text === undefined) texts.set(value, (text = JSON.stringify(pick(value, tree))));
      return text;
    }
    if (Array.isArray(value)) {
      let out = '[';
      for (let i = 0; i < value.length; i++) out += `${i ? ',' : ''}${this.write(value[i], tree) ?? 'null'}`;
      return `${out}]`;
    }
    let out = '{';
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const sub = tree.get(key);
      if (!sub) continue;
      const v = record[key];
      if (v === undefined) continue;
      const text = this.write(v, sub);
      if (text !== undefined) out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${text}`;
    }
    return `${out}}`;
  }
}

function pick(value: unknown, tree: Tree): unknown {
  if (tree.size === 0 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => pick(v, tree));
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const sub = tree.get(key);
    if (sub && record[key] !== undefined) out[key] = pick(record[key], sub);
  }
  return out;
}
