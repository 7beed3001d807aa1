// The floor of a batch: read NDJSON, parse each line and write, for each, one JSON line of the size
// the CLI's answers have on the same stream (`answerBytes`, measured by run.mjs), with the line's id
// and its parsed request in it. No engine.
import { createReadStream, createWriteStream } from 'node:fs';

const [, , input, output = '/dev/null', answerBytesArg = '0'] = process.argv;
const answerBytes = Number(answerBytesArg);
const out = createWriteStream(output);

function answerFor(line) {
  const request = JSON.parse(line);
  const body = JSON.stringify({ id: request.id, request });
  const pad = answerBytes - body.length - 10;
  return pad > 0 ? `${body.slice(0, -1)},"pad":"${'x'.repeat(pad)}"}\n` : `${body}\n`;
}

let rest = '';
for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const lines = (rest + chunk).split('\n');
  rest = lines.pop() ?? '';
  let buf = '';
  for (const line of lines) if (line) buf += answerFor(line);
  if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
}
if (rest) out.write(answerFor(rest));
await new Promise((r) => out.end(r));
