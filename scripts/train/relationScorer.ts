/**
 * The learned relation scorer: every pair of entity mentions in a sentence is a candidate, described
 * by features that carry over to unseen texts (the words and lemmas between the two, the cue class
 * those words fall in, the mention types, the distance, the words just outside, the hand-written
 * rules' verdict), and scored by a multinomial logistic regression trained on re3d's development
 * split (scripts/train/relations.ts). A pair becomes a suggested link when its best relation is at
 * least as likely as the threshold chosen in cross-validation for precision. An experiment: the
 * reading layer ships the rules, which this did not beat on held-out.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { MentionType } from '../../src/main/engine/extract/index';
import type { ReadingDocument } from '../../src/main/engine/reading/document';
import type { MentionLink, RelationType } from '../../src/main/engine/reading/relations';
import { cueTrim, findRuleLinks, unlinkable } from '../../src/main/engine/reading/relations';

/**
 * The classes a candidate pair (first mention, second mention, in text order) can take: no link, or a
 * relation with its direction (">" the first mention is the source, "<" the second is).
 */
export const pairLabels = [
  'none',
  'opposes>',
  'opposes<',
  'allied_with',
  'leads>',
  'leads<',
  'member_of>',
  'member_of<',
  'communicates_with',
  'located_in>',
  'located_in<',
] as const;
export type PairLabel = (typeof pairLabels)[number];

/** The label of a link from `source` to `target` for the pair (first, second). */
export function labelOf(type: RelationType, sourceIsFirst: boolean): PairLabel {
  if (type === 'allied_with' || type === 'communicates_with') return type;
  return `${type}${sourceIsFirst ? '>' : '<'}` as PairLabel;
}

/** The model as the reader uses it: per feature, one weight per label. */
export interface RelationModel {
  readonly weights: ReadonlyMap<string, Float32Array>;
  /** A pair is linked when its best relation's probability reaches this. */
  readonly threshold: number;
}

/** Pairs further apart than this many tokens are not considered: a link across a whole clause chain is rarely stated. */
export const maxPairDistance = 30;

const kindOf: Record<MentionType, string> = { person: 'p', organization: 'o', location: 'l', other: 'x' };

// Word classes of the cue lexicon, by lemma: the hand-written rules' vocabulary, single words.
const cueClasses: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  ['attack', new Set('attack shell bomb fight fought battle clash ambush kill engage invade raid struck strike airstrike target accuse condemn denounce blame defeat capture besieg besiege fire offensive assault war against counter destroy eliminate dislodge oust topple overthrow crush combat shot aggression violence hostilitie conflict'.split(' '))],
  ['ally', new Set('ally allie alli allied support back assist aid train equip partner partnership cooperat cooperate cooperation co-operation alongside advis advise coalition sided join'.split(' '))],
  ['talk', new Set('meet met spoke speak talk call phone telephone wrote write letter brief host welcom welcome receiv receive visit consult negotiat negotiate conversation discuss agre agree sign meeting summit talks dialogue'.split(' '))],
  ['lead', new Set('commander command head leader chief president premier king chairman director governor mayor lead led control held run ran found founder charge'.split(' '))],
  ['member', new Set('member spokesman spokeswoman spokesperson official officer fighter militant soldier diplomat ambassador envoy representative minister part branch wing affiliate unit includ include belong'.split(' '))],
  ['place', new Set('in near at inside outside across throughout north south east west northern southern eastern western central base locat located station deploy village town city province region district capital area border'.split(' '))],
];
const beVerbs = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had']);
const relativeWords = new Set(['who', 'which', 'that', 'whose']);

