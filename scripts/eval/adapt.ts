// The analyst-adaptation evaluation behind `npm run eval:adapt`: for each data set, a case file with every
// document imported (extraction on), a simulated analyst who reviews 20% of them through the engine's
// handlers (accepts right suggestions, retypes mistyped ones, rejects wrong ones, marks missed names), a
// re-score of the unreviewed suggestions, and exact-span P/R/F1 (PER/ORG/LOC) on the other 80% before and
// after. ADAPT_DEBUG=1 also counts how the gold names of the scored 80% changed and the errors by kind, ADAPT_DEBUG=2
// prints the learned rules too, ADAPT_DEBUG=3 the errors by shape (adaptDebug.ts; aggregates only).
// ADAPT_SPLIT picks the reviewed 20%: 'first' (the default), 'last', 'fifth' (every fifth document from the
// first) or 'all' (each of the three in turn), so that a gain on one choice of documents can be checked on
// others. ADAPT_SETS lists the data sets (default 'wikigold,re3d'; 'gum' adds GUM's dev and test documents,
// which the shipped tagger was trained on: see gum.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityType } from '../../src/shared/entities';
import type { RescoreProgress } from '../../src/shared/learning';
import { createEngine } from '../../src/main/engine/engine';
import { readConll } from './conll';
import { describeRedrawings, errorKinds } from './adaptDebug';
import { readGum } from './gum';
import { loadSubset, splits } from './re3d';

interface GoldSpan {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

interface Article {
  readonly text: string;
  /** Every gold name, 'other' included: the analyst retypes a suggestion to 'other' when the gold says MISC or Nationality. */
  readonly gold: readonly GoldSpan[];
}

const REVIEWED_SHARE = 0.2;
const Splits = ['first', 'last', 'fifth'] as const;
type Split = (typeof Splits)[number];

/** The indices of the documents the analyst reviews under `split`. */
function reviewedOf(count: number, split: Split): Set<number> {
  const share = Math.round(count * REVIEWED_SHARE);
  const indices = [...Array(count).keys()];
  if (split === 'first') return new Set(indices.slice(0, share));
  if (split === 'last') return new Set(indices.slice(count - share));
  return new Set(indices.filter((index) => index % 5 === 0));
}
const SCORED: readonly EntityType[] = ['person', 'organization', 'location'];
const conllTypes: Record<string, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'location', MISC: 'other' };

function wikigoldArticles(path: string): Article[] {
  return readConll(path, Object.keys(conllTypes)).map((document) => ({
    text: document.text,
    gold: [...document.gold].map((span) => {
      const [first, end, kind] = span.split(':');
      return { start: document.starts[Number(first)]!, end: document.ends[Number(end) - 1]!, type: conllTypes[kind!]! };
    }),
  }));
}

/**
 * re3d's held-out subsets (the tagger trains on the development ones) interleaved document by
 * document, so that the reviewed fifth draws on both sources.
 */
function re3dArticles(folder: string): Article[] {
  const subsets = splits['held-out'].map((name) => loadSubset(join(folder, name)));
  const articles: Article[] = [];
  for (let index = 0; articles.length < subsets.reduce((sum, subset) => sum + subset.length, 0); index += 1) {
    for (const subset of subsets) {
      const document = subset[index];
      if (document) articles.push({ text: document.text, gold: document.entities.map(({ start, end, type }) => ({ start, end, type })) });
    }
  }
  return articles;
}

/**
 * Carries spans over from `from` to `to`, a copy whose white space differs: characters other than
 * white space are walked in step; a span is kept when both its ends were reached.
 */
function alignSpans(from: string, to: string, spans: readonly GoldSpan[]): GoldSpan[] {
  const at = new Int32Array(from.length + 1).fill(-1);
  let j = 0;
  for (let i = 0; i < from.length; i += 1) {
    if (/\s/u.test(from[i]!)) continue;
    while (j < to.length && /\s/u.test(to[j]!)) j += 1;
    if (j >= to.length || to[j] !== from[i]) break;
    at[i] = j;
    j += 1;
  }
  return spans.flatMap((span) => {
    const start = at[span.start]!;
    const last = at[span.end - 1]!;
    return start >= 0 && last >= 0 ? [{ start, end: last + 1, type: span.type }] : [];
  });
}

interface Counts {
  correct: number;
  predicted: number;
  gold: number;
}

