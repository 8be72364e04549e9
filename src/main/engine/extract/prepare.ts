// Per-document token values the tagger's features read: each word's hashed forms, flags, list classes and
// clusters, the runs of capitalised words, and what the document says of each word elsewhere.
import { LexiconClass } from './lexicon';
import type { LexiconMatcher, Phrase } from './lexiconMatcher';
import { hashString } from './wordTable';

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

const joiners = new Set(['of', 'the', 'and', 'de', 'for', 'du', 'la', 'van', 'von', 'der', '&']);

/** Per-token values computed once per document, before tagging. */
export interface PreparedTokens {
  readonly count: number;
  readonly lower: Int32Array;
  readonly shape: Int32Array;
  readonly suffix2: Int32Array;
  readonly suffix3: Int32Array;
  readonly flags: Uint8Array;
  /** 1 for a plain token: a common word in small letters ("the", "said": the word list knows it only so) or a one-character mark other than "@" and "#". */
  readonly plain: Uint8Array;
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
  /** Each token's word clusters, `clusterLevels` ids per token (see LexiconMatcher.clusters), 0 for a word without. */
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
const flagDigit = 4;
const flagHyphen = 8;
const flagPeriod = 16;
const flagLong = 32;
/** Not a feature: marks words that start with a letter. */
const flagLetter = 64;
/** A given name ("Mark", "Maria"), from LexiconMatcher.givenNames. */
export const flagGivenName = 128;
const wordCacheLimit = 200_000;

/** A lower-cased word form: its number in the document being prepared (valid while `stamp` is that document's). */
export interface WordForm {
  stamp: number;
  id: number;
}

let documentStamp = 0;

/** What the features need of one word, independent of its context. */
export interface WordInfo {
  readonly lowered: string;
  readonly lower: number;
  readonly suffix2: number;
  readonly suffix3: number;
  readonly shape: number;
  readonly flags: number;
  readonly dictionary: number;
  /** See PreparedTokens.plain. */
  readonly plain: boolean;
  /** The lexicon phrases that start with the word (LexiconMatcher.phrasesOf). */
  readonly phrases: readonly Phrase[];
  /** The word's lower-cased form, shared by its spellings ("Paris", "PARIS"). */
  readonly form: WordForm;
  /** The word's cluster ids (LexiconMatcher.clusters), null for none. */
  readonly cluster: Uint16Array | null;
}

function describeWord(word: string, matcher: LexiconMatcher): WordInfo {
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
  const dictionary = matcher.words.first(lowered);
  let form = matcher.wordForms.get(lowered);
  if (!form) {
    form = { stamp: 0, id: 0 };
    matcher.wordForms.set(lowered, form);
  }
  return {
    lowered,
    lower: hashString(lowered),
    suffix2: hashString(lowered, Math.max(0, length - 2)),
    suffix3: hashString(lowered, Math.max(0, length - 3)),
    shape: hashString(shapeOf(word)),
    flags: flag,
    dictionary,
    // "@" and "#" start handles and tags ("@ SportsCenter" as the tweets' corpus writes them), which are names.
    phrases: matcher.phrasesOf(word),
    form,
    plain: (flag & (flagCapital | flagDigit)) === 0 && (dictionary === 1 || ((flag & flagLetter) === 0 && length === 1 && word !== '@' && word !== '#')),
    // The form as written, else in small letters (the vectors are lower-cased).
    cluster: matcher.clusters.width === 0 ? null : (matcher.clusters.row(word) ?? (lowered === word ? null : matcher.clusters.row(lowered))),
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
  const plain = new Uint8Array(count);
  const position = new Uint8Array(count);
  const documentCase = new Uint8Array(count);
  const dictionary = new Uint8Array(count);
  const clusterLevels = matcher.clusters.width;
  const cluster = new Uint16Array(count * clusterLevels);
  for (let sentence = 0; sentence < sentenceStarts.length; sentence += 1) {
    const first = sentenceStarts[sentence]!;
    const last = (sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1]! : count) - 1;
    if (first < count) position[first]! |= 1;
    if (last >= 0) position[last]! |= 2;
  }
  const lowerForms: string[] = new Array<string>(count);
  const wordId = new Int32Array(count);
  // Each lower-cased form's number in this document, kept on the form itself (see WordForm) rather than in a map.
  const stamp = (documentStamp = (documentStamp + 1) | 0);
  let wordCount = 0;
  // Whether each lower-cased word is seen capitalised, or in small letters, away from a sentence start:
  // names stay capitalised everywhere, so this tells "Bush" at a sentence start from "The".
  // By word id (at most one id a token).
  const caseSeen = new Uint8Array(count);
  const cache = matcher.wordCache;
  // Words repeat (Zipf), so the cache holds almost every token; bounded so that it cannot grow without end (and
  // emptied only between documents, so that one document's forms keep their numbers).
  if (cache.size >= wordCacheLimit) {
    cache.clear();
    matcher.wordForms.clear();
  }
  const phrases = new Array<readonly Phrase[]>(count);
  for (let index = 0; index < count; index += 1) {
    const word = words[index]!;
    let info = cache.get(word);
    if (info === undefined) {
      info = describeWord(word, matcher);
      cache.set(word, info);
    }
    lowerForms[index] = info.lowered;
    phrases[index] = info.phrases;
    const form = info.form;
    if (form.stamp !== stamp) {
      form.stamp = stamp;
      form.id = wordCount++;
    }
    wordId[index] = form.id;
    lower[index] = info.lower;
    dictionary[index] = info.dictionary;
    if (info.cluster) cluster.set(info.cluster, index * clusterLevels);
    suffix2[index] = info.suffix2;
    suffix3[index] = info.suffix3;
    shape[index] = info.shape;
    const flag = info.flags;
    flags[index] = flag;
    plain[index] = info.plain ? 1 : 0;
    if ((flag & flagLetter) !== 0 && (position[index]! & 1) === 0) {
      caseSeen[form.id]! |= (flag & flagCapital) !== 0 ? 1 : 2;
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
  for (let index = 0; index < count; index += 1) documentCase[index] = caseSeen[wordId[index]!]!;
  const lexicon = matcher.match(words, phrases);
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
  const documentWord = documentEvidence(count, flags, position, wordId, wordCount, lowerForms, runFirst, runLast, runLexicon, lexicon);
  return {
    count,
    lower,
    shape,
    suffix2,
    suffix3,
    flags,
    plain,
    lexicon,
    documentCase,
    runFirst,
    runLast,
    runLexicon,
    dictionary,
    wordId,
    wordCount,
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
