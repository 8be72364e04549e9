// Hashed sparse features for the entity tagger; shared by extraction and by scripts/train-ner.mjs.
import { LexiconClass, lexiconEntries } from './lexicon';
import type { LexiconClassValue } from './lexicon';
import { tokenize } from './tokenize';

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

export function hashString(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

function mix(a: number, b: number): number {
  let hash = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0x27d4eb2f);
  return (hash ^ (hash >>> 16)) | 0;
}

/** Word shape: X for capitals, x for small letters, d for digits, other characters kept; runs past 2 collapse. */
function shapeOf(word: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (let index = 0; index < word.length && index < 24; index += 1) {
    const character = word[index]!;
    const lower = character.toLowerCase();
    const upper = character.toUpperCase();
    let kind: string;
    if (character >= '0' && character <= '9') kind = 'd';
    else if (lower !== upper) kind = character === upper ? 'X' : 'x';
    else kind = character;
    run = kind === last ? run + 1 : 1;
    last = kind;
    if (run <= 2) shape += kind;
  }
  return shape;
}

/** Matches multi-word lexicon phrases (longest first) against a token sequence. */
export class LexiconMatcher {
  /**
   * English word list (SCOWL), by lower-cased form: 1 if listed in small letters (a common word),
   * 2 if listed capitalised (a name), 3 both. Empty when the model was trained without one.
   */
  words = new Map<string, number>();
  /**
   * Distributional word clusters (scripts/train/clusters.ts): lines "word<TAB>ID<TAB>…" sorted by word, with
   * `clusterLevels` ids (each from 1, fine to coarse) a word; looked up by binary search, so that loading is
   * one pass over the text rather than a third of a million map entries. Empty when the model was trained without them.
   */
  clusterText = '';
  clusterLines = new Int32Array(0);
  clusterLevels = 0;
  /** Given names (first names), lower-cased; empty when the model was trained without them. */
  givenNames = new Set<string>();
  /** Per-word feature values, shared by every document this matcher prepares. */
  readonly wordCache = new Map<string, WordInfo>();
  private readonly byFirst = new Map<string, Array<{ words: string[]; kind: LexiconClassValue }>>();

  /** `entries` are phrases, or phrases already split into tokens; a later entry wins over an earlier one. */
  constructor(entries: Array<[string | string[], LexiconClassValue]>) {
    // Keyed by the whole phrase first, so that a phrase listed twice keeps its later class
    // (lexiconMatcher puts the hand-written lists last).
    const phrases = new Map<string, { words: string[]; kind: LexiconClassValue }>();
    for (const [phrase, kind] of entries) {
      const words = typeof phrase === 'string' ? tokenize(phrase).words : phrase;
      if (words.length > 0) phrases.set(words.join(' '), { words, kind });
    }
    for (const entry of phrases.values()) {
      const list = this.byFirst.get(entry.words[0]!);
      if (list) list.push(entry);
      else this.byFirst.set(entry.words[0]!, [entry]);
    }
    // Longest phrase first, so that "Ministry of Defense" wins over "Ministry".
    for (const list of this.byFirst.values()) if (list.length > 1) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Per token: 0 outside any phrase, else class * 2 + (1 at a phrase's first word, 2 inside). */
  match(words: readonly string[]): Uint8Array {
    const result = new Uint8Array(words.length);
    let index = 0;
    while (index < words.length) {
      const candidates = this.byFirst.get(words[index]!);
      let matched = 0;
      let kind = 0;
      if (candidates) {
        for (const candidate of candidates) {
          const length = candidate.words.length;
          if (index + length > words.length) continue;
          let same = true;
          for (let offset = 1; offset < length && same; offset += 1) same = words[index + offset]! === candidate.words[offset]!;
          if (same) {
            matched = length;
            kind = candidate.kind;
            break;
          }
        }
      }
      if (matched === 0) {
        index += 1;
        continue;
      }
      result[index] = kind * 2 + 1;
      for (let offset = 1; offset < matched; offset += 1) result[index + offset] = kind * 2 + 2;
      index += matched;
    }
    return result;
  }
}

/** The hand-written lists plus `places` (one line per place: "CLASS<TAB>token token ..."), as written by the trainer. */
export function lexiconMatcher(places = '', words = '', clusters = '', givenNames = ''): LexiconMatcher {
  const entries: Array<[string | string[], LexiconClassValue]> = [];

  for (const line of places.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    entries.push([line.slice(tab + 1).split(' '), Number(line.slice(0, tab)) as LexiconClassValue]);
  }
  entries.push(...lexiconEntries());
  const matcher = new LexiconMatcher(entries);
  for (const line of words.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) matcher.words.set(line.slice(tab + 1), Number(line.slice(0, tab)));
  }
  for (const line of givenNames.split('\n')) if (line) matcher.givenNames.add(line);
  readClusters(matcher, clusters);
  return matcher;
}

/** Indexes the cluster file's lines ("word<TAB>ID<TAB>…", sorted by word, the same number of ids on every line) in `matcher`. */
function readClusters(matcher: LexiconMatcher, clusters: string): void {
  const firstEnd = clusters.indexOf('\n');
  const levels = clusters.slice(0, firstEnd < 0 ? clusters.length : firstEnd).split('\t').length - 1;
  if (levels < 1) return;
  let rows = 1;
  for (let at = firstEnd; at >= 0; at = clusters.indexOf('\n', at + 1)) rows += 1;
  const lines = new Int32Array(rows);
  let row = 0;
  for (let start = 0; start < clusters.length; ) {
    lines[row++] = start;
    const end = clusters.indexOf('\n', start);
    start = end < 0 ? clusters.length : end + 1;
  }
  matcher.clusterText = clusters;
  matcher.clusterLines = lines.subarray(0, row);
  matcher.clusterLevels = levels;
}

/** Compares `word` with the word that starts the cluster line at `offset` (its end is the tab). */
function compareClusterWord(text: string, offset: number, word: string): number {
  for (let index = 0; ; index += 1) {
    const lineCode = text.charCodeAt(offset + index);
    const lineEnded = lineCode === 9;
    if (index === word.length) return lineEnded ? 0 : -1;
    if (lineEnded) return 1;
    const difference = word.charCodeAt(index) - lineCode;
    if (difference !== 0) return difference;
  }
}

/** The cluster ids of `word` (see LexiconMatcher.clusterText), or null for a word without. */
function clusterIdsOf(matcher: LexiconMatcher, word: string): Uint16Array | null {
  const { clusterText: text, clusterLines: lines, clusterLevels: levels } = matcher;
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compareClusterWord(text, lines[middle]!, word);
    if (order > 0) low = middle + 1;
    else if (order < 0) high = middle - 1;
    else {
      const ids = new Uint16Array(levels);
      let at = lines[middle]! + word.length + 1;
      for (let level = 0; level < levels; level += 1) {
        let value = 0;
        for (let code = text.charCodeAt(at); code >= 48 && code <= 57; code = text.charCodeAt(++at)) value = value * 10 + code - 48;
        ids[level] = value;
        at += 1;
      }
      return ids;
    }
  }
  return null;
}

