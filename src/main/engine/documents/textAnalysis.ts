/** What a document's text gives for search and de-duplication, worked out once per document. */
import { WORD_PATTERN, isNameCandidate, nameSkeletons, spellingSkeleton } from '../../../shared/textFolding';
import { hashAsciiWordFolded, minhashOfWordHashes, minhashSignature } from './nearDuplicates';

export interface TextAnalysis {
  /** Spelling skeletons of the names in title and text, indexed beside the text. */
  readonly searchNames: string;
  /** MinHash signature for near-duplicate detection, or null for texts too short to judge. */
  readonly fingerprint: string | null;
}

/** One pass over the words serves both the name skeletons and the fingerprint. */
export function analyzeText(title: string, text: string): TextAnalysis {
  // eslint-disable-next-line no-control-regex -- ASCII is exactly the range meant here
  if (!/[^\x00-\x7f]/.test(text)) return analyzeAsciiText(title, text);
  const words = text.match(WORD_PATTERN) ?? [];
  return { searchNames: searchNamesOf(title, words), fingerprint: minhashSignature(words) };
}

/** The name skeletons of a title and the words of its text. */
export function searchNamesOf(title: string, words: readonly string[]): string {
  return nameSkeletons([...(title.match(WORD_PATTERN) ?? []), ...words]);
}

const isAsciiWordCode = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * analyzeText for a text of ASCII only (most newswire), the same result without a string for every
 * word: in ASCII a word (WORD_PATTERN) is a run of letters and digits, folding it is lower-casing, and
 * a name candidate is a word of 3 to 100 characters that starts with a capital.
 */
function analyzeAsciiText(title: string, text: string): TextAnalysis {
  const keys = new Set<string>();
  for (const word of title.match(WORD_PATTERN) ?? []) if (isNameCandidate(word)) keys.add(spellingSkeleton(word));
  let hashes = new Uint32Array(256);
  let count = 0;
  for (let index = 0; index < text.length; ) {
    if (!isAsciiWordCode(text.charCodeAt(index))) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < text.length && isAsciiWordCode(text.charCodeAt(index))) index += 1;
    if (count === hashes.length) {
      const grown = new Uint32Array(count * 2);
      grown.set(hashes);
      hashes = grown;
    }
    hashes[count++] = hashAsciiWordFolded(text, start, index);
    const first = text.charCodeAt(start);
    if (first >= 65 && first <= 90 && index - start >= 3) {
      const word = text.slice(start, index);
      if (isNameCandidate(word)) keys.add(spellingSkeleton(word));
    }
  }
  return { searchNames: [...keys].join(' '), fingerprint: minhashOfWordHashes(hashes.subarray(0, count)) };
}
