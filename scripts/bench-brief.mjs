#!/usr/bin/env node
// Briefing export benchmark (prints figures; tests never assert timings).
//   npm run bench:brief [-- REUTERS_DIR]   default ../shared/data/reuters21578
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTypeScript } from './runTypeScript.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reuters = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'reuters21578'));
process.exit(await runTypeScript('scripts/bench/briefing.ts', [reuters]));
