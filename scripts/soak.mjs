#!/usr/bin/env node
// The soak: the whole hostile corpus through the hostile-input test, then `dossier` killed with
// SIGKILL again and again in the middle of import, tag, merge and export, the case reopened and checked
// after every kill (SQLite integrity, every original against its SHA-256, nothing committed lost).
// Prints the figures: files, kills, peak memory, slowest file. Builds the CLI first.
//   npm run soak [-- --kills 100] [--seed 17] [--skip-corpus] [--skip-build]
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../tests/hostile/generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const targetKills = Number(option('--kills', '100'));
const seed = Number(option('--seed', '17'));
const bin = join(root, 'bin', 'dossier.js');

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

if (!args.includes('--skip-build') && run('npm', ['run', 'build', '--silent']) !== 0) {
  console.error('soak: the build failed.');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'dossier-soak-'));
const problems = [];
let corpusSummary = null;

try {
  // 1. The whole corpus, through the test that checks the case after every batch.
  if (!args.includes('--skip-corpus')) {
    const reportPath = join(work, 'hostile-report.json');
    const status = run('npx', ['vitest', 'run', 'tests/hostile'], {
      DOSSIER_SOAK: '1',
      DOSSIER_HOSTILE_SEED: String(seed),
      DOSSIER_SOAK_REPORT: reportPath,
      DOSSIER_HOSTILE_LOG: join(work, 'hostile-progress.log'),
    });
    if (status !== 0) problems.push(`the hostile-input test failed (exit ${status}); the last file it started is the last line of ${join(work, 'hostile-progress.log')}`);
    if (existsSync(reportPath)) corpusSummary = JSON.parse(readFileSync(reportPath, 'utf8')).summary;
  }

  // 2. kill -9 during import, tag and export, and a check after each.
  const kills = await killRuns();
  printFigures(kills);
} finally {
  if (problems.length === 0) rmSync(work, { recursive: true, force: true });
  else console.log(`(kept ${work} for a look)`);
}
process.exit(problems.length === 0 ? 0 : 1);

async function killRuns() {
  const random = mulberry32(seed);
  const casePath = join(work, 'killed.dossier');
  const hostile = join(work, 'kill-corpus');
  generateCorpus(hostile, { seed, slice: 'fast' });
  dossier(['new', casePath, '--title', 'Killed']);
  const stories = readStories();
  const colleagues = makeColleagueCases(stories, random);
  let committed = new Map();
  let kills = 0;
  let finishedFirst = 0;
  const byOperation = { import: 0, tag: 0, merge: 0, export: 0 };
  for (let round = 0; kills < targetKills && round < targetKills * 5; round += 1) {
    const operation = ['import', 'import', 'tag', 'merge', 'export'][round % 5];
    const commandArgs =
      operation === 'merge' ? ['merge', casePath, colleagues[Math.floor(round / 5) % colleagues.length]] : commandFor(operation, round, casePath, stories, random, hostile);
    // Imports get longer: the CLI takes a second or two to start, and the kill should land among commits.
    const delay = operation === 'import' ? 1_500 + random() * 5_000 : operation === 'merge' || operation === 'export' ? 150 + random() * 650 : 300 + random() * 1_700;
    const outcome = await killAfter(commandArgs, Math.floor(delay));
    if (outcome === 'killed') {
      kills += 1;
      byOperation[operation] += 1;
    } else {
      finishedFirst += 1;
    }
    committed = verifyCase(casePath, committed, `round ${round + 1} (${operation}, ${outcome})`);
  }
  return { kills, finishedFirst, byOperation, documents: committed.size };
}

/** Colleagues' cases to merge in: each with stories of its own and some the killed case will also hold. */
function makeColleagueCases(stories, random) {
  return Array.from({ length: 4 }, (_, index) => {
    const path = join(work, `colleague-${index}.dossier`);
    const folder = join(work, `colleague-${index}`);
    mkdirSync(folder);
    for (let file = 0; file < 8; file += 1) {
      const text = Array.from({ length: 10 + Math.floor(random() * 30) }, () => stories[Math.floor(random() * stories.length)]).join('\n\n');
      writeFileSync(join(folder, `colleague-${index}-${file}.txt`), `Colleague ${index}, file ${file}.\n\n${text}`);
    }
    dossier(['new', path, '--title', `Colleague ${index}`]);
    dossier(['import', path, folder]);
    dossier(['tag', path, 'the', '--add', `colleague-${index}`]);
    return path;
  });
}

