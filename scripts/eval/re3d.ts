// Reads re3d (dstl/re3d) subsets for the relation evaluation and the relation trainer: each
// document's text, its gold entity spans (four types mapped to ours) and its gold links mapped to
// our relation vocabulary, plus the splits both scripts agree on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MentionType } from '../../src/main/engine/extract/index';
import type { MentionInput } from '../../src/main/engine/reading/document';
import type { RelationType } from '../../src/main/engine/reading/relations';

export const relationOf: Record<string, RelationType> = {
  FightingAgainst: 'opposes',
  AlliesOf: 'allied_with',
  InChargeOf: 'leads',
  BelongsTo: 'member_of',
  CommWith: 'communicates_with',
  CoLocated: 'located_in',
};
/** re3d's CoLocated, AlliesOf and CommWith carry no direction; the others go source → target as ours do. */
export const unordered: ReadonlySet<RelationType> = new Set<RelationType>(['located_in', 'allied_with', 'communicates_with']);
export const relationTypes: readonly RelationType[] = ['opposes', 'allied_with', 'leads', 'member_of', 'communicates_with', 'located_in'];
const entityType: Record<string, MentionType> = { Person: 'person', Organisation: 'organization', Location: 'location', Nationality: 'other' };

/** Development (training, cross-validation, rule writing) and held-out (reported only) subsets. */
export const splits: Readonly<Record<'development' | 'held-out', readonly string[]>> = {
  development: ['centcom', 'uk-government'],
  'held-out': ['us-state-department', 'australian-department-of-foreign-affairs'],
};

export interface Gold {
  readonly type: RelationType;
  readonly source: [number, number];
  readonly target: [number, number];
}

export interface Re3dDocument {
  readonly id: string;
  readonly text: string;
  readonly gold: Gold[];
  readonly entities: MentionInput[];
  /** Each entity's annotation confidence (0–1; 0 marks many unchecked machine suggestions), parallel to `entities`. */
  readonly confidences: number[];
}

function readJsonLines(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const same = (a: [number, number], b: [number, number]): boolean => a[0] === b[0] && a[1] === b[1];

/** One subset folder's documents, in file order. */
export function loadSubset(folder: string): Re3dDocument[] {
  const documents = new Map<string, Re3dDocument>();
  for (const row of readJsonLines(join(folder, 'documents.json'))) documents.set(row._id as string, { id: row._id as string, text: row.text as string, gold: [], entities: [], confidences: [] });
  for (const row of readJsonLines(join(folder, 'entities.json'))) {
    const type = entityType[row.type as string];
    const document = documents.get(row.documentId as string);
    if (!type || !document) continue;
    const start = row.begin as number;
    const end = row.end as number;
    document.entities.push({ start, end, text: document.text.slice(start, end), type });
    document.confidences.push(Number(row.confidence ?? 1));
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

/** The documents of a split, read from the re3d folder `root`. */
export function loadSplit(root: string, split: keyof typeof splits): Re3dDocument[] {
  return splits[split].flatMap((folder) => loadSubset(join(root, folder)));
}

export const overlaps = (span: { start: number; end: number }, gold: [number, number]): boolean => span.start < gold[1] && gold[0] < span.end;

/** True when a suggested link matches a gold one: same type, argument spans overlapping (either way round for an unordered type). */
export function matches(prediction: { type: RelationType; source: { start: number; end: number }; target: { start: number; end: number } }, gold: Gold): boolean {
  if (prediction.type !== gold.type) return false;
  if (overlaps(prediction.source, gold.source) && overlaps(prediction.target, gold.target)) return true;
  return unordered.has(gold.type) && overlaps(prediction.source, gold.target) && overlaps(prediction.target, gold.source);
}
