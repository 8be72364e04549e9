/**
 * Stores what the reading layer found in one document: its time expressions, claims, events and
 * suggested relations, each span resolved to the case entity whose mention it covers. Reading a
 * document again replaces its suggestions and leaves what the analyst reviewed as it is.
 */
import type { Database } from 'better-sqlite3';
import type { DateValue, Stance, TextRelationType } from '../../../shared/claims';
import type { EntityType } from '../../../shared/entities';
import { statement } from '../case/statements';
import { liveMention } from '../entities/liveMentions';

export interface FoundSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface FoundActor extends FoundSpan {
  readonly type: EntityType;
}

export interface FoundTime extends FoundSpan {
  readonly value?: string;
  readonly endValue?: string;
  readonly precision: 'day' | 'month' | 'year';
  readonly approximate: boolean;
  readonly anchor: 'absolute' | 'document';
}

export interface FoundClaim {
  readonly speaker: FoundActor;
  readonly cue: FoundSpan;
  readonly content: { readonly start: number; readonly end: number };
  readonly stance: Stance;
  /** The sentence of the cue, where its date is looked for (the speaker may be named sentences before). */
  readonly sentence?: { readonly start: number; readonly end: number };
}

export interface FoundEvent {
  readonly trigger: FoundSpan;
  readonly type: string;
  readonly agent?: FoundSpan;
  readonly patient?: FoundSpan;
  readonly place?: FoundSpan;
  readonly time?: FoundSpan;
  /** Index into the claims of the same reading: the claim that reports the event. */
  readonly claim?: number;
}

export interface FoundRelation {
  readonly source: FoundActor;
  readonly target: FoundActor;
  readonly type: TextRelationType;
  readonly cue?: FoundSpan;
  readonly evidence: { readonly start: number; readonly end: number };
}

/** Everything the reading layer found in one document. */
export interface DocumentReading {
  readonly times: readonly FoundTime[];
  readonly claims: readonly FoundClaim[];
  readonly events: readonly FoundEvent[];
  readonly relations: readonly FoundRelation[];
}

/** A span resolved to the case: the entity whose mention covers it, or none. */
export interface ResolvedArgument extends FoundSpan {
  readonly type: EntityType;
  readonly entityId: number | null;
  /** The entity's mention is only part of the words ("Armenian" in "six Armenian soldiers"): show the words. */
  readonly partial?: boolean;
}

/** "the ministry", "the minister", "the spokesman": a definite description of the last speaker of its kind. */
const DEFINITE_SPEAKER = /^the\s+(\w+\s+)?(ministry|minister|government|spokes(man|woman|person)|president|prime minister|army|military|office|department|agency|official|commander|service|committee|council)$/i;

