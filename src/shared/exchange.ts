/**
 * Exchange with other analysts' tools and colleagues: STIX 2.1 and FollowTheMoney exports and
 * imports, analysts' own CSV lists, and merging another case into this one. Schemas for the contract.
 */
import { z } from 'zod';
import { EntityTypes } from './entities';
import { emptyInput } from './schemas';

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
  added: counts(['documents', 'entities', 'aliases', 'tags', 'notes', 'mentions', 'links', 'evidence', 'drawings', 'briefings'] as const).extend({
    // The reading layer of added documents (absent from reports of merges made before it came along).
    times: z.number().int().default(0),
    claims: z.number().int().default(0),
    events: z.number().int().default(0),
    relations: z.number().int().default(0),
  }),
  /** Where the two cases disagree; this case's version was kept. */
  conflicts: z.array(z.object({ kind: z.enum(['entity', 'mention', 'link', 'briefing']), message: z.string() })),
  /** Entities added apart that look like one already here, for the analyst to merge or keep apart. */
  doubtful: z.array(z.object({ entityId: z.number().int(), addedEntityId: z.number().int(), name: z.string(), reason: z.string() })),
  changed: z.boolean(),
});
export type MergeReport = z.infer<typeof MergeReportSchema>;

/** How far a running merge has got: documents one by one, then entities, then everything else. */
export const MergeProgressSchema = z.object({
  stage: z.enum(['documents', 'entities', 'content', 'reading']),
  done: z.number().int(),
  total: z.number().int(),
});
export type MergeProgress = z.infer<typeof MergeProgressSchema>;

export const DoubtfulDecisions = ['same', 'different'] as const;
export type DoubtfulDecision = (typeof DoubtfulDecisions)[number];

/** One side of a doubtful pair as the review screen shows it; null when it is no longer in the case. */
export const PairSideSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(EntityTypes),
  subtype: z.string().nullable(),
  status: z.string(),
  aliases: z.array(z.string()),
  mentions: z.number().int(),
  documents: z.number().int(),
  /** The first mention with the words around it, and the document it is in. */
  sample: z.object({ documentTitle: z.string(), before: z.string(), text: z.string(), after: z.string() }).nullable(),
  coordinates: z.object({ lat: z.number(), lon: z.number(), country: z.string().nullable() }).nullable(),
});
export type PairSide = z.infer<typeof PairSideSchema>;

/** A pair a merge could not judge: the entity that was here, and the one added beside it. */
export const DoubtfulPairSchema = z.object({
  mergeId: z.number().int(),
  sourceTitle: z.string(),
  name: z.string(),
  reason: z.string(),
  decision: z.enum(DoubtfulDecisions).nullable(),
  here: PairSideSchema.nullable(),
  added: PairSideSchema.nullable(),
  addedEntityId: z.number().int(),
});
export type DoubtfulPair = z.infer<typeof DoubtfulPairSchema>;

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

/** A CSV list's first rows and the columns Dossier reads, with the file's header guessed for each. */
export const CsvPreviewSchema = z.object({
  file: z.string(),
  kind: z.enum(CsvListKinds),
  headers: z.array(z.string()),
  /** The first data rows (at most 8), cell by cell. */
  rows: z.array(z.array(z.string())),
  /** Data rows in the file. */
  total: z.number().int(),
  fields: z.array(z.object({ field: z.string(), required: z.boolean(), description: z.string() })),
  /** Our field -> the file's header that looks like it (absent when none does). */
  guessed: z.record(z.string(), z.string()),
});
export type CsvPreview = z.infer<typeof CsvPreviewSchema>;

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
  /** A CSV list's header, first rows and a guessed column mapping, before importing it. */
  'exchange.previewCsv': { input: z.object({ path, kind: z.enum(CsvListKinds) }).strict(), output: CsvPreviewSchema },
  /** Merges the case file at `path` into the open case, as one undoable step. */
  'exchange.merge': { input: z.object({ path, analyst: z.string().trim().max(200).optional() }).strict(), output: MergeReportSchema },
  /** The doubtful pairs of one merge, or (without mergeId) every pair of every merge still waiting for a decision. */
  'exchange.doubtful': { input: z.object({ mergeId: z.number().int().optional() }).strict(), output: z.array(DoubtfulPairSchema) },
  /** The analyst's decision on a doubtful pair: the same entity (merged, the one here kept) or two (kept apart). Undoable. */
  'exchange.decide': {
    input: z.object({ mergeId: z.number().int(), addedEntityId: z.number().int(), decision: z.enum(DoubtfulDecisions) }).strict(),
    output: DoubtfulPairSchema,
  },
} as const;

/** The exchange dialogs, answered by the desktop shell (each answers null when cancelled). */
export const exchangeShellChannels = {
  'shell.chooseCaseToMerge': { input: emptyInput, output: z.string().nullable() },
  'shell.chooseCsvList': { input: emptyInput, output: z.string().nullable() },
} as const;
