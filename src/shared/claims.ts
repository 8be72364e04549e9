/**
 * What Dossier reads in a document beyond names: times, claims (who says what), events (who did
 * what to whom, where, when) and typed relations suggested from the text, each citing its span and
 * reviewed by the analyst like a mention. Schemas for the contract.
 */
import { z } from 'zod';
import { EntityTypes } from './entities';
import { InformationCredibilities, SourceReliabilities } from './graph';

const id = z.number().int().positive();

/** How a speaker stands on what they say. */
export const Stances = ['asserts', 'denies', 'accuses', 'demands'] as const;
export type Stance = (typeof Stances)[number];

/** The relation vocabulary of links suggested from text (and of `dossier read`). */
export const TextRelationTypes = ['opposes', 'allied_with', 'leads', 'member_of', 'communicates_with', 'located_in'] as const;
export type TextRelationType = (typeof TextRelationTypes)[number];
export const textRelationLabels: Readonly<Record<TextRelationType, string>> = {
  opposes: 'opposes',
  allied_with: 'allied with',
  leads: 'leads',
  member_of: 'member of',
  communicates_with: 'communicates with',
  located_in: 'located in',
};
/** Relations whose direction carries no meaning. */
export const symmetricTextRelations: ReadonlySet<TextRelationType> = new Set(['allied_with', 'communicates_with']);

export const TimePrecisions = ['day', 'month', 'year'] as const;
export type TimePrecision = (typeof TimePrecisions)[number];

export const ReadingStatuses = ['suggested', 'confirmed', 'rejected'] as const;
export type ReadingStatus = (typeof ReadingStatuses)[number];

const TextSpanSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
export type TextSpan = z.infer<typeof TextSpanSchema>;

/** A span that names an actor or place, with the case entity it resolves to (null when none does). */
export const ArgumentSchema = TextSpanSchema.extend({
  entityId: id.nullable(),
  /** The entity's name, or the span's text when it resolves to none. */
  name: z.string(),
  type: z.enum(EntityTypes),
});
export type Argument = z.infer<typeof ArgumentSchema>;

/** A date read from text (or the document's), as an ISO prefix with its precision. */
export const DateValueSchema = z.object({
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'. */
  value: z.string(),
  /** The end of a range, same form; absent for a single date. */
  endValue: z.string().optional(),
  precision: z.enum(TimePrecisions),
  approximate: z.boolean(),
  /** Where it came from: a time expression in the text, or the document's own date. */
  source: z.enum(['text', 'document']),
});
export type DateValue = z.infer<typeof DateValueSchema>;

/** A temporal expression found in a document; `value` is null while it cannot be resolved (a relative time in an undated document). */
export const TimeMentionSchema = TextSpanSchema.extend({
  value: z.string().nullable(),
  endValue: z.string().nullable(),
  precision: z.enum(TimePrecisions),
  approximate: z.boolean(),
  anchor: z.enum(['absolute', 'document']),
});
export type TimeMention = z.infer<typeof TimeMentionSchema>;

const GradingFields = {
  reliability: z.enum(SourceReliabilities).nullable(),
  credibility: z.number().int().min(1).max(InformationCredibilities.length).nullable(),
};

/** An attributed statement: a speaker, a cue verb, what was said, and how. */
export const ClaimSchema = z.object({
  id,
  documentId: id,
  documentTitle: z.string(),
  documentDate: z.string().nullable(),
  speaker: ArgumentSchema,
  cue: TextSpanSchema,
  content: TextSpanSchema,
  stance: z.enum(Stances),
  date: DateValueSchema.nullable(),
  status: z.enum(ReadingStatuses),
  ...GradingFields,
});
export type Claim = z.infer<typeof ClaimSchema>;

/** Who did what to whom, where and when, with the claim that reports it when there is one. */
export const EventSchema = z.object({
  id,
  documentId: id,
  documentTitle: z.string(),
  type: z.string(),
  trigger: TextSpanSchema,
  agent: ArgumentSchema.nullable(),
  patient: ArgumentSchema.nullable(),
  place: ArgumentSchema.nullable(),
  date: DateValueSchema.nullable(),
  claimId: id.nullable(),
  status: z.enum(ReadingStatuses),
});
export type CaseEvent = z.infer<typeof EventSchema>;

/** A typed link suggested from a sentence; confirming it makes an asserted link with that sentence as evidence. */
export const RelationSuggestionSchema = z.object({
  id,
  documentId: id,
  documentTitle: z.string(),
  source: ArgumentSchema,
  target: ArgumentSchema,
  relation: z.enum(TextRelationTypes),
  cue: TextSpanSchema.nullable(),
  evidence: TextSpanSchema,
  status: z.enum(ReadingStatuses),
  /** The asserted link made when it was confirmed. */
  linkId: id.nullable(),
});
export type RelationSuggestion = z.infer<typeof RelationSuggestionSchema>;

/** Claims by different speakers about the same event or the same actors that do not agree, side by side. */
export const AccountGroupSchema = z.object({
  key: z.string(),
  /** What the accounts are about, in a few words ("movement near Armudlu"). */
  topic: z.string(),
  claims: z.array(ClaimSchema),
  /** The sides the claims come from (a speaker's affiliation, or the speaker), each with its claims' ids, for columns side by side. */
  sides: z.array(z.object({ side: z.string(), claimIds: z.array(id) })),
});
export type AccountGroup = z.infer<typeof AccountGroupSchema>;

const listFilter = z
  .object({ documentId: id.optional(), entityId: id.optional(), status: z.enum(ReadingStatuses).optional() })
  .strict();
const reviewInput = z.object({ id, status: z.enum(ReadingStatuses) }).strict();

export const claimsChannels = {
  /** The time expressions of a document, resolved against its date. */
  'times.list': { input: z.object({ documentId: id }).strict(), output: z.array(TimeMentionSchema) },
  'claims.list': { input: listFilter, output: z.array(ClaimSchema) },
  /** Accepts, rejects or restores a claim (undoable). */
  'claims.review': { input: reviewInput, output: ClaimSchema },
  /** Says who really speaks (undoable). */
  'claims.setSpeaker': { input: z.object({ id, entityId: id }).strict(), output: ClaimSchema },
  /** Grades a claim's source and information (Admiralty; undoable). */
  'claims.grade': { input: z.object({ id, ...GradingFields }).strict(), output: ClaimSchema },
  /** Competing accounts: claims that disagree about the same event or actors, grouped. */
  'claims.accounts': { input: z.object({}).strict(), output: z.array(AccountGroupSchema) },
  'events.list': { input: listFilter, output: z.array(EventSchema) },
  'events.review': { input: reviewInput, output: EventSchema },
  'relations.list': { input: listFilter, output: z.array(RelationSuggestionSchema) },
  /** Confirms a suggested relation as an asserted link with the sentence as evidence (undoable as one step). */
  'relations.confirm': { input: z.object({ id, ...GradingFields }).partial({ reliability: true, credibility: true }).strict(), output: RelationSuggestionSchema },
  'relations.reject': { input: z.object({ id }).strict(), output: RelationSuggestionSchema },
} as const;

/**
 * "2021-06-01", "2021-05" for a month, "2020" for a year; "c." before an approximate one, and "by"
 * before a document's own date standing in for a date the text does not give.
 */
export function formatDateValue(date: DateValue): string {
  const range = date.endValue && date.endValue !== date.value ? `${date.value}–${date.endValue}` : date.value;
  return `${date.source === 'document' ? 'by ' : ''}${date.approximate ? 'c. ' : ''}${range}`;
}