function f1({ correct, predicted, gold }: Counts): { precision: number; recall: number; f1: number } {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function gumArticles(path: string): Article[] {
  return readGum(path).map((document) => ({ text: document.text, gold: document.gold.map(({ start, end, kind }) => ({ start, end, type: conllTypes[kind] ?? 'other' })) }));
}

async function evaluate(label: string, original: readonly Article[], split: Split): Promise<number> {
  let articles = original;
  const folder = mkdtempSync(join(tmpdir(), 'dossier-adapt-'));
  let finished: (progress: RescoreProgress) => void = () => undefined;
  const engine = createEngine({
    emit: (event, payload) => {
      if (event === 'learning.rescoreFinished') finished(payload as RescoreProgress);
    },
  });
  try {
    const files = articles.map((article, index) => {
      const file = join(folder, `${String(index).padStart(4, '0')}.txt`);
      writeFileSync(file, article.text);
      return file;
    });
    await engine.handlers['cases.create']({ path: join(folder, 'adapt.dossier'), title: `Adapt ${label}` });
    const db = engine.currentCase()!.db;
    const ids: number[] = [];
    // One file at a time, so that document ids follow the articles' order.
    for (const file of files) {
      const report = await engine.startImport([{ path: file }]).finished;
      const imported = report.imported[0];
      if (!imported) throw new Error(`${file} was not imported: ${JSON.stringify(report.failed)}`);
      ids.push(imported.documentId);
    }
    // Import tidies white space (line ends, runs of spaces); the gold spans are carried over onto the stored text.
    articles = articles.map((article, index) => {
      const { text } = db.prepare('SELECT text FROM documents WHERE id = ?').get(ids[index]) as { text: string };
      const moved = alignSpans(article.text, text, article.gold);
      if (moved.length < article.gold.length) console.warn(`  document ${index}: ${article.gold.length - moved.length} gold names lost on import`);
      return { text, gold: moved };
    });

    const reviewedSet = reviewedOf(articles.length, split);
    const scoredIndices = [...articles.keys()].filter((index) => !reviewedSet.has(index));
    const score = (): Map<string, Counts> => {
      const counts = new Map<string, Counts>([...SCORED, 'all'].map((type) => [type, { correct: 0, predicted: 0, gold: 0 }]));
      const count = (type: string, field: keyof Counts): void => {
        counts.get(type)![field] += 1;
        counts.get('all')![field] += 1;
      };
      for (const index of scoredIndices) {
        const gold = new Set(articles[index]!.gold.filter((span) => SCORED.includes(span.type)).map((span) => `${span.start}:${span.end}:${span.type}`));
        for (const span of gold) count(span.slice(span.lastIndexOf(':') + 1), 'gold');
        const mentions = db.prepare("SELECT start, end, type FROM mentions WHERE document_id = ? AND status != 'rejected'").all(ids[index]) as GoldSpan[];
        for (const mention of mentions) {
          if (!SCORED.includes(mention.type)) continue;
          count(mention.type, 'predicted');
          if (gold.has(`${mention.start}:${mention.end}:${mention.type}`)) count(mention.type, 'correct');
        }
      }
      return counts;
    };
    const snapshot = (): Map<string, string> =>
      new Map(
        (db.prepare("SELECT document_id, start, end, type FROM mentions WHERE status != 'rejected'").all() as { document_id: number; start: number; end: number; type: string }[]).map(
          (row) => [`${row.document_id}:${row.start}:${row.end}`, row.type],
        ),
      );
    const was = snapshot();
    const before = score();

    // The simulated analyst, through the same handlers as the app's Entities screen and reader.
    const decisions = { accept: 0, retype: 0, reject: 0, mark: 0, refused: 0 };
    const verdicts = new Map<string, number>();
    for (const index of reviewedSet) {
      const article = articles[index]!;
      const documentId = ids[index]!;
      const goldAt = new Map(article.gold.map((span) => [`${span.start}:${span.end}`, span]));
      for (const mention of await engine.handlers['mentions.forDocument']({ documentId })) {
        if (mention.status !== 'suggested') continue;
        const gold = goldAt.get(`${mention.start}:${mention.end}`);
        if (!gold) {
          await engine.handlers['mentions.setStatus']({ id: mention.id, status: 'rejected' });
          decisions.reject += 1;
          verdicts.set(`${mention.type} -> reject`, (verdicts.get(`${mention.type} -> reject`) ?? 0) + 1);
        } else if (gold.type === mention.type) {
          await engine.handlers['mentions.setStatus']({ id: mention.id, status: 'confirmed' });
          decisions.accept += 1;
        } else {
          await engine.handlers['mentions.relink']({ id: mention.id, type: gold.type });
          decisions.retype += 1;
          verdicts.set(`${mention.type} -> ${gold.type}`, (verdicts.get(`${mention.type} -> ${gold.type}`) ?? 0) + 1);
        }
      }
      const live = new Set(
        (await engine.handlers['mentions.forDocument']({ documentId })).filter((mention) => mention.status !== 'rejected').map((mention) => `${mention.start}:${mention.end}`),
      );
      for (const gold of article.gold) {
        if (!SCORED.includes(gold.type) || live.has(`${gold.start}:${gold.end}`)) continue;
        try {
          await engine.handlers['mentions.create']({ documentId, start: gold.start, end: gold.end, type: gold.type });
          decisions.mark += 1;
        } catch {
          // Nested gold names (re3d) overlap one already marked; the engine refuses overlapping mentions.
          decisions.refused += 1;
        }
      }
    }
    if (process.env.ADAPT_DEBUG) console.log(`  review's changes: ${[...verdicts].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ${count}`).join(', ')}`);
    if (process.env.ADAPT_DEBUG === '3') console.log(`  ${describeRedrawings(db)}`);
    const summary = await engine.handlers['learning.summary']({});
    // ADAPT_DEBUG=2 prints the learned rules (patterns and edge conventions: general traits, as the Learned… modal shows them).
    if (process.env.ADAPT_DEBUG === '2') console.log(JSON.stringify({ patterns: summary.patterns, edges: summary.edges, contextInUse: summary.contextInUse, corrected: summary.corrected }));
    const done = new Promise<RescoreProgress>((resolve) => (finished = resolve));
    await engine.handlers['learning.rescore']({});
    const rescored = await done;
    const after = score();
    if (process.env.ADAPT_DEBUG) {
      const now = snapshot();
      const tally = new Map<string, number>();
      for (const index of scoredIndices) {
        for (const gold of articles[index]!.gold) {
          const key = `${ids[index]}:${gold.start}:${gold.end}`;
          const transition = `${gold.type}: ${was.get(key) ?? '-'} -> ${now.get(key) ?? '-'}`;
          if (was.get(key) !== now.get(key)) tally.set(transition, (tally.get(transition) ?? 0) + 1);
        }
      }
      for (const [key, value] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`    ${key} ${value}`);
      console.log('  errors before -> after:');
      const scoredArticles = scoredIndices.map((index) => ({ id: ids[index]!, ...articles[index]! }));
      const reviewedArticles = [...reviewedSet].map((index) => articles[index]!);
      const detail = process.env.ADAPT_DEBUG === '3';
      const errorsBefore = errorKinds(was, scoredArticles, reviewedArticles, detail);
      const errorsAfter = errorKinds(now, scoredArticles, reviewedArticles, detail);
      for (const key of [...new Set([...errorsBefore.keys(), ...errorsAfter.keys()])].sort()) console.log(`    ${key.padEnd(44)} ${errorsBefore.get(key) ?? 0} -> ${errorsAfter.get(key) ?? 0}`);
    }

    console.log(`${label}: ${articles.length} documents; the analyst reviewed ${reviewedSet.size} (${split}), the other ${scoredIndices.length} are scored`);
    console.log(
      `  review: ${decisions.accept} accepted, ${decisions.retype} retyped, ${decisions.reject} rejected, ${decisions.mark} marked by hand` +
        (decisions.refused ? ` (${decisions.refused} nested names refused)` : ''),
    );
    console.log(
      `  learned: ${summary.stopped.length} names stopped, ${summary.corrected.length} type corrections, ${summary.added.length} names added, ${summary.accepted} accepted, ${summary.patterns.length} patterns, ${summary.edges.length} edge conventions, ${summary.contextFeatures} context features`,
    );
    console.log(`  re-score: ${rescored.added} suggestions added, ${rescored.removed} removed`);
    for (const type of [...SCORED, 'all']) {
      const was = f1(before.get(type)!);
      const now = f1(after.get(type)!);
      console.log(
        `  ${type.padEnd(12)} before P ${was.precision.toFixed(3)} R ${was.recall.toFixed(3)} F1 ${was.f1.toFixed(3)}   after P ${now.precision.toFixed(3)} R ${now.recall.toFixed(3)} F1 ${now.f1.toFixed(3)}   (${now.f1 - was.f1 >= 0 ? '+' : ''}${(now.f1 - was.f1).toFixed(3)})`,
      );
    }
    return f1(after.get('all')!).f1 - f1(before.get('all')!).f1;
  } finally {
    engine.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [wikigold, re3d, gum] = process.argv.slice(2);
  const chosen = process.env.ADAPT_SPLIT ?? 'first';
  const splitsRun: readonly Split[] = chosen === 'all' ? Splits : Splits.includes(chosen as Split) ? [chosen as Split] : [];
  if (splitsRun.length === 0) throw new Error(`ADAPT_SPLIT is 'first', 'last', 'fifth' or 'all', not '${chosen}'`);
  const sets = (process.env.ADAPT_SETS ?? 'wikigold,re3d').split(',');
  const readers: Record<string, () => Article[]> = { wikigold: () => wikigoldArticles(wikigold!), re3d: () => re3dArticles(re3d!), gum: () => gumArticles(gum!) };
  const gains: string[] = [];
  for (const set of sets) {
    const read = readers[set];
    if (!read) throw new Error(`ADAPT_SETS names wikigold, re3d or gum, not '${set}'`);
    const articles = read();
    for (const split of splitsRun) gains.push(`${set}/${split} ${(await evaluate(set, articles, split)).toFixed(3)}`);
  }
  console.log(`F1 gain on the unreviewed 80%: ${gains.join(', ')} (target >= 0.05 each)`);
}

void main();
