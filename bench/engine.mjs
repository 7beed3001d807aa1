// In-process engine run: parse the batch first, warm the engine up on its first 100,000 lines (JIT
// and first answers, as a long-running host would be), then time assessMany alone over every line.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createDefaultEngine } from '../packages/cli/dist/index.js';

const requests = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const engine = await createDefaultEngine();
for (const _ of engine.assessMany(requests.slice(0, 100_000)));
const verdicts = {};
const start = performance.now();
for (const outcome of engine.assessMany(requests)) {
  const v = outcome.ok ? outcome.response.verdict : 'error';
  verdicts[v] = (verdicts[v] ?? 0) + 1;
}
const seconds = (performance.now() - start) / 1000;
process.stdout.write(JSON.stringify({ seconds, rate: requests.length / seconds, verdicts }));
