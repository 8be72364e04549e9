/**
 * Turns the extractor's suggestions into what an analyst expects of them, with the case's and the
 * app's knowledge: well-known people under their usual spelling; roles and affiliations read from
 * the words before a name ("Armenian Prime Minister", "the President of Azerbaijan"); demonyms
 * ("Azerbaijani", "Armenian soldiers") as the country in the role of an affiliation, not as a
 * place; capitals that speak for their governments ("Baku's complaints", "urged Yerevan to")
 * marked as such; and the case's confirmed names found wherever the tagger missed them.
 */
import { foldText } from '../../../shared/textFolding';
import type { AnalyzedMention } from '../extract/pipeline';
import { toPlaceOption } from '../extract/pipeline';
import type { Knowledge } from './knowledge';

/** A suggestion ready to store: with an affiliation, or already tied to one of the case's entities. */
export interface EnrichedMention extends AnalyzedMention {
  readonly affiliation?: string;
  readonly entityId?: number;
}

/** A confirmed entity's way of being written (or a name review taught: no entity yet), for finding it where the tagger did not. */
export interface CaseName {
  readonly entityId?: number;
  readonly alias: string;
  readonly type: AnalyzedMention['type'];
}

/** Mention roles with a meaning of their own. */
export const MentionRoles = { affiliation: 'affiliation', government: 'government' } as const;

const SAYING_VERBS =
  /^[\s,]*(?:has |had |have |also |again |then |on \w+ )?(?:said|says|say|stated|states|announced|announces|accused|accuses|denied|denies|claimed|claims|urged|urges|warned|warns|demanded|demands|insisted|insists|rejected|rejects|responded|responds|condemned|condemns|denounced|denounces|called|calls|protested|protests|blamed|blames|threatened|threatens|agreed|agrees|refused|refuses|wants|recalled|summoned|expelled|retaliated|insisted|dismissed)\b/iu;
