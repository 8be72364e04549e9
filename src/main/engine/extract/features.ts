// Hashed sparse features for the entity tagger; shared by extraction and by scripts/train-ner.mjs.
// The per-document values they read are computed in prepare.ts, the word lists in lexiconMatcher.ts.
import { flagCapital, flagGivenName } from './prepare';
import type { PreparedTokens } from './prepare';
import { hashString } from './wordTable';

/** BIO2 labels the tagger predicts; index order is part of the model format. */
export const labels = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof labels)[number];
/** scoreLabels in tagger.ts is unrolled for exactly this many labels. */
export const labelCount = labels.length;

/** For each label, whether it may follow each previous label (I-X only after B-X or I-X). */
export const allowedAfter: boolean[][] = labels.map((label) =>
  labels.map((previous) => !label.startsWith('I-') || previous.slice(2) === label.slice(2)),
);
/** Allowed at a sentence's first token. */
export const allowedFirst: boolean[] = labels.map((label) => !label.startsWith('I-'));

/** Most features a token can have; callers size their buffers with it. */
export const maxFeatures = 96;

function mix(a: number, b: number): number {
  let hash = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0x27d4eb2f);
  return (hash ^ (hash >>> 16)) | 0;
}

const boundary = hashString('<boundary>');

/**
 * Writes the bucket indices of token `index`'s features that do not depend on earlier predictions
 * into `out` from 0; returns how many. `first`/`last` bound the sentence (inclusive).
 */
