// Scores the entity extractor on a CoNLL file or on re3d's held-out split (exact-span micro P/R/F1, PER/ORG/LOC; MISC ignored) and times it.
// Run through scripts/eval-ner.mjs, which bundles this file.
import { statSync, writeFileSync } from 'node:fs';
import { labels } from '../../src/main/engine/extract/features';
import { loadExtractor } from '../../src/main/engine/extract/index';
import type { MentionType } from '../../src/main/engine/extract/index';
import { loadTaggedSplit, unknownTag } from '../train/re3d';
import type { Document } from './conll';
import { readConll, scoredTypes } from './conll';

const typeNames: Partial<Record<MentionType, string>> = { person: 'PER', organization: 'ORG', location: 'LOC' };

/**
 * re3d's held-out split (scripts/train/re3d.ts; never trained on), on the documents' own text and the
 * extractor's own tokens: `npm run eval:ner -- ../shared/data/re3d`. NER_RE3D_SPLIT=development scores the
 * split the model is trained on (for the error lists of NER_DUMP, with a model trained with --holdout … only).
 */
function readRe3d(root: string): Document[] {
  const split = process.env.NER_RE3D_SPLIT === 'development' || process.env.NER_RE3D_FOLD ? 'development' : 'held-out';
  // NER_RE3D_FOLD=N/K: the development documents of cross-validation fold N of K (train:ner --folds K --save-folds).
  const [fold = 0, folds = 1] = (process.env.NER_RE3D_FOLD ?? '0/1').split('/').map(Number);
  return loadTaggedSplit(root, split).filter((_, index) => index % folds === fold).map(({ text, tokens, tags }) => {
    const gold = new Set<string>();
    const unknown = new Uint8Array(tags.length);
    let index = 0;
    while (index < tags.length) {
      if (tags[index] === unknownTag) unknown[index] = 1;
      const label = labels[tags[index]!];
      if (!label || label === 'O') {
        index += 1;
        continue;
      }
      const kind = label.slice(2);
      let end = index + 1;
      while (end < tags.length && labels[tags[end]!] === `I-${kind}`) end += 1;
      if (scoredTypes.includes(kind)) gold.add(`${index}:${end}:${kind}`);
      index = end;
    }
    return { text, starts: tokens.starts, ends: tokens.ends, gold, unknown };
  });
}

/** The token containing `offset` (binary search over token starts). */
function tokenAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function score(correct: number, predicted: number, gold: number): string {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return `P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (gold ${gold}, predicted ${predicted}, correct ${correct})`;
}

/** With NER_CONFUSION=1: what became of each gold span (aggregate counts only). */
function printConfusion(documents: Document[], predictions: Array<Set<string>>, allMentions: Array<Array<{ span: string; type: string }>>): void {
  const table = new Map<string, number>();
  documents.forEach((document, index) => {
    const byRange = new Map(allMentions[index]!.map((mention) => [mention.span, mention.type]));
    const covered = allMentions[index]!.map((mention) => mention.span.split(':').map(Number));
    for (const span of document.gold) {
      const [first, end, kind] = span.split(':');
      const found = byRange.get(`${first}:${end}`);
      let outcome: string;
      if (found === kind) outcome = 'correct';
      else if (found) outcome = `typed ${found}`;
      else if (covered.some(([start = 0, stop = 0]) => start < Number(end) && stop > Number(first))) outcome = 'boundary';
      else outcome = 'missed';
      const key = `${kind} -> ${outcome}`;
      table.set(key, (table.get(key) ?? 0) + 1);
    }
  });
  // The other way round: what each predicted name was in the gold (exact span of another type, overlap, nothing).
  documents.forEach((document, index) => {
    const goldByRange = new Map([...document.gold].map((span) => [span.slice(0, span.lastIndexOf(':')), span.slice(span.lastIndexOf(':') + 1)]));
    const goldRanges = [...goldByRange.keys()].map((range) => range.split(':').map(Number));
    for (const mention of allMentions[index]!) {
      if (mention.type === 'MISC') continue;
      const gold = goldByRange.get(mention.span);
      if (gold === mention.type) continue;
      const [first = 0, end = 0] = mention.span.split(':').map(Number);
      const outcome = gold ? `gold ${gold}` : goldRanges.some(([start = 0, stop = 0]) => start < end && stop > first) ? 'boundary' : 'no name';
      const key = `predicted ${mention.type} -> ${outcome}`;
      table.set(key, (table.get(key) ?? 0) + 1);
    }
  });
  for (const [key, value] of [...table].sort()) console.log(`  ${key.padEnd(30)} ${value}`);
  void predictions;
}

