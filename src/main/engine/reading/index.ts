/**
 * The reading layer (issue #12): who says what (claims), who did what to whom, where and when
 * (events), and typed links between entities (relations), read from a text by English rules over
 * the entity tokenizer and the entity mentions. Linear in the text; nothing is loaded until used.
 */
import type { Extractor } from '../extract/index';
import type { AnalyzedMention, EntityPipeline } from '../extract/pipeline';
import type { Tokens } from '../extract/tokenize';
import type { Claim } from './claims';
import { findClaims } from './claims';
import type { MentionInput } from './document';
import { prepareDocument } from './document';
import type { ReadEvent } from './events';
import { findEvents } from './events';
import type { Relation } from './relations';
import { findRelations } from './relations';
import type { TimeMention } from './time';
import { findTimes } from './time';

export type { Claim, Stance } from './claims';
export type { EventArgument, EventType, ReadEvent, TimeLike } from './events';
export type { EntityRef, MentionInput, QuotedSpan, TextSpan } from './document';
export type { Relation, RelationType } from './relations';

export interface ReadOptions {
  /** The document's date (ISO YYYY-MM-DD), the anchor of relative times ("on Wednesday"). */
  readonly documentDate?: string;
  /**
   * Where entity mentions come from: the extractor (`loadExtractor`), or the entity pipeline
   * (`createEntityPipeline`), whose person names group spellings ("Pashinian" → "Nikol Pashinián").
   */
  readonly extractor?: Extractor | EntityPipeline;
  /** Mentions already found (a case's confirmed mentions, gold spans); used instead of the extractor. */
  readonly mentions?: readonly MentionInput[];
  /** The tokens those mentions were found on, so the text is not tokenized again. */
  readonly tokens?: Tokens;
  /** The text's times, when found already (`findTimes` with the same date), so they are not looked for again. */
  readonly times?: readonly TimeMention[];
}

/** What the reading layer found in one text; every span is UTF-16 offsets into that text. */
export interface Reading {
  readonly times: TimeMention[];
  readonly claims: Claim[];
  readonly events: ReadEvent[];
  readonly relations: Relation[];
}

/** The mentions to read with, and the extractor's tokens where it gives them (the text is then tokenized once, not twice). */
function mentionsFor(text: string, options: ReadOptions): { readonly mentions: readonly MentionInput[]; readonly tokens?: Tokens } {
  if (options.mentions) return { mentions: options.mentions, ...(options.tokens ? { tokens: options.tokens } : {}) };
  const extractor = options.extractor;
  if (!extractor) throw new Error('readText needs an extractor (loadExtractor or createEntityPipeline) or the mentions.');
  if ('analyze' in extractor) return extractor.analyzeTokenized?.(text) ?? { mentions: extractor.analyze(text) satisfies AnalyzedMention[] };
  return extractor.extractTokenized?.(text) ?? { mentions: extractor.extract(text) };
}

/** Reads `text`: its times, claims, events and suggested relations. */
export function readText(text: string, options: ReadOptions): Reading {
  const { mentions, tokens } = mentionsFor(text, options);
  const document = prepareDocument(text, mentions, tokens);
  const times: TimeMention[] = options.times ? [...options.times] : findTimes(text, options.documentDate ? { documentDate: options.documentDate } : {});
  const claims = findClaims(document);
  return { times, claims, events: findEvents(document, claims, times), relations: findRelations(document) };
}

const span = (value: { start: number; end: number; text: string }) => ({ start: value.start, end: value.end, text: value.text });
const entitySpan = (value: { start: number; end: number; text: string; type: string }) => ({ ...span(value), type: value.type });

/** The line `dossier read --jsonl` prints for a text (the stable shape; UTF-16 offsets). */
export function toReadLine(id: string, reading: Reading): Record<string, unknown> {
  return {
    id,
    times: reading.times.map((time) => ({ ...span(time), value: time.value ?? null, precision: time.precision ?? null })),
    claims: reading.claims.map((claim) => ({
      ...(claim.speaker ? { speaker: entitySpan(claim.speaker) } : {}),
      cue: span(claim.cue),
      content: { start: claim.content.start, end: claim.content.end },
      stance: claim.stance,
    })),
    events: reading.events.map((event) => ({
      trigger: span(event.trigger),
      type: event.type,
      ...(event.agent ? { agent: span(event.agent) } : {}),
      ...(event.patient ? { patient: span(event.patient) } : {}),
      ...(event.place ? { place: span(event.place) } : {}),
      ...(event.time ? { time: span(event.time) } : {}),
    })),
    relations: reading.relations.map((relation) => ({
      source: entitySpan(relation.source),
      target: entitySpan(relation.target),
      type: relation.type,
      ...(relation.cue ? { cue: span(relation.cue) } : {}),
      evidence: { start: relation.evidence.start, end: relation.evidence.end },
    })),
  };
}
