/**
 * The one contract between the renderer and the engine: namespaced channels, each with a zod
 * schema for its input and output, and typed push events. The preload's `window.dossier`, the
 * main-process gateway, the engine's handlers and the renderer's client are all typed from here.
 */
import { z } from 'zod';
import { BriefingExportSchema, BriefingSchema, BriefingSpecSchema, BriefingSummarySchema } from './briefing';
import {
  DocumentDetailSchema,
  DocumentPageSchema,
  DocumentPatchSchema,
  DocumentQuerySchema,
  ImportProgressSchema,
  ImportReportSchema,
  ImportSourceSchema,
  NoteSchema,
  TagSchema,
  UndoResultSchema,
  documentSchemas,
  tagName,
} from './documents';

import {
  EntityDetailSchema,
  EntityMentionsSchema,
  EntityQuerySchema,
  ExtractProgressSchema,
  GazetteerExtractSchema,
  EntityStatuses,
  EntitySummarySchema,
  EntityTypes,
  MentionSchema,
  MentionStatuses,
  PlaceOptionSchema,
} from './entities';
import { claimsChannels } from './claims';
import { graphChannels } from './graph';
import { timelineChannels } from './timeline';
import { ImportOcrSchema, ocrChannels } from './ocr';
import { exchangeChannels } from './exchange';
import { mapChannels, mapShellChannels } from './map';

const { id, color } = documentSchemas;

/** The most a case title may hold; longer titles are refused with a message, not truncated. */
export const MAX_TITLE_LENGTH = 200;
/** The most a case description may hold. */
export const MAX_DESCRIPTION_LENGTH = 20_000;

const casePath = z.string().trim().min(1, 'a case file path is required').max(4096);
const caseTitle = z
  .string()
  .trim()
  .min(1, 'a case needs a title')
  .max(MAX_TITLE_LENGTH, `a case title has at most ${MAX_TITLE_LENGTH} characters`);
const emptyInput = z.object({}).strict();

/** What the workspace shows about the open case. */
export const CaseInfoSchema = z.object({
  path: z.string(),
  title: z.string(),
  description: z.string(),
  schemaVersion: z.number().int(),
  /** Open for reading only (asked for, or the file, its folder or disk cannot be written): every change is refused. */
  readOnly: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts: z.object({
    documents: z.number().int(),
    entities: z.number().int(),
    links: z.number().int(),
  }),
});
export type CaseInfo = z.infer<typeof CaseInfoSchema>;

/** What "check case" found: SQLite's integrity and foreign-key problems, and originals whose bytes no longer match their SHA-256. */
export const CaseCheckSchema = z.object({
  ok: z.boolean(),
  integrity: z.array(z.string()),
  foreignKeys: z.array(z.string()),
  originalsChecked: z.number().int(),
  damagedOriginals: z.array(
    z.object({
      blobId: z.number().int(),
      expected: z.string(),
      actual: z.string(),
      documents: z.array(z.object({ id: z.number().int(), title: z.string() })),
    }),
  ),
});
export type CaseCheck = z.infer<typeof CaseCheckSchema>;

