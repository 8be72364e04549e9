#!/usr/bin/env node
// Benchmarks that print figures (tests never assert timings). Needs `npm run build` first.
//   npm run bench            CLI start-up, and case create / open through the CLI
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'dossier.js');
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
  console.log(`${label.padEnd(36)} median ${median.toFixed(1)} ms  (min ${samples[0].toFixed(1)}, max ${samples.at(-1).toFixed(1)}, n=${runs})`);
}

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
try {
  const dossier = (...args) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  time('dossier --help (start-up)', 15, () => dossier('--help'));
  time('dossier new CASE', 15, (run) => dossier('new', `case-${run}.dossier`, '--title', 'Bench'));
  time('dossier info CASE --json', 15, (run) => dossier('info', `case-${run}.dossier`, '--json'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
