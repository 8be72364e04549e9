// The hostile-input suite: the seeded corpus of tests/hostile/generate.mjs imported into a real case
// in batches, with the case checked after each batch (SQLite's integrity, every document whole,
// nothing imported before lost, every failure one readable line naming its file) and memory
// measured in this process. `npm test` runs the fast slice; `npm run soak` (DOSSIER_SOAK=1) all of it.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/shared/documents';
import { createEngine } from '../../src/main/engine/engine';
// The generator is plain JavaScript so that the soak script and a person can run it with node.
import { generateCorpus } from './generate.mjs';
import type { ManifestEntry } from './generate.mjs';

const soak = process.env.DOSSIER_SOAK === '1';
const seed = Number(process.env.DOSSIER_HOSTILE_SEED ?? '17');
/** Files per import job; the case is checked after each. */
const BATCH = soak ? 12 : 10;
/**
 * How far this process's peak memory may rise above where it started. Generous: the point is to
 * catch the gigabytes a hostile file used to cost (2.7 GB for one PDF), not to measure.
 */
const MAX_RSS_GROWTH_MB = soak ? 2_000 : 1_200;

/** Words that betray an error nobody turned into a sentence. */
const RAW_ERROR = /Maximum call stack|\n|^\s*at |TypeError|ReferenceError|Cannot read properties|undefined is not|is not a function|unexpected failure|SqliteError|SQLITE_/;

let dir: string;
let corpus: string;
let manifest: ManifestEntry[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-hostile-'));
  corpus = join(dir, 'corpus');
  manifest = generateCorpus(corpus, { seed, slice: soak ? 'full' : 'fast' });
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface CaseState {
  readonly documents: Map<number, string>;
}

/** Reads the case through a connection of its own, as anyone opening it would, and checks it. */
function checkCase(casePath: string, before: CaseState, batch: string): CaseState {
  const db = new Database(casePath, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    expect(integrity.map((row) => row.integrity_check), `integrity after ${batch}`).toEqual(['ok']);
    const documents = new Map<number, string>();
    const rows = db
      .prepare('SELECT d.id, d.title, length(d.text) AS characters, b.sha256, b.bytes FROM documents d JOIN document_blobs b ON b.id = d.blob_id')
      .all() as { id: number; title: string; characters: number; sha256: string; bytes: Buffer }[];
    for (const row of rows) {
      expect(row.characters, `text of document ${row.id} (${row.title}) after ${batch}`).toBeGreaterThan(0);
      expect(sha256(row.bytes), `original of document ${row.id} (${row.title}) after ${batch}`).toBe(row.sha256);
      documents.set(row.id, row.sha256);
    }
    const unlinked = db.prepare('SELECT count(*) AS count FROM documents WHERE blob_id IS NULL').get() as { count: number };
    expect(unlinked.count, `documents without an original after ${batch}`).toBe(0);
    for (const [id, hash] of before.documents) expect(documents.get(id), `document ${id}, imported before ${batch}`).toBe(hash);
    return { documents };
  } finally {
    db.close();
  }
}

/** The file a failure is about, as the report names it (a path, or an archive member or attachment). */
function namesItsFile(failure: ImportReport['failed'][number]): boolean {
  const parts = failure.file.split('/').filter(Boolean);
  // The reason names the file, the archive member, the attachment or the mbox message it is about.
  return parts.some((part) => failure.reason.includes(part.split('#')[0]!)) || failure.reason.includes(basename(failure.file));
}

describe(`hostile files (${soak ? 'full corpus' : 'fast slice'}, seed ${seed})`, () => {
  it('imports every hostile file or refuses it in one line naming it, leaving the case whole after every batch, in bounded memory', async () => {
    expect(manifest.length).toBeGreaterThanOrEqual(soak ? 300 : 60);
    const engine = createEngine();
    const casePath = join(dir, 'hostile.dossier');
    await engine.handlers['cases.create']({ path: casePath, title: 'Hostile' });
    const startRss = process.memoryUsage().rss;
    const startPeak = process.resourceUsage().maxRSS * 1024;
    let state: CaseState = { documents: new Map() };
    const timings: { file: string; seconds: number }[] = [];
    const failures: ImportReport['failed'] = [];
    let imported = 0;
    try {
      for (let start = 0; start < manifest.length; start += BATCH) {
        const batch = manifest.slice(start, start + BATCH);
        const label = `batch ${start / BATCH + 1} (${batch[0]!.name} … ${batch.at(-1)!.name})`;
        // One job per file within the batch, so that the slowest file can be named.
        for (const entry of batch) {
          // A file that hangs the import hangs this test too (synchronous work cannot time out): the log names it.
          if (process.env.DOSSIER_HOSTILE_LOG) appendFileSync(process.env.DOSSIER_HOSTILE_LOG, `${entry.name}\n`);
          const began = process.hrtime.bigint();
          const report = await engine.startImport([{ path: join(corpus, ...entry.name.split('/')) }]).finished;
          timings.push({ file: entry.name, seconds: Number(process.hrtime.bigint() - began) / 1e9 });
          imported += report.imported.length;
          for (const failure of report.failed) {
            failures.push(failure);
            expect(failure.reason, `failure of ${failure.file}`).not.toMatch(RAW_ERROR);
            expect(namesItsFile(failure), `failure of ${failure.file} names it: ${failure.reason}`).toBe(true);
          }
        }
        state = checkCase(casePath, state, label);
        const growth = (process.resourceUsage().maxRSS * 1024 - startPeak) / 1024 / 1024;
        expect(growth, `peak memory growth (MB) after ${label}`).toBeLessThan(MAX_RSS_GROWTH_MB);
      }
    } finally {
      engine.dispose();
    }
    const slowest = [...timings].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
    const summary = {
      seed,
      slice: soak ? 'full' : 'fast',
      files: manifest.length,
      corpusMegabytes: Math.round(manifest.reduce((sum, entry) => sum + entry.bytes, 0) / 1024 / 1024),
      documentsImported: imported,
      documentsInCase: state.documents.size,
      refusals: failures.length,
      peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
      rssAtStartMegabytes: Math.round(startRss / 1024 / 1024),
      slowest: slowest.map((entry) => `${entry.file} ${entry.seconds.toFixed(1)} s`),
    };
    if (process.env.DOSSIER_SOAK_REPORT) writeFileSync(process.env.DOSSIER_SOAK_REPORT, JSON.stringify({ summary, failures }, null, 1));
    console.log(JSON.stringify(summary, null, 1));
    expect(state.documents.size).toBeGreaterThan(0);
  }, soak ? 3_600_000 : 90_000);
});
