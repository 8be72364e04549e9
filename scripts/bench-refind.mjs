#!/usr/bin/env node
// Prints how long "Find again" (extraction run again over every document) takes over all of Reuters, in the
// main thread alone and with worker threads: wall and CPU seconds. Needs `npm run build` (the worker).
// Figures only; tests never assert timings.
//   npm run bench:refind [-- REUTERS_DIR [main|workers]]   default ../shared/data/reuters21578
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const reuters = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'reuters21578'));
const worker = join(root, 'out', 'main', 'findWorker.js');
if (!existsSync(worker)) {
  console.error('bench:refind: run "npm run build" first.');
  process.exit(2);
}
process.exitCode = await runTypeScript('scripts/bench/refind.ts', [reuters, worker, ...process.argv.slice(3)]);
