/**
 * The timeline: events, claims, dated links and documents on one time axis, each drawn with the
 * precision it has (a month-precision event is a span of that month, not a day). Schemas for the contract.
 */
import { z } from 'zod';
import { EntityTypes } from './entities';
import { TimePrecisions } from './claims';

export const TimelineKinds = ['event', 'claim', 'link', 'document'] as const;
export type TimelineKind = (typeof TimelineKinds)[number];

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const TimelineItemSchema = z.object({
  /** "event:3", "claim:5", "link:2", "document:7". */
  key: z.string(),
  kind: z.enum(TimelineKinds),
  label: z.string(),
  /** First and last day the item may fall on (inclusive): one day, or a whole month or year. */
  start: isoDay,
  end: isoDay,
  precision: z.enum(TimePrecisions),
  approximate: z.boolean(),
  /** 'text' when the date was read in the text, 'document' when it is the document's own date. */
  dateSource: z.enum(['text', 'document', 'analyst']),
  actors: z.array(z.object({ entityId: z.number().int(), name: z.string(), type: z.enum(EntityTypes) })),
  places: z.array(z.object({ entityId: z.number().int(), name: z.string() })),
  /** The source of a claim, event or document; for a link, the document of its first evidence. */
  documentId: z.number().int().nullable(),
  documentTitle: z.string().nullable(),
  span: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  status: z.enum(['suggested', 'confirmed', 'asserted']),
  /** The claim's speaker, for lanes by source. */
  source: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const timelineChannels = {
  /** Everything with a date, between `from` and `to` when given (rejected suggestions left out). */
  'timeline.items': {
    input: z.object({ from: isoDay.optional(), to: isoDay.optional(), kinds: z.array(z.enum(TimelineKinds)).optional() }).strict(),
    output: z.object({ items: z.array(TimelineItemSchema), undated: z.number().int() }),
  },
} as const;