export function staticFeatures(tokens: PreparedTokens, index: number, first: number, last: number, mask: number, out: Int32Array): number {
  const { lower, shape, lexicon, flags } = tokens;
  const lowerPrevious = index > first ? lower[index - 1]! : boundary;
  const lowerPrevious2 = index - 1 > first ? lower[index - 2]! : boundary;
  const lowerNext = index < last ? lower[index + 1]! : boundary;
  const lowerNext2 = index + 1 < last ? lower[index + 2]! : boundary;
  const shapePrevious = index > first ? shape[index - 1]! : boundary;
  const shapeNext = index < last ? shape[index + 1]! : boundary;
  const lexiconPrevious = index > first ? lexicon[index - 1]! : 255;
  const lexiconNext = index < last ? lexicon[index + 1]! : 255;
  const lexiconHere = lexicon[index]!;
  const here = lower[index]!;
  const shapeHere = shape[index]!;
  const atStart = index === first ? 1 : 0;
  let count = 0;
  out[count++] = 1 & mask;
  out[count++] = mix(2, here) & mask;
  out[count++] = mix(3, shapeHere) & mask;
  out[count++] = mix(5, tokens.suffix3[index]!) & mask;
  out[count++] = mix(6, tokens.suffix2[index]!) & mask;
  out[count++] = mix(9, lowerPrevious) & mask;
  out[count++] = mix(10, lowerNext) & mask;
  out[count++] = mix(11, lowerPrevious2) & mask;
  out[count++] = mix(12, lowerNext2) & mask;
  out[count++] = mix(13, shapePrevious) & mask;
  out[count++] = mix(14, shapeNext) & mask;
  out[count++] = mix(15, mix(lowerPrevious, here)) & mask;
  out[count++] = mix(16, mix(here, lowerNext)) & mask;
  out[count++] = mix(21, lexiconHere) & mask;
  out[count++] = mix(22, lexiconPrevious) & mask;
  out[count++] = mix(23, lexiconNext) & mask;
  out[count++] = mix(24, mix(lexiconHere, shapeHere)) & mask;
  out[count++] = mix(25, mix(atStart, shapeHere)) & mask;
  out[count++] = mix(26, (flags[index]! & 63) | (atStart << 6)) & mask;
  out[count++] = mix(27, mix(mix(shapePrevious, shapeHere), shapeNext)) & mask;
  out[count++] = mix(28, mix(lowerPrevious, shapeHere)) & mask;
  out[count++] = mix(29, mix(shapeHere, lowerNext)) & mask;
  out[count++] = mix(30, tokens.documentCase[index]! | (atStart << 2) | ((flags[index]! & flagCapital) << 3)) & mask;
  out[count++] = mix(31, mix(lexiconPrevious, lexiconHere)) & mask;
  const { dictionary } = tokens;
  const capital = flags[index]! & flagCapital;
  const dictionaryHere = dictionary[index]! | (capital << 2) | (atStart << 3);
  out[count++] = mix(34, dictionaryHere) & mask;
  out[count++] = mix(35, index > first ? dictionary[index - 1]! | ((flags[index - 1]! & flagCapital) << 2) : 15) & mask;
  out[count++] = mix(36, index < last ? dictionary[index + 1]! | ((flags[index + 1]! & flagCapital) << 2) : 15) & mask;
  out[count++] = mix(37, mix(dictionaryHere, tokens.documentCase[index]!)) & mask;
  out[count++] = mix(38, mix(dictionaryHere, lexiconHere)) & mask;
  const runFirst = tokens.runFirst[index]!;
  if (runFirst >= 0) {
    const runLast = tokens.runLast[index]!;
    // Where the token sits in its run: 0 alone, 1 first, 2 inside, 3 last.
    const place = runFirst === runLast ? 0 : index === runFirst ? 1 : index === runLast ? 3 : 2;
    out[count++] = mix(39, mix(lower[runLast]!, place)) & mask;
    out[count++] = mix(40, mix(lower[runFirst]!, place)) & mask;
    out[count++] = mix(41, Math.min(runLast - runFirst, 5) * 4 + place + (runFirst === first ? 32 : 0)) & mask;
    out[count++] = mix(42, mix(lexicon[runLast]!, place)) & mask;
    // A run that starts with a given name is likely a person ("Maria Lopez"), else not ("Lopez Holdings").
    out[count++] = mix(55, ((flags[runFirst]! & flagGivenName) >> 5) + place) & mask;
    out[count++] = mix(51, mix(tokens.runLexicon[index]!, place)) & mask;
    if (tokens.clusterLevels > 0) {
      const middle = Math.min(1, tokens.clusterLevels - 1);
      out[count++] = mix(52, mix(tokens.cluster[runLast * tokens.clusterLevels + middle]!, place)) & mask;
    }
    // The words just outside the run ("the band X Y said", "at X Y University"), past the ±2 window for longer runs.
    const before = runFirst > first ? lower[runFirst - 1]! : boundary;
    const after = runLast < last ? lower[runLast + 1]! : boundary;
    out[count++] = mix(57, mix(before, place)) & mask;
    out[count++] = mix(58, mix(after, place)) & mask;
    out[count++] = mix(60, ((runFirst > first ? lexicon[runFirst - 1]! : 255) << 8) | (runLast < last ? lexicon[runLast + 1]! : 255)) & mask;
    // What the rest of the document says of this word: after a given name or a title, in an organisation's name, in a longer name.
    out[count++] = mix(59, tokens.documentWord[index]! * 8 + place * 2 + atStart) & mask;
  }
  out[count++] = mix(32, mix(lexiconHere, lexiconNext)) & mask;
  // Given names before, at and after the token ("Maria Lopez", "Bank of Mark"): 0 no, 1 yes, 2 sentence edge.
  const given = (index > first ? flags[index - 1]! >> 7 : 2) * 9 + (flags[index]! >> 7) * 3 + (index < last ? flags[index + 1]! >> 7 : 2);
  out[count++] = mix(56, given * 4 + capital * 2 + atStart) & mask;

  count = clusterFeatures(tokens, index, first, last, capital | (atStart << 1), mask, out, count);
  return count;
}

/** The word clusters of the token and its neighbours (distributional classes: "Beatles" near "Nirvana"). */
function clusterFeatures(tokens: PreparedTokens, index: number, first: number, last: number, caseBits: number, mask: number, out: Int32Array, count: number): number {
  const levels = tokens.clusterLevels;
  if (levels === 0) return count;
  const here = index * levels;
  const middle = Math.min(1, levels - 1);
  if (tokens.cluster[here] !== 0) {
    for (let level = 0; level < levels; level += 1) out[count++] = mix(43 + level * 100, tokens.cluster[here + level]!) & mask;
    out[count++] = mix(48, mix(tokens.cluster[here]!, caseBits)) & mask;
  }
  // The neighbours' second-finest ids ("the band …", "… said"); all levels, or the words two away, scored no better.
  out[count++] = mix(46, index > first ? tokens.cluster[here - levels + middle]! : 65535) & mask;
  out[count++] = mix(47, index < last ? tokens.cluster[here + levels + middle]! : 65535) & mask;
  return count;
}

