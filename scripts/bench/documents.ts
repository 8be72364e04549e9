/**
 * Import and search benchmark: imports the Reuters-21578 newswire into a fresh case and prints
 * documents/s, MB/s, peak memory, and search latency p50/p95 over 200 queries.
 * Run through `npm run bench` (which bundles this file); the data path is the first argument.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/main/engine/engine';

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/** 200 queries of the kinds analysts type: names, places, phrases, prefixes, booleans, fields. */
function buildQueries(dataDir: string): string[] {
  const read = (name: string): string[] =>
    readFileSync(join(dataDir, name), 'latin1')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[a-z]+$/.test(line));
  const places = read('all-places-strings.lc.txt');
  const topics = read('all-topics-strings.lc.txt');
  const queries: string[] = [];
  for (let index = 0; queries.length < 200; index += 1) {
    const place = places[(index * 7) % places.length]!;
    const topic = topics[(index * 11) % topics.length]!;
    switch (index % 6) {
      case 0: queries.push(place); break;
      case 1: queries.push(`${topic} ${place}`); break;
      case 2: queries.push(`"${topic} prices"`); break;
      case 3: queries.push(`${place.slice(0, 4)}*`); break;
      case 4: queries.push(`${topic} OR ${place} NOT oil`); break;
      default: queries.push(`title:${topic}`);
    }
  }
  return queries;
}

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? join(process.cwd(), '..', 'shared', 'data', 'reuters21578');
  const files = readdirSync(dataDir).filter((name) => name.endsWith('.sgm'));
  if (files.length === 0) throw new Error(`No .sgm files in ${dataDir}; pass the Reuters-21578 folder as the first argument.`);
  const megabytes = files.reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0) / 1e6;
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const engine = createEngine();
  try {
    await engine.handlers['cases.create']({ path: join(work, 'reuters.dossier'), title: 'Reuters-21578' });
    const started = performance.now();
    const report = await engine.startImport(files.map((name) => ({ path: join(dataDir, name) })), { extract: false }).finished;
    const seconds = (performance.now() - started) / 1000;
    const documents = report.imported.length;
    console.log(`import  ${files.length} files, ${megabytes.toFixed(1)} MB: ${documents} documents in ${seconds.toFixed(2)} s`);
    console.log(`        ${(documents / seconds).toFixed(0)} documents/s, ${(megabytes / seconds).toFixed(1)} MB/s, ${report.failed.length} failed, ${report.duplicates.length} duplicates`);
    console.log(`        peak memory (max RSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

    const queries = buildQueries(dataDir);
    const timings: number[] = [];
    let hits = 0;
    for (const search of queries) {
      const begin = performance.now();
      const page = await engine.handlers['documents.list']({ search, sort: 'relevance', direction: 'desc', offset: 0, limit: 50 });
      timings.push(performance.now() - begin);
      hits += page.total;
    }
    timings.sort((a, b) => a - b);
    console.log(
      `search  ${queries.length} queries (ranked, 50 rows with snippets and total): p50 ${percentile(timings, 0.5).toFixed(2)} ms, ` +
        `p95 ${percentile(timings, 0.95).toFixed(2)} ms, max ${timings.at(-1)!.toFixed(2)} ms (${hits} hits in all)`,
    );
    // Entity extraction on import, on the first two files (it runs about five times slower than the rest).
    await engine.handlers['cases.create']({ path: join(work, 'extract.dossier'), title: 'Extraction' });
    const sample = files.slice(0, 2);
    const sampleMegabytes = sample.reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0) / 1e6;
    const extractStart = performance.now();
    const extracted = await engine.startImport(sample.map((name) => ({ path: join(dataDir, name) }))).finished;
    const extractSeconds = (performance.now() - extractStart) / 1000;
    const entities = (await engine.handlers['cases.current']({}))?.counts.entities ?? 0;
    console.log(
      `extract ${sample.length} files, ${sampleMegabytes.toFixed(1)} MB imported with extraction: ${extracted.imported.length} documents, ` +
        `${entities} entities in ${extractSeconds.toFixed(2)} s (${(sampleMegabytes / extractSeconds).toFixed(2)} MB/s)`,
    );
    await engine.handlers['cases.open']({ path: join(work, 'reuters.dossier') });

    const listStart = performance.now();
    await engine.handlers['documents.list']({ sort: 'publishedAt', direction: 'desc', offset: 15_000, limit: 200 });
    console.log(`list    200 rows at offset 15,000 sorted by date: ${(performance.now() - listStart).toFixed(2)} ms`);
  } finally {
    engine.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
