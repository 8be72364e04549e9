/**
 * "Find again" benchmark: all of Reuters-21578 imported without extraction, then extraction run again over
 * every document (the Entities screen's Find again), in the main thread alone and with the import's worker
 * threads; prints wall and CPU seconds of each (CPU of the whole process, its workers included), the load
 * average, and whether the two stored the same rows. Run through `npm run bench:refind` (or `npm run bench`);
 * the data path is the first argument, the built worker (out/main/findWorker.js, `npm run build`) the second;
 * a third, `main` or `workers`, runs only that one.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openCaseFile } from '../../src/main/engine/case/caseFile';
import { createEngine } from '../../src/main/engine/engine';
import { createAnalyzer } from '../../src/main/engine/entities/analyzer';
import { extractionRunner } from '../../src/main/engine/entities/extraction';
import { locateResources } from '../../src/main/engine/extract/pipeline';
import type { FindWorkerOptions } from '../../src/main/engine/ingest/findPool';

/** A hash of what extraction stores, without the clock's columns (as scripts/case-digest.mjs). */
function digest(db: Database): string {
  const hash = createHash('sha256');
  for (const sql of [
    'SELECT id, meta FROM documents ORDER BY id',
    'SELECT id, kind, subtype, name, status, attributes FROM entities ORDER BY id',
    'SELECT entity_id, alias, folded, skeleton FROM entity_aliases ORDER BY entity_id, alias',
    'SELECT * FROM mentions ORDER BY id',
    'SELECT * FROM places ORDER BY entity_id',
    'SELECT * FROM time_mentions ORDER BY id',
    'SELECT * FROM claims ORDER BY id',
    'SELECT * FROM events ORDER BY id',
    'SELECT * FROM relation_suggestions ORDER BY id',
  ]) {
    for (const row of db.prepare(sql).raw().iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? join(process.cwd(), '..', 'shared', 'data', 'reuters21578');
  const script = process.argv[3] ?? join(process.cwd(), 'out', 'main', 'findWorker.js');
  const only = process.argv[4];
  const files = readdirSync(dataDir).filter((name) => name.endsWith('.sgm'));
  if (files.length === 0) throw new Error(`No .sgm files in ${dataDir}; pass the Reuters-21578 folder as the first argument.`);
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-refind-'));
  try {
    const imported = join(work, 'reuters.dossier');
    const engine = createEngine();
    try {
      await engine.handlers['cases.create']({ path: imported, title: 'Reuters-21578' });
      const report = await engine.startImport(files.map((name) => ({ path: join(dataDir, name) })), { extract: false }).finished;
      console.log(`find again over ${report.imported.length} Reuters documents (imported without extraction)`);
    } finally {
      engine.dispose();
    }
    const resourcesDir = locateResources();
    // Loaded before the clock starts, as the session has it cached; the workers' own copies are counted.
    const analyzer = createAnalyzer(resourcesDir, null);
    const workers: FindWorkerOptions = { recipe: () => ({ resourcesDir, extracts: [] }), script };
    const runs = [
      { name: 'main', label: 'main thread only', workers: undefined },
      { name: 'workers', label: `worker threads (${Math.max(1, availableParallelism() - 1)}) + main thread storing`, workers },
    ].filter((run) => !only || run.name === only);
    const digests: string[] = [];
    for (const run of runs) {
      const path = join(work, `${run.name}.dossier`);
      copyFileSync(imported, path);
      const { db } = openCaseFile(path);
      try {
        const [loadBefore = 0] = loadavg();
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const progress = await extractionRunner(db, undefined, () => analyzer, run.workers).start().finished;
        const wall = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        digests.push(digest(db));
        console.log(
          `  ${run.label.padEnd(44)} ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; ${progress.done} documents, ` +
            `${progress.suggested} rows suggested (${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after; rows ${digests.at(-1)})`,
        );
      } finally {
        db.close();
      }
    }
    if (digests.length === 2) console.log(`  the same rows: ${digests[0] === digests[1] ? 'yes' : 'NO'}`);
    console.log(`  peak memory (max RSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
