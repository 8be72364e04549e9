/** The contract of what a case learns from the analyst's review: what it has learned, resetting it, and re-scoring suggestions with it. */
import { z } from 'zod';
import { EntityTypes } from './entities';
import { emptyInput } from './schemas';

const LearnedNameSchema = z.object({ name: z.string(), times: z.number().int() });

/** What the case has learned, for the Entities screen. */
export const LearningSummarySchema = z.object({
  /** The review examples in effect. */
  examples: z.number().int(),
  counts: z.object({ accept: z.number().int(), reject: z.number().int(), retype: z.number().int(), mark: z.number().int(), merge: z.number().int() }),
  /** Names no longer suggested (rejected twice or more, more often than accepted), with how often they were rejected. */
  stopped: z.array(LearnedNameSchema),
  /** Names rejected once: one more rejection stops them. */
  rejectedOnce: z.array(LearnedNameSchema),
  /** Names the analyst gave another type than extraction did. */
  corrected: z.array(z.object({ name: z.string(), from: z.enum(EntityTypes), to: z.enum(EntityTypes) })),
  /** Names marked by hand where extraction had missed them, now found wherever they are written. */
  added: z.array(z.object({ name: z.string(), type: z.enum(EntityTypes) })),
  /** Names accepted, which are found wherever they are written. */
  accepted: z.number().int(),
  /** Features the contextual layer weighs. */
  contextFeatures: z.number().int(),
  /** Suggestions not reviewed yet, which a re-score would look at again. */
  unreviewed: z.number().int(),
});
export type LearningSummary = z.infer<typeof LearningSummarySchema>;

/** How far a re-score of the unreviewed suggestions has got (also its final report). */
export const RescoreProgressSchema = z.object({
  jobId: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  cancelled: z.boolean(),
});
export type RescoreProgress = z.infer<typeof RescoreProgressSchema>;

export const learningChannels = {
  /** What the case has learned from review. */
  'learning.summary': { input: emptyInput, output: LearningSummarySchema },
  /** Forgets what the case has learned (undoable); reviewed mentions stay as they are. */
  'learning.reset': { input: emptyInput, output: LearningSummarySchema },
  /** Re-scores the unreviewed suggestions with what the case has learned, in the background; one undo step. */
  'learning.rescore': { input: emptyInput, output: z.object({ jobId: z.number().int() }) },
  'learning.cancelRescore': { input: z.object({ jobId: z.number().int() }).strict(), output: z.null() },
} as const;
