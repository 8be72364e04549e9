// Reuters-21578 newswire SGML (reut2-*.sgm): one document per <REUTERS> story. The collection is
// 21,578 stories in 27 MB, so it is read by string scanning, not with a DOM.
import type { ExtractOutcome, ExtractedDocument } from '../types';
import { cleanText } from './clean';
import { copyBytes, decodeEntities, displayName, refuse, shortenTitle, titleFromText } from './common';

const STORY = /<REUTERS\b([^>]*)>([\s\S]*?)<\/REUTERS>/g;
/**
 * Wire paragraphs open with a line indented by four spaces; the lines are otherwise hard-wrapped
 * and are kept as they are. Deeper indentation is table layout, not a paragraph.
 */
const PARAGRAPH_START = /\n {3,5}(?=[\p{L}\p{N}"'(<])/gu;
const MONTHS: Readonly<Record<string, string>> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06',
  JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

/** Whether text (the start of a file) is Reuters-21578 SGML. */
export function looksLikeReuters(head: string): boolean {
  return head.startsWith('<!DOCTYPE lewis') || /<REUTERS\s+[A-Z]+="/.test(head);
}

/**
 * Reads a Reuters-21578 file. Each story keeps its exact bytes as its original. Stories without a
 * <BODY> still become documents so the collection stays complete: a BRIEF story (a headline with
 * "Blah blah blah." for body) gets its headline as text, an UNPROC story (an unparsed table) gets
 * the raw text of its <TEXT> element. meta.textType says which ("NORM", "BRIEF" or "UNPROC").
 */
export function readReuters(name: string, bytes: Uint8Array): ExtractOutcome {
  const label = displayName(name);
  // The files are Latin-1; latin1 also keeps string offsets equal to byte offsets for the originals.
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const documents: ExtractedDocument[] = [];
  STORY.lastIndex = 0;
  for (let match = STORY.exec(source); match; match = STORY.exec(source)) {
    documents.push(readStory(label, match[1] ?? '', match[2] ?? '', copyBytes(bytes, match.index, match.index + match[0].length)));
  }
  if (documents.length === 0) throw refuse(`${label} has no complete <REUTERS> stories; check that the file is not cut short`);
  return { type: 'documents', documents };
}

function readStory(label: string, attributes: string, story: string, original: Uint8Array): ExtractedDocument {
  const newId = attribute(attributes, 'NEWID');
  const oldId = attribute(attributes, 'OLDID');
  const textStart = story.indexOf('<TEXT');
  const textOpenEnd = textStart < 0 ? -1 : story.indexOf('>', textStart);
  const textElement = textOpenEnd < 0 ? '' : story.slice(textOpenEnd + 1, endOf(story, '</TEXT>', textOpenEnd));
  const textType = textStart < 0 ? 'NORM' : (attribute(story.slice(textStart, textOpenEnd), 'TYPE') ?? 'NORM');

  const rawTitle = between(textElement, '<TITLE>', '</TITLE>');
  const headline = rawTitle === null ? '' : decodeEntities(rawTitle).replace(/\s+/g, ' ').trim();
  const rawDateline = between(textElement, '<DATELINE>', '</DATELINE>');
  const dateline = rawDateline === null ? null : decodeEntities(rawDateline).replace(/\s+/g, ' ').replace(/\s*-\s*$/, '').trim() || null;
  const body = between(textElement, '<BODY>', '</BODY>');

  let raw: string;
  // The dateline opens the story's first line, as the wire sent it ("SALVADOR, Feb 26 - Showers continued …"): it
  // says where the story was filed, and without it the first line is short, so a name broken after it looks cut.
  if (body !== null) raw = `${dateline ? `${dateline} - ` : ''}${decodeEntities(withoutSignature(body)).replace(PARAGRAPH_START, '\n\n')}`;
  else if (textType === 'UNPROC') raw = decodeEntities(withoutSignature(textElement.replace(/<[^>]*>/g, '')));
  else raw = headline;
  const title = shortenTitle(headline || titleFromText(cleanText(raw), newId ? `Reuters story ${newId}` : label));
  const text = cleanText(raw, title) || title;

  return {
    kind: 'newswire',
    title,
    text,
    html: null,
    author: null,
    source: 'Reuters',
    publishedAt: reutersDate(between(story, '<DATE>', '</DATE>')),
    language: 'en',
    pageStarts: null,
    meta: {
      places: list(story, 'PLACES'),
      people: list(story, 'PEOPLE'),
      orgs: list(story, 'ORGS'),
      exchanges: list(story, 'EXCHANGES'),
      topics: list(story, 'TOPICS'),
      newId,
      oldId,
      dateline,
      textType,
    },
    original,
    originalName: `${label}#${newId ?? oldId ?? '?'}`,
    attachments: [],
  };
}

function attribute(tag: string, name: string): string | null {
  const start = tag.indexOf(`${name}="`);
  if (start < 0) return null;
  const valueStart = start + name.length + 2;
  const end = tag.indexOf('"', valueStart);
  return end < 0 ? null : tag.slice(valueStart, end);
}

function between(text: string, open: string, close: string): string | null {
  const start = text.indexOf(open);
  if (start < 0) return null;
  const end = text.indexOf(close, start + open.length);
  return end < 0 ? null : text.slice(start + open.length, end);
}

function endOf(text: string, close: string, from: number): number {
  const end = text.indexOf(close, from);
  return end < 0 ? text.length : end;
}

/** The <D> items of a category field such as <PLACES><D>usa</D><D>uruguay</D></PLACES>. */
function list(story: string, field: string): string[] {
  const content = between(story, `<${field}>`, `</${field}>`);
  if (!content) return [];
  const items: string[] = [];
  for (let start = content.indexOf('<D>'); start >= 0; start = content.indexOf('<D>', start + 3)) {
    const end = content.indexOf('</D>', start);
    if (end < 0) break;
    items.push(decodeEntities(content.slice(start + 3, end)).trim());
  }
  return items;
}

/** Drops the " Reuter" sign-off and the end-of-text mark (&#3;) that close every wire story. */
function withoutSignature(body: string): string {
  let text = body.trimEnd();
  if (text.endsWith('&#3;')) text = text.slice(0, -4).trimEnd();
  if (/(?:^|\s)reuter$/i.test(text.slice(-7))) text = text.slice(0, -6);
  return text;
}

/** "26-FEB-1987 15:01:01.79" → "1987-02-26T15:01:01Z"; the wire gives no zone, so UTC is assumed. */
export function reutersDate(value: string | null): string | null {
  if (value === null) return null;
  const match = /(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})/.exec(value);
  const month = match ? MONTHS[(match[2] ?? '').toUpperCase()] : undefined;
  if (!match || month === undefined) return null;
  const [, day = '', , year, hour = '', minute, second] = match;
  return `${year}-${month}-${day.padStart(2, '0')}T${hour.padStart(2, '0')}:${minute}:${second}Z`;
}
