#!/usr/bin/env node
// The temporal-expression benchmark (figures, never a test): findTimes over Reuters-21578.
//   npm run bench:read-time [-- REUTERS_DIR] [--sample N]   default ../shared/data/reuters21578
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot, runTypeScript } from './runTypeScript.mjs';

const args = process.argv.slice(2);
const reuters = resolve(args[0] && !args[0].startsWith('--') ? args.shift() : join(projectRoot, '..', 'shared', 'data', 'reuters21578'));
if (!existsSync(join(reuters, 'reut2-000.sgm'))) {
  console.error(`bench:read-time: no Reuters-21578 at ${reuters}; give its folder: npm run bench:read-time -- PATH`);
  process.exit(2);
}
process.exitCode = await runTypeScript('scripts/bench/readTime.ts', [reuters, ...args]);