function dumpErrors(documents: Document[], allMentions: Array<Array<{ span: string; type: string }>>): void {
  documents.forEach((document, index) => {
    const words = (first: number, end: number): string => {
      const start = document.starts[first];
      const stop = document.ends[end - 1];
      return start === undefined || stop === undefined ? '?' : document.text.slice(start, stop).replace(/\n/g, ' / ');
    };
    const predicted = allMentions[index]!.map((mention) => ({ range: mention.span.split(':').map(Number), type: mention.type }));
    for (const span of document.gold) {
      const [first = 0, end = 0] = span.split(':').map(Number);
      const kind = span.slice(span.lastIndexOf(':') + 1);
      const overlapping = predicted.filter(({ range: [start = 0, stop = 0] }) => start < end && stop > first);
      if (overlapping.some(({ range: [start, stop], type }) => start === first && stop === end && type === kind)) continue;
      const found = overlapping.map(({ range: [start = 0, stop = 0], type }) => `${type}[${words(start, stop)}]`).join(' ') || '-';
      console.log(`MISS ${kind}[${words(first, end)}] <- ${found}   | ${words(Math.max(0, first - 4), Math.min(document.starts.length, end + 4))}`);
    }
    for (const { range: [start = 0, stop = 0], type } of predicted) {
      if (!['PER', 'ORG', 'LOC'].includes(type)) continue;
      const goldOverlap = [...document.gold].some((span) => {
        const [first = 0, end = 0] = span.split(':').map(Number);
        return start < end && stop > first;
      });
      if (!goldOverlap) console.log(`FALSE ${type}[${words(start, stop)}]   | ${words(Math.max(0, start - 4), Math.min(document.starts.length, stop + 4))}`);
    }
  });
}