const POSSESSIVE_GOVERNMENT =
  /^[’']s\s+(?:complaints?|position|positions|demands?|claims?|response|statements?|accusations?|stance|policy|policies|refusal|decision|proposal|offer|officials?|government|leadership|authorities|envoy|ambassador|diplomats?|allegations?|version|narrative|threats?|warnings?)\b/iu;
const GOVERNMENT_OBJECT = /\b(?:urged|urges|accused|accuses|warned|warns|called on|calls on|blamed|blames|told|tells|asked|asks|pressed|presses|criticised|criticized|condemned|condemns)\s+$/iu;


/** The words just before `start` in its sentence that may describe a name: titles, demonyms, "of Country". */
function describedBy(text: string, start: number, knowledge: Knowledge): { role?: string; affiliation?: string } {
  const window = text.slice(Math.max(0, start - 120), start);
  const sentence = window.split(/[.!?\n;:“”"()]/u).at(-1) ?? '';
  const run = /((?:(?:the|of|[\p{Lu}][\p{L}’'.-]*)\s+)+)$/u.exec(sentence)?.[1];
  if (!run) return {};
  const words = run.trim().split(/\s+/u);
  const roleWords: string[] = [];
  let affiliation: string | undefined;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const country = knowledge.countryOfDemonym(word);
    if (country) {
      affiliation = country.name;
      continue;
    }
    if (word.toLowerCase() === 'of' && roleWords.length > 0) {
      // "President of Azerbaijan", "Minister of Foreign Affairs of Armenia": a country ends the run.
      const rest = words.slice(index + 1);
      for (let length = Math.min(4, rest.length); length >= 1; length -= 1) {
        const named = knowledge.countryNamed(rest.slice(0, length).join(' '));
        if (named) {
          affiliation = named.name;
          index += length;
          break;
        }
      }
      if (affiliation) continue;
    }
    if (knowledge.titleWords.has(word.toLowerCase()) && word.toLowerCase() !== 'of' && word.toLowerCase() !== 'the') {
      roleWords.push(word);
      continue;
    }
    // A capitalised word that is neither resets the run: "Tuesday President X" keeps only "President".
    if (word !== 'the' && word !== 'of') {
      roleWords.length = 0;
      affiliation = undefined;
    }
  }
  return { ...(roleWords.length > 0 ? { role: roleWords.join(' ') } : {}), ...(affiliation ? { affiliation } : {}) };
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Spans to test others against, in O(log n) per test: a long document has tens of thousands of
 * mentions, and testing each candidate against all of them made extraction quadratic.
 */
export class SpanIndex {
  private readonly starts: number[];
  /** The furthest end among the spans up to each index (by start). */
  private readonly reach: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((left, right) => left.start - right.start);
    this.starts = sorted.map((span) => span.start);
    this.reach = [];
    let furthest = Number.NEGATIVE_INFINITY;
    for (const span of sorted) {
      furthest = Math.max(furthest, span.end);
      this.reach.push(furthest);
    }
  }

  /** Whether any span overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    // The spans that start before `end`, and whether any of them reaches past `start`.
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! < end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && this.reach[low - 1]! > start;
  }
}

/** Confirmed names by their first word, for one pass over a text. */
export function indexCaseNames(names: readonly CaseName[]): Map<string, CaseName[]> {
  const byFirstWord = new Map<string, CaseName[]>();
  for (const name of names) {
    if (name.alias.length < 3 || !/^[\p{Lu}\p{N}]/u.test(name.alias)) continue;
    const first = /^[^\s]+/u.exec(name.alias)?.[0] ?? name.alias;
    const list = byFirstWord.get(first) ?? [];
    list.push(name);
    byFirstWord.set(first, list);
  }
  // Longest first, so "Nikol Pashinyan" wins over "Nikol".
  for (const list of byFirstWord.values()) list.sort((left, right) => right.alias.length - left.alias.length);
  return byFirstWord;
}

const isWordCharacter = (character: string | undefined): boolean => character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** The case's confirmed names in the text where no suggestion covers them (whole words, as written). */
export function caseNamesIn(text: string, names: ReadonlyMap<string, readonly CaseName[]>, taken: SpanIndex): EnrichedMention[] {
  const found: EnrichedMention[] = [];
  if (names.size === 0) return found;
  // Found in text order and never overlapping one another, so only the last can reach a new one.
  const overlapsFound = (start: number): boolean => (found.at(-1)?.end ?? Number.NEGATIVE_INFINITY) > start;
  for (const word of text.matchAll(/[^\s]+/gu)) {
    const start = word.index;
    if (isWordCharacter(text[start - 1])) continue;
    const candidates = names.get(word[0]) ?? names.get(word[0].replace(/[^\p{L}\p{N}]+$/u, ''));
    if (!candidates) continue;
    for (const name of candidates) {
      const end = start + name.alias.length;
      if (!text.startsWith(name.alias, start) || isWordCharacter(text[end])) continue;
      if (taken.overlaps(start, end) || overlapsFound(start)) break;
      found.push({ start, end, text: name.alias, type: name.type, entity: { name: name.alias }, ...(name.entityId !== undefined ? { entityId: name.entityId } : {}) });
      break;
    }
  }
  return found;
}

/** Words that are never a name on their own, whatever the tagger says ("The", "He"). */
const NOT_NAMES = new Set(
  'the a an this that these those he she it they we i you his her its their our my your mr mrs ms dr sir in on at of and or but for with from by as to'.split(' '),
);

/**
 * What the English tagger says is kept only where it can be trusted: not a lone function word or
 * letter, and in another script (Cyrillic, Armenian) only when the name is a place the gazetteer
 * knows — the model has never seen those scripts, so it calls their capitalised words people.
 */
function trustworthy(mention: AnalyzedMention, knowledge: Knowledge): AnalyzedMention | null {
  const words = mention.text.split(/\s+/u);
  if (mention.text.length < 2 || words.every((word) => NOT_NAMES.has(word.toLowerCase()))) return null;
  if (/\p{Script=Latin}/u.test(mention.text) || /\p{N}/u.test(mention.text)) return mention;
  if (mention.type === 'location' && mention.place) return mention;
  const place = knowledge.placeNamed(mention.text);
  if (!place) return null;
  const choice = toPlaceOption(place);
  return { ...mention, type: 'location', entity: { name: mention.text }, place: { ...choice, confidence: 0.5, candidates: [choice] } };
}

export function enrichMentions(
  text: string,
  extracted: readonly AnalyzedMention[],
  knowledge: Knowledge,
  caseNames: ReadonlyMap<string, readonly CaseName[]> = new Map(),
): EnrichedMention[] {
  const mentions = extracted.map((mention) => trustworthy(mention, knowledge)).filter((mention): mention is AnalyzedMention => mention !== null);
  const enriched: EnrichedMention[] = mentions.map((mention) => {
    if (mention.type === 'person') {
      const known = knowledge.knownActor(mention.entity.name);
      const described = describedBy(text, mention.start, knowledge);
      const role = mention.role ?? described.role;
      const affiliation = described.affiliation ?? known?.affiliation ?? undefined;
      return {
        ...mention,
        ...(role ? { role } : {}),
        ...(affiliation ? { affiliation } : {}),
        entity: { name: known?.name ?? mention.entity.name },
      };
    }
    if (mention.type === 'organization') {
      const first = mention.text.split(/\s+/u)[0] ?? '';
      const ofCountry = /\bof\s+(?:the\s+)?([\p{Lu}][\p{L}\s-]+)$/u.exec(mention.text)?.[1];
      const country = knowledge.countryOfDemonym(first) ?? (ofCountry ? knowledge.countryNamed(ofCountry) : undefined);
      return country ? { ...mention, affiliation: country.name } : mention;
    }
    if (mention.type === 'location' && mention.place?.featureCode.startsWith('PPLC')) {
      const after = text.slice(mention.end, mention.end + 60);
      const before = text.slice(Math.max(0, mention.start - 30), mention.start);
      if (SAYING_VERBS.test(after) || POSSESSIVE_GOVERNMENT.test(after) || GOVERNMENT_OBJECT.test(before)) {
        return { ...mention, role: MentionRoles.government };
      }
    }
    return mention;
  });

  // Demonyms: the country, as an affiliation. Inside a longer name ("Azerbaijani Ministry of
  // Defense") the name's own mention keeps the words. Demonyms found here never overlap one
  // another (one match each), so the mentions before them are all there is to test.
  const taken = new SpanIndex(enriched);
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])[\p{Lu}][\p{Ll}]+(?![\p{L}\p{N}])/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.overlaps(start, end)) continue;
    const country = knowledge.countryOfDemonym(match[0]);
    if (!country || foldText(country.name) === foldText(match[0])) continue;
    const place = { ...toPlaceOption(country), confidence: 1, candidates: [toPlaceOption(country)] };
    enriched.push({ start, end, text: match[0], type: 'location', role: MentionRoles.affiliation, entity: { name: country.name }, place });
  }

  const withDemonyms = new SpanIndex(enriched);
  for (const found of caseNamesIn(text, caseNames, withDemonyms)) enriched.push(found);
  return enriched.sort((left, right) => left.start - right.start);
}
