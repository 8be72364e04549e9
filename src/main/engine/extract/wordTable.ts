// A compact, read-only table from words to a few small numbers (the word clusters, the word list's flags), stored
// as a binary file that loads without parsing: the words' 32-bit fingerprints, sorted, and their values beside them.
// A third of a million words load in a millisecond this way, where their text took a tenth of a second to unpack
// and index (resources/ner/README.md, "Start-up").

/** FNV-1a over UTF-16 code units; also the tagger's feature hash. */
export function hashString(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

const magic = 0x31545744; // "DWT1", little-endian
const headerBytes = 12;

export class WordTable {
  /**
   * `keys`: fingerprints (hashString >>> 0), ascending and distinct; `values`: `width` numbers per key, in key order.
   * Two words of the table with one fingerprint keep the first's values: with 32-bit fingerprints that is a handful
   * of the 341,479 cluster words, and a word outside the table is taken for one inside about once in 10,000 new words.
   */
  constructor(
    readonly keys: Uint32Array,
    readonly values: Uint16Array,
    readonly width: number,
  ) {}

  static readonly empty = new WordTable(new Uint32Array(0), new Uint16Array(0), 0);

  get size(): number {
    return this.keys.length;
  }

  /** From lines "word<TAB>value<TAB>value…" (`width` values each); lines that do not have them are skipped. */
  static fromLines(text: string): WordTable {
    const rows: Array<{ key: number; values: number[] }> = [];
    let width = 0;
    for (const line of text.split('\n')) {
      const fields = line.split('\t');
      if (fields.length < 2 || !fields[0]) continue;
      if (width === 0) width = fields.length - 1;
      if (fields.length - 1 !== width) continue;
      rows.push({ key: hashString(fields[0]) >>> 0, values: fields.slice(1).map(Number) });
    }
    // Stable: of two words with one fingerprint, the first in the text wins.
    rows.sort((a, b) => a.key - b.key);
    const kept = rows.filter((row, index) => index === 0 || rows[index - 1]!.key !== row.key);
    const keys = new Uint32Array(kept.length);
    const values = new Uint16Array(kept.length * width);
    kept.forEach((row, index) => {
      keys[index] = row.key;
      values.set(row.values, index * width);
    });
    return new WordTable(keys, values, width);
  }

  /** The file form: magic, count, width, then the keys and the values (little-endian). */
  toBytes(): Buffer {
    const header = Buffer.alloc(headerBytes);
    header.writeUInt32LE(magic, 0);
    header.writeUInt32LE(this.keys.length, 4);
    header.writeUInt32LE(this.width, 8);
    return Buffer.concat([header, Buffer.from(this.keys.buffer, this.keys.byteOffset, this.keys.byteLength), Buffer.from(this.values.buffer, this.values.byteOffset, this.values.byteLength)]);
  }

  /** Reads toBytes' form; throws on anything else. The arrays view a copy aligned for them. */
  static fromBytes(bytes: Uint8Array): WordTable {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < headerBytes || view.getUint32(0, true) !== magic) throw new Error('not a word table');
    const count = view.getUint32(4, true);
    const width = view.getUint32(8, true);
    if (bytes.byteLength !== headerBytes + count * 4 + count * width * 2) throw new Error('truncated word table');
    const aligned = new ArrayBuffer(bytes.byteLength - headerBytes);
    new Uint8Array(aligned).set(bytes.subarray(headerBytes));
    return new WordTable(new Uint32Array(aligned, 0, count), new Uint16Array(aligned, count * 4, count * width), width);
  }

  /** The row of `word`, or -1. */
  find(word: string): number {
    const key = hashString(word) >>> 0;
    const { keys } = this;
    let low = 0;
    let high = keys.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = keys[middle]!;
      if (found < key) low = middle + 1;
      else if (found > key) high = middle - 1;
      else return middle;
    }
    return -1;
  }

  /** The first value of `word`'s row, or `missing`. */
  first(word: string, missing = 0): number {
    const row = this.find(word);
    return row < 0 ? missing : this.values[row * this.width]!;
  }

  /** All values of `word`'s row (a view), or null. */
  row(word: string): Uint16Array | null {
    const row = this.find(word);
    return row < 0 ? null : this.values.subarray(row * this.width, (row + 1) * this.width);
  }
}
