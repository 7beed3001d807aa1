// Preloaded with `node -r` by run.mjs: reports the process's peak resident memory on exit.
process.on('exit', () => require('node:fs').writeSync(2, `\nMAX_RSS_KIB=${process.resourceUsage().maxRSS}\n`));
