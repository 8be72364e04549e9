// Plain text and Markdown: detecting the character encoding, refusing binary data, finding a title.
import { analyse } from 'chardet';
import { DEFAULT_LIMITS } from '../../limits';
import type { IngestLimits } from '../../limits';
import type { ExtractedDocument } from '../types';
import { cleanText } from './clean';
import { displayName, formatCount, languageFromTag, normalizeDate, refuse, shortenTitle, titleFromText, truncateText, truncationNote } from './common';
import { detectLanguage } from './language';

/** chardet reads statistics, not the whole file; this much decides a legacy encoding. */
const CHARDET_SAMPLE_BYTES = 64 * 1024;
/** Share of control or undecodable characters above which a "text" file is really binary data. */
const MAX_JUNK_SHARE = 0.01;

/** How a text file was decoded, for the document's metadata. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
}

/**
 * Decodes bytes whose encoding nobody declared: a byte order mark wins, then UTF-16 recognised by
 * its zero bytes, then strict UTF-8, then chardet's best legacy single- or multi-byte guess.
 * Throws when the bytes are not text at all.
 */
export function decodeText(bytes: Uint8Array, name: string, maxBytes = Number.POSITIVE_INFINITY): DecodedText {
  const bom = encodingFromBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    return checked(decodeBytes(bom.encoding === 'utf-8' ? utf8Prefix(body, maxBytes) : evenPrefix(body, maxBytes), bom.encoding), bom.encoding, name);
  }

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return checked(decodeBytes(evenPrefix(bytes, maxBytes), utf16), utf16, name);
  if (bytes.includes(0)) throw notText(name);

  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(utf8Prefix(bytes, maxBytes)), 'utf-8', name);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  const encoding = guessLegacyEncoding(bytes.subarray(0, CHARDET_SAMPLE_BYTES));
  return checked(decodeBytes(bytes.subarray(0, Math.min(bytes.length, maxBytes)), encoding), encoding, name);
}

/** At most `maxBytes` of UTF-8, ending before a character rather than inside one. */
function utf8Prefix(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.length <= maxBytes) return bytes;
  let cut = maxBytes;
  while (cut > maxBytes - 4 && cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut -= 1;
  return bytes.subarray(0, cut);
}

/** At most `maxBytes` of UTF-16: whole code units. */
function evenPrefix(bytes: Uint8Array, maxBytes: number): Uint8Array {
  return bytes.length <= maxBytes ? bytes : bytes.subarray(0, maxBytes - (maxBytes % 2));
}

/**
 * Decodes with a declared encoding (HTML's meta charset). Unknown labels, and "UTF-8" declared for
 * bytes that are not UTF-8 (a common mistake of old sites), fall back to detection.
 */
export function decodeWithLabel(bytes: Uint8Array, label: string, name: string): DecodedText {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch (error) {
    if (error instanceof RangeError) return decodeText(bytes, name);
    throw error;
  }
  if (encoding === 'utf-8') return decodeText(bytes, name);
  return checked(decodeBytes(bytes, encoding), encoding, name);
}

function encodingFromBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Mostly-Latin UTF-16 has a zero in every other byte; which half tells the byte order. */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros += 1;
    if (sample[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function guessLegacyEncoding(sample: Uint8Array): string {
  for (const match of analyse(sample)) {
    const label = match.name.toLowerCase();
    // Strict UTF-8 already failed, and UTF-16/32 would have shown zero bytes.
    if (label === 'ascii' || label.startsWith('utf')) continue;
    // WHATWG decodes "latin1" as windows-1252 anyway; say so, since that is what happens.
    const encoding = label === 'iso-8859-1' ? 'windows-1252' : label;
    try {
      return new TextDecoder(encoding).encoding;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return 'windows-1252';
}

/**
 * Decodes with a WHATWG encoding. Node 20's TextDecoder decodes windows-1252 (and so "latin1",
 * which WHATWG maps to it) as ISO-8859-1, turning smart quotes, dashes and € into invisible C1
 * controls; that one encoding is therefore decoded here.
 */
export function decodeBytes(bytes: Uint8Array, encoding: string): string {
  const decoder = new TextDecoder(encoding);
  if (decoder.encoding !== 'windows-1252') return decoder.decode(bytes);
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80] ?? character);
}

/** windows-1252 bytes 0x80–0x9f; the five unassigned bytes stay as their C1 code points, as WHATWG says. */
const WINDOWS_1252_HIGH = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];

function checked(text: string, encoding: string, name: string): DecodedText {
  if (looksBinary(text)) throw notText(name);
  return { text, encoding };
}

/** Control characters other than line breaks and tabs, and U+FFFD, do not occur in real text. */
function looksBinary(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // eslint-disable-next-line no-control-regex
  const junk = sample.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g)?.length ?? 0;
  return junk > Math.max(2, sample.length * MAX_JUNK_SHARE);
}

function notText(name: string): Error {
  return refuse(`${displayName(name)} is not text (it looks like binary data); check the file`);
}

/** Reads a .txt or .md file; past `maxDocumentCharacters` the text is cut, with a note at its end. */
export function readText(name: string, bytes: Uint8Array, kind: 'text' | 'markdown', limits: IngestLimits = DEFAULT_LIMITS): ExtractedDocument {
  // Decoding all of a 200 MB file only to keep 20 M characters took gigabytes: decode no more than
  // can fill the limit (two bytes a character covers UTF-8 in Latin, Cyrillic and Armenian, and UTF-16).
  const maxBytes = limits.maxDocumentCharacters * 2;
  const { text: decoded, encoding } = decodeText(bytes, name, maxBytes);
  const cutShort = bytes.length > maxBytes;
  const { body, fields } = kind === 'markdown' ? splitFrontMatter(decoded) : { body: decoded, fields: {} };
  const rawTitle = fields.title ?? titleFromText(kind === 'markdown' ? body.replace(/^[ \t]*#{1,6}[ \t]+/gm, '') : body, name);
  const title = shortenTitle(rawTitle);
  const cleaned = cleanText(body, title);
  if (cleaned === '') throw refuse(`${displayName(name)} has no text (only blank space); nothing to import`);
  const note = cutShort || cleaned.length > limits.maxDocumentCharacters
    ? truncationNote(displayName(name), `the first ${formatCount(limits.maxDocumentCharacters)} characters at most`, 'maxDocumentCharacters')
    : null;
  // Bytes cut short end mid-paragraph: the cut moves back to the last break either way.
  const text = note ? truncateText(cleaned, Math.min(limits.maxDocumentCharacters, cutShort ? cleaned.length - 1 : cleaned.length), note) : cleaned;
  const language = languageFromTag(fields.lang ?? fields.language);
  return {
    kind,
    title,
    text,
    html: null,
    author: fields.author ?? null,
    source: null,
    publishedAt: normalizeDate(fields.date),
    language: language ?? detectLanguage(text),
    pageStarts: null,
    meta: note ? { encoding, truncated: note } : { encoding },
    attachments: [],
  };
}

/**
 * Markdown notes often open with YAML front matter; its simple `key: value` lines give the title,
 * author and date, and the block itself is not part of the text a person reads.
 */
function splitFrontMatter(text: string): { body: string; fields: Record<string, string> } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { body: text, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const pair = /^([A-Za-z_]+):\s*(.+?)\s*$/.exec(line);
    if (pair?.[1] && pair[2]) fields[pair[1].toLowerCase()] = pair[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return { body: text.slice(match[0].length), fields };
}
