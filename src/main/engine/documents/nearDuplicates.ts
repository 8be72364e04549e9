/**
 * Near-duplicate detection: the same story syndicated twice, lightly edited. Documents are
 * compared by the Jaccard similarity of their word 3-shingles, estimated with MinHash, and found
 * with locality-sensitive hashing over bands of the signature, so an import never compares a new
 * document with every other one. The band index lives in memory (a few numbers per document) and
 * is rebuilt from the stored signatures when a case opens for import. (SimHash was tried first: on a 450-word article one changed word
 * moved the fingerprint by 8 of 64 bits, too noisy at news-article lengths.)
 */
import { foldText } from '../../../shared/textFolding';

const HASHES = 32;
const BANDS = 8;
const ROWS = HASHES / BANDS;
/** Fewer shingles than this and similarity says little (a headline-only wire item). */
const MIN_SHINGLES = 40;
/** Estimated Jaccard similarity at which two documents count as the same story. */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;

/** FNV-1a over a word's UTF-16 code units; `hashAsciiWordFolded` must give the same for ASCII words. */
function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < word.length; index += 1) hash = Math.imul(hash ^ word.charCodeAt(index), FNV_PRIME);
  return hash >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** hashWord(foldText(text.slice(start, end))) for a word of ASCII letters and digits, without making the string. */
export function hashAsciiWordFolded(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    // foldText of ASCII is toLowerCase: A-Z become a-z.
    hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), FNV_PRIME);
  }
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

/**
 * The MinHash signature of a text's words as hex (8 digits a bin), or null when there are too few.
 * One-permutation hashing: each 3-shingle is hashed once and lands in one of 32 bins, which keep
 * their minimum; empty bins borrow from the next full one (rotation densification). That costs one
 * hash a shingle instead of 32, with the same estimate of the Jaccard similarity.
 */
export function minhashSignature(words: readonly string[]): string | null {
  if (words.length < MIN_SHINGLES + 2) return null;
  const wordHashes = new Uint32Array(words.length);
  for (let index = 0; index < words.length; index += 1) wordHashes[index] = hashWord(foldText(words[index]!));
  return minhashOfWordHashes(wordHashes);
}

/** minhashSignature from the words' hashes (hashWord of each folded word), in text order. */
export function minhashOfWordHashes(wordHashes: Uint32Array): string | null {
  if (wordHashes.length < MIN_SHINGLES + 2) return null;
  const minimums = new Uint32Array(HASHES).fill(0xffffffff);
  const filled = new Uint8Array(HASHES);
  for (let start = 0; start + 2 < wordHashes.length; start += 1) {
    const shingle = mix(wordHashes[start]! ^ mix(wordHashes[start + 1]! ^ mix(wordHashes[start + 2]!)));
    const bin = shingle >>> 27;
    const value = mix(shingle ^ 0x9e3779b9);
    filled[bin] = 1;
    if (value < minimums[bin]!) minimums[bin] = value;
  }
  for (let bin = 0; bin < HASHES; bin += 1) {
    if (filled[bin]) continue;
    for (let step = 1; step < HASHES; step += 1) {
      const donor = (bin + step) % HASHES;
      if (filled[donor]) {
        minimums[bin] = mix(minimums[donor]! + step);
        break;
      }
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

/** An in-memory LSH index over the signatures of a case's documents. */
export class NearDuplicateIndex {
  private readonly bands = Array.from({ length: BANDS }, () => new Map<string, number[]>());
  private readonly signatures = new Map<number, string>();

  constructor(entries: Iterable<{ id: number; fingerprint: string }> = []) {
    for (const entry of entries) this.insert(entry.id, entry.fingerprint);
  }

  /** Adds a document; returns the earliest indexed document it nearly duplicates, if any. */
  add(id: number, signature: string): number | null {
    let best: number | null = null;
    bandKeys(signature).forEach((key, band) => {
      for (const candidate of this.bands[band]!.get(key) ?? []) {
        if (best !== null && candidate >= best) continue;
        if (estimateSimilarity(this.signatures.get(candidate)!, signature) >= NEAR_DUPLICATE_SIMILARITY) best = candidate;
      }
    });
    this.insert(id, signature);
    return best;
  }

  private insert(id: number, signature: string): void {
    this.signatures.set(id, signature);
    bandKeys(signature).forEach((key, band) => {
      const bucket = this.bands[band]!.get(key);
      if (bucket) bucket.push(id);
      else this.bands[band]!.set(key, [id]);
    });
  }
}
