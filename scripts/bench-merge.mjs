#!/usr/bin/env node
// Merge benchmark (figures, never a test): two ~10,000-document Reuters cases, half shared.
//   npm run bench:merge [-- REUTERS_DIR] [--extract]   default ../shared/data/reuters21578; --extract also suggests entities
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot, runTypeScript } from './runTypeScript.mjs';

const extract = process.argv.includes('--extract');
const reuters = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? join(projectRoot, '..', 'shared', 'data', 'reuters21578'));
if (!existsSync(join(reuters, 'reut2-014.sgm'))) {
  console.error(`bench:merge: no Reuters-21578 at ${reuters}; give its folder: npm run bench:merge -- PATH`);
  process.exit(2);
}
process.exit(await runTypeScript('scripts/bench/mergeCases.ts', [reuters, ...(extract ? ['--extract'] : [])]));
