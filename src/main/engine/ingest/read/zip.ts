// Zip archives (and the zip inside every DOCX), unpacked within limits so a zip bomb stops early.
// The central directory is read here and each entry inflated with fflate in small steps, counting
// the bytes actually produced: declared sizes are only the archive's word and may lie.
import { Inflate } from 'fflate';
import { DossierError } from '../../../../shared/errors';
import type { ExtractOutcome, IngestFile, IngestLimits } from '../types';
import { copyBytes, describeError, displayName, formatBytes, refuse } from './common';
import { decodeBytes } from './text';

/** One file inside an archive. */
export interface ZipEntry {
  /** The entry's path inside the archive, with "/" separators and no "." or ".." parts. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Whether the unpacked bytes fail the CRC-32 the archive records for them (damaged or altered). */
  readonly damaged: boolean;
}

/** Compressed bytes handed to the inflater at a time; deflate expands at most ~1032×, so one step yields ≤ 9 MB. */
const INFLATE_STEP = 8 * 1024;
/** Text compresses well; below this size a high ratio is ordinary, above it a sign of a bomb. */
const RATIO_CHECK_FLOOR = 1024 * 1024;

const SIGNATURE_END = 0x06054b50;
const SIGNATURE_ZIP64_LOCATOR = 0x07064b50;
const SIGNATURE_ZIP64_END = 0x06064b50;
const SIGNATURE_CENTRAL = 0x02014b50;
const SIGNATURE_LOCAL = 0x04034b50;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

interface CentralEntry {
  readonly path: string;
  readonly isDirectory: boolean;
  readonly encrypted: boolean;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
  readonly crc: number;
}

/** Whether the bytes start like a zip archive (a local file header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The entry paths of an archive, read from its central directory without inflating anything. */
export function listZipPaths(name: string, bytes: Uint8Array): string[] {
  return readCentralDirectory(displayName(name), bytes, 'zip archive').map((entry) => entry.path);
}

/**
 * Every file in the archive, inflated. Refuses (throws) when the archive holds too many entries,
 * expands past the byte limit, an entry expands suspiciously far, or entries are encrypted.
 * `what` names the file's kind in messages ("zip archive", "Word document").
 */
export function unzipWithinLimits(name: string, bytes: Uint8Array, limits: IngestLimits, what = 'zip archive'): ZipEntry[] {
  const label = displayName(name);
  const entries = readCentralDirectory(label, bytes, what, limits.maxArchiveEntries).filter((entry) => !entry.isDirectory);
  const tooBig = (): Error => refuse(`${label} expands to more than ${formatBytes(limits.maxArchiveBytes)}; Dossier stopped reading it (possible zip bomb)`);
  // The declared sizes can refuse an honest giant before any work; the real count below catches liars.
  if (entries.reduce((sum, entry) => sum + entry.declaredSize, 0) > limits.maxArchiveBytes) throw tooBig();

  const result: ZipEntry[] = [];
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) throw refuse(`${label} is password-protected (${entry.path}); unpack it with its password and import the files`);
    const data = compressedData(label, bytes, entry, what);
    const inflated = inflateEntry(label, entry, data, limits, limits.maxArchiveBytes - total, tooBig);
    total += inflated.length;
    result.push({ path: entry.path, bytes: inflated, damaged: crc32(inflated) !== entry.crc });
  }
  return result;
}

/** Files macOS and others add to archives that nobody means to import. */
function isJunkPath(path: string): boolean {
  const parts = path.split('/');
  const last = parts[parts.length - 1] ?? '';
  return parts[0] === '__MACOSX' || last === '.DS_Store' || last === 'Thumbs.db' || last === 'desktop.ini' || last.startsWith('._');
}

/** Reads a .zip: its files become members for the importer to read in turn (nested archives too). */
export function readZip(file: IngestFile, limits: IngestLimits, depth: number): ExtractOutcome {
  const label = displayName(file.name);
  if (depth >= limits.maxArchiveDepth) {
    throw refuse(`${label} is an archive nested ${depth} deep; Dossier opens archives nested up to ${limits.maxArchiveDepth} deep; unpack it first`);
  }
  const members = unzipWithinLimits(file.name, file.bytes, limits)
    .filter((entry) => !isJunkPath(entry.path))
    .map((entry): IngestFile => {
      const name = `${label}/${entry.path}`;
      if (!entry.damaged) return { name, bytes: entry.bytes };
      // The other members may be sound: this one fails on its own, and they are imported.
      return { name, bytes: entry.bytes, problem: `${name} is damaged (its CRC-32 checksum does not match the archive's); get a sound copy of ${label}` };
    });
  return { type: 'container', members };
}

