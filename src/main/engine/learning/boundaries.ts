/**
 * Where this case's analyst draws a name's edges: a suggestion they rejected and marked again over
 * more or fewer words ("Obama" → "President Obama", "Australian Government" → "the Australian
 * Government", "French Voulet-Chanoine Mission" → "Voulet-Chanoine Mission") is not a wrong name but
 * a convention. The words added or dropped, in general terms (a title, a demonym, "the"), make a
 * rule once different names show it at least twice as often as the analyst accepted such a suggestion as it was,
 * by names and by sightings.
 */
import type { EntityType } from '../../../shared/entities';
import type { LearnedEdge } from '../../../shared/learning';
import { demonymWords, titleWords } from '../extract/lexicon';
import type { StoredExample } from './examples';

/** Corrections of different names a convention needs before it is followed. */
export const CORRECTIONS_FOR_A_CONVENTION = 2;
/** How many times more names a convention must have redrawn than the analyst accepted as drawn where it would have applied. */
export const CONVENTION_MAJORITY = 2;

export type Side = LearnedEdge['side'];
export type Change = LearnedEdge['change'];

/** One convention: on `side` of a name the tagger typed `suggested`, `words` are added or dropped; the name is then of `type`. */
export type BoundaryRule = LearnedEdge;

const TITLE = 'a title';
const DEMONYM = 'a demonym';
const NUMBER = 'a number';
const CAPITALISED = 'capitalised words';
/** General terms, as opposed to the words themselves. */
const CLASSES: ReadonlySet<string> = new Set([TITLE, DEMONYM, NUMBER, CAPITALISED]);
/** Capitalised words that are no name's words but the sentence's ("The", "In"): they stay words. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'for', 'to', 'by', 'with', 'from', 'this', 'that', 'as']);
/** Words of the title list that only qualify a title ("Deputy", "State"): a run of them alone is no title ("Department of State"). */
const QUALIFIERS = new Set(['foreign', 'defense', 'defence', 'interior', 'finance', 'vice', 'deputy', 'state', 'prime', 'former', 'late', 'junior', 'senior']);
/** How many capitalised words a convention adds or drops at most. */
const MOST_WORDS = 3;

let lexicon: { titles: ReadonlySet<string>; demonyms: ReadonlySet<string> } | null = null;
const words = (): { titles: ReadonlySet<string>; demonyms: ReadonlySet<string> } => (lexicon ??= { titles: titleWords(), demonyms: demonymWords() });

const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
const tokensOf = (text: string): string[] => text.match(WORD) ?? [];
const bare = (token: string): string => token.toLowerCase().replace(/\.$/u, '');
const capitalised = (token: string): boolean => /^\p{Lu}/u.test(token) && !FUNCTION_WORDS.has(token.toLowerCase());
const isNumber = (token: string): boolean => /^\p{N}+(?:st|nd|rd|th|d)?$/iu.test(token);
const isTitle = (token: string): boolean => capitalised(token) && words().titles.has(bare(token)) && bare(token) !== 'of';
const isDemonym = (token: string): boolean => capitalised(token) && words().demonyms.has(bare(token));

/** Whether a token can be one of `term`'s words (a title's run also takes demonyms: "Iraqi President"). */
function fits(term: string, token: string): boolean {
  if (term === TITLE) return isTitle(token) || isDemonym(token);
  if (term === DEMONYM) return isDemonym(token);
  if (term === NUMBER) return isNumber(token);
  return capitalised(token) && !isTitle(token);
}

/** The general term for words added or dropped at a name's edge, or null when they have none. */
function termFor(piece: string): string | null {
  const tokens = tokensOf(piece);
  if (tokens.length === 0 || tokens.length > 6) return null;
  if (tokens.some((token) => isTitle(token) && !QUALIFIERS.has(bare(token))) && tokens.every((token) => isTitle(token) || isDemonym(token) || bare(token) === 'of' || token === ',')) return TITLE;
  if (tokens.length === 1 && isDemonym(tokens[0]!)) return DEMONYM;
  if (tokens.length <= 2 && tokens.every(isNumber)) return NUMBER;
  if (tokens.length <= MOST_WORDS && tokens.every((token) => fits(CAPITALISED, token))) return CAPITALISED;
  if (tokens.length <= 2) return tokens.map((token) => token.toLowerCase()).join(' ');
  return null;
}

/** How many of `term`'s words a run may have. */
const mostOf = (term: string): number => (term === TITLE ? 6 : term === CAPITALISED ? MOST_WORDS : 1);

