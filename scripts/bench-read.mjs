#!/usr/bin/env node
// Prints how fast `dossier read --jsonl`'s engine reads Reuters news (entity tagging included), and
// the reading layer's own share, on one core. Figures only; tests never assert timings.
//   npm run bench:read [-- REUTERS_DIR]   default ../shared/data/reuters21578
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const reuters = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'reuters21578'));
process.exitCode = await runTypeScript('scripts/bench/read.ts', [reuters, join(root, 'resources', 'ner')]);
