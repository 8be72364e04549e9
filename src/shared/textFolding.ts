/**
 * Folding for search and name matching. FTS5's unicode61 tokenizer removes diacritics (á → a) but
 * keeps letters that are not decomposable (ə, ı, ø, ł ...), and transliterations differ beyond
 * single letters (Kəlbəcər / Kalbajar / Kelbajar, Pashinyan / Pashinian). Two levels:
 * `foldText` for equality that a reader would accept, `spellingSkeleton` for "the same name,
 * spelled another way".
 */

const LETTER_FOLDS: Record<string, string> = {
  ə: 'e',
  Ə: 'e',
  ı: 'i',
  İ: 'i',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
};
const FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** Lower case, no diacritics, and ə→e, ı→i, ø→o, ß→ss ...: "Kəlbəcər" → "kelbecer". */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII is exactly the range meant here
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  return text
    .replace(FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

// Letters whose usual English transliteration is two letters (Azerbaijani/Turkish ş ç ğ, x as kh).
const DIGRAPHS: [RegExp, string][] = [
  [/[şŝ]/g, 'sh'],
  [/[çĉ]/g, 'ch'],
  [/ğ/g, 'gh'],
  [/[žź]/g, 'zh'],
];

/**
 * A coarse key under which transliterations of a name meet: vowels a/e/ə merge, y/i merge, c/j
 * merge, x→kh, q→k, doubled letters collapse. "Kəlbəcər", "Kalbajar", "Kelbajar" → "kalbajar";
 * "Pashinián", "Pashinyan" → "pashinian"; "Aliyev", "Aliev" → "aliav". Used only as an extra way
 * to match, never as the only one, since it also merges some words that differ.
 */
export function spellingSkeleton(word: string): string {
  const known = skeletonCache.get(word);
  if (known !== undefined) return known;
  const key = computeSkeleton(word);
  // Names repeat across a collection (Reuters, Baku, Pashinyan): remember a bounded number of them.
  if (skeletonCache.size >= SKELETON_CACHE_SIZE) skeletonCache.clear();
  skeletonCache.set(word, key);
  return key;
}

const SKELETON_CACHE_SIZE = 100_000;
const skeletonCache = new Map<string, string>();

/** No name is longer; a longer "word" (a 10 MB run of letters) only made the regular expressions below overflow the stack. */
const MAX_NAME_LENGTH = 100;

function computeSkeleton(word: string): string {
  let key = word.slice(0, MAX_NAME_LENGTH * 2).toLowerCase();
  for (const [pattern, replacement] of DIGRAPHS) key = key.replace(pattern, replacement);
  key = foldText(key)
    .replace(/[^a-z0-9]/g, '')
    .replace(/e/g, 'a')
    .replace(/y/g, 'i')
    .replace(/c(?!h)/g, 'j')
    .replace(/dzh|dj/g, 'j')
    .replace(/x/g, 'kh')
    .replace(/q/g, 'k')
    .replace(/(.)\1+/g, '$1');
  return key;
}


/** Words with their UTF-16 offsets, as the search tokenizer sees them (letters and digits). */
export function wordsWithOffsets(text: string): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    words.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** Letters and digits: a word, as the search tokenizer splits text. */
export const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

/** A word worth a spelling skeleton: a name (capitalised) or a word with letters beyond ASCII. */
export function isNameCandidate(word: string): boolean {
  if (word.length < 3 || word.length > MAX_NAME_LENGTH) return false;
  const first = word.charCodeAt(0);
  if (first >= 65 && first <= 90) return true;
  for (let index = 0; index < word.length; index += 1) {
    if (word.charCodeAt(index) > 127) return true;
  }
  return false;
}

/**
 * The skeletons that make a document findable by other spellings of its names: every word that
 * is capitalised or has a letter outside ASCII, once each.
 */
export function nameSkeletons(words: Iterable<string>): string {
  const keys = new Set<string>();
  for (const word of words) if (isNameCandidate(word)) keys.add(spellingSkeleton(word));
  return [...keys].join(' ');
}
