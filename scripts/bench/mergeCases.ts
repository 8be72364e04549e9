/**
 * Merge benchmark (figures, never a test): two cases of about 10,000 Reuters-21578 documents each,
 * half of them shared, merged one into the other; the review of its look-alike pairs (listing them, one
 * decision and its undo); then the merge again (nothing to add), undo and redo.
 *   node scripts/bench-merge.mjs [REUTERS_DIR] [--extract]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/main/engine/engine';

const args = process.argv.slice(2);
const extract = args.includes('--extract');
const reuters = args.find((arg) => !arg.startsWith('--'))!;
const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-merge-'));
const file = (index: number) => join(reuters, `reut2-${String(index).padStart(3, '0')}.sgm`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function build(path: string, title: string, files: number[]): Promise<void> {
  const engine = createEngine();
  await engine.handlers['cases.create']({ path, title });
  const started = performance.now();
  const report = await engine.startImport(files.map((index) => ({ path: file(index) })), { extract }).finished;
  const info = await engine.handlers['cases.current']({});
  console.log(`built ${title}: ${report.imported.length} files, ${info!.counts.documents} documents, ${info!.counts.entities} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  engine.dispose();
}

async function main(): Promise<void> {
  const into = join(dir, 'into.dossier');
  const from = join(dir, 'from.dossier');
  await build(into, 'Into', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  await build(from, 'From', [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  console.log(`files: into ${mb(statSync(into).size)}, from ${mb(statSync(from).size)}`);

  const engine = createEngine();
  await engine.handlers['cases.open']({ path: into });
  const rssBefore = process.memoryUsage().rss;
  const timed = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await run();
    const rss = process.memoryUsage().rss;
    console.log(`${label.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(2)} s   rss ${mb(rss)} (+${mb(rss - rssBefore)})   peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`);
    return result;
  };
  const report = await timed('merge', () => engine.handlers['exchange.merge']({ path: from }));
  console.log(`  joined ${JSON.stringify(report.joined)}\n  added ${JSON.stringify(report.added)}\n  doubtful ${report.doubtful.length}, conflicts ${report.conflicts.length}`);
  const pairs = await timed('review: waiting pairs', () => engine.handlers['exchange.doubtful']({}));
  console.log(`  ${pairs.length} pairs described`);
  const pair = pairs.find((candidate) => candidate.here && candidate.added);
  if (pair) {
    await timed('review: same (merge pair)', () => engine.handlers['exchange.decide']({ mergeId: pair.mergeId, addedEntityId: pair.addedEntityId, decision: 'same' }));
    await timed('review: undo the decision', () => engine.handlers['history.undo']({}));
  }
  const again = await timed('merge again (no-op)', () => engine.handlers['exchange.merge']({ path: from }));
  console.log(`  changed: ${again.changed}`);
  await timed('undo', () => engine.handlers['history.undo']({}));
  await timed('redo', () => engine.handlers['history.redo']({}));
  engine.dispose();
  console.log(`merged file: ${mb(statSync(into).size)}`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
