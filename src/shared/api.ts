/**
 * The one contract between the renderer and the engine. Each domain declares its channels in
 * src/shared/<domain>.ts (namespaced names, a zod schema for input and output); this file joins
 * them, refusing a name declared twice, and adds the shell's channels and the push events. The
 * preload's `window.dossier`, the main-process gateway, the engine's handlers and the renderer's
 * client are all typed from here.
 */
import { z } from 'zod';
import { ErrorCodes } from './errorCodes';
import { briefingChannels } from './briefing';
import { casePath, caseChannels } from './cases';
import { claimsChannels } from './claims';
import { ImportProgressSchema, ImportReportSchema, documentChannels } from './documents';
import { ExtractProgressSchema, entityChannels } from './entities';
import { MergeProgressSchema, exchangeChannels, exchangeShellChannels } from './exchange';
import { graphChannels } from './graph';
import { learningChannels, RescoreProgressSchema } from './learning';
import { mapChannels, mapShellChannels } from './map';
import { ocrChannels, OcrRerunProgressSchema, OcrRerunReportSchema } from './ocr';
import { emptyInput } from './schemas';
import { timelineChannels } from './timeline';

/** Channels the engine answers (in a worker thread in the app, in-process in the CLI and tests). */
export const engineChannels = combineChannelMaps(
  caseChannels,
  documentChannels,
  entityChannels,
  graphChannels,
  mapChannels,
  briefingChannels,
  claimsChannels,
  timelineChannels,
  exchangeChannels,
  ocrChannels,
  learningChannels,
);

/** Channels only the desktop shell can answer: native dialogs and the operating system. */
const ownShellChannels = {
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
} as const;

export const shellChannels = combineChannelMaps(ownShellChannels, mapShellChannels, exchangeShellChannels);

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
  z.object({ command: z.literal('case.openReadOnly') }),
  z.object({ command: z.literal('case.close') }),
  z.object({ command: z.literal('case.openPath'), path: casePath }),
  z.object({ command: z.literal('documents.import') }),
  z.object({ command: z.literal('documents.importFolder') }),
  z.object({ command: z.literal('exchange.merge') }),
  z.object({ command: z.literal('exchange.importList') }),
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** Push events from main to the renderer. */
export const events = {
  'menu.command': MenuCommandSchema,
  'import.progress': ImportProgressSchema,
  'import.finished': ImportReportSchema,
  'extract.progress': ExtractProgressSchema,
  'extract.finished': ExtractProgressSchema,
  'merge.progress': MergeProgressSchema,
  'learning.rescoreProgress': RescoreProgressSchema,
  'learning.rescoreFinished': RescoreProgressSchema,
  'ocr.progress': OcrRerunProgressSchema,
  'ocr.finished': OcrRerunReportSchema,
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
export { ErrorCodes } from './errorCodes';
export type { ErrorCode } from './errorCodes';
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

type Joined<Maps extends readonly object[]> = Maps extends readonly [infer First, ...infer Rest extends readonly object[]] ? First & Joined<Rest> : unknown;

/** Joins maps keyed by name, throwing when a name appears in two of them. */
export function combineChannelMaps<const Maps extends readonly object[]>(...maps: Maps): Joined<Maps> {
  const joined: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      if (Object.hasOwn(joined, name)) throw new Error(`channel ${name} is registered twice`);
      joined[name] = value;
    }
  }
  return joined as Joined<Maps>;
}
