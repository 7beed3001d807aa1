// The physical floor of a batch: read NDJSON, parse each line, print it back. No engine.
import { createReadStream } from 'node:fs';

const [, , input, output = '/dev/null'] = process.argv;
const { createWriteStream } = await import('node:fs');
const out = createWriteStream(output);
let rest = '';
for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const lines = (rest + chunk).split('\n');
  rest = lines.pop() ?? '';
  let buf = '';
  for (const line of lines) if (line) buf += `${JSON.stringify(JSON.parse(line))}\n`;
  if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
}
if (rest) out.write(`${JSON.stringify(JSON.parse(rest))}\n`);
await new Promise((r) => out.end(r));