function writePredictions(path: string, documents: Document[], predictions: Array<Set<string>>): void {
  const lines: string[] = [];
  documents.forEach((document, index) => {
    for (const span of predictions[index]!) {
      if (span.startsWith('cut')) continue;
      const [first = 0, end = 0] = span.split(':').map(Number);
      if (document.unknown?.subarray(first, end).some((flag) => flag === 1)) continue;
      const text = (from: number, to: number): string => from >= to ? '' : document.text.slice(document.starts[from], document.ends[to - 1]).replace(/\s+/g, ' ');
      const context = `${text(Math.max(0, first - 4), first)} [${text(first, end)}] ${text(end, Math.min(document.starts.length, end + 4))}`;
      lines.push(`${index}:${span}\t${document.gold.has(span) ? 'right' : 'wrong'}\t${context}`);
    }
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function main(): void {
  const path = process.argv[2]!;
  const modelDirectory = process.argv[3]!;
  const documents = statSync(path).isDirectory() ? readRe3d(path) : readConll(path);
  const loadStarted = process.hrtime.bigint();
  const extractor = loadExtractor(modelDirectory);
  const loadMilliseconds = Number(process.hrtime.bigint() - loadStarted) / 1e6;

  // Warm up once so that the figure is the steady state an import of many documents sees.
  for (const document of documents.slice(0, 20)) extractor.extract(document.text);
  const predictions: Array<Set<string>> = [];
  const allMentions: Array<Array<{ span: string; type: string }>> = [];
  let bytes = 0;
  // NER_RUNS=N times more runs, for steadier figures on a busy machine (the best run counts).
  const runs = Math.max(1, Number(process.env.NER_RUNS ?? 5));
  let best = Infinity;
  // CPU time as well as wall time: on a shared machine the wall clock also counts the time other processes had the core.
  let bestCpu = Infinity;
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    const current = documents.map((document) => extractor.extract(document.text));
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
    const cpu = process.cpuUsage(cpuStarted);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
    if (run === 0) {
      for (const [index, mentions] of current.entries()) {
        const document = documents[index]!;
        const spans = new Set<string>();
        allMentions.push(
          mentions.map((mention) => {
            const first = tokenAt(document.starts, mention.start);
            const last = tokenAt(document.starts, mention.end - 1);
            return { span: `${first}:${last + 1}`, type: typeNames[mention.type]! ?? 'MISC' };
          }),
        );
        for (const mention of mentions) {
          const kind = typeNames[mention.type]!;
          if (!kind) continue;
          const first = tokenAt(document.starts, mention.start);
          const last = tokenAt(document.starts, mention.end - 1);
          // A span that cuts a token can never match exactly; keep it as a miss.
          const aligned = document.starts[first]! === mention.start && document.ends[last]! === mention.end;
          spans.add(aligned ? `${first}:${last + 1}:${kind}` : `cut:${mention.start}:${mention.end}:${kind}`);
        }
        predictions.push(spans);
      }
    }
  }
  for (const document of documents) bytes += Buffer.byteLength(document.text, 'utf8');

  const counts = new Map<string, { correct: number; predicted: number; gold: number }>();
  for (const kind of [...scoredTypes, 'ALL']) counts.set(kind, { correct: 0, predicted: 0, gold: 0 });
  const count = (kind: string, field: 'correct' | 'predicted' | 'gold'): void => {
    const entry = counts.get(kind);
    const all = counts.get('ALL');
    if (entry && all) {
      entry[field] += 1;
      all[field] += 1;
    }
  };
  documents.forEach((document, index) => {
    for (const span of document.gold) count(span.slice(span.lastIndexOf(':') + 1), 'gold');
    for (const span of predictions[index]!) {
      const [first = 0, end = 0] = span.split(':').map(Number);
      if (document.unknown && !span.startsWith('cut') && document.unknown.subarray(first, end).some((flag) => flag === 1)) continue;
      const kind = span.slice(span.lastIndexOf(':') + 1);
      count(kind, 'predicted');
      if (document.gold.has(span)) count(kind, 'correct');
    }
  });
  if (process.env.NER_CONFUSION) printConfusion(documents, predictions, allMentions);
  // NER_DUMP=1 lists every gold span the extractor got wrong with what it found there: for the held-out
  // development sets only (GUM dev+test, BTC dev), never for an evaluation set.
  if (process.env.NER_DUMP) dumpErrors(documents, allMentions);
  // NER_PREDICTIONS=FILE writes each scored prediction with its verdict, to compare two versions of the rules line by line.
  if (process.env.NER_PREDICTIONS) writePredictions(process.env.NER_PREDICTIONS, documents, predictions);
  console.log(`${path}: ${documents.length} documents, ${(bytes / 1e6).toFixed(3)} MB`);
  for (const [kind, entry] of counts) console.log(`${kind.padEnd(4)} ${score(entry.correct, entry.predicted, entry.gold)}`);
  console.log(
    `load ${loadMilliseconds.toFixed(1)} ms; extraction ${(bytes / 1e6 / best).toFixed(2)} MB/s on one core (best of ${runs}, ${(best * 1000).toFixed(0)} ms; ` +
      `${(bytes / 1e6 / bestCpu).toFixed(2)} MB/s of CPU time)`,
  );
}

main();
