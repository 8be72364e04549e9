/**
 * The case's learned layer over extraction: built from the examples in effect (examples.ts), it
 * decides what happens to each suggestion before it is stored. First its edges, where the analyst's
 * conventions put them (boundaries.ts: "President Obama", not "Obama"). By name (case and diacritics
 * folded): a name rejected twice, and more often than accepted, is no longer suggested; a name the
 * analyst gave a type keeps that type; a name they accepted or marked is found wherever it is
 * written (one in lower case once given a type twice). By pattern (patterns.ts): a trait several
 * names shared and the analyst nearly always judged alike decides names no review named, and head
 * words find new names. By context (context.ts): a suggestion that looks like those the analyst
 * rejected or retyped is rejected or retyped too.
 */
import type { Database } from 'better-sqlite3';
import type { EntityType } from '../../../shared/entities';
import { foldText } from '../../../shared/textFolding';
import type { CaseName, EnrichedMention } from '../entities/enrich';
import { caseNamesIn, SpanIndex } from '../entities/enrich';
import type { StoredExample } from './examples';
import { examplesInEffect } from './examples';
import type { Seen, Verdict } from './context';
import { ContextModel } from './context';
import type { PatternExample } from './patterns';
import { learnPatterns, namesWithHeads, PatternRules } from './patterns';
import type { BoundaryRule } from './boundaries';
import { findCorrections, learnBoundaries, noRedrawing, reach } from './boundaries';
import type { Redrawing } from './boundaries';
import { statement } from '../case/statements';

/** Rejections after which a name is no longer suggested (when it was rejected more often than accepted). */
export const REJECTIONS_TO_STOP = 2;

/** How often a name written in lower case must be given a type before it is found wherever it is written. */
export const COMMON_WORDS_TO_FIND = 2;

/** What review taught about one name. */
export interface LearnedName {
  readonly text: string;
  readonly folded: string;
  readonly rejections: number;
  readonly acceptances: number;
  /** The type the analyst gave it most often (the latest wins a tie); null when they never gave one. */
  readonly type: EntityType | null;
  /** The type extraction suggested when the analyst gave another; null when they never corrected it. */
  readonly correctedFrom: EntityType | null;
  /** Whether the analyst marked it by hand where extraction had missed it. */
  readonly marked: boolean;
  /** How often the analyst gave it a type other than `type`: a name typed both ways ("U.S." the country and the government) depends on its context. */
  readonly otherTypes: number;
}

export interface LearnedLayer {
  readonly names: ReadonlyMap<string, LearnedName>;
  readonly context: ContextModel;
  readonly patterns: PatternRules;
  /** The learned names (folded) found wherever they are written. */
  readonly lookedFor: ReadonlySet<string>;
  readonly boundaries: readonly BoundaryRule[];
  readonly examples: number;
  /** The suggestions as the case has learned to make them. */
  apply(text: string, mentions: readonly EnrichedMention[]): EnrichedMention[];
}

/** Whether review has stopped a name from being suggested. */
export const isStopped = (name: LearnedName): boolean => name.rejections >= REJECTIONS_TO_STOP && name.rejections > name.acceptances;

/** How many times more often a name must have been given its type than any other before the name alone decides its type. */
export const TYPE_MAJORITY = 3;

/**
 * Whether review settled the name's type: given one, accepted at least as often as rejected, and
 * given other types seldom (`TYPE_MAJORITY`); a name typed both ways is left to its context.
 */
export const hasSettledType = (name: LearnedName): boolean =>
  name.type !== null && name.acceptances >= name.rejections && name.acceptances - name.otherTypes >= TYPE_MAJORITY * name.otherTypes;

function learnNames(examples: readonly StoredExample[]): Map<string, LearnedName> {
  const tallies = new Map<string, { text: string; rejections: number; types: Map<EntityType, number>; correctedFrom: EntityType | null; marked: boolean }>();
  for (const example of examples) {
    const tally = tallies.get(example.folded) ?? { text: example.text, rejections: 0, types: new Map<EntityType, number>(), correctedFrom: null, marked: false };
    tallies.set(example.folded, tally);
    if (example.type === null) {
      tally.rejections += 1;
      continue;
    }
    tally.text = example.text;
    // Re-inserted so that the latest type is last: among equal counts the latest wins.
    const count = (tally.types.get(example.type) ?? 0) + 1;
    tally.types.delete(example.type);
    tally.types.set(example.type, count);
    if (example.suggested !== null && example.suggested !== example.type) tally.correctedFrom = example.suggested;
    if (example.decision === 'mark') tally.marked = true;
  }
  const names = new Map<string, LearnedName>();
  for (const [folded, tally] of tallies) {
    let type: EntityType | null = null;
    let acceptances = 0;
    for (const [candidate, count] of tally.types) {
      acceptances += count;
      if (type === null || count >= (tally.types.get(type) ?? 0)) type = candidate;
    }
    const otherTypes = type === null ? 0 : acceptances - tally.types.get(type)!;
    names.set(folded, { text: tally.text, folded, rejections: tally.rejections, acceptances, type, correctedFrom: type === tally.correctedFrom ? null : tally.correctedFrom, marked: tally.marked, otherTypes });
  }
  return names;
}

