/**
 * Briefing export benchmark: imports Reuters-21578 with entity extraction into a fresh case, adds
 * analyst notes, and times exporting a briefing of about 20 pages (actors, map, graph, a chronology
 * of 150 dated stories, 40 quoted excerpts). Run through `npm run bench:brief`; the data path is
 * the first argument.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/main/engine/engine';

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? join(process.cwd(), '..', 'shared', 'data', 'reuters21578');
  const files = readdirSync(dataDir).filter((name) => name.endsWith('.sgm'));
  if (files.length === 0) throw new Error(`No .sgm files in ${dataDir}; pass the Reuters-21578 folder as the first argument.`);
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-brief-'));
  const engine = createEngine();
  try {
    await engine.handlers['cases.create']({ path: join(work, 'reuters.dossier'), title: 'Reuters-21578' });
    let started = performance.now();
    await engine.startImport(files.map((name) => ({ path: join(dataDir, name) }))).finished;
    const info = await engine.handlers['cases.current']({});
    console.log(`import with extraction: ${info?.counts.documents} documents, ${info?.counts.entities} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const db = engine.currentCase()!.db;
    const dated = db.prepare('SELECT id FROM documents WHERE published_at IS NOT NULL ORDER BY id LIMIT 150 OFFSET 1000').all() as { id: number }[];
    for (const { id } of dated.slice(0, 40)) {
      const document = await engine.handlers['documents.get']({ id });
      const end = Math.min(document.text.length, 180);
      if (end > 20) await engine.handlers['notes.create']({ documentId: id, start: 0, end, body: 'Lead of the story; check against the exchange filing.' });
    }
    const draft = await engine.handlers['briefings.draft']({});
    const spec = {
      ...draft,
      summary: '**Bottom line:** benchmark briefing of the Reuters-21578 newswire.\n\n- Markets\n- Commodities',
      sections: [
        { kind: 'actors' as const },
        { kind: 'places' as const },
        { kind: 'relationships' as const },
        { kind: 'chronology' as const, documentIds: dated.map((row) => row.id) },
        { kind: 'excerpts' as const },
      ],
    };
    const samples: number[] = [];
    let pages = 0;
    for (let run = 0; run < 3; run += 1) {
      started = performance.now();
      const result = await engine.handlers['briefings.export']({ spec, path: join(work, `briefing-${run}.pdf`) });
      samples.push(performance.now() - started);
      pages = result.pages;
    }
    samples.sort((a, b) => a - b);
    console.log(
      `briefing export: ${pages} pages, median ${(samples[1]! / 1000).toFixed(2)} s (first ${(samples[0]! / 1000).toFixed(2)}–${(samples[2]! / 1000).toFixed(2)} s; the first run also loads fonts and the basemap)`,
    );
  } finally {
    engine.dispose();
    if (process.env.DOSSIER_BENCH_KEEP) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
