#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { runCli } from './cli.js';

// A batch allocates gigabytes that die young, and a little of each collection outlives it. V8's default lets
// the old generation grow to several times what is live before a full collection, which on a 1 M-line batch
// held ~300 MB of such garbage; growing it by at most a quarter keeps the peak flat (bench: CLI peak RSS) for
// a few more full collections of a heap under 100 MB. Set here, for the executable only: hosts of runCli keep theirs.
setFlagsFromString('--heap-growing-percent=25');

// A reader that goes away (`chokepoint … | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2));