/** The verdicts review gave suggestions, for the contextual model: marks by hand were no suggestion and teach it nothing. */
function contextExamples(examples: readonly StoredExample[]): { seen: Seen; verdict: Verdict; documentId: number | null }[] {
  return examples.flatMap((example) =>
    example.suggested === null || example.decision === 'merge'
      ? []
      : [{ seen: { text: example.text, before: example.before, after: example.after, suggested: example.suggested }, verdict: example.type ?? 'reject', documentId: example.documentId }],
  );
}

/** Every verdict review gave, marks by hand included (a marked name's head word says what such names are). */
function patternExamples(examples: readonly StoredExample[]): PatternExample[] {
  return examples.flatMap((example) =>
    example.decision === 'merge' ? [] : [{ documentId: example.documentId, text: example.text, before: example.before, suggested: example.suggested, verdict: example.type ?? 'reject' }],
  );
}

/** Every way of writing a learned name the analyst gave a type, for finding it in a text. */
function namesToFind(examples: readonly StoredExample[], names: ReadonlyMap<string, LearnedName>): Map<string, CaseName[]> {
  const byFirstWord = new Map<string, CaseName[]>();
  const seen = new Set<string>();
  const lowerCase = new Set(examples.filter((example) => /^\p{Ll}/u.test(example.text)).map((example) => example.folded));
  for (const example of examples) {
    const learned = names.get(example.folded);
    if (!learned?.type || learned.type === 'other' || isStopped(learned) || learned.rejections >= learned.acceptances) continue;
    if (example.type === null || example.text.length < 2 || seen.has(example.text)) continue;
    // A name in lower case is written with common words ("our", "the regime"), found everywhere: one sighting is not enough.
    if (lowerCase.has(example.folded) && learned.acceptances < COMMON_WORDS_TO_FIND) continue;
    seen.add(example.text);
    const first = /^[^\s]+/u.exec(example.text)?.[0] ?? example.text;
    const list = byFirstWord.get(first) ?? [];
    list.push({ alias: example.text, type: learned.type });
    byFirstWord.set(first, list);
  }
  for (const list of byFirstWord.values()) list.sort((left, right) => right.alias.length - left.alias.length);
  return byFirstWord;
}

/**
 * Builds the layer from the examples given and where they redrew names' edges (`redrawingOf`, which needs
 * the documents' texts; without it, no such convention is learned).
 */
