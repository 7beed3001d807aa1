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

// Input is read in 64 KiB pieces and output goes through one reused buffer, as the CLI's are: building one string
// per input chunk instead makes V8 encode tens of megabytes into a fresh buffer on every write, and on some
// machines the page faults of those buffers cost more than the loop itself, which would flatter the CLI. The
// buffer is a few lines of the CLI's NdjsonChunk rather than an import of it: importing it loads @chokepoint/core,
// 0.3 s of start-up that would also flatter the CLI.
let buffer = Buffer.allocUnsafe(1 << 16);
let bytes = 0;
function push(text) {
  if (bytes + text.length * 3 > buffer.length) {
    let size = buffer.length * 2;
    while (size < bytes + text.length * 3) size *= 2;
    const next = Buffer.allocUnsafe(size);
    buffer.copy(next, 0, 0, bytes);
    buffer = next;
  }
  bytes += buffer.write(text, bytes);
}
async function flush() {
  if (!bytes) return;
  // The buffer is filled again only once its write has completed, as the CLI's are.
  await new Promise((r) => out.write(buffer.subarray(0, bytes), r));
  bytes = 0;
}

let rest = '';
for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
  const lines = (rest + chunk).split('\n');
  rest = lines.pop() ?? '';
  for (const line of lines) if (line) push(answerFor(line));
  await flush();
}
if (rest) push(answerFor(rest));
await flush();
await new Promise((r) => out.end(r));
