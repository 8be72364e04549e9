/**
 * Patterns of the analyst's review: what they do, across different names, with suggestions that
 * share a general trait — the type extraction gave and the lexicon's class of the name ("Dutch" is a
 * demonym), the head word of a longer name ("… Railroad", "… Records"), the word before it ("the band
 * …"), its shape (all capitals). A pattern becomes a rule when several different names, from more
 * than one document, show it and the analyst nearly always gave them the same verdict, counted by
 * names and by sightings; it then decides new names no example named.
 * Each rule says how many names taught it, so that the Entities screen can show it.
 */
import type { EntityType } from '../../../shared/entities';
import type { LearnedPattern, PatternKind } from '../../../shared/learning';
import { foldText } from '../../../shared/textFolding';
import { countryNames, demonymWords } from '../extract/lexicon';
import type { Seen, Verdict } from './context';

/** Different names a pattern must be seen with before it decides anything. */
export const NAMES_FOR_A_RULE = 3;
/** Documents those names must come from: one passage (a list of countries the analyst left unmarked) is not a habit. */
export const DOCUMENTS_FOR_A_RULE = 2;
/**
 * How sure a rule must be: the share of its names given its verdict, counted with one name more
 * that went the other way (so 3 of 3 names give 0.75, 9 of 10 give 0.82).
 */
export const RULE_CONFIDENCE = 0.7;

/** A trait of a suggestion, with the tagger's type when the pattern is about what the tagger said. */
interface Trait {
  readonly key: string;
  readonly kind: PatternKind;
  /** The trait as a person reads it: "demonym", "Railroad", "band", "XXX". */
  readonly value: string;
  readonly suggested: EntityType | null;
}

/** A learned rule (as the Entities screen shows it), with how sure it is. */
export interface PatternRule extends LearnedPattern {
  readonly confidence: number;
}

let lexicon: { demonyms: ReadonlySet<string>; countries: ReadonlySet<string> } | null = null;

/** The lexicon's class of a name: 'demonym' ("Dutch"), 'country', or null. */
export function lexicalClassOf(text: string): 'demonym' | 'country' | null {
  lexicon ??= { demonyms: demonymWords(), countries: countryNames() };
  const lower = text.toLowerCase();
  if (lexicon.demonyms.has(lower)) return 'demonym';
  if (lexicon.countries.has(lower)) return 'country';
  return null;
}

const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*\.?/gu) ?? [];

/** All capitals (at least two letters), digits with letters, or none of these. */
function shapeOf(text: string): string | null {
  if (/^[\p{Lu}\p{N}&.\s-]+$/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2) return 'all capitals';
  if (/\p{N}/u.test(text) && /\p{L}/u.test(text)) return 'letters and digits';
  return null;
}

/** The general traits of a suggestion (or of a name marked by hand: suggested null). */
function traitsOf(seen: Pick<Seen, 'text' | 'before'>, suggested: EntityType | null): Trait[] {
  const traits: Trait[] = [];
  const words = wordsOf(seen.text);
  const last = words.at(-1);
  // The head word of a name of two words or more, when it is a capitalised word: what kind of thing the name is.
  if (words.length >= 2 && last && /^\p{Lu}\p{Ll}+$/u.test(last)) traits.push({ key: `head:${last.toLowerCase()}`, kind: 'head', value: last, suggested: null });
  if (suggested === null) return traits;
  const lexical = lexicalClassOf(seen.text);
  if (lexical) traits.push({ key: `class:${suggested}:${lexical}`, kind: 'class', value: lexical, suggested });
  const shape = shapeOf(seen.text);
  if (shape) traits.push({ key: `shape:${suggested}:${shape}`, kind: 'shape', value: shape, suggested });
  // The word just before, when it is a lower-case word of the same line: "the band …", "the village of …".
  const previous = /(?:^|[^\p{L}\p{N}])(\p{Ll}+)[ \t]*$/u.exec(seen.before.split('\n').at(-1) ?? '')?.[1];
  if (previous && previous.length >= 3) traits.push({ key: `previous:${suggested}:${previous}`, kind: 'previous', value: previous, suggested });
  return traits;
}

/** An example as the patterns see it: the name, the words before it, the tagger's type (null: marked by hand) and the verdict. */
export interface PatternExample {
  readonly documentId: number | null;
  readonly text: string;
  readonly before: string;
  readonly suggested: EntityType | null;
  readonly verdict: Verdict;
}

/**
 * Learns the rules: for each trait, the verdict each different name showing it got most often
 * (its latest on a tie), then the trait's verdict when enough names agree.
 */