/** One entry of the recent cases list; `exists` is false when the file has moved or gone. */
export const RecentCaseSchema = z.object({
  path: z.string(),
  title: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentCase = z.infer<typeof RecentCaseSchema>;

/** Channels the engine answers (in a worker thread in the app, in-process in the CLI and tests). */
export const engineChannels = {
  'cases.create': {
    input: z.object({ path: casePath, title: caseTitle }).strict(),
    output: CaseInfoSchema,
  },
  'cases.open': { input: z.object({ path: casePath, readOnly: z.boolean().optional() }).strict(), output: CaseInfoSchema },
  'cases.close': { input: emptyInput, output: z.null() },
  'cases.current': { input: emptyInput, output: CaseInfoSchema.nullable() },
  'cases.update': {
    input: z
      .object({
        title: caseTitle.optional(),
        description: z
          .string()
          .max(MAX_DESCRIPTION_LENGTH, `a description has at most ${MAX_DESCRIPTION_LENGTH} characters`)
          .optional(),
      })
      .strict(),
    output: CaseInfoSchema,
  },
  /** Reads the whole open case and reports damage (integrity, foreign keys, originals against their SHA-256); repairs nothing. */
  'cases.check': { input: emptyInput, output: CaseCheckSchema },
  'cases.recent': { input: emptyInput, output: z.array(RecentCaseSchema) },
  'cases.forgetRecent': { input: z.object({ path: casePath }).strict(), output: z.array(RecentCaseSchema) },
  /** Creates (once) and opens the demo case built from the sample documents in resources/demo. */
  'cases.openDemo': { input: emptyInput, output: CaseInfoSchema },

  /** Starts a background import; progress and the final report arrive as events. */
  'documents.import': {
    input: z.object({ sources: z.array(ImportSourceSchema).min(1).max(100_000), ocr: ImportOcrSchema.optional() }).strict(),
    output: z.object({ jobId: z.number().int() }),
  },
  'documents.cancelImport': { input: z.object({ jobId: z.number().int() }).strict(), output: z.null() },
  'documents.list': { input: DocumentQuerySchema, output: DocumentPageSchema },
  'documents.get': {
    input: z.object({ id, search: z.string().max(2000).optional() }).strict(),
    output: DocumentDetailSchema,
  },
  'documents.update': { input: DocumentPatchSchema, output: DocumentDetailSchema },

  'tags.list': { input: emptyInput, output: z.array(TagSchema) },
  'tags.create': { input: z.object({ name: tagName, color: color.optional() }).strict(), output: TagSchema },
  'tags.update': {
    input: z.object({ id, name: tagName.optional(), color: color.optional() }).strict(),
    output: TagSchema,
  },
  /** Moves every document of `sourceId` to `targetId` and removes the source tag. */
  'tags.merge': { input: z.object({ sourceId: id, targetId: id }).strict(), output: TagSchema },
  'tags.delete': { input: z.object({ id }).strict(), output: z.null() },
  /** Adds or removes a tag (by id, or by name, created if new) on many documents at once. */
  'tags.apply': {
    input: z
      .object({
        tag: z.union([z.object({ id }).strict(), z.object({ name: tagName }).strict()]),
        documentIds: z.array(id).min(1).max(100_000),
        action: z.enum(['add', 'remove']),
      })
      .strict(),
    output: TagSchema,
  },

  'notes.list': { input: z.object({ documentId: id.optional() }).strict(), output: z.array(NoteSchema) },
  'notes.create': {
    input: z
      .object({
        documentId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        body: z.string().max(20_000).default(''),
        color: color.optional(),
      })
      .strict()
      .refine((note) => note.end > note.start, 'a note needs a passage: end must come after start'),
    output: NoteSchema,
  },
  'notes.update': {
    input: z.object({ id, body: z.string().max(20_000).optional(), color: color.nullable().optional() }).strict(),
    output: NoteSchema,
  },
  'notes.delete': { input: z.object({ id }).strict(), output: z.null() },

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

  /** The briefings saved in the case, newest first. */
  'briefings.list': { input: emptyInput, output: z.array(BriefingSummarySchema) },
  'briefings.get': { input: z.object({ id }).strict(), output: BriefingSchema },
  /** A briefing of the whole case to start from: the case's title, today, every section. */
  'briefings.draft': { input: emptyInput, output: BriefingSpecSchema },
  /** Creates (no id) or updates a briefing (undoable). */
  'briefings.save': { input: z.object({ id: id.optional(), spec: BriefingSpecSchema }).strict(), output: BriefingSchema },
  'briefings.delete': { input: z.object({ id }).strict(), output: z.null() },
  /** Writes the briefing as a PDF to `path` (from the save dialog). */
  'briefings.export': {
    input: z.object({ spec: BriefingSpecSchema, path: z.string().min(1).max(4096), overwrite: z.boolean().optional() }).strict(),
    output: BriefingExportSchema,
  },
  ...graphChannels,
  ...mapChannels,
  ...claimsChannels,
  ...timelineChannels,
  ...ocrChannels,
  ...exchangeChannels,

  /** Undoes the latest undoable change (tagging, notes); null when there is nothing to undo. */
  'history.undo': { input: emptyInput, output: UndoResultSchema },
  'history.redo': { input: emptyInput, output: UndoResultSchema },
} as const;

/** Channels only the desktop shell can answer: native dialogs and the operating system. */
export const shellChannels = {
  'shell.chooseNewCasePath': {
    input: z.object({ suggestedName: z.string().max(255) }).strict(),
    output: z.string().nullable(),
  },
  'shell.chooseCaseToOpen': { input: emptyInput, output: z.string().nullable() },
  /** A case the app was started with (command line or the OS "open file" event), handed over once. */
  'shell.takeLaunchCase': { input: emptyInput, output: z.string().nullable() },
  /** Native dialog for File › Import…: files (or folders) to import; empty when cancelled. */
  /** Native dialog for a GeoNames country extract (a .txt file); null when cancelled. */
  'shell.chooseGazetteerExtract': { input: emptyInput, output: z.string().nullable() },
  /** Native save dialog for a briefing PDF; null when cancelled. */
  'shell.chooseBriefingPath': { input: z.object({ suggestedName: z.string().max(255) }).strict(), output: z.string().nullable() },
  /** Opens an exported file with the system's viewer. */
  'shell.openPath': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: z.null() },
  'shell.chooseFilesToImport': {
    input: z.object({ folders: z.boolean().default(false) }).strict(),
    output: z.array(z.string()),
  },
  ...mapShellChannels,
} as const;

/**
 * The preload's own message (not a channel the page can call): a file dropped on the window, whose
 * path the main process then lets the engine read.
 */
export const GRANT_DROPPED_PATH = 'paths.grantDropped';

/** Every channel, combined; a name registered twice is a programming error and throws at load. */
export const channels = combineChannelMaps(engineChannels, shellChannels);

/** Commands the native menu sends to the renderer, which owns what they do. */
export const MenuCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('case.new') }),
  z.object({ command: z.literal('case.open') }),
  z.object({ command: z.literal('case.close') }),
  z.object({ command: z.literal('case.openPath'), path: casePath }),
  z.object({ command: z.literal('documents.import') }),
  z.object({ command: z.literal('documents.importFolder') }),
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** Push events from main to the renderer. */
export const events = {
  'menu.command': MenuCommandSchema,
  'import.progress': ImportProgressSchema,
  'import.finished': ImportReportSchema,
  'extract.progress': ExtractProgressSchema,
  'extract.finished': ExtractProgressSchema,
} as const;