/** A fresh folder of documents for each import (new text, so there is always something to write). */
function commandFor(operation, round, casePath, stories, random, hostile) {
  if (operation === 'tag') return ['tag', casePath, 'the OR said OR Baku', '--add', `kill-${round}`];
  if (operation === 'export') return ['export', casePath, '--format', random() < 0.5 ? 'graphml' : 'geojson', '--out', join(work, `export-${round}.out`), '--force'];
  const folder = join(work, `import-${round}`);
  mkdirSync(folder);
  for (let index = 0; index < 6; index += 1) {
    const text = Array.from({ length: 8 + Math.floor(random() * 40) }, () => stories[Math.floor(random() * stories.length)]).join('\n\n');
    writeFileSync(join(folder, `story-${round}-${index}.txt`), `Round ${round}, file ${index}.\n\n${text}`);
  }
  // A few hostile files ride along, so kills land inside the readers too.
  const hostileFiles = readdirFiles(hostile);
  const extra = Array.from({ length: 3 }, () => hostileFiles[Math.floor(random() * hostileFiles.length)]);
  return ['import', casePath, folder, ...extra];
}

function readdirFiles(folder) {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  return manifest.map((entry) => join(folder, ...entry.name.split('/')));
}

/** Runs `dossier …` and kills it with SIGKILL after `ms`, unless it ends first. */
async function killAfter(commandArgs, ms) {
  const child = spawn(process.execPath, [bin, ...commandArgs], { cwd: root, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', () => resolve('finished')));
  const first = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('due'), ms))]);
  if (first === 'finished') return 'finished';
  child.kill('SIGKILL');
  await exited;
  return 'killed';
}

/** `dossier check` must pass; then every committed document is still there and whole. */
function verifyCase(casePath, before, when) {
  const check = spawnSync(process.execPath, [bin, 'check', casePath, '--json'], { cwd: root, encoding: 'utf8' });
  if (check.status !== 0) {
    problems.push(`after ${when}: dossier check failed (exit ${check.status}): ${check.stdout.slice(0, 500)} ${check.stderr.slice(0, 500)}`);
    return before;
  }
  const db = new Database(casePath, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`after ${when}: integrity_check says ${integrity}`);
    const documents = new Map();
    for (const row of db.prepare('SELECT d.id, length(d.text) AS characters, b.sha256, b.bytes FROM documents d JOIN document_blobs b ON b.id = d.blob_id').iterate()) {
      if (row.characters === 0) problems.push(`after ${when}: document ${row.id} has no text`);
      if (createHash('sha256').update(row.bytes).digest('hex') !== row.sha256) problems.push(`after ${when}: document ${row.id}'s original does not match its SHA-256`);
      documents.set(row.id, row.sha256);
    }
    for (const [id, hash] of before) if (documents.get(id) !== hash) problems.push(`after ${when}: document ${id}, committed earlier, is gone or changed`);
    return documents;
  } finally {
    db.close();
  }
}

function dossier(commandArgs) {
  const result = spawnSync(process.execPath, [bin, ...commandArgs], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`dossier ${commandArgs.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Newswire-like paragraphs from the repository's own fixtures. */
function readStories() {
  const fixtures = join(root, 'tests', 'fixtures');
  const sources = ['border-incident-article.txt', 'reuters-sample.sgm', 'notes.md'].map((name) => readFileSync(join(fixtures, name), 'utf8'));
  return sources
    .join('\n\n')
    .replace(/<[^>]+>/g, ' ')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 40);
}

function mulberry32(value) {
  let state = value >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function printFigures(kills) {
  console.log('\nSoak figures');
  if (corpusSummary) {
    console.log(`  hostile files: ${corpusSummary.files} (${corpusSummary.corpusMegabytes} MB, seed ${corpusSummary.seed}); documents imported ${corpusSummary.documentsImported}, refusals ${corpusSummary.refusals}`);
    console.log(`  peak memory of the importing process: ${corpusSummary.peakRssMegabytes} MB (${corpusSummary.rssAtStartMegabytes} MB at start)`);
    console.log(`  slowest files: ${corpusSummary.slowest.join('; ')}`);
  }
  console.log(`  kill -9 runs: ${kills.kills} (import ${kills.byOperation.import}, tag ${kills.byOperation.tag}, merge ${kills.byOperation.merge}, export ${kills.byOperation.export}); ${kills.finishedFirst} more ended before their kill`);
  console.log(`  documents in the killed case at the end: ${kills.documents}, every one whole after every kill`);
  console.log(problems.length === 0 ? '  no problems' : `  PROBLEMS (${problems.length}):\n    ${problems.slice(0, 30).join('\n    ')}`);
}
