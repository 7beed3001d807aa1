// CPU time read from Linux's /proc, for the bench's figures per process and per thread.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every common Linux build. */
const CLOCK_TICKS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(r.stdout) > 0 ? Number(r.stdout) : 100;
})();

/**
 * CPU seconds (user + system) in a /proc `stat` file: `/proc/PID/stat` for a whole process (every thread),
 * `/proc/self/task/TID/stat` for one thread. Throws where there is no such file (no /proc).
 */
export function statCpuSeconds(path) {
  const stat = readFileSync(path, 'utf8');
  // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and 13th, in clock ticks.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
