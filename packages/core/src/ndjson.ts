import { StringDecoder } from 'node:string_decoder';
import type { AssessmentResponse } from './types.js';

/** One input line of a batch: a parsed request, or why it could not be read. */
export type BatchLine =
  | { line: number; request: unknown }
  | { line: number; id?: string | number; error: { code: string; message: string } };

/** Lines read from one chunk of input, with the input bytes consumed so far (for progress). */
export interface LineBatch {
  lines: BatchLine[];
  bytesRead: number;
}

function parseLine(text: string, line: number): BatchLine | undefined {
  const body = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (body.trim() === '') return undefined;
  try {
    return { line, request: JSON.parse(body) as unknown };
  } catch (err) {
    return { line, error: { code: 'invalid_json', message: `not valid JSON: ${(err as Error).message}` } };
  }
}

/** Splits a whole NDJSON text into lines; blank lines are skipped but counted, so `line` is the line number. */
export function splitNdjson(text: string): BatchLine[] {
  const out: BatchLine[] = [];
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const parsed = parseLine(i === 0 && parts[0]!.charCodeAt(0) === 0xfeff ? parts[0]!.slice(1) : parts[i]!, i + 1);
    if (parsed) out.push(parsed);
  }
  return out;
}

/**
 * Reads NDJSON and yields the lines of each chunk as one batch, so the caller can assess and
 * write a whole chunk at a time instead of awaiting every line. Blank lines are skipped but still
 * counted, so `line` is the line number in the file.
 */
export async function* readNdjson(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<LineBatch> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNo = 0;
  let bytesRead = 0;
  let first = true;
  for await (const chunk of input) {
    bytesRead += chunk.length;
    let text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    const lines: BatchLine[] = [];
    for (const part of parts) {
      const parsed = parseLine(part, ++lineNo);
      if (parsed) lines.push(parsed);
    }
    if (lines.length) yield { lines, bytesRead };
  }
  const last = parseLine(rest + decoder.end(), ++lineNo);
  yield { lines: last ? [last] : [], bytesRead };
}

/**
 * True when two answers are the same but for their `id`: hosts that stream answers use it to encode
 * each distinct answer once and add only the caller's id per line.
 */
export function sameAnswer(a: AssessmentResponse, b: AssessmentResponse): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  let count = 0;
  for (const k in ra) {
    if (k === 'id') continue;
    if (ra[k] !== rb[k]) return false;
    count++;
  }
  for (const k in rb) if (k !== 'id') count--;
  return count === 0;
}
