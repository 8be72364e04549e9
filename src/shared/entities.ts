/** Entities (actors and places) and their mentions: the schemas the contract uses for them. */
import { z } from 'zod';

export const EntityTypes = ['person', 'organization', 'location', 'other'] as const;
export type EntityType = (typeof EntityTypes)[number];
export const EntityStatuses = ['suggested', 'confirmed'] as const;
export const MentionStatuses = ['suggested', 'confirmed', 'rejected'] as const;

const id = z.number().int().positive();

/** One row of the Entities table. */
export const EntitySummarySchema = z.object({
  id,
  name: z.string(),
  type: z.enum(EntityTypes),
  subtype: z.string().nullable(),
  status: z.enum(EntityStatuses),
  aliases: z.array(z.string()),
  mentions: z.number().int(),
  documents: z.number().int(),
  role: z.string().nullable(),
  coordinates: z.object({ lat: z.number(), lon: z.number(), country: z.string().nullable() }).nullable(),
});
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

/** A mention in one document, for the reader's highlights. */
export const MentionSchema = z.object({
  id,
  documentId: id,
  entityId: id.nullable(),
  entityName: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  type: z.enum(EntityTypes),
  status: z.enum(MentionStatuses),
  origin: z.enum(['auto', 'manual']),
  /** How the mention is used: the person's title, or "government" for a capital that speaks for its state. */
  role: z.string().nullable(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const EntityQuerySchema = z
  .object({
    types: z.array(z.enum(EntityTypes)).optional(),
    status: z.enum(EntityStatuses).optional(),
    search: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

export const entitySchemas = { id };

/** A gazetteer place offered for a place entity (the chosen one and its rivals). */
export const PlaceOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  country: z.string(),
  admin1: z.string(),
  featureCode: z.string(),
});
export type PlaceOption = z.infer<typeof PlaceOptionSchema>;

/** Where a place entity is: from the gazetteer (with the candidates weighed) or set by hand. */
export const EntityPlaceSchema = z.object({
  lat: z.number(),
  lon: z.number(),
  gazetteerId: z.string().nullable(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  precision: z.enum(['gazetteer', 'manual']),
  confidence: z.number().nullable(),
  candidates: z.array(PlaceOptionSchema),
});
export type EntityPlace = z.infer<typeof EntityPlaceSchema>;

/** What the analyst knows of an actor or place beyond its name. */
export const EntityAttributesSchema = z.object({
  role: z.string().max(500).nullable(),
  affiliation: z.string().max(500).nullable(),
  notes: z.string().max(20_000).nullable(),
});
export type EntityAttributes = z.infer<typeof EntityAttributesSchema>;

/** The entity page's header: the summary, its attributes, and for a place where it is. */
export const EntityDetailSchema = EntitySummarySchema.extend({
  attributes: EntityAttributesSchema,
  place: EntityPlaceSchema.nullable(),
});
export type EntityDetail = z.infer<typeof EntityDetailSchema>;

/** One mention as a keyword-in-context line. */
export const MentionInContextSchema = z.object({
  id,
  documentId: id,
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  before: z.string(),
  after: z.string(),
  status: z.enum(MentionStatuses),
  role: z.string().nullable(),
});
export type MentionInContext = z.infer<typeof MentionInContextSchema>;

/** Every mention of an entity in context, the documents they are in, and the entities named alongside. */
export const EntityMentionsSchema = z.object({
  total: z.number().int(),
  mentions: z.array(MentionInContextSchema),
  documents: z.array(z.object({ id, title: z.string(), publishedAt: z.string().nullable(), mentions: z.number().int() })),
  related: z.array(z.object({ id, name: z.string(), type: z.enum(EntityTypes), documents: z.number().int() })),
});
export type EntityMentions = z.infer<typeof EntityMentionsSchema>;

/** How far a run of extraction over the case has got (also its final report). */
export const ExtractProgressSchema = z.object({
  jobId: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
  suggested: z.number().int(),
  cancelled: z.boolean(),
});
export type ExtractProgress = z.infer<typeof ExtractProgressSchema>;

/** A GeoNames country extract in the case's gazetteer. */
export const GazetteerExtractSchema = z.object({ id, fileName: z.string(), places: z.number().int(), addedAt: z.string() });
export type GazetteerExtract = z.infer<typeof GazetteerExtractSchema>;
