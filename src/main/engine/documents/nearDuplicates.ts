/**
 * Near-duplicate detection: the same story syndicated twice, lightly edited. Documents are
 * compared by the Jaccard similarity of their word 3-shingles, estimated with MinHash, and found
 * with locality-sensitive hashing over bands of the signature, so an import never compares a new
 * document with every other one. (SimHash was tried first: on a 450-word article one changed word
 * moved the fingerprint by 8 of 64 bits, too noisy at news-article lengths.)
 */
import { foldText } from '../../../shared/textFolding';

const HASHES = 32;
const BANDS = 8;
const ROWS = HASHES / BANDS;
const SHINGLE = 3;
/** Fewer shingles than this and similarity says little (a headline-only wire item). */
const MIN_SHINGLES = 40;
/** Estimated Jaccard similarity at which two documents count as the same story. */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;

// Fixed odd multipliers and offsets for the universal hash family h_i(x) = a_i * x + b_i (mod 2^32).
const MULTIPLIERS = Uint32Array.from({ length: HASHES }, (_, index) => (Math.imul(index + 1, 0x9e3779b1) | 1) >>> 0);
const OFFSETS = Uint32Array.from({ length: HASHES }, (_, index) => Math.imul(index + 7, 0x85ebca6b) >>> 0);

function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index += 1) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

function mix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** The MinHash signature of a text as hex (8 digits a hash), or null when the text is too short. */
export function minhashSignature(text: string): string | null {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length < MIN_SHINGLES + SHINGLE - 1) return null;
  const wordHashes = words.map(hashWord);
  const minimums = new Uint32Array(HASHES).fill(0xffffffff);
  for (let start = 0; start + SHINGLE <= wordHashes.length; start += 1) {
    const shingle = mix(wordHashes[start]! ^ mix(wordHashes[start + 1]! ^ mix(wordHashes[start + 2]!)));
    for (let index = 0; index < HASHES; index += 1) {
      const value = (Math.imul(MULTIPLIERS[index]!, shingle) + OFFSETS[index]!) >>> 0;
      if (value < minimums[index]!) minimums[index] = value;
    }
  }
  return Array.from(minimums, (value) => value.toString(16).padStart(8, '0')).join('');
}

/** The LSH band keys of a signature: documents sharing any key are candidates. */
export function bandKeys(signature: string): string[] {
  return Array.from({ length: BANDS }, (_, band) => signature.slice(band * ROWS * 8, (band + 1) * ROWS * 8));
}

/** The share of equal hashes: an estimate of the Jaccard similarity of two documents' shingles. */
export function estimateSimilarity(first: string, second: string): number {
  let equal = 0;
  for (let index = 0; index < HASHES; index += 1) {
    if (first.slice(index * 8, index * 8 + 8) === second.slice(index * 8, index * 8 + 8)) equal += 1;
  }
  return equal / HASHES;
}