/** Per-token values computed once per document, before tagging. */
export interface PreparedTokens {
  readonly count: number;
  readonly lower: Int32Array;
  readonly shape: Int32Array;
  readonly suffix2: Int32Array;
  readonly suffix3: Int32Array;
  readonly flags: Uint8Array;
  readonly lexicon: Uint8Array;
  readonly documentCase: Uint8Array;
  /**
   * The run of capitalised words each token sits in ("University of Portsmouth"; small "of", "the",
   * "and", "de" may join two capitalised words): first and last token index, or -1 outside a run.
   */
  readonly runFirst: Int32Array;
  readonly runLast: Int32Array;
  /**
   * Per run token: which lexicon classes occur in the run (a bit per class), and in bits 16-17 how the
   * lexicon covers it: 1 one phrase is the whole run ("New York"), 2 phrases cover part of it ("New York Rangers").
   */
  readonly runLexicon: Int32Array;
  /** The word list's flags for each token (see LexiconMatcher.words). */
  readonly dictionary: Uint8Array;
  /** Each token's word, numbered within the document (same word in small letters, same number), for the label history. */
  readonly wordId: Int32Array;
  /** How many different words the document has. */
  readonly wordCount: number;
  /** Each token's word clusters, `clusterLevels` ids per token (see LexiconMatcher.clusterText), 0 for a word without. */
  readonly cluster: Uint16Array;
  readonly clusterLevels: number;
  /** 1 at a sentence's first token, 2 at its last, 3 for a one-token sentence. */
  readonly position: Uint8Array;
  /** What the document says of each capitalised token's word elsewhere (documentWord* bits). */
  readonly documentWord: Uint8Array;
  readonly sentenceStarts: readonly number[];
}

export const flagCapital = 1;
const flagAllCaps = 2;
export const flagDigit = 4;
const flagHyphen = 8;
const flagPeriod = 16;
const flagLong = 32;
/** Not a feature: marks words that start with a letter. */
const flagLetter = 64;
/** A given name ("Mark", "Maria"), from LexiconMatcher.givenNames. */
const flagGivenName = 128;
const wordCacheLimit = 200_000;

