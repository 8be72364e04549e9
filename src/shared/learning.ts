/** The contract of what a case learns from the analyst's review: what it has learned, resetting it, and re-scoring suggestions with it. */
import { z } from 'zod';
import { EntityTypes } from './entities';
import { emptyInput } from './schemas';

const LearnedNameSchema = z.object({ name: z.string(), times: z.number().int() });

/** The traits a learned pattern is about: the lexicon's class of a name, its head word, the word before it, its shape. */
export const PatternKinds = ['class', 'head', 'previous', 'shape'] as const;
export type PatternKind = (typeof PatternKinds)[number];
/** A verdict of review on a suggestion: a type, or not a name. */
const VerdictSchema = z.union([z.enum(EntityTypes), z.literal('reject')]);

/** A pattern of review across names: suggestions with the trait get the verdict. */
export const LearnedPatternSchema = z.object({
  kind: z.enum(PatternKinds),
  /** The trait as a person reads it: "demonym", "Railroad", "band", "all capitals". */
  value: z.string(),
  /** The type extraction gave, when the pattern is about it; null for a head word, whatever extraction said. */
  suggested: z.enum(EntityTypes).nullable(),
  verdict: VerdictSchema,
  /** Different names given the verdict, of the names seen with the trait. */
  names: z.number().int(),
  of: z.number().int(),
});
export type LearnedPattern = z.infer<typeof LearnedPatternSchema>;

/** Where the analyst draws a name's edges: words added or dropped before or after names extraction typed `suggested`. */
export const LearnedEdgeSchema = z.object({
  suggested: z.enum(EntityTypes),
  side: z.enum(['before', 'after']),
  change: z.enum(['add', 'drop']),
  /** 'a title', 'a demonym', 'a number', 'capitalised words', or the words themselves ("the"). */
  words: z.string(),
  type: z.enum(EntityTypes),
  /** Different names the analyst redrew so, and names they accepted as they were where it would have applied. */
  corrections: z.number().int(),
  against: z.number().int(),
});
export type LearnedEdge = z.infer<typeof LearnedEdgeSchema>;

/** What the case has learned, for the Entities screen. */
export const LearningSummarySchema = z.object({
  /** The review examples in effect. */
  examples: z.number().int(),
  counts: z.object({ accept: z.number().int(), reject: z.number().int(), retype: z.number().int(), mark: z.number().int(), merge: z.number().int() }),
  /** Names no longer suggested (rejected twice or more, more often than accepted), with how often they were rejected. */
  stopped: z.array(LearnedNameSchema),
  /** Names rejected once: one more rejection stops them. */
  rejectedOnce: z.array(LearnedNameSchema),
  /** Names the analyst gave another type than extraction did, nearly always the same one (a name typed both ways is left to its context). */
  corrected: z.array(z.object({ name: z.string(), from: z.enum(EntityTypes), to: z.enum(EntityTypes) })),
  /**
   * Names marked by hand where extraction had missed them, found wherever they are written — a name
   * in lower case ("the rebels") only once given a type twice (`found` false until then).
   */
  added: z.array(z.object({ name: z.string(), type: z.enum(EntityTypes), found: z.boolean() })),
  /** Patterns across names (several names, nearly always the same verdict), which decide names no review named. */
  patterns: z.array(LearnedPatternSchema),
  /** Where the analyst draws names' edges, learned from suggestions rejected and marked again with other edges. */
  edges: z.array(LearnedEdgeSchema),
  /** Names accepted, which are found wherever they are written. */
  accepted: z.number().int(),
  /** Features the contextual layer weighs. */
  contextFeatures: z.number().int(),
  /** Whether the contextual layer changes suggestions: not until, tried on three or more reviewed documents, it sets more right than wrong. */
  contextInUse: z.boolean(),
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
