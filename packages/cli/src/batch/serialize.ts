import type { AssessmentResponse } from '@chokepoint/core';

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
 * JSON text of an answer, with the text of every frozen part written once and reused. The engine
 * shares frozen objects between answers for what does not change from one answer to the next (the
 * `data` block, each plugin's descriptor, the assessment of a regime that does not reach). The
 * answer's top level and the elements of its arrays are written here in order, skipping `undefined` as
 * `JSON.stringify` does; a frozen part's text is remembered, every other part is left to
 * `JSON.stringify` (walking deeper in JavaScript was measured slower than the native encoder). Only frozen objects are remembered, and the engine
 * freezes only its own constant data, so what this keeps is bounded by the plugins' data, not by
 * the requests.
 */
export class AnswerWriter {
  private readonly shared = new WeakMap<object, string>();

  /** The answer as one line of JSON (no newline). */
  text(value: unknown): string {
    return this.write(value, 0);
  }

  private write(value: unknown, depth: number): string {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
    if (Object.isFrozen(value)) {
      let text = this.shared.get(value);
      if (text === undefined) {
        text = JSON.stringify(value);
        this.shared.set(value, text);
      }
      return text;
    }
    // The answer's own fields and the elements of its arrays (the regimes' assessments, which the engine
    // shares when a regime does not reach) are looked at; anything deeper goes to JSON.stringify whole.
    if (Array.isArray(value)) {
      if (depth > 1) return JSON.stringify(value);
      let out = '[';
      for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (value[i] === undefined ? 'null' : this.write(value[i], depth + 1));
      return `${out}]`;
    }
    if (depth > 0) return JSON.stringify(value);
    let out = '{';
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (v === undefined || typeof v === 'function') continue;
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${this.write(v, depth + 1)}`;
    }
    return `${out}}`;
  }
}

/** Serialises answers as NDJSON lines, full answers or only the `--fields` asked for. */
export class ResponseSerializer {
  private readonly writer = new AnswerWriter();

  constructor(private readonly fields?: FieldSelection) {}

  /** Appends the answer as one line. */
  writeLine(response: AssessmentResponse, chunk: NdjsonChunk): void {
    chunk.push(`${this.fields ? JSON.stringify(this.fields.project(response)) : this.writer.text(response)}\n`);
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
