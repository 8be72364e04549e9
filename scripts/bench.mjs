#!/usr/bin/env node
// Benchmarks that print figures (tests never assert timings). Needs `npm run build` first.
//   npm run bench [-- REUTERS_DIR]   CLI start-up; Reuters import and search (default ../shared/data/reuters21578)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTypeScript } from './runTypeScript.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'dossier.js');
const reuters = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'reuters21578'));
if (!existsSync(join(root, 'out', 'main', 'cli.js'))) {
  console.error('bench: run "npm run build" first.');
  process.exit(2);
}

function time(label, runs, command) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    const result = command(run);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr}`);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${label.padEnd(52)} median ${median.toFixed(1)} ms  (min ${samples[0].toFixed(1)}, max ${samples.at(-1).toFixed(1)}, n=${runs})`);
}

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
try {
  const dossier = (...args) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  time('dossier --help (start-up)', 9, () => dossier('--help'));
  time('dossier new CASE', 9, (run) => dossier('new', `case-${run}.dossier`, '--title', 'Bench'));
  time('dossier info CASE --json', 9, (run) => dossier('info', `case-${run}.dossier`, '--json'));

  if (!existsSync(reuters)) {
    console.log(`(no Reuters data at ${reuters}; pass its folder to benchmark import and search)`);
  } else {
    // The 22 SGML files hold the stories; the folder's other files (lewis.dtd, lists) are not documents.
    const stories = readdirSync(reuters).filter((name) => name.endsWith('.sgm')).map((name) => join(reuters, name));
    for (let run = 0; run < 3; run += 1) {
      rmSync(join(dir, 'reuters.dossier'), { force: true });
      dossier('new', 'reuters.dossier', '--title', 'Reuters-21578');
      time(`dossier import --no-extract, all Reuters (run ${run + 1})`, 1, () => dossier('import', 'reuters.dossier', ...stories, '--no-extract'));
    }
    // In-process figures, from the TypeScript bench.
    if ((await runTypeScript('scripts/bench/documents.ts', [reuters])) !== 0) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