export type ChannelSpec = { readonly input: z.ZodType; readonly output: z.ZodType };
export type Channels = typeof channels;
export type Channel = keyof Channels;
export type EngineChannel = keyof typeof engineChannels;
export type ShellChannel = keyof typeof shellChannels;
export type InputOf<C extends Channel> = z.input<Channels[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Channels[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Channels[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** Why a call failed, in a form a person can read; `code` lets the renderer react to kinds. */
export const ErrorCodes = [
  'invalid-input',
  'unknown-channel',
  'forbidden-sender',
  'not-found',
  'already-exists',
  'not-a-case',
  'foreign-database',
  'newer-schema',
  'unknown-schema',
  'read-only',
  'corrupt',
  'no-case-open',
  'conflict',
  'internal',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];
export const ApiErrorSchema = z.object({ code: z.enum(ErrorCodes), message: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Every call answers with a value or an error; nothing throws across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The object the preload exposes as `window.dossier` (and the test harness injects). */
export interface DossierBridge {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The path of a file dropped on the window, where the host knows it (the app does; a browser does not). */
  pathForFile?(file: { readonly name: string }): string | null;
}

/** How the engine sends push events to whoever hosts it. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The handlers that implement a set of channels, one function a channel. */
export type Handlers<C extends Channel> = {
  [K in C]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Merges maps keyed by name, throwing when a name appears twice. */
export function combineChannelMaps<A extends object, B extends object>(first: A, second: B): A & B {
  for (const name of Object.keys(second)) {
    if (Object.hasOwn(first, name)) throw new Error(`channel ${name} is registered twice`);
  }
  return { ...first, ...second };
}
