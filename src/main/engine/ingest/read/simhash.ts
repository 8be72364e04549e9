// SimHash fingerprints for spotting near-duplicates: syndicated copies of one story differ by a few
// words, so their fingerprints differ in a few bits, while unrelated texts differ in about half.
import { DossierError } from '../../../../shared/errors';

const EMPTY_FINGERPRINT = '0000000000000000';
const SHINGLE_SIZE = 3;

/**
 * The 64-bit SimHash of a text's word 3-shingles, as 16 lower-case hex digits. Words are compared
 * lower-cased with diacritics removed, so "Pashinián" and "Pashinian" count as the same word.
 */
export function simhash(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return EMPTY_FINGERPRINT;

  // Each word is hashed once; a shingle's hash mixes its words' hashes in order.
  const wordHashes = new Uint32Array(words.length);
  for (let index = 0; index < words.length; index++) wordHashes[index] = fnv1a32(words[index] ?? '');

  // A bit is set in the fingerprint when most shingles have it set. Counting every bit of every
  // shingle costs 64 steps each; counting each 4-bit group's value costs 16, and the groups are
  // turned into per-bit counts once at the end.
  const groups = new Int32Array(16 * 16);
  const shingles = Math.max(1, words.length - SHINGLE_SIZE + 1);
  for (let start = 0; start < shingles; start++) {
    let low = 0x9747b28c;
    let high = 0x2545f491;
    for (let index = start; index < Math.min(start + SHINGLE_SIZE, words.length); index++) {
      const word = wordHashes[index] ?? 0;
      low = combine(low, word);
      high = combine(high, Math.imul(word, 0x27d4eb2f) ^ 0x165667b1);
    }
    low = mix32(low);
    high = mix32(high ^ low);
    for (let group = 0; group < 8; group++) {
      const lowSlot = (group << 4) | ((low >>> (group << 2)) & 15);
      const highSlot = ((group + 8) << 4) | ((high >>> (group << 2)) & 15);
      groups[lowSlot] = (groups[lowSlot] ?? 0) + 1;
      groups[highSlot] = (groups[highSlot] ?? 0) + 1;
    }
  }
  const ones = new Int32Array(64);
  for (let slot = 0; slot < 256; slot++) {
    const count = groups[slot] ?? 0;
    if (count === 0) continue;
    const firstBit = (slot >>> 4) << 2;
    for (let bit = 0; bit < 4; bit++) if ((slot >>> bit) & 1) ones[firstBit + bit] = (ones[firstBit + bit] ?? 0) + count;
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((ones[bit] ?? 0) * 2 > shingles) low |= 1 << bit;
    if ((ones[bit + 32] ?? 0) * 2 > shingles) high |= 1 << bit;
  }
  return hex32(high) + hex32(low);
}

/** How many of the 64 bits two SimHash fingerprints differ in (0 = same, about 32 = unrelated). */
export function hammingDistance(a: string, b: string): number {
  for (const value of [a, b]) {
    if (!/^[0-9a-f]{16}$/i.test(value)) {
      throw new DossierError('invalid-input', `"${value}" is not a SimHash fingerprint; pass the 16 hex digits simhash() returns`);
    }
  }
  return (
    popCount((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0) +
    popCount((parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0)
  );
}

/** FNV-1a, 32 bits: fast on short strings such as words. */
function fnv1a32(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** One step of MurmurHash3's body: order-sensitive, so "a b c" and "c b a" hash apart. */
function combine(hash: number, value: number): number {
  let block = Math.imul(value, 0xcc9e2d51);
  block = (block << 15) | (block >>> 17);
  block = Math.imul(block, 0x1b873593);
  const mixed = hash ^ block;
  return (Math.imul((mixed << 13) | (mixed >>> 19), 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser: every input bit flips about half the output bits. */
function mix32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function popCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