export function learnPatterns(examples: readonly PatternExample[]): PatternRule[] {
  const byTrait = new Map<string, { trait: Trait; names: Map<string, Map<Verdict, number>>; documents: Map<Verdict, Set<number | null>>; sightings: Map<Verdict, number> }>();
  for (const example of examples) {
    const folded = foldText(example.text);
    for (const trait of traitsOf(example, example.suggested)) {
      const entry = byTrait.get(trait.key) ?? {
        trait,
        names: new Map<string, Map<Verdict, number>>(),
        documents: new Map<Verdict, Set<number | null>>(),
        sightings: new Map<Verdict, number>(),
      };
      byTrait.set(trait.key, entry);
      const documents = entry.documents.get(example.verdict) ?? new Set<number | null>();
      entry.documents.set(example.verdict, documents.add(example.documentId));
      entry.sightings.set(example.verdict, (entry.sightings.get(example.verdict) ?? 0) + 1);
      const verdicts = entry.names.get(folded) ?? new Map<Verdict, number>();
      entry.names.set(folded, verdicts);
      const count = (verdicts.get(example.verdict) ?? 0) + 1;
      verdicts.delete(example.verdict);
      verdicts.set(example.verdict, count);
    }
  }
  const rules: PatternRule[] = [];
  for (const { trait, names, documents, sightings } of byTrait.values()) {
    if (names.size < NAMES_FOR_A_RULE) continue;
    const votes = new Map<Verdict, number>();
    for (const verdicts of names.values()) {
      let best: Verdict | null = null;
      for (const [verdict, count] of verdicts) if (best === null || count >= verdicts.get(best)!) best = verdict;
      votes.set(best!, (votes.get(best!) ?? 0) + 1);
    }
    let verdict: Verdict | null = null;
    for (const [candidate, count] of votes) if (verdict === null || count > votes.get(verdict)!) verdict = candidate;
    const agreeing = votes.get(verdict!)!;
    const confidence = agreeing / (names.size + 1);
    // A rule that keeps what the tagger said changes nothing; it is not one.
    if (agreeing < NAMES_FOR_A_RULE || confidence < RULE_CONFIDENCE || verdict === trait.suggested) continue;
    if ((documents.get(verdict!)?.size ?? 0) < DOCUMENTS_FOR_A_RULE) continue;
    // Nearly always by sightings too: names rejected in one list but accepted wherever else they were written make no rule.
    const seen = [...sightings.values()].reduce((sum, count) => sum + count, 0);
    if ((sightings.get(verdict!) ?? 0) / (seen + 1) < RULE_CONFIDENCE) continue;
    rules.push({ kind: trait.kind, value: trait.value, suggested: trait.suggested, verdict: verdict!, names: agreeing, of: names.size, confidence });
  }
  return rules.sort((left, right) => right.confidence - left.confidence || right.names - left.names);
}

/** The rules as a lookup from a suggestion to the surest rule that changes it. */
export class PatternRules {
  private readonly byKey: Map<string, PatternRule>;

  constructor(readonly rules: readonly PatternRule[]) {
    this.byKey = new Map(rules.map((rule) => [keyOf(rule), rule]));
  }

  /** The surest rule whose trait the suggestion shows and whose verdict is not its type, if any. */
  ruleFor(seen: Seen): PatternRule | null {
    let found: PatternRule | null = null;
    for (const trait of traitsOf(seen, seen.suggested)) {
      const rule = this.byKey.get(trait.key);
      if (rule && rule.verdict !== seen.suggested && (!found || rule.confidence > found.confidence)) found = rule;
    }
    return found;
  }
}

function keyOf(rule: PatternRule): string {
  if (rule.kind === 'head') return `head:${rule.value.toLowerCase()}`;
  return `${rule.kind}:${rule.suggested}:${rule.value}`;
}

/** A capitalised word, as a name's word: "Sandy", "O'Neill", "B&SR", "3rd". */
const NAME_WORD = String.raw`(?:\p{Lu}|\p{N})[\p{L}\p{N}'’.&-]*`;
/** Small words inside a name: "Army of the Potomac", "Department of Natural Resources and Mines". */
const JOINING = String.raw`(?:of|the|and|&|de|du|des|la|le|del|di|von|van|for|on)`;
/** Words that begin a sentence rather than a name. */
const LEADING = new Set(['the', 'a', 'an', 'this', 'that', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'as', 'and', 'but', 'of', 'to']);

/**
 * Names written with a head word the analyst's rules type ("… Railroad" → a place), found where no
 * suggestion is: the capitalised words up to the head word, without a leading "The".
 */
export function namesWithHeads(text: string, rules: readonly PatternRule[]): { start: number; end: number; text: string; type: EntityType }[] {
  const heads = new Map<string, EntityType>();
  for (const rule of rules) if (rule.kind === 'head' && rule.verdict !== 'reject' && rule.verdict !== 'other') heads.set(rule.value, rule.verdict);
  if (heads.size === 0) return [];
  const found: { start: number; end: number; text: string; type: EntityType }[] = [];
  const pattern = new RegExp(String.raw`${NAME_WORD}(?:[ \t]+(?:${JOINING}[ \t]+)*${NAME_WORD})*`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const words = [...match[0].matchAll(/\S+/gu)];
    // The last head word of the run ends the name ("Maine Central Railroad Mountain Division": the division).
    let headAt = -1;
    for (let index = words.length - 1; index >= 1 && headAt < 0; index -= 1) if (heads.has(words[index]![0])) headAt = index;
    if (headAt < 0) continue;
    let first = 0;
    while (first < headAt && LEADING.has(words[first]![0].toLowerCase())) first += 1;
    if (headAt - first < 1) continue;
    const start = match.index + words[first]!.index;
    const end = match.index + words[headAt]!.index + words[headAt]![0].length;
    found.push({ start, end, text: text.slice(start, end), type: heads.get(words[headAt]![0])! });
  }
  return found;
}
