import { StringDecoder } from 'node:string_decoder';

/** One input line of a batch: its parsed request, or why it could not be read. */
export type InputLine = { line: number; request: unknown } | { line: number; error: { code: string; message: string } };

function parseLine(text: string, line: number): InputLine | undefined {
  const body = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (body.trim() === '') return undefined;
  try {
    return { line, request: JSON.parse(body) as unknown };
  } catch (err) {
    return { line, error: { code: 'invalid_json', message: `not valid JSON: ${(err as Error).message}` } };
  }
}

/** Splits a whole NDJSON text into lines; blank lines are skipped but counted, so `line` is the line number. */
export function splitNdjson(text: string): InputLine[] {
  const out: InputLine[] = [];
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const parsed = parseLine(i === 0 && parts[0]!.charCodeAt(0) === 0xfeff ? parts[0]!.slice(1) : parts[i]!, i + 1);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** Reads NDJSON from a stream and yields the complete lines of each chunk together. */
export async function* readNdjson(input: AsyncIterable<Buffer | string>): AsyncGenerator<InputLine[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNo = 0;
  let first = true;
  for await (const chunk of input) {
    let text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    const lines: InputLine[] = [];
    for (const part of parts) {
      const parsed = parseLine(part, ++lineNo);
      if (parsed) lines.push(parsed);
    }
    if (lines.length) yield lines;
  }
  const last = parseLine(rest + decoder.end(), ++lineNo);
  if (last) yield [last];
}
