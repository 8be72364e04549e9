/**
 * Exchange with other analysts' tools and colleagues: STIX 2.1 and FollowTheMoney exports and
 * imports, analysts' own CSV lists, and merging another case into this one. Schemas for the contract.
 */
import { z } from 'zod';

export const ExchangeFormats = ['stix', 'ftm'] as const;
export type ExchangeFormat = (typeof ExchangeFormats)[number];

/** One exported file's text, what it holds, and what the format could not say. */
export const ExchangeExportSchema = z.object({
  format: z.enum(ExchangeFormats),
  content: z.string(),
  /** Objects (STIX) or entities (FtM) written. */
  objects: z.number().int(),
  /** Things left out, each a sentence for the user ("3 places without coordinates ..."). */
  leftOut: z.array(z.string()),
});
export type ExchangeExport = z.infer<typeof ExchangeExportSchema>;

/** A line of an imported file that could not be used, and why. */
export const RowErrorSchema = z.object({ line: z.number().int(), message: z.string() });
export type RowError = z.infer<typeof RowErrorSchema>;

/** What a FollowTheMoney import brought in (everything suggested) and what it could not use. */
export const FtmImportReportSchema = z.object({
  file: z.string(),
  entitiesAdded: z.number().int(),
  entitiesJoined: z.number().int(),
  documentsAdded: z.number().int(),
  documentsJoined: z.number().int(),
  mentionsAdded: z.number().int(),
  /** Entities of schemata Dossier has no place for yet (UnknownLink, Note ...), counted by schema. */
  skipped: z.record(z.string(), z.number().int()),
  /** The first lines that could not be read (at most 200) and how many there were in all. */
  errors: z.array(RowErrorSchema),
  errorCount: z.number().int(),
});
export type FtmImportReport = z.infer<typeof FtmImportReportSchema>;

const path = z.string().min(1).max(4096);

const counts = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((key) => [key, z.number().int()])) as Record<K, z.ZodNumber>);

/** What a merge of another case did: what joined what was here, what it added, what disagreed. */
export const MergeReportSchema = z.object({
  /** The merge as recorded in the case; null when nothing came in and the case is unchanged. */
  mergeId: z.number().int().nullable(),
  source: z.object({ title: z.string(), uid: z.string(), path: z.string() }),
  /** The other file is a copy of this very case (same identity). */
  sameCase: z.boolean(),
  joined: counts(['documents', 'entities', 'tags', 'notes', 'links', 'drawings', 'briefings'] as const),
  added: counts(['documents', 'entities', 'aliases', 'tags', 'notes', 'mentions', 'links', 'evidence', 'drawings', 'briefings'] as const),
  /** Where the two cases disagree; this case's version was kept. */
  conflicts: z.array(z.object({ kind: z.enum(['entity', 'mention', 'link', 'briefing']), message: z.string() })),
  /** Entities added apart that look like one already here, for the analyst to merge or keep apart. */
  doubtful: z.array(z.object({ entityId: z.number().int(), addedEntityId: z.number().int(), name: z.string(), reason: z.string() })),
  changed: z.boolean(),
});
export type MergeReport = z.infer<typeof MergeReportSchema>;

export const CsvListKinds = ['entities', 'links'] as const;
export type CsvListKind = (typeof CsvListKinds)[number];

/** What an imported CSV list brought in, and each row it could not use. */
export const CsvImportReportSchema = z.object({
  file: z.string(),
  kind: z.enum(CsvListKinds),
  rows: z.number().int(),
  added: z.number().int(),
  /** Rows naming an entity or link already in the case (an entity's new aliases are added to it). */
  joined: z.number().int(),
  errors: z.array(RowErrorSchema),
});
export type CsvImportReport = z.infer<typeof CsvImportReportSchema>;

export const exchangeChannels = {
  /** The whole case as a STIX 2.1 bundle or FollowTheMoney entity lines, ids stable across exports. */
  'exchange.export': { input: z.object({ format: z.enum(ExchangeFormats) }).strict(), output: ExchangeExportSchema },
  /** Brings a FollowTheMoney file's entities, documents and mentions in, all suggested. */
  'exchange.importFtm': { input: z.object({ path }).strict(), output: FtmImportReportSchema },
  /** Imports an analyst's list of entities or links; `mapping` maps our column names to the file's headers. */
  'exchange.importCsv': {
    input: z.object({ path, kind: z.enum(CsvListKinds), mapping: z.record(z.string(), z.string().max(200)).optional() }).strict(),
    output: CsvImportReportSchema,
  },
  /** Merges the case file at `path` into the open case, as one undoable step. */
  'exchange.merge': { input: z.object({ path, analyst: z.string().trim().max(200).optional() }).strict(), output: MergeReportSchema },
} as const;