/** Per document: how often each word was labelled with each entity type so far (wordId * 5 + type, type 0 = O). */
export function labelHistory(tokens: PreparedTokens): Uint16Array {
  return new Uint16Array(tokens.wordCount * 5);
}

/** Records the label given to token `index` in `history`; only capitalised words are remembered. */
export function rememberLabel(tokens: PreparedTokens, history: Uint16Array, index: number, label: number): void {
  if ((tokens.flags[index]! & flagCapital) === 0) return;
  const slot = tokens.wordId[index]! * 5 + ((label + 1) >> 1);
  if (history[slot]! < 65535) history[slot]! += 1;
}

/** The entity type (1-4) token `index`'s word was given most often so far, 0 if only O, 5 if never seen. */
function historyType(tokens: PreparedTokens, history: Uint16Array, index: number): number {
  const base = tokens.wordId[index]! * 5;
  let best = history[base]! > 0 ? 0 : 5;
  let bestCount = 0;
  for (let type = 1; type < 5; type += 1) {
    if (history[base + type]! > bestCount) {
      bestCount = history[base + type]!;
      best = type;
    }
  }
  return best;
}

/**
 * Appends the features that depend on the predicted labels: the two previous ones, and the type this
 * word was most often given earlier in the document (names keep their type; a word first met in an
 * easy context, "Mr. Jones", helps at a hard one, "Jones" at a sentence start). Returns the new count.
 */
export function dynamicFeatures(
  tokens: PreparedTokens,
  index: number,
  previous: number,
  previous2: number,
  history: Uint16Array,
  mask: number,
  out: Int32Array,
  count: number,
): number {
  const best = (tokens.flags[index]! & flagCapital) !== 0 ? historyType(tokens, history, index) : -1;
  count = historyFeatures(tokens, index, best, history, mask, out, count);
  return labelFeatures(tokens, index, previous, previous2, best, mask, out, count);
}

/**
 * The part of dynamicFeatures that depends on the label history only, not on the previous labels
 * (a beam scores it once per token); `best` is historyType's answer for a capitalised token, else -1.
 */
export function historyFeatures(tokens: PreparedTokens, index: number, best: number, history: Uint16Array, mask: number, out: Int32Array, count: number): number {
  if (best < 0) return count;
  out[count++] = mix(49, best * 2 + (tokens.position[index]! & 1)) & mask;
  // The next word's type so far: "Bob" before a "Jones" already tagged as a person.
  const next = index + 1 < tokens.count && (tokens.position[index + 1]! & 1) === 0 && (tokens.flags[index + 1]! & flagCapital) !== 0 ? historyType(tokens, history, index + 1) : 6;
  out[count++] = mix(53, best * 8 + next) & mask;
  return count;
}

/** The part of dynamicFeatures that depends on the previous labels; `best` as in historyFeatures. */
export function labelFeatures(tokens: PreparedTokens, index: number, previous: number, previous2: number, best: number, mask: number, out: Int32Array, count: number): number {
  if (best >= 0) out[count++] = mix(50, mix(best, previous)) & mask;
  out[count++] = mix(17, previous) & mask;
  out[count++] = mix(18, previous * 16 + previous2) & mask;
  out[count++] = mix(19, mix(previous, tokens.lower[index]!)) & mask;
  out[count++] = mix(20, mix(previous, tokens.shape[index]!)) & mask;
  out[count++] = mix(33, mix(previous, tokens.lexicon[index]!)) & mask;
  return count;
}

/** For a capitalised token, the type its word was given most often so far (see historyType); -1 for another token. */
export function historyTypeOf(tokens: PreparedTokens, history: Uint16Array, index: number): number {
  return (tokens.flags[index]! & flagCapital) !== 0 ? historyType(tokens, history, index) : -1;
}

/** Label index used for "no previous token". */
export const startLabel: number = labelCount;