/** What the features need of one word, independent of its context. */
export interface WordInfo {
  readonly lowered: string;
  readonly lower: number;
  readonly suffix2: number;
  readonly suffix3: number;
  readonly shape: number;
  readonly flags: number;
  readonly dictionary: number;
  /** The word's cluster ids (LexiconMatcher.clusterText), null for none. */
  readonly cluster: Uint16Array | null;
}

function describeWord(word: string, matcher: LexiconMatcher): WordInfo {
  const { words: wordList } = matcher;
  const lowered = word.toLowerCase();
  const length = lowered.length;
  let flag = 0;
  const firstCharacter = word[0]!;
  const isLetter = firstCharacter.toLowerCase() !== firstCharacter.toUpperCase();
  if (isLetter) flag |= flagLetter;
  if (isLetter && firstCharacter === firstCharacter.toUpperCase()) flag |= flagCapital;
  if (isLetter && word === word.toUpperCase() && length > 1) flag |= flagAllCaps;
  if (/\d/.test(word)) flag |= flagDigit;
  if (word.includes('-')) flag |= flagHyphen;
  if (word.includes('.') && length > 1) flag |= flagPeriod;
  if (length > 8) flag |= flagLong;
  if (matcher.givenNames.has(lowered)) flag |= flagGivenName;
  return {
    lowered,
    lower: hashString(lowered),
    suffix2: hashString(lowered, Math.max(0, length - 2)),
    suffix3: hashString(lowered, Math.max(0, length - 3)),
    shape: hashString(shapeOf(word)),
    flags: flag,
    dictionary: wordList.get(lowered) ?? 0,
    // The form as written, else in small letters (the vectors are lower-cased).
    cluster: matcher.clusterLevels === 0 ? null : clusterIdsOf(matcher, word) ?? (lowered === word ? null : clusterIdsOf(matcher, lowered)),
  };
}

/** Computes the per-token values of a whole document; `sentenceStarts` as in Tokens. */
export function prepareTokens(words: readonly string[], sentenceStarts: readonly number[], matcher: LexiconMatcher): PreparedTokens {
  const count = words.length;
  const lower = new Int32Array(count);
  const shape = new Int32Array(count);
  const suffix2 = new Int32Array(count);
  const suffix3 = new Int32Array(count);
  const flags = new Uint8Array(count);
  const position = new Uint8Array(count);
  const documentCase = new Uint8Array(count);
  const dictionary = new Uint8Array(count);
  const { clusterLevels } = matcher;
  const cluster = new Uint16Array(count * clusterLevels);
  for (let sentence = 0; sentence < sentenceStarts.length; sentence += 1) {
    const first = sentenceStarts[sentence]!;
    const last = (sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1]! : count) - 1;
    if (first < count) position[first]! |= 1;
    if (last >= 0) position[last]! |= 2;
  }
  const lowerForms: string[] = new Array<string>(count);
  const wordId = new Int32Array(count);
  const wordIds = new Map<string, number>();
  // Whether each lower-cased word is seen capitalised, or in small letters, away from a sentence start:
  // names stay capitalised everywhere, so this tells "Bush" at a sentence start from "The".
  const caseSeen = new Map<string, number>();
  const cache = matcher.wordCache;
  for (let index = 0; index < count; index += 1) {
    const word = words[index]!;
    let info = cache.get(word);
    if (info === undefined) {
      info = describeWord(word, matcher);
      // Words repeat (Zipf), so the cache holds almost every token; bounded so that it cannot grow without end.
      if (cache.size >= wordCacheLimit) cache.clear();
      cache.set(word, info);
    }
    lowerForms[index] = info.lowered;
    let id = wordIds.get(info.lowered);
    if (id === undefined) {
      id = wordIds.size;
      wordIds.set(info.lowered, id);
    }
    wordId[index] = id;
    lower[index] = info.lower;
    dictionary[index] = info.dictionary;
    if (info.cluster) cluster.set(info.cluster, index * clusterLevels);
    suffix2[index] = info.suffix2;
    suffix3[index] = info.suffix3;
    shape[index] = info.shape;
    const flag = info.flags;
    flags[index] = flag;
    if ((flag & flagLetter) !== 0 && (position[index]! & 1) === 0) {
      const seen = caseSeen.get(info.lowered) ?? 0;
      caseSeen.set(info.lowered, seen | ((flag & flagCapital) !== 0 ? 1 : 2));
    }
  }
  const runFirst = new Int32Array(count).fill(-1);
  const runLast = new Int32Array(count).fill(-1);
  let index = 0;
  while (index < count) {
    if ((flags[index]! & flagCapital) === 0) {
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < count && (position[end]! & 1) === 0) {
      if ((flags[end]! & flagCapital) !== 0) end += 1;
      else if (end + 1 < count && joiners.has(lowerForms[end]!) && (flags[end + 1]! & flagCapital) !== 0 && (position[end + 1]! & 1) === 0) end += 2;
      else break;
    }
    runFirst.fill(index, index, end);
    runLast.fill(end - 1, index, end);
    index = end;
  }
  for (let index = 0; index < count; index += 1) documentCase[index] = caseSeen.get(lowerForms[index]!) ?? 0;
  const lexicon = matcher.match(words);
  const runLexicon = new Int32Array(count);
  for (let first = 0; first < count; first += 1) {
    if (runFirst[first] !== first) continue;
    const last = runLast[first]!;
    let classes = 0;
    let covered = 0;
    for (let index = first; index <= last; index += 1) if (lexicon[index]! !== 0) classes |= 1 << ((lexicon[index]! - 1) >> 1);
    if (classes !== 0) {
      let whole = (lexicon[first]! & 1) === 1;
      for (let index = first + 1; index <= last && whole; index += 1) whole = lexicon[index]! !== 0 && (lexicon[index]! & 1) === 0;
      if (whole && last + 1 < count && lexicon[last + 1]! !== 0 && (lexicon[last + 1]! & 1) === 0) whole = false;
      covered = whole ? 1 : 2;
    }
    runLexicon.fill(classes | (covered << 16), first, last + 1);
  }
  const documentWord = documentEvidence(count, flags, position, wordId, wordIds.size, lowerForms, runFirst, runLast, runLexicon, lexicon);
  return {
    count,
    lower,
    shape,
    suffix2,
    suffix3,
    flags,
    lexicon,
    documentCase,
    runFirst,
    runLast,
    runLexicon,
    dictionary,
    wordId,
    wordCount: wordIds.size,
    cluster,
    clusterLevels,
    position,
    sentenceStarts,
    documentWord,
  };
}