function inflateEntry(
  label: string,
  entry: CentralEntry,
  data: Uint8Array,
  limits: IngestLimits,
  budget: number,
  tooBig: () => Error,
): Uint8Array {
  const checkSize = (produced: number, consumed: number): void => {
    if (produced > budget) throw tooBig();
    if (produced > entry.declaredSize) {
      throw refuse(`${label} expands to more than the size it declares (${entry.path}); Dossier stopped reading it (possible zip bomb)`);
    }
    if (produced > RATIO_CHECK_FLOOR && produced / Math.max(consumed, 1) > limits.maxCompressionRatio) {
      throw refuse(
        `${label} expands more than ${limits.maxCompressionRatio} times its packed size (${entry.path}); Dossier stopped reading it (possible zip bomb)`,
      );
    }
  };

  if (entry.method === METHOD_STORED) {
    checkSize(data.length, data.length);
    return copyBytes(data);
  }
  if (entry.method !== METHOD_DEFLATE) {
    throw refuse(`${label} uses a compression method Dossier cannot read (${entry.path}, method ${entry.method}); re-pack it as a standard zip`);
  }

  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < data.length || offset === 0; offset += INFLATE_STEP) {
      const end = Math.min(offset + INFLATE_STEP, data.length);
      inflater.push(data.subarray(offset, end), end >= data.length);
      checkSize(produced, end);
    }
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw refuse(`${label} is damaged: ${entry.path} cannot be unpacked (${describeError(error)}); check the file`);
  }
  return concat(chunks, produced);
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const result = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

function compressedData(label: string, bytes: Uint8Array, entry: CentralEntry, what: string): Uint8Array {
  const view = viewOf(bytes);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== SIGNATURE_LOCAL) throw damaged(label, what, `no header for ${entry.path}`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged(label, what, `${entry.path} is cut short`);
  return bytes.subarray(start, end);
}

/** The archive's file list; past `maxFiles` files it stops and refuses, before listing millions. */
function readCentralDirectory(label: string, bytes: Uint8Array, what: string, maxFiles = Number.POSITIVE_INFINITY): CentralEntry[] {
  const view = viewOf(bytes);
  const endRecord = findEndRecord(view);
  if (endRecord < 0) throw damaged(label, what, 'no end of central directory');
  let count = view.getUint16(endRecord + 10, true);
  let offset = view.getUint32(endRecord + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const zip64 = readZip64End(view, endRecord);
    if (zip64) ({ count, offset } = zip64);
  }

  const entries: CentralEntry[] = [];
  let files = 0;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== SIGNATURE_CENTRAL) throw damaged(label, what, 'the file list is broken');
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let declaredSize = view.getUint32(offset + 24, true);
    let localOffset = view.getUint32(offset + 42, true);
    const rawName = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const extra = bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff) {
      ({ compressedSize, declaredSize, localOffset } = zip64Sizes(extra, { compressedSize, declaredSize, localOffset }));
    }
    const rawPath = decodeEntryName(rawName, (flags & 0x800) !== 0);
    const isDirectory = rawPath.endsWith('/') || rawPath.endsWith('\\');
    if (!isDirectory && ++files > maxFiles) {
      throw refuse(`${label} holds more than ${maxFiles} files; Dossier imports archives of up to ${maxFiles} files; split it first`);
    }
    entries.push({
      path: safePath(rawPath),
      isDirectory,
      encrypted: (flags & 1) !== 0,
      method: view.getUint16(offset + 10, true),
      compressedSize,
      declaredSize,
      localOffset,
      crc: view.getUint32(offset + 16, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(view: DataView): number {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let position = view.byteLength - 22; position >= lowest; position--) {
    if (view.getUint32(position, true) === SIGNATURE_END) return position;
  }
  return -1;
}

function readZip64End(view: DataView, endRecord: number): { count: number; offset: number } | null {
  const locator = endRecord - 20;
  if (locator < 0 || view.getUint32(locator, true) !== SIGNATURE_ZIP64_LOCATOR) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== SIGNATURE_ZIP64_END) return null;
  return { count: Number(view.getBigUint64(record + 32, true)), offset: Number(view.getBigUint64(record + 48, true)) };
}

function zip64Sizes(
  extra: Uint8Array,
  sizes: { compressedSize: number; declaredSize: number; localOffset: number },
): { compressedSize: number; declaredSize: number; localOffset: number } {
  const view = viewOf(extra);
  for (let position = 0; position + 4 <= extra.length; ) {
    const id = view.getUint16(position, true);
    const size = view.getUint16(position + 2, true);
    if (id === 0x0001) {
      // Only the fields marked 0xffffffff in the directory are present, in this order.
      let field = position + 4;
      const next = (): number => {
        const value = field + 8 <= extra.length ? Number(view.getBigUint64(field, true)) : 0xffffffff;
        field += 8;
        return value;
      };
      const declaredSize = sizes.declaredSize === 0xffffffff ? next() : sizes.declaredSize;
      const compressedSize = sizes.compressedSize === 0xffffffff ? next() : sizes.compressedSize;
      const localOffset = sizes.localOffset === 0xffffffff ? next() : sizes.localOffset;
      return { compressedSize, declaredSize, localOffset };
    }
    position += 4 + size;
  }
  return sizes;
}

/** Entry names are UTF-8 when flagged, and in practice usually UTF-8 anyway; else the old DOS code page. */
function decodeEntryName(raw: Uint8Array, flaggedUtf8: boolean): string {
  if (flaggedUtf8) return new TextDecoder('utf-8').decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    // WHATWG has no CP437; windows-1252 reads the Latin names that old tools wrote.
    return decodeBytes(raw, 'windows-1252');
  }
}

/** A member path that cannot climb out of the archive, whatever the entry claims. */
function safePath(raw: string): string {
  const parts = raw
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..');
  return parts.join('/') || 'unnamed';
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 (ISO-HDLC, as zip uses it) of some bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (let index = 0; index < bytes.length; index += 1) crc = CRC_TABLE[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function damaged(label: string, what: string, detail: string): Error {
  return refuse(`${label} is damaged or not really a ${what} (${detail}); check the file`);
}
