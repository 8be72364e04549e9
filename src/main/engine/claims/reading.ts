/**
 * Reading a case's documents: after extraction has stored a document's names, the reading layer
 * finds its times, claims, events and relations and they are stored against those names. When the
 * analyst sets or changes a document's date, its times are resolved again, and the dates of its
 * claims and events with them.
 */
import type { Database } from 'better-sqlite3';
import type { DateValue } from '../../../shared/claims';
import { statement } from '../case/statements';
import type { TimeMention } from '../reading/time';
import { findTimes } from '../reading/time';
import type { EventArgument } from '../reading/events';
import type { Tokens } from '../extract/tokenize';
import { tokenize } from '../extract/tokenize';
import { readText } from '../reading/index';
import type { DocumentReading, FoundClaim, FoundEvent, FoundSpan, FoundTime, ResolvedArgument } from './store';
import { dateOf, dateWithin, storeTimes } from './store';

/** What a reader is given: the text, its date (YYYY-MM-DD) when known, and the names extraction found in it. */
export interface ReadingInput {
  readonly text: string;
  readonly documentDate?: string;
  readonly mentions: readonly { readonly start: number; readonly end: number; readonly text: string; readonly type: string }[];
  /** The tokens extraction found the mentions on, when it gives them (the text is then tokenized once). */
  readonly tokens?: Tokens;
  /** The text's times (`findTimes` with `documentDate`), when found already. */
  readonly times?: readonly TimeMention[];
}

export type DocumentReader = (input: ReadingInput) => DocumentReading;

/** The document's own date as YYYY-MM-DD, if it has one. */
export function documentDateOf(db: Database, documentId: number): string | undefined {
  const row = statement(db, 'SELECT published_at FROM documents WHERE id = ?').get(documentId) as { published_at: string | null } | undefined;
  return dayOfPublished(row?.published_at ?? null);
}

/** A stored publication date (YYYY-MM-DD or a full ISO date-time) as YYYY-MM-DD, the reading layer's document date. */
export function dayOfPublished(publishedAt: string | null): string | undefined {
  const value = publishedAt?.slice(0, 10);
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** Resolves a document's times against its (new) date, and re-dates its claims and events; in the caller's transaction. */
export function redateDocument(db: Database, documentId: number): void {
  const row = statement(db, 'SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string } | undefined;
  if (!row) return;
  const documentDate = documentDateOf(db, documentId);
  const times: FoundTime[] = findTimes(row.text, documentDate ? { documentDate } : {});
  storeTimes(db, documentId, times);
  // A claim is dated by a time in the sentence of its cue, as when it was read (the speaker may be named sentences before).
  const tokens = tokenize(row.text);
  const claims = statement(db, 'SELECT id, cue_start FROM claims WHERE document_id = ?').all(documentId) as { id: number; cue_start: number }[];
  for (const claim of claims) {
    const sentence = sentenceAround(tokens, claim.cue_start);
    statement(db, 'UPDATE claims SET date = ? WHERE id = ?').run(serialise(sentence ? dateWithin(times, sentence.start, sentence.end) : null), claim.id);
  }
  const events = statement(db, 'SELECT id, arguments FROM events WHERE document_id = ?').all(documentId) as { id: number; arguments: string }[];
  for (const event of events) {
    const time = (JSON.parse(event.arguments) as { time?: ResolvedArgument }).time;
    statement(db, 'UPDATE events SET date = ? WHERE id = ?').run(serialise(time ? dateOf(times, time) : null), event.id);
  }
}

/** The offsets of the tokenizer's sentence that holds the character at `offset`, or null in an empty text. */
function sentenceAround(tokens: Tokens, offset: number): { start: number; end: number } | null {
  const { starts, ends, sentenceStarts } = tokens;
  if (starts.length === 0) return null;
  // The last sentence that starts at or before the offset.
  let low = 0;
  let high = sentenceStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[sentenceStarts[middle]!]! <= offset) low = middle;
    else high = middle - 1;
  }
  const last = (sentenceStarts[low + 1] ?? starts.length) - 1;
  return { start: starts[sentenceStarts[low]!]!, end: ends[last]! };
}

function serialise(date: DateValue | null): string | null {
  return date ? JSON.stringify(date) : null;
}

/** The reading layer over the names extraction found: times, claims, events and relations, as the case stores them. */
export const caseReader: DocumentReader = ({ text, documentDate, mentions, tokens, times }) => {
  const reading = readText(text, {
    ...(documentDate ? { documentDate } : {}),
    ...(tokens ? { tokens } : {}),
    ...(times ? { times } : {}),
    mentions: mentions.flatMap((mention) => (isMentionType(mention.type) ? [{ start: mention.start, end: mention.end, text: mention.text, type: mention.type }] : [])),
  });
  // Claims with no speaker ("it was reported that") are not stored: a claim is someone's.
  const kept = new Map<number, number>();
  const claims: FoundClaim[] = [];
  reading.claims.forEach((claim, index) => {
    if (!claim.speaker) return;
    kept.set(index, claims.length);
    claims.push({ speaker: claim.speaker, cue: claim.cue, content: { start: claim.content.start, end: claim.content.end }, stance: claim.stance, sentence: claim.sentence });
  });
  // The words of an argument that holds its name ("about 40 Armenian soldiers"); the name itself when the
  // words only point to it from elsewhere ("it" for the ministry named before).
  const argument = (value: EventArgument | undefined): FoundSpan | undefined => {
    if (!value) return undefined;
    const entity = value.entity;
    return entity && (entity.start < value.start || entity.end > value.end) ? entity : value;
  };
  const events: FoundEvent[] = reading.events.map((event) => {
    const claim = event.claim === undefined ? undefined : kept.get(event.claim);
    const found: FoundEvent = {
      trigger: event.trigger,
      type: event.type,
      ...(event.agent ? { agent: argument(event.agent) } : {}),
      ...(event.patient ? { patient: argument(event.patient) } : {}),
      ...(event.place ? { place: argument(event.place) } : {}),
      ...(event.time ? { time: event.time } : {}),
      ...(claim === undefined ? {} : { claim }),
    };
    return found;
  });
  return { times: reading.times, claims, events, relations: reading.relations };
};

const isMentionType = (type: string): type is 'person' | 'organization' | 'location' | 'other' =>
  type === 'person' || type === 'organization' || type === 'location' || type === 'other';