/** Stores `reading` for the document, in the caller's transaction; answers how many suggestions it holds now. */
export function storeReading(db: Database, documentId: number, reading: DocumentReading): number {
  storeTimes(db, documentId, reading.times);
  statement(db, "DELETE FROM events WHERE document_id = ? AND status = 'suggested'").run(documentId);
  statement(db, "DELETE FROM claims WHERE document_id = ? AND status = 'suggested' AND reliability IS NULL AND credibility IS NULL").run(documentId);
  statement(db, "DELETE FROM relation_suggestions WHERE document_id = ? AND status = 'suggested'").run(documentId);

  const resolver = new SpanResolver(db, documentId);
  const claimIds: (number | null)[] = [];
  let lastSpeaker: ResolvedArgument | null = null;
  let stored = 0;
  for (const claim of reading.claims) {
    let speaker = resolver.resolve(claim.speaker, claim.speaker.type);
    if (speaker.entityId === null && lastSpeaker && refersBack(claim.speaker.text, lastSpeaker.type)) speaker = { ...speaker, entityId: lastSpeaker.entityId, type: lastSpeaker.type };
    if (speaker.entityId !== null) lastSpeaker = speaker;
    const sentence = claim.sentence ?? { start: Math.min(claim.cue.start, claim.content.start), end: Math.max(claim.cue.end, claim.content.end) };
    const date = dateWithin(reading.times, sentence.start, sentence.end);
    statement(
      db,
      `INSERT OR IGNORE INTO claims (document_id, speaker_entity_id, speaker_start, speaker_end, speaker_text, speaker_type, cue_start, cue_end, cue_text,
         content_start, content_end, stance, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      documentId,
      speaker.entityId,
      claim.speaker.start,
      claim.speaker.end,
      claim.speaker.text,
      speaker.type,
      claim.cue.start,
      claim.cue.end,
      claim.cue.text,
      claim.content.start,
      claim.content.end,
      claim.stance,
      date ? JSON.stringify(date) : null,
    );
    const row = statement(db, 'SELECT id FROM claims WHERE document_id = ? AND content_start = ? AND content_end = ?').get(documentId, claim.content.start, claim.content.end) as
      | { id: number }
      | undefined;
    claimIds.push(row?.id ?? null);
    stored += 1;
  }

  for (const event of reading.events) {
    const args: Record<string, ResolvedArgument> = {};
    if (event.agent) args.agent = resolver.resolve(event.agent, 'other');
    if (event.patient) args.patient = resolver.resolve(event.patient, 'other');
    if (event.place) args.place = resolver.resolve(event.place, 'location');
    // Kept so that the event can be dated again when the document's date changes.
    if (event.time) args.time = { ...event.time, type: 'other', entityId: null };
    const date = event.time ? dateOf(reading.times, event.time) : null;
    statement(
      db,
      `INSERT OR IGNORE INTO events (document_id, type, trigger_start, trigger_end, trigger_text, arguments, date, claim_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      documentId,
      event.type,
      event.trigger.start,
      event.trigger.end,
      event.trigger.text,
      JSON.stringify(args),
      date ? JSON.stringify(date) : null,
      event.claim === undefined ? null : (claimIds[event.claim] ?? null),
    );
    stored += 1;
  }

  for (const relation of reading.relations) {
    const source = resolver.resolve(relation.source, relation.source.type);
    const target = resolver.resolve(relation.target, relation.target.type);
    // A link joins two entities of the case; a relation between a name and itself says nothing.
    if (source.entityId === null || target.entityId === null || source.entityId === target.entityId) continue;
    statement(
      db,
      `INSERT OR IGNORE INTO relation_suggestions (document_id, relation, source, target, source_entity_id, target_entity_id, cue, evidence_start, evidence_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      documentId,
      relation.type,
      JSON.stringify(source),
      JSON.stringify(target),
      source.entityId,
      target.entityId,
      relation.cue ? JSON.stringify(relation.cue) : null,
      relation.evidence.start,
      relation.evidence.end,
    );
    stored += 1;
  }
  return stored;
}

export function storeTimes(db: Database, documentId: number, times: readonly FoundTime[]): void {
  statement(db, 'DELETE FROM time_mentions WHERE document_id = ?').run(documentId);
  const insert = statement(
    db,
    'INSERT INTO time_mentions (document_id, start, end, text, value, end_value, precision, approximate, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const time of times) {
    if (time.end <= time.start) continue;
    insert.run(documentId, time.start, time.end, time.text, time.value ?? null, time.endValue ?? null, time.precision, time.approximate ? 1 : 0, time.anchor);
  }
}

/** Whether a pronoun or a definite description ("he", "the ministry") can point back to a speaker of `type`. */
function refersBack(text: string, type: EntityType): boolean {
  const words = text.trim().toLowerCase();
  if (/^(he|she|his|her)$/.test(words)) return type === 'person';
  if (/^(it|they|their)$/.test(words)) return type !== 'person';
  const match = DEFINITE_SPEAKER.exec(words);
  if (!match) return false;
  const personal = /minister|president|spokes|official|commander/.test(match[2] ?? '');
  return personal ? type === 'person' : type !== 'person';
}

function toDateValue(time: FoundTime): DateValue | null {
  if (!time.value) return null;
  return { value: time.value, ...(time.endValue ? { endValue: time.endValue } : {}), precision: time.precision, approximate: time.approximate, source: 'text' };
}

/**
 * Spans sorted by start, with the furthest end reached so far, so that the spans overlapping a
 * range are found by binary search: a long document has thousands of times and mentions, and
 * scanning all of them for every claim, event and relation made reading quadratic in its length.
 */
class SortedSpans<T extends { readonly start: number; readonly end: number }> {
  readonly spans: readonly T[];
  private readonly reach: number[] = [];

  constructor(spans: readonly T[]) {
    // A stable sort: spans that start together keep their order.
    this.spans = [...spans].sort((left, right) => left.start - right.start);
    let furthest = Number.NEGATIVE_INFINITY;
    for (const span of this.spans) {
      furthest = Math.max(furthest, span.end);
      this.reach.push(furthest);
    }
  }

  /** The index of the first span that may end after `position` (every earlier one ends at or before it). */
  firstReaching(position: number): number {
    return lowerBound(this.reach.length, (index) => this.reach[index]! > position);
  }

  /** The index of the first span that starts at or after `position`. */
  firstStartingFrom(position: number): number {
    return lowerBound(this.spans.length, (index) => this.spans[index]!.start >= position);
  }
}

/** The first index in [0, length) where `isAtOrPast` holds, for a predicate false then true. */
function lowerBound(length: number, isAtOrPast: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAtOrPast(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

// One index per list of times; the lists are built once per document and read many times.
const sortedTimes = new WeakMap<readonly FoundTime[], SortedSpans<FoundTime>>();

function timesIndex(times: readonly FoundTime[]): SortedSpans<FoundTime> {
  let index = sortedTimes.get(times);
  if (!index) {
    index = new SortedSpans(times);
    sortedTimes.set(times, index);
  }
  return index;
}

/** The resolved date of the time expression at `span`, if the reading found one there. */
export function dateOf(times: readonly FoundTime[], span: FoundSpan): DateValue | null {
  const index = timesIndex(times);
  for (let at = index.firstReaching(span.start); at < index.spans.length; at += 1) {
    const time = index.spans[at]!;
    if (time.start >= span.end) break;
    if (span.start < time.end) return toDateValue(time);
  }
  return null;
}

/** The first resolved time expression between `start` and `end`. */
export function dateWithin(times: readonly FoundTime[], start: number, end: number): DateValue | null {
  const index = timesIndex(times);
  for (let at = index.firstStartingFrom(start); at < index.spans.length; at += 1) {
    const time = index.spans[at]!;
    if (time.start > end) break;
    if (time.end <= end) {
      const value = toDateValue(time);
      if (value) return value;
    }
  }
  return null;
}

interface MentionSpan {
  start: number;
  end: number;
  entity_id: number;
  type: EntityType;
}

/** Finds the entity whose (unrejected) mention overlaps a span most. */
class SpanResolver {
  private readonly mentions: SortedSpans<MentionSpan>;

  constructor(db: Database, documentId: number) {
    this.mentions = new SortedSpans(
      statement(
        db,
        `SELECT start, end, entity_id, type FROM mentions WHERE document_id = ? AND ${liveMention()} AND entity_id IS NOT NULL ORDER BY start`,
      ).all(documentId) as MentionSpan[],
    );
  }

  resolve(span: FoundSpan, fallbackType: EntityType): ResolvedArgument {
    let best: MentionSpan | null = null;
    let bestOverlap = 0;
    const { spans } = this.mentions;
    // Mentions before this one end at or before the span starts: they cannot overlap it.
    for (let at = this.mentions.firstReaching(span.start); at < spans.length; at += 1) {
      const mention = spans[at]!;
      if (mention.start >= span.end) break;
      const overlap = Math.min(mention.end, span.end) - Math.max(mention.start, span.start);
      if (overlap > bestOverlap) {
        best = mention;
        bestOverlap = overlap;
      }
    }
    const partial = best !== null && bestOverlap < 0.6 * (span.end - span.start);
    return { start: span.start, end: span.end, text: span.text, type: best?.type ?? fallbackType, entityId: best?.entity_id ?? null, ...(partial ? { partial } : {}) };
  }
}
