#!/usr/bin/env node
// The `dossier` command. It runs the built CLI; `npm run build` (or `npm test`) builds it.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write(`dossier: the CLI is not built yet; run "npm run build" in ${join(__dirname, '..')} first.\n`);
  process.exit(2);
}
require(built);
