'use strict';
// Preloaded (node -r) by bench/cli-start.ts: reports the process's own CPU time (user + system,
// start to exit) on standard error, a figure that a busy machine inflates far less than wall time.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  require('node:fs').writeSync(2, `\nCPU_MS=${(user + system) / 1000}\n`);
});
