/** Entities (actors and places) and their mentions: the schemas the contract uses for them. */
import { z } from 'zod';
import { emptyInput, id } from './schemas';

export const EntityTypes = ['person', 'organization', 'location', 'other'] as const;
export type EntityType = (typeof EntityTypes)[number];

/** What the analyst calls each type, everywhere: tables, legends, the briefing. */
export const entityTypeLabels: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  organization: 'Organisation',
  location: 'Place',
  other: 'Other',
};

/**
 * Each type's colour: a Mantine palette name (the renderer takes its themed shades) and that
 * palette's shade 6, for what draws without the theme (the graph canvas, the briefing PDF).
 */
export const entityTypeColors: Readonly<Record<EntityType, { readonly palette: 'blue' | 'grape' | 'teal' | 'gray'; readonly hex: string }>> = {
  person: { palette: 'blue', hex: '#228be6' },
  organization: { palette: 'grape', hex: '#be4bdb' },
  location: { palette: 'teal', hex: '#12b886' },
  other: { palette: 'gray', hex: '#868e96' },
};

/**
 * What kind of place a location entity is: from its gazetteer feature code (`placeSubtypeOf`), or
 * given when the analyst adds a place by hand on the map (a village the gazetteer does not know).
 */
export const PlaceSubtypes = ['country', 'continent', 'region', 'capital', 'populated place', 'village', 'place'] as const;
export const PlaceSubtypeSchema = z.enum(PlaceSubtypes);
export type PlaceSubtype = z.infer<typeof PlaceSubtypeSchema>;

/** The subtype of a place with this GeoNames feature code (PCLI, ADM1, PPLC ...). */
export function placeSubtypeOf(featureCode: string): PlaceSubtype {
  if (featureCode.startsWith('PCL')) return 'country';
  if (featureCode === 'CONT') return 'continent';
  if (featureCode.startsWith('ADM')) return 'region';
  if (featureCode === 'RGN') return 'region';
  if (featureCode.startsWith('PPLC')) return 'capital';
  if (featureCode.startsWith('PPL')) return 'populated place';
  return 'place';
}

/** A stored subtype as the contract knows it; null for none or for one this version does not know. */
export function asPlaceSubtype(value: string | null): PlaceSubtype | null {
  const parsed = PlaceSubtypeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const EntityStatuses = ['suggested', 'confirmed'] as const;
export const MentionStatuses = ['suggested', 'confirmed', 'rejected'] as const;


/** One row of the Entities table. */
export const EntitySummarySchema = z.object({
  id,
  name: z.string(),
  type: z.enum(EntityTypes),
  subtype: PlaceSubtypeSchema.nullable(),
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

/** The channels of entities, their mentions and the case's gazetteer, joined with every other domain's in api.ts. */
export const entityChannels = {
  /** Actors and places, filtered; the most mentioned first. */
  'entities.list': { input: EntityQuerySchema, output: z.array(EntitySummarySchema) },
  /** Renames, retypes or confirms one entity (undoable). */
  'entities.update': {
    input: z
      .object({
        id,
        name: z.string().trim().min(1, 'an entity needs a name').max(500).optional(),
        type: z.enum(EntityTypes).optional(),
        status: z.enum(EntityStatuses).optional(),
      })
      .strict(),
    output: EntitySummarySchema,
  },
  /** Confirms (or returns to suggested) many entities at once (undoable). */
  'entities.setStatus': {
    input: z.object({ ids: z.array(id).min(1).max(100_000), status: z.enum(EntityStatuses) }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
  /** One entity with its attributes and, for a place, where it is and the candidates weighed. */
  'entities.get': { input: z.object({ id }).strict(), output: EntityDetailSchema },
  /** Every mention of an entity in context, its documents, and the entities named alongside. */
  'entities.mentions': {
    input: z.object({ id, limit: z.number().int().min(1).max(2_000).default(200), offset: z.number().int().min(0).default(0) }).strict(),
    output: EntityMentionsSchema,
  },
  /** Merges entities into one (undoable); answers with the merged entity. */
  'entities.merge': {
    input: z.object({ targetId: id, sourceIds: z.array(id).min(1).max(10_000) }).strict(),
    output: EntitySummarySchema,
  },
  /** Splits one spelling off into an entity of its own, with its mentions (undoable). */
  'entities.splitAlias': {
    input: z.object({ id, alias: z.string().min(1).max(500) }).strict(),
    output: EntitySummarySchema,
  },
  /** Deletes entities; their mentions become rejected suggestions (undoable). */
  'entities.delete': {
    input: z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
    output: z.object({ deleted: z.number().int() }),
  },
  /** Role, affiliation and notes (undoable); null clears a field, a missing one is left alone. */
  'entities.setAttributes': {
    input: z
      .object({
        id,
        role: z.string().max(500).nullable().optional(),
        affiliation: z.string().max(500).nullable().optional(),
        notes: z.string().max(20_000).nullable().optional(),
      })
      .strict(),
    output: EntityDetailSchema,
  },
  /** Places a place entity at one of its candidates or by hand (undoable). */
  'entities.setPlace': {
    input: z.union([
      z.object({ id, candidateId: z.string().min(1).max(200) }).strict(),
      z.object({ id, lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict(),
    ]),
    output: EntityDetailSchema,
  },
  /** Gazetteer places a place entity's names could be: its stored candidates, then lookups of its aliases. */
  'entities.placeCandidates': { input: z.object({ id }).strict(), output: z.array(PlaceOptionSchema) },
  /** Runs extraction again over the case (or some documents) in the background; reviewed mentions stay as they are. */
  'entities.extract': {
    input: z.object({ documentIds: z.array(id).max(1_000_000).optional() }).strict(),
    output: z.object({ jobId: z.number().int() }),
  },
  'entities.cancelExtract': { input: z.object({ jobId: z.number().int() }).strict(), output: z.null() },

  /** The GeoNames country extracts added to this case's gazetteer. */
  'gazetteer.extracts': { input: emptyInput, output: z.array(GazetteerExtractSchema) },
  /** Adds a GeoNames country extract (AZ.txt) to the case's gazetteer and places what it can. */
  'gazetteer.addExtract': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: GazetteerExtractSchema.extend({ placed: z.number().int() }),
  },
  'gazetteer.removeExtract': { input: z.object({ id }).strict(), output: z.array(GazetteerExtractSchema) },

  /** Marks a passage as a mention by hand, of a given entity or of one found or created by name (undoable). */
  'mentions.create': {
    input: z
      .object({
        documentId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        type: z.enum(EntityTypes),
        entityId: id.optional(),
        name: z.string().trim().max(500).optional(),
      })
      .strict()
      .refine((mention) => mention.end > mention.start, 'a mention needs a passage: end must come after start'),
    output: MentionSchema,
  },
  /** Links a mention to another entity, or retypes it (undoable). */
  'mentions.relink': {
    input: z
      .object({ id, entityId: id.optional(), type: z.enum(EntityTypes).optional() })
      .strict()
      .refine((change) => (change.entityId === undefined) !== (change.type === undefined), 'give either entityId or type'),
    output: MentionSchema,
  },
  /** The mentions in one document, for the reader. */
  'mentions.forDocument': { input: z.object({ documentId: id }).strict(), output: z.array(MentionSchema) },
  /** Accepts or rejects one mention (undoable); a rejected suggestion stays rejected. */
  'mentions.setStatus': {
    input: z.object({ id, status: z.enum(MentionStatuses) }).strict(),
    output: MentionSchema,
  },
} as const;
