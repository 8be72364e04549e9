// Small helpers every reader shares: file names for messages, refusals, sizes, dates, titles.
import { DossierError } from '../../../../shared/errors';

/** The name to put in a message: the member path for archive members, the base name for disk paths. */
export function displayName(name: string): string {
  const absolute = name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(name);
  if (!absolute) return name;
  const parts = name.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? name;
}

/**
 * A copy of some bytes as a plain Uint8Array. `slice()` will not do: on a Node Buffer (what the
 * importer reads from disk) it returns a view of the whole file, which would keep the file alive,
 * and pdf.js refuses Buffers outright.
 */
export function copyBytes(bytes: Uint8Array, start = 0, end = bytes.length): Uint8Array {
  return new Uint8Array(bytes.subarray(start, end));
}

/** The lower-case extension of a file name, with its dot (".txt"), or "" when there is none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The error a reader throws for input it will not or cannot read. */
export function refuse(message: string): DossierError {
  return new DossierError('invalid-input', message);
}

/** "300 MB", "1 GB", "12 KB": sizes as a person reads them in a message. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 10 || unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}

/** The message of anything thrown, for wrapping a library's error in one of ours. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown error';
}

/**
 * A date from metadata as the documents contract stores it: "YYYY-MM-DD" when only a day is
 * known, else a UTC ISO date-time. Anything unparseable gives null rather than a wrong date.
 */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : toIsoSeconds(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return isRealDay(Number(day[1]), Number(day[2]), Number(day[3])) ? text : null;
  // Only accept forms Date parses the same everywhere: ISO 8601 and RFC 2822.
  const looksIso = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text);
  const looksRfc = /^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}/.test(text);
  if (!looksIso && !looksRfc) return null;
  const parsed = new Date(looksIso ? text.replace(' ', 'T') : text);
  return Number.isNaN(parsed.getTime()) ? null : toIsoSeconds(parsed);
}

function toIsoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const MAX_TITLE_LENGTH = 200;

/** A title cut to a readable length at a word boundary. */
export function shortenTitle(title: string): string {
  const single = title.replace(/\s+/g, ' ').trim();
  if (single.length <= MAX_TITLE_LENGTH) return single;
  const cut = single.slice(0, MAX_TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The first non-empty line of a text, as a title; the fallback is the file name. */
export function titleFromText(text: string, fallback: string): string {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '') return shortenTitle(trimmed);
  }
  return shortenTitle(fallback);
}

/** An ISO 639-1 code from a language tag ("en-GB" → "en"), or null when it is not one. */
export function languageFromTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}

/** Decodes the few XML/HTML entities metadata uses, and numeric references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos|nbsp);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return fromCodePoint(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return fromCodePoint(parseInt(lower.slice(1), 10), whole);
    return NAMED_ENTITIES[lower] ?? whole;
  });
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

function fromCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/**
 * A text cut to at most `maxCharacters` (at a paragraph or word break when one is near), with
 * `note` appended as its own paragraph, so that whoever reads the document sees that it goes on.
 */
export function truncateText(text: string, maxCharacters: number, note: string): string {
  if (text.length <= maxCharacters) return `${text}\n\n[${note}]`;
  const window = Math.min(10_000, maxCharacters >> 1);
  let cut = text.lastIndexOf('\n\n', maxCharacters);
  if (cut < maxCharacters - window) cut = text.lastIndexOf(' ', maxCharacters);
  if (cut < maxCharacters - window) cut = maxCharacters;
  // Never between the two halves of a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}\n\n[${note}]`;
}

/** The note a document carries when Dossier kept only part of it. */
export function truncationNote(label: string, kept: string, limitName: string, rest = 'the rest is not in the case'): string {
  return `Dossier kept ${kept} of ${label} (the limit ${limitName}); ${rest}. Split the file and import the parts to have all of it.`;
}

/** "20,000,000": counts as a person reads them in a message. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
