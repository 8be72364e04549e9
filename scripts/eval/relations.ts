// Scores the reading layer's suggested links on re3d (P/R/F1 per type), through our own entity
// mentions (end to end) and through the gold entity spans, on a development and a held-out split.
// Run through scripts/eval-relations.mjs, which bundles this file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExtractor } from '../../src/main/engine/extract/index';
import type { MentionType } from '../../src/main/engine/extract/index';
import type { MentionInput } from '../../src/main/engine/reading/document';
import { readText } from '../../src/main/engine/reading/index';
import type { Relation, RelationType } from '../../src/main/engine/reading/relations';

const relationOf: Record<string, RelationType> = {
  FightingAgainst: 'opposes',
  AlliesOf: 'allied_with',
  InChargeOf: 'leads',
  BelongsTo: 'member_of',
  CommWith: 'communicates_with',
  CoLocated: 'located_in',
};
// re3d's CoLocated, AlliesOf and CommWith carry no direction; the others go source → target as ours do.
const unordered = new Set<RelationType>(['located_in', 'allied_with', 'communicates_with']);
const types: RelationType[] = ['opposes', 'allied_with', 'leads', 'member_of', 'communicates_with', 'located_in'];
const entityType: Record<string, MentionType> = { Person: 'person', Organisation: 'organization', Location: 'location', Nationality: 'other' };

interface Gold {
  readonly type: RelationType;
  readonly source: [number, number];
  readonly target: [number, number];
}

interface Document {
  readonly text: string;
  readonly gold: Gold[];
  readonly entities: MentionInput[];
}

function readJsonLines(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function loadSubset(folder: string): Document[] {
  const documents = new Map<string, Document>();
  for (const row of readJsonLines(join(folder, 'documents.json'))) documents.set(row._id as string, { text: row.text as string, gold: [], entities: [] });
  for (const row of readJsonLines(join(folder, 'entities.json'))) {
    const type = entityType[row.type as string];
    const document = documents.get(row.documentId as string);
    if (!type || !document) continue;
    const start = row.begin as number;
    const end = row.end as number;
    document.entities.push({ start, end, text: document.text.slice(start, end), type });
  }
  for (const row of readJsonLines(join(folder, 'relations.json'))) {
    const type = relationOf[row.type as string];
    const document = documents.get(row.documentId as string);
    if (!type || !document) continue;
    const gold: Gold = { type, source: [row.sourceBegin as number, row.sourceEnd as number], target: [row.targetBegin as number, row.targetEnd as number] };
    // Many links are written both ways; an unordered one counts once.
    const duplicate = document.gold.some(
      (other) =>
        other.type === type &&
        ((same(other.source, gold.source) && same(other.target, gold.target)) || (unordered.has(type) && same(other.source, gold.target) && same(other.target, gold.source))),
    );
    if (!duplicate) document.gold.push(gold);
  }
  return [...documents.values()];
}

const same = (a: [number, number], b: [number, number]): boolean => a[0] === b[0] && a[1] === b[1];
const overlaps = (span: { start: number; end: number }, gold: [number, number]): boolean => span.start < gold[1] && gold[0] < span.end;

function matches(prediction: Relation, gold: Gold): boolean {
  if (prediction.type !== gold.type) return false;
  if (overlaps(prediction.source, gold.source) && overlaps(prediction.target, gold.target)) return true;
  return unordered.has(gold.type) && overlaps(prediction.source, gold.target) && overlaps(prediction.target, gold.source);
}

interface Tally {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}

function score(documents: Document[], mentionsOf: (document: Document) => readonly MentionInput[], verbose: boolean): Map<string, Tally> {
  const tallies = new Map<string, Tally>([...types, 'all'].map((type) => [type, { predicted: 0, correct: 0, gold: 0, found: 0 }]));
  for (const document of documents) {
    const { relations } = readText(document.text, { mentions: mentionsOf(document) });
    for (const prediction of relations) {
      const right = document.gold.some((gold) => matches(prediction, gold));
      for (const key of [prediction.type, 'all']) {
        tallies.get(key)!.predicted += 1;
        if (right) tallies.get(key)!.correct += 1;
      }
      if (verbose && !right) {
        const sentence = document.text.slice(prediction.evidence.start, prediction.evidence.end).replace(/\s+/g, ' ');
        console.log(`  wrong ${prediction.type}: [${prediction.source.text}] → [${prediction.target.text}] (${prediction.cue?.text ?? ''}) :: ${sentence.slice(0, 220)}`);
      }
    }
    for (const gold of document.gold) {
      const found = relations.some((prediction) => matches(prediction, gold));
      for (const key of [gold.type, 'all']) {
        tallies.get(key)!.gold += 1;
        if (found) tallies.get(key)!.found += 1;
      }
      if (verbose && !found && process.env.MISSES) {
        const from = Math.min(gold.source[0], gold.target[0]);
        const to = Math.max(gold.source[1], gold.target[1]);
        console.log(`  missed ${gold.type}: [${document.text.slice(...gold.source)}] → [${document.text.slice(...gold.target)}] :: ${document.text.slice(from, to).replace(/\s+/g, ' ').slice(0, 200)}`);
      }
    }
  }
  return tallies;
}

function print(label: string, tallies: Map<string, Tally>): void {
  console.log(`\n${label}`);
  console.log(`${'type'.padEnd(20)}${'pred'.padStart(6)}${'gold'.padStart(6)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`);
  for (const [type, tally] of tallies) {
    const precision = tally.predicted ? tally.correct / tally.predicted : 0;
    const recall = tally.gold ? tally.found / tally.gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    console.log(`${type.padEnd(20)}${String(tally.predicted).padStart(6)}${String(tally.gold).padStart(6)}${precision.toFixed(2).padStart(7)}${recall.toFixed(2).padStart(7)}${f1.toFixed(2).padStart(7)}`);
  }
}

const [root, modelDir, verboseFlag] = process.argv.slice(2);
const verbose = verboseFlag === '--verbose';
const splits = {
  development: ['centcom', 'uk-government'],
  'held-out': ['us-state-department', 'australian-department-of-foreign-affairs'],
};
const extractor = loadExtractor(modelDir);
for (const [split, folders] of Object.entries(splits)) {
  const documents = folders.flatMap((folder) => loadSubset(join(root!, folder)));
  const relations = documents.reduce((sum, document) => sum + document.gold.length, 0);
  console.log(`\n=== ${split}: ${folders.join(' + ')} (${documents.length} documents, ${relations} gold links of the six types)`);
  if (verbose) console.log('-- end to end');
  print(`${split}, end to end (our entity mentions)`, score(documents, (document) => extractor.extract(document.text), verbose));
  if (verbose) console.log('-- gold spans');
  print(`${split}, gold entity spans`, score(documents, (document) => document.entities, verbose));
}