export function buildLearnedLayer(examples: readonly StoredExample[], redrawing: Redrawing = noRedrawing): LearnedLayer {
  const { corrections, redrawn } = redrawing;
  const boundaries = learnBoundaries(examples, corrections);
  // A rejection the analyst followed by marking an overlapping passage said where a name begins or ends, not that there is none.
  const lessons = examples.filter((example) => !redrawn.has(example.id));
  const names = learnNames(lessons);
  const context = ContextModel.trainChecked(contextExamples(lessons));
  const patterns = new PatternRules(learnPatterns(patternExamples(lessons)));
  const toFind = namesToFind(lessons, names);
  const lookedFor = new Set([...toFind.values()].flatMap((list) => list.map((name) => foldText(name.alias))));

  /** The mention with its edges where the case's conventions put them (the first convention that applies). */
  const redraw = (text: string, mention: EnrichedMention): EnrichedMention => {
    if (mention.entityId !== undefined || boundaries.length === 0) return mention;
    const span = { text: mention.text, before: text.slice(Math.max(0, mention.start - 60), mention.start), after: text.slice(mention.end, mention.end + 60) };
    for (const rule of boundaries) {
      if (rule.suggested !== mention.type) continue;
      const distance = reach(rule, span);
      if (distance <= 0) continue;
      let start = mention.start;
      let end = mention.end;
      if (rule.side === 'before') start += rule.change === 'add' ? -distance : distance;
      else end += rule.change === 'add' ? distance : -distance;
      while (start < end && /\s/u.test(text[start]!)) start += 1;
      while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
      if (end <= start) continue;
      // Words taken in (a title, "the") leave the entity's name as it was; words left out change it.
      return retype({ ...mention, start, end, text: text.slice(start, end), entity: rule.change === 'add' ? mention.entity : { name: text.slice(start, end) } }, rule.type);
    }
    return mention;
  };

  const seenOf = (text: string, mention: EnrichedMention): Seen => ({
    text: mention.text,
    before: text.slice(Math.max(0, mention.start - 60), mention.start),
    after: text.slice(mention.end, mention.end + 60),
    suggested: mention.type,
  });

  /**
   * The suggestions as review taught: by name first, then by the patterns, then by context; the
   * context judges the mentions of one name (with one type) in the document together.
   */
  const judgeAll = (text: string, mentions: readonly EnrichedMention[]): EnrichedMention[] => {
    const verdicts = new Map<EnrichedMention, Verdict>();
    const byName = new Map<string, EnrichedMention[]>();
    for (const mention of mentions) {
      // A name of the case's own (a confirmed entity found again) is the analyst's already.
      if (mention.entityId !== undefined) continue;
      const learned = names.get(foldText(mention.text));
      if (learned && isStopped(learned)) verdicts.set(mention, 'reject');
      else if (learned && hasSettledType(learned)) verdicts.set(mention, learned.type!);
      else {
        const rule = patterns.ruleFor(seenOf(text, mention));
        if (rule) verdicts.set(mention, rule.verdict);
        else {
          const key = `${mention.type}\u0000${foldText(mention.text)}`;
          const sightings = byName.get(key);
          if (sightings) sightings.push(mention);
          else byName.set(key, [mention]);
        }
      }
    }
    for (const sightings of byName.values()) {
      const verdict = context.judgeTogether(sightings.map((mention) => seenOf(text, mention)));
      for (const mention of sightings) verdicts.set(mention, verdict);
    }
    return mentions.flatMap((mention) => {
      const verdict = verdicts.get(mention) ?? mention.type;
      return verdict === 'reject' ? [] : [retype(mention, verdict)];
    });
  };

  return {
    names,
    context,
    patterns,
    lookedFor,
    boundaries,
    examples: examples.length,
    apply(text, mentions) {
      if (examples.length === 0) return [...mentions];
      const kept = judgeAll(text, withoutOverlaps(mentions, mentions.map((mention) => redraw(text, mention))));
      // Learned names where they are written: where no suggestion is, or over suggestions they wholly contain ("Tokyo Stock" in "Tokyo Stock Exchange").
      const found = [
        ...caseNamesIn(text, toFind, new SpanIndex([])),
        ...namesWithHeads(text, patterns.rules).map((name) => ({ ...name, entity: { name: name.text } })),
      ];
      if (found.length === 0) return kept;
      const replaced = new Set<EnrichedMention>();
      const added: EnrichedMention[] = [];
      const byStart = [...kept].sort((left, right) => left.start - right.start);
      for (const name of found) {
        if (added.some((other) => other.start < name.end && name.start < other.end)) continue;
        const overlapping = byStart.filter((mention) => mention.start < name.end && name.start < mention.end);
        if (overlapping.some((mention) => mention.start < name.start || mention.end > name.end || (mention.start === name.start && mention.end === name.end))) continue;
        for (const mention of overlapping) replaced.add(mention);
        added.push(name);
      }
      return [...kept.filter((mention) => !replaced.has(mention)), ...added].sort((left, right) => left.start - right.start);
    },
  };
}

/**
 * The redrawn mentions, each kept unless it now overlaps another it does not wholly contain (then
 * as it was); a mention a redrawn one wholly contains ("Iraqi" in "Iraqi President Fuad Masum") goes.
 */
function withoutOverlaps(original: readonly EnrichedMention[], redrawn: readonly EnrichedMention[]): EnrichedMention[] {
  const changed = redrawn.flatMap((mention, index) => (mention === original[index] ? [] : [index]));
  if (changed.length === 0) return [...redrawn];
  const result = [...redrawn];
  for (const index of changed) {
    const mention = redrawn[index]!;
    const clash = redrawn.some(
      (other, at) => at !== index && other.start < mention.end && mention.start < other.end && (other.start < mention.start || other.end > mention.end),
    );
    if (clash) result[index] = original[index]!;
  }
  const kept = changed.map((index) => result[index]!).filter((mention, at) => mention !== original[changed[at]!]);
  return result.filter((mention) => !kept.some((other) => other !== mention && other.start <= mention.start && mention.end <= other.end && (other.start !== mention.start || other.end !== mention.end)));
}

/** The mention as a name of `type`; a place loses its gazetteer place when it is one no more. */
function retype(mention: EnrichedMention, type: EntityType): EnrichedMention {
  if (mention.type === type) return mention;
  const { place, role, affiliation, ...rest } = mention;
  void place;
  return { ...rest, type, ...(type === 'person' && role ? { role } : {}), ...(type !== 'location' && affiliation ? { affiliation } : {}) };
}

/** The case's learned layer, from the examples in effect. */
export function loadLearnedLayer(db: Database): LearnedLayer {
  const examples = examplesInEffect(db);
  return buildLearnedLayer(examples, redrawingOf(db, examples));
}

/** Where the examples redrew names' edges, read against their documents' texts. */
export function redrawingOf(db: Database, examples: readonly StoredExample[]): Redrawing {
  return findCorrections(examples, documentTexts(db));
}

/** Reads documents' texts, each once. */
function documentTexts(db: Database): (documentId: number) => string | null {
  const texts = new Map<number, string | null>();
  return (documentId) => {
    if (!texts.has(documentId)) texts.set(documentId, (statement(db, 'SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string } | undefined)?.text ?? null);
    return texts.get(documentId)!;
  };
}
