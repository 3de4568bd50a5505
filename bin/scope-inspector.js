#!/usr/bin/env node
'use strict';
// Thin launcher of the bundled CLI (dist/cli/main.js, run through V8's code cache: see
// src/cli/compile-cache.ts), or of tsc's output when only that was built. `npm run build`, which
// `prepare` runs on install, makes both.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '../dist/cli/main.js');
if (existsSync(bundle)) {
  const { requireWithCodeCache } = require('../dist/src/cli/compile-cache.js');
  // One cache per command: each compiles different functions.
  const command = /^[a-z]+$/.test(process.argv[2] || '') ? process.argv[2] : 'other';
  const cli = requireWithCodeCache(bundle, command);
  cli.exports.main(process.argv).then((code) => {
    process.exitCode = code;
    cli.save();
  });
} else {
  require('../dist/src/cli/main.js').main(process.argv).then((code) => { process.exitCode = code; });
}
