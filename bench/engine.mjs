// In-process engine run: parse the batch first, then time assessMany alone over the parsed requests.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createDefaultEngine } from '../packages/cli/dist/index.js';

const requests = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const engine = await createDefaultEngine();
const verdicts = {};
const start = performance.now();
for (const outcome of engine.assessMany(requests)) {
  const v = outcome.ok ? outcome.response.verdict : 'error';
  verdicts[v] = (verdicts[v] ?? 0) + 1;
}
const seconds = (performance.now() - start) / 1000;
process.stdout.write(JSON.stringify({ seconds, rate: requests.length / seconds, verdicts }));
