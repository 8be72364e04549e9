#!/usr/bin/env node
// Benchmarks that print figures (tests never assert timings). Needs `npm run build` first.
//   npm run bench [-- REUTERS_DIR]   CLI start-up; extract --jsonl start-up and MB/s; Reuters import (with and without
//                                    extraction) and search; find again over all of it, without and with worker
//                                    threads (default ../shared/data/reuters21578)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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

// CPU time (user + system) of a child, from /usr/bin/time where there is one: on a shared machine the wall clock
// also counts the time other processes had the cores.
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
function timed(args, options = {}) {
  const started = process.hrtime.bigint();
  const result = timeBinary
    ? spawnSync(timeBinary, ['-f', '%U %S', process.execPath, bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options })
    : spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`dossier ${args.join(' ')} failed: ${result.stderr}`);
  const [user, system] = timeBinary ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN];
  return { wall, cpu: user + system, stdout: result.stdout };
}

/** The Reuters stories' bodies as `extract --jsonl` input lines. */
function reutersLines(files) {
  const lines = [];
  for (const file of files) {
    const sgml = readFileSync(file, 'latin1');
    for (const match of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
      const text = match[1].replace(/&lt;/g, '<').replace(/&amp;/g, '&').split('\u0003').join('');
      lines.push(JSON.stringify({ id: String(lines.length), text }));
    }
  }
  return `${lines.join('\n')}\n`;
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
    // extract --jsonl: start-up (one short line, model and gazetteer loaded, median of 5), then all the stories.
    const one = `${JSON.stringify({ id: '1', text: 'Talks in Paris, Tenn., with the Azerbaijan National Agency for Mine Action.' })}\n`;
    const starts = Array.from({ length: 5 }, () => timed(['extract', '--jsonl'], { input: one })).sort((a, b) => a.wall - b.wall);
    const middle = starts[2];
    console.log(`${'dossier extract --jsonl, one line (start-up)'.padEnd(52)} median ${(middle.wall * 1000).toFixed(0)} ms wall, ${(middle.cpu * 1000).toFixed(0)} ms CPU`);
    const input = reutersLines(stories);
    const megabytes = Buffer.byteLength(input) / 1e6;
    const run = timed(['extract', '--jsonl'], { input });
    console.log(
      `${`dossier extract --jsonl, all Reuters (${megabytes.toFixed(1)} MB)`.padEnd(52)} ${run.wall.toFixed(1)} s wall (${(megabytes / run.wall).toFixed(2)} MB/s), ` +
        `${run.cpu.toFixed(1)} s CPU (${(megabytes / run.cpu).toFixed(2)} MB/s of CPU time)`,
    );
    rmSync(join(dir, 'reuters-extract.dossier'), { force: true });
    dossier('new', 'reuters-extract.dossier', '--title', 'Reuters-21578');
    // Extraction runs in worker threads beside the main thread's writing, so the wall clock is the figure to
    // watch on an idle machine; the load average says how idle it was (the CPU time also grows on a busy one).
    const loadBefore = loadavg()[0];
    const imported = timed(['import', 'reuters-extract.dossier', ...stories], { cwd: dir });
    console.log(
      `${'dossier import with extraction, all Reuters'.padEnd(52)} ${imported.wall.toFixed(1)} s wall, ${imported.cpu.toFixed(1)} s CPU ` +
        `(${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after)`,
    );
    // In-process figures, from the TypeScript bench.
    if ((await runTypeScript('scripts/bench/documents.ts', [reuters])) !== 0) process.exitCode = 1;
    // Find again over all of it, in the main thread alone and with worker threads (also `npm run bench:refind`).
    if ((await runTypeScript('scripts/bench/refind.ts', [reuters, join(root, 'out', 'main', 'findWorker.js')])) !== 0) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