/** A crude English lemma: enough to fold "attacked", "attacks", "attacking" into "attack". */
export function lemmaOf(word: string): string {
  const length = word.length;
  if (length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (length > 4 && word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

function cueClass(lemma: string, word: string): string | undefined {
  for (const [name, words] of cueClasses) if (words.has(lemma) || words.has(word)) return name;
  return undefined;
}

function distanceBucket(tokens: number): string {
  if (tokens <= 3) return String(tokens);
  if (tokens <= 5) return '4-5';
  if (tokens <= 8) return '6-8';
  if (tokens <= 12) return '9-12';
  if (tokens <= 20) return '13-20';
  return '21+';
}

/** The rules' verdicts by pair key `first:second`, as labels. */
export function ruleVerdicts(links: readonly MentionLink[]): Map<string, PairLabel[]> {
  const verdicts = new Map<string, PairLabel[]>();
  for (const link of links) {
    const first = Math.min(link.source, link.target);
    const second = Math.max(link.source, link.target);
    const key = `${first}:${second}`;
    const label = labelOf(link.type, link.source === first);
    const list = verdicts.get(key);
    if (list) list.push(label);
    else verdicts.set(key, [label]);
  }
  return verdicts;
}

/** Candidate pairs of a document: mention indices (first before second) in one sentence, at most `maxPairDistance` tokens apart. */
export function candidatePairs(document: ReadingDocument): Array<[number, number]> {
  const { mentions, mentionFirst, mentionEnd, sentenceOf } = document;
  const pairs: Array<[number, number]> = [];
  for (let first = 0; first < mentions.length; first += 1) {
    const sentence = sentenceOf[mentionFirst[first]!];
    for (let second = first + 1; second < mentions.length; second += 1) {
      const start = mentionFirst[second]!;
      if (sentenceOf[start] !== sentence || start - mentionEnd[first]! > maxPairDistance) break;
      if (mentions[first]!.type === 'other' && mentions[second]!.type === 'other') continue;
      if (unlinkable(document, first, second)) continue;
      pairs.push([first, second]);
    }
  }
  return pairs;
}

/** The features of the pair (first, second); `rules` are the rules' labels for it. */
export function pairFeatures(document: ReadingDocument, first: number, second: number, rules: readonly PairLabel[] = []): string[] {
  const { mentions, mentionFirst, mentionEnd, mentionAt, lower, sentenceOf } = document;
  const a = kindOf[mentions[first]!.type];
  const b = kindOf[mentions[second]!.type];
  const types = `${a}${b}`;
  const from = mentionEnd[first]!;
  const to = mentionFirst[second]!;
  const features = ['bias', `types=${types}`, `distance=${distanceBucket(to - from)}`, `distance=${distanceBucket(to - from)}|${types}`];
  for (const rule of rules) features.push(`rule=${rule}`, `rule=${rule}|${types}`);

  // The gap, a mention inside it standing as its type ("in <l> and <l>").
  const gap: string[] = [];
  let between = 0;
  for (let token = from; token < to; token += 1) {
    const inside = mentionAt[token]!;
    if (inside >= 0) {
      gap.push(`<${kindOf[mentions[inside]!.type]}>`);
      between += 1;
      token = mentionEnd[inside]! - 1;
    } else gap.push(lower[token]!);
  }
  features.push(`between=${Math.min(between, 3)}`);
  if (gap.length === 0) features.push(`adjacent|${types}`);
  if (gap.length <= 6) features.push(`gap=${gap.join(' ')}|${types}`);
  let verbLike = false;
  const classes = new Set<string>();
  for (let index = 0; index < gap.length; index += 1) {
    const word = gap[index]!;
    const lemma = lemmaOf(word);
    features.push(`word=${lemma}`, `word=${lemma}|${types}`);
    if (index + 1 < gap.length) features.push(`pair=${lemma}_${lemmaOf(gap[index + 1]!)}`);
    const cue = cueClass(lemma, word);
    if (cue) classes.add(cue);
    if (beVerbs.has(word) || (word.length > 4 && (word.endsWith('ed') || word.endsWith('ing')))) verbLike = true;
    if (relativeWords.has(word)) features.push('relative');
  }
  for (const cue of classes) features.push(`cue=${cue}`, `cue=${cue}|${types}`);
  if (gap.length > 0) {
    const head = lemmaOf(gap[0]!);
    const tail = lemmaOf(gap[gap.length - 1]!);
    features.push(`gapFirst=${head}|${a}`, `gapLast=${tail}|${b}`, `gapEnds=${head}_${tail}`);
    const lastCue = cueClass(tail, gap[gap.length - 1]!);
    if (lastCue) features.push(`lastCue=${lastCue}|${types}`);
    if (gap[0] === "'s") features.push(`possessive|${types}`);
    if (gap[0] === ',' && gap[gap.length - 1] !== ',') features.push(`apposition|${types}`);
  }
  features.push(`verb=${verbLike}|${types}`);
  if (gap.includes(',')) features.push('comma');
  if (gap.includes('and') || gap.includes('or')) features.push('coordination');

  // The words just outside the pair: "between A and B", "A and B met", "In A, B …".
  const sentence = sentenceOf[mentionFirst[first]!];
  const before = mentionFirst[first]! - 1;
  const after = mentionEnd[second]!;
  const wordBefore = before >= 0 && sentenceOf[before] === sentence ? lemmaOf(lower[before]!) : '<s>';
  const wordAfter = after < lower.length && sentenceOf[after] === sentence ? lemmaOf(lower[after]!) : '</s>';
  features.push(`before=${wordBefore}`, `after=${wordAfter}`, `before=${wordBefore}|${types}`, `after=${wordAfter}|${types}`);
  const afterCue = cueClass(wordAfter, wordAfter);
  if (afterCue) features.push(`afterCue=${afterCue}|${types}`);
  return features;
}

/** Probabilities of every label for a feature list (softmax over the summed weights). */
export function scoreFeatures(model: RelationModel, features: readonly string[]): Float64Array {
  const scores = new Float64Array(pairLabels.length);
  for (const feature of features) {
    const weights = model.weights.get(feature);
    if (!weights) continue;
    for (let label = 0; label < scores.length; label += 1) scores[label] = scores[label]! + weights[label]!;
  }
  let largest = -Infinity;
  for (const score of scores) largest = Math.max(largest, score);
  let sum = 0;
  for (let label = 0; label < scores.length; label += 1) {
    scores[label] = Math.exp(scores[label]! - largest);
    sum += scores[label]!;
  }
  for (let label = 0; label < scores.length; label += 1) scores[label] = scores[label]! / sum;
  return scores;
}

/** The best relation label of a probability vector (never 'none') and its probability. */
export function bestRelation(probabilities: Float64Array): [number, number] {
  let best = 1;
  for (let label = 2; label < probabilities.length; label += 1) if (probabilities[label]! > probabilities[best]!) best = label;
  return [best, probabilities[best]!];
}

/** The link a label makes of the pair (first, second), its cue the gap word that weighs most for it. */
export function linkOf(document: ReadingDocument, model: RelationModel | undefined, first: number, second: number, label: number): MentionLink {
  const name = pairLabels[label]!;
  const type = name.replace(/[<>]$/, '') as RelationType;
  const backward = name.endsWith('<');
  const from = document.mentionEnd[first]!;
  const to = document.mentionFirst[second]!;
  let cue = -1;
  let heaviest = 0;
  for (let token = from; token < to && model; token += 1) {
    if (document.mentionAt[token]! >= 0 || cueTrim.has(document.lower[token]!)) continue;
    const weight = model.weights.get(`word=${lemmaOf(document.lower[token]!)}`)?.[label] ?? 0;
    if (weight > heaviest) {
      heaviest = weight;
      cue = token;
    }
  }
  return { source: backward ? second : first, target: backward ? first : second, type, cueFirst: cue, cueEnd: cue >= 0 ? cue + 1 : cue };
}

/** Suggested links by the learned scorer, in text order of their first mention. */
export function findScoredLinks(document: ReadingDocument, model: RelationModel): MentionLink[] {
  const rules = ruleVerdicts(findRuleLinks(document));
  const links: MentionLink[] = [];
  for (const [first, second] of candidatePairs(document)) {
    const ruled = rules.get(`${first}:${second}`) ?? [];
    const [label, probability] = bestRelation(scoreFeatures(model, pairFeatures(document, first, second, ruled)));
    if (probability < model.threshold) continue;
    links.push(linkOf(document, model, first, second, label));
  }
  return links;
}

// ---- the model file (OUT_DIR/relations.json.gz) ----

const modelFile = 'relations.json.gz';
const modelFormat = 'dossier-relations-1';

interface ModelFile {
  readonly format: typeof modelFormat;
  readonly labels: readonly string[];
  readonly threshold: number;
  readonly trainedOn: string;
  /** Feature → one weight per label (rounded; features whose weights are all near zero are left out). */
  readonly weights: Record<string, number[]>;
}

/** Writes `model` into `directory` as one gzipped JSON file. */
export function saveRelationModel(model: RelationModel, directory: string, trainedOn: string): void {
  const weights: Record<string, number[]> = {};
  for (const [feature, values] of [...model.weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rounded = [...values].map((value) => Math.round(value * 1000) / 1000);
    if (rounded.some((value) => value !== 0)) weights[feature] = rounded;
  }
  const file: ModelFile = { format: modelFormat, labels: [...pairLabels], threshold: model.threshold, trainedOn, weights };
  writeFileSync(join(directory, modelFile), gzipSync(Buffer.from(JSON.stringify(file)), { level: 9 }));
}

/** Reads the model in `directory`; the error names the folder and the fix. */
export function loadRelationModel(directory: string): RelationModel {
  const path = join(directory, modelFile);
  if (!existsSync(path)) throw new Error(`No relation model in ${directory}; run "npm run train:relations -- RE3D_DIR ${directory}" to build it.`);
  const file = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as ModelFile;
  if (file.format !== modelFormat || file.labels.join() !== pairLabels.join()) {
    throw new Error(`The relation model in ${directory} has another format; run "npm run train:relations" to rebuild it.`);
  }
  const weights = new Map<string, Float32Array>();
  for (const [feature, values] of Object.entries(file.weights)) weights.set(feature, Float32Array.from(values));
  return { weights, threshold: file.threshold };
}