/** How many characters at the end of `text` (the words before a name, up to the name) are `term`, or 0. */
function matchBefore(text: string, term: string): number {
  const line = text.split('\n').at(-1) ?? '';
  if (!CLASSES.has(term)) {
    const found = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${term.split(' ').map(escape).join('\\s+')})(\\s+)$`, 'iu').exec(line);
    return found ? found[1]!.length + found[2]!.length : 0;
  }
  // The longest run of such words, separated by white space only, that ends just before the name.
  const tokens = [...line.matchAll(WORD)];
  const run: RegExpMatchArray[] = [];
  let sawTitle = false;
  let end = line.length;
  for (let index = tokens.length - 1; index >= 0 && run.length < mostOf(term); index -= 1) {
    const token = tokens[index]!;
    if (!/^\s+$/u.test(line.slice(token.index + token[0].length, end))) break;
    const link = term === TITLE && bare(token[0]) === 'of' && run.some((taken) => isTitle(taken[0]));
    if (!fits(term, token[0]) && !link) break;
    sawTitle ||= isTitle(token[0]) && !QUALIFIERS.has(bare(token[0]));
    run.unshift(token);
    end = token.index!;
  }
  while (run[0] && bare(run[0][0]) === 'of') run.shift();
  if (run.length === 0 || (term === TITLE && !sawTitle)) return 0;
  return line.length - run[0]!.index!;
}

/** How many characters at the start of `text` (the words after a name) are `term`, or 0. */
function matchAfter(text: string, term: string): number {
  const line = text.split('\n')[0] ?? '';
  if (!CLASSES.has(term)) {
    const pattern = new RegExp(`^(\\s*${term.split(' ').map(escape).join('\\s*')})(?![\\p{L}\\p{N}])`, 'iu');
    return pattern.exec(line)?.[1]!.length ?? 0;
  }
  if (term === TITLE || term === DEMONYM) return 0;
  let at = 0;
  let taken = 0;
  for (const token of line.matchAll(WORD)) {
    if (taken >= mostOf(term) || !/^\s+$/u.test(line.slice(at, token.index)) || !fits(term, token[0])) break;
    at = token.index + token[0].length;
    taken += 1;
  }
  return at;
}

/** How many characters at the start (or end) of a name its leading (trailing) `term` takes, leaving a name; 0 when it does not start (end) so. */
function matchInside(name: string, term: string, side: Side): number {
  const tokens = [...name.matchAll(WORD)];
  if (tokens.length < 2) return 0;
  if (CLASSES.has(term)) {
    if (side === 'before') {
      let count = 0;
      while (count < tokens.length - 1 && count < mostOf(term) && fits(term, tokens[count]![0])) count += 1;
      return count === 0 ? 0 : tokens[count]!.index;
    }
    return fits(term, tokens.at(-1)![0]) ? name.length - (tokens.at(-2)!.index + tokens.at(-2)![0].length) : 0;
  }
  const termTokens = term.split(' ');
  if (termTokens.length >= tokens.length) return 0;
  if (side === 'before') {
    const lead = tokens.slice(0, termTokens.length).map((token) => token[0].toLowerCase());
    return lead.join(' ') === term ? tokens[termTokens.length]!.index : 0;
  }
  const tail = tokens.slice(-termTokens.length).map((token) => token[0].toLowerCase());
  if (tail.join(' ') !== term) return 0;
  const kept = tokens[tokens.length - termTokens.length - 1]!;
  return name.length - (kept.index + kept[0].length);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A name in a document: its span and text, and what it is written between. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly before: string;
  readonly after: string;
}

/** How many characters the rule moves a name's edge outwards (add) or inwards (drop); 0 when it does not apply. */
export function reach(rule: Pick<BoundaryRule, 'side' | 'change' | 'words'>, span: Pick<Span, 'text' | 'before' | 'after'>): number {
  if (rule.change === 'drop') return matchInside(span.text, rule.words, rule.side);
  return rule.side === 'before' ? matchBefore(span.before, rule.words) : matchAfter(span.after, rule.words);
}

/** Where an example was taught in its document's text (found by the words around it), or null. */
function locate(example: StoredExample, text: string): { start: number; end: number } | null {
  const at = text.indexOf(example.before + example.text + example.after);
  if (at < 0) return null;
  const start = at + example.before.length;
  return { start, end: start + example.text.length };
}

/** A rejection and the mark that redrew it, found in the examples of one document. */
export interface Correction {
  readonly rejected: StoredExample;
  readonly marked: StoredExample;
  readonly side: Side;
  readonly change: Change;
  readonly words: string;
}

/**
 * The rejections that the analyst followed by marking an overlapping passage: each one redrew a name
 * (`redrawn`, by example id), and those that moved only one edge, in terms `termFor` can name, are
 * corrections a convention can be learned from. `textOf` reads a document's text.
 */
/** Where the analyst redrew names' edges: the corrections, and the rejections that were redrawings (plain data, for a worker thread too). */
export interface Redrawing {
  readonly corrections: readonly Correction[];
  readonly redrawn: ReadonlySet<number>;
}

/** Nothing redrawn (a layer built without the documents' texts). */
export const noRedrawing: Redrawing = { corrections: [], redrawn: new Set() };

export function findCorrections(examples: readonly StoredExample[], textOf: (documentId: number) => string | null): { corrections: Correction[]; redrawn: Set<number> } {
  const byDocument = new Map<number, StoredExample[]>();
  for (const example of examples) {
    if (example.documentId === null || (example.decision !== 'reject' && example.decision !== 'mark')) continue;
    const list = byDocument.get(example.documentId) ?? [];
    list.push(example);
    byDocument.set(example.documentId, list);
  }
  const corrections: Correction[] = [];
  const redrawn = new Set<number>();
  for (const [documentId, list] of byDocument) {
    if (!list.some((example) => example.decision === 'mark') || !list.some((example) => example.decision === 'reject')) continue;
    const text = textOf(documentId);
    if (text === null) continue;
    const placed = list.flatMap((example) => {
      const span = locate(example, text);
      return span ? [{ example, ...span }] : [];
    });
    for (const rejected of placed) {
      if (rejected.example.decision !== 'reject' || rejected.example.suggested === null) continue;
      for (const marked of placed) {
        if (marked.example.decision !== 'mark' || marked.example.type === null) continue;
        if (marked.start >= rejected.end || rejected.start >= marked.end) continue;
        redrawn.add(rejected.example.id);
        const startMoved = marked.start !== rejected.start;
        const endMoved = marked.end !== rejected.end;
        if (startMoved === endMoved) continue;
        const side: Side = startMoved ? 'before' : 'after';
        const change: Change = startMoved ? (marked.start < rejected.start ? 'add' : 'drop') : marked.end > rejected.end ? 'add' : 'drop';
        const piece = startMoved ? text.slice(Math.min(marked.start, rejected.start), Math.max(marked.start, rejected.start)) : text.slice(Math.min(marked.end, rejected.end), Math.max(marked.end, rejected.end));
        const term = termFor(piece);
        if (term) corrections.push({ rejected: rejected.example, marked: marked.example, side, change, words: term });
      }
    }
  }
  return { corrections, redrawn };
}

/** A would-be convention, with the sightings behind its counts of names. */
export interface ConventionCandidate extends BoundaryRule {
  /** The corrections (each sighting redrawn), counting a name redrawn twice twice. */
  readonly sightings: number;
  /** The suggestions the analyst accepted as drawn where it would have applied, each sighting. */
  readonly againstSightings: number;
}

/**
 * Every kind of correction seen, as a would-be convention: how many different names it redrew, and
 * how many names of that type the analyst accepted as drawn where it would have applied (and both by sightings).
 */
export function conventionCandidates(examples: readonly StoredExample[], corrections: readonly Correction[]): ConventionCandidate[] {
  const groups = new Map<string, { suggested: EntityType; side: Side; change: Change; words: string; names: Set<string>; sightings: number; types: Map<EntityType, number> }>();
  for (const correction of corrections) {
    const suggested = correction.rejected.suggested!;
    const key = `${suggested}|${correction.side}|${correction.change}|${correction.words}`;
    const group = groups.get(key) ?? { suggested, side: correction.side, change: correction.change, words: correction.words, names: new Set<string>(), sightings: 0, types: new Map<EntityType, number>() };
    groups.set(key, group);
    group.names.add(correction.rejected.folded);
    group.sightings += 1;
    group.types.set(correction.marked.type!, (group.types.get(correction.marked.type!) ?? 0) + 1);
  }
  return [...groups.values()].map((group) => {
    const accepted = examples.filter((example) => example.decision === 'accept' && example.suggested === group.suggested && reach(group, example) > 0);
    const against = new Set(accepted.map((example) => example.folded)).size;
    let type: EntityType = group.suggested;
    for (const [candidate, count] of group.types) if (count > (group.types.get(type) ?? 0)) type = candidate;
    return { suggested: group.suggested, side: group.side, change: group.change, words: group.words, type, corrections: group.names.size, against, sightings: group.sightings, againstSightings: accepted.length };
  });
}

/**
 * The conventions the corrections show: one for each kind of correction seen on enough different
 * names, unless the analyst accepted suggestions of that type as they were, where it would have
 * applied, half as often as they corrected them or more — counted by names, and by sightings.
 */
export function learnBoundaries(examples: readonly StoredExample[], corrections: readonly Correction[]): BoundaryRule[] {
  return conventionCandidates(examples, corrections)
    .filter((rule) => rule.corrections >= CORRECTIONS_FOR_A_CONVENTION)
    // Twice as many names redrawn as accepted as drawn: two redrawings against one acceptance ("the" before a country) is the analyst's mood, not a convention.
    .filter((rule) => rule.against * CONVENTION_MAJORITY < rule.corrections)
    // And by sightings: three places redrawn to take in "the" against one accepted as drawn four times is no majority.
    .filter((rule) => rule.againstSightings * CONVENTION_MAJORITY < rule.sightings)
    .sort((left, right) => right.corrections - right.against - (left.corrections - left.against))
    .map(({ suggested, side, change, words, type, corrections, against }) => ({ suggested, side, change, words, type, corrections, against }));
}
