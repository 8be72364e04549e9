/** The case itself: creating, opening and describing it, the recent cases list, and undo. */
import { z } from 'zod';
import { emptyInput } from './schemas';

/** The most a case title may hold; longer titles are refused with a message, not truncated. */
export const MAX_TITLE_LENGTH = 200;
/** The most a case description may hold. */
export const MAX_DESCRIPTION_LENGTH = 20_000;

export const casePath = z.string().trim().min(1, 'a case file path is required').max(4096);
const caseTitle = z
  .string()
  .trim()
  .min(1, 'a case needs a title')
  .max(MAX_TITLE_LENGTH, `a case title has at most ${MAX_TITLE_LENGTH} characters`);

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

/** The result of undo or redo: what was reverted, named for the analyst; null when there was nothing. */
export const UndoResultSchema = z.object({ operation: z.string(), description: z.string() }).nullable();

/** The case's channels, joined with every other domain's in api.ts. */
export const caseChannels = {
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


  /** Undoes the latest undoable change (tagging, notes); null when there is nothing to undo. */
  'history.undo': { input: emptyInput, output: UndoResultSchema },
  'history.redo': { input: emptyInput, output: UndoResultSchema },
} as const;
