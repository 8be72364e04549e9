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
});
export type Mention = z.infer<typeof MentionSchema>;

export const EntityQuerySchema = z
  .object({
    types: z.array(z.enum(EntityTypes)).optional(),
    status: z.enum(EntityStatuses).optional(),
    search: z.string().max(200).optional(),
  })
  .strict();

export const entitySchemas = { id };