/** The word follows a given name in a run somewhere in the document ("Maria Lopez" makes "Lopez" a surname). */
const documentWordAfterGiven = 1;
/** The word sits in a run with an organisation cue somewhere ("Acme" of "Acme Holdings"). */
const documentWordOrganization = 2;
/** The word sits somewhere in a longer run than here ("Texas" here, "University of Texas" there). */
const documentWordLonger = 4;
/** The word follows a title somewhere ("Dr. Lopez"). */
const documentWordAfterTitle = 8;
/** The word is an acronym of a run in the document ("NATO", "North Atlantic Treaty Organization"). */
const documentWordAcronym = 16;
const organizationCueBit = 1 << (LexiconClass.organizationCue - 1);

function documentEvidence(
  count: number,
  flags: Uint8Array,
  position: Uint8Array,
  wordId: Int32Array,
  wordCount: number,
  lowerForms: readonly string[],
  runFirst: Int32Array,
  runLast: Int32Array,
  runLexicon: Int32Array,
  lexicon: Uint8Array,
): Uint8Array {
  const byWord = new Uint8Array(wordCount);
  const longest = new Uint8Array(wordCount);
  const initials = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const first = runFirst[index]!;
    if (first < 0) continue;
    const id = wordId[index]!;
    let bits = byWord[id]!;
    if (index > first && (flags[index - 1]! & flagGivenName) !== 0 && (flags[index - 1]! & flagCapital) !== 0) bits |= documentWordAfterGiven;
    if ((runLexicon[index]! & organizationCueBit) !== 0) bits |= documentWordOrganization;
    if (index > 0 && (position[index]! & 1) === 0 && lexicon[index - 1]! !== 0 && (lexicon[index - 1]! - 1) >> 1 === LexiconClass.title) bits |= documentWordAfterTitle;
    byWord[id] = bits;
    const length = Math.min(runLast[index]! - first + 1, 255);
    if (length > longest[id]!) longest[id] = length;
    if (first === index && length >= 2) {
      let letters = '';
      for (let member = first; member <= runLast[index]!; member += 1) if ((flags[member]! & flagCapital) !== 0) letters += lowerForms[member]![0];
      if (letters.length >= 2) initials.add(letters);
    }
  }
  const result = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    const first = runFirst[index]!;
    if (first < 0) continue;
    const id = wordId[index]!;
    let bits = byWord[id]!;
    if (longest[id]! > runLast[index]! - first + 1) bits |= documentWordLonger;
    if ((flags[index]! & flagAllCaps) !== 0 && initials.has(lowerForms[index]!)) bits |= documentWordAcronym;
    result[index] = bits;
  }
  return result;
}

const boundary = hashString('<boundary>');

const joiners = new Set(['of', 'the', 'and', 'de', 'for', 'du', 'la', 'van', 'von', 'der', '&']);

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
