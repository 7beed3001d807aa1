// Preloaded with `node -r` by run.mjs: reports the CPU time the process used (user + system, every
// thread) on exit, so a pair of runs can be compared by the work each did as well as by wall time,
// which other processes on a shared machine stretch.
process.on('exit', () => {
  const u = process.cpuUsage();
  require('node:fs').writeSync(2, `\nCPU_SECONDS=${(u.user + u.system) / 1e6}\n`);
});
