// The candidates for a mention's text: its name looked up, then the fallbacks a recogniser's spans need
// (a possessive, spelled-out abbreviations, a generic word, a part of the span, a spelling skeleton).
import type { Gazetteer, PlaceCandidate } from './gazetteer';
import { priorScore } from './prior';
import type { PlaceMention } from './resolve';

/**
 * The name a mention's text begins when the text goes on with it: the longest run of up to four more
 * words ("of the Congo", "d'Ivoire") that, with the mention, the gazetteer knows by its exact name; none
 * past the end of a sentence.
 */
export function continuedName(gazetteer: Gazetteer, mention: PlaceMention, documentText: string): string | undefined {
  const word = /\s*[^\s]+/uy;
  word.lastIndex = mention.end;
  let longest: string | undefined;
  for (let count = 0; count < 4; count += 1) {
    const next = word.exec(documentText);
    if (!next) break;
    const name = documentText.slice(mention.start, word.lastIndex).replace(/[,;:.!?)"”’']+$/u, '');
    if (name.length > mention.text.length && gazetteer.lookup(name).length > 0) longest = name;
    if (/[,;:.!?]$/u.test(next[0])) break;
  }
  return longest;
}

/**
 * The longer name the text writes around a mention that a recogniser cut short: "NEW" YORK, "Jammu" and
 * Kashmir, Rio Grande "do Sul", "People's" Republic of China, "San" Juan Bautista. Up to three words before
 * and four after, joined by spaces only (no comma or full stop between), the outer words capitalised and the
 * inner ones capitalised or a name's particle ("and", "do", "of"), that the gazetteer knows as a country or
 * region or as a place's own name. Undefined when the text writes no such longer name.
 */
export function writtenName(gazetteer: Gazetteer, mention: PlaceMention, documentText: string): string | undefined {
  const before = wordsBefore(documentText, mention.start);
  const after = wordsAfter(documentText, mention.end);
  let longest: string | undefined;
  for (let left = 0; left <= before.length; left += 1) {
    if (left > 0 && (!NAME_WORD.test(before[left - 1]!.word) || ENGLISH_FUNCTION_WORDS.has(before[left - 1]!.word.toLowerCase()))) continue;
    if (before.slice(0, left).some((word) => !NAME_WORD.test(word.word) && !NAME_PARTICLES.has(word.word.toLowerCase()))) break;
    for (let right = 0; right <= after.length; right += 1) {
      if (left + right === 0) continue;
      if (after.slice(0, right).some((word) => !NAME_WORD.test(word.word) && !NAME_PARTICLES.has(word.word.toLowerCase()))) break;
      if (right > 0 && !NAME_WORD.test(after[right - 1]!.word)) continue;
      const start = left > 0 ? before[left - 1]!.start : mention.start;
      const end = right > 0 ? after[right - 1]!.end : mention.end;
      const name = documentText.slice(start, end).replace(/\s+/gu, ' ');
      if (longest !== undefined && name.length <= longest.length) continue;
      // Not a part of a longer name: "West Africa" of South West Africa, "Town and Country" of a firm's name.
      if (COMPASS_WORD.test(wordBefore(documentText, start)) || COMPANY_SUFFIX.test(capitalisedRun(documentText, end))) continue;
      if (gazetteer.lookup(name).some((place) => place.primaryName || place.featureClass === 'A')) longest = name;
    }
  }
  return longest;
}

// A word that may begin or end a name: capitalised, or a particle joined to a capitalised word ("el-Oued", "d'Ivoire").
const NAME_WORD = /^(?:\p{Lu}|\p{Ll}{1,3}['’-]\p{Lu})/u;
// Words that begin a sentence rather than a name ("The Hanover daily", "In Paris").
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'in', 'at', 'on', 'of', 'and', 'or', 'to', 'for', 'from', 'by', 'with', 'as', 'but', 'near', 'across', 'outside', 'inside']);
// Lower-case words inside place names: "Jammu and Kashmir", "Rio Grande do Sul", "Bosnia and Herzegovina".
const NAME_PARTICLES = new Set(['and', 'of', 'the', 'de', 'do', 'da', 'dos', 'das', 'del', 'della', 'di', 'du', 'des', 'la', 'le', 'el', 'al', 'y', 'upon', 'on', 'am', 'im', 'an', 'der', 'sur']);

/** The text from `offset` to the end of the run of capitalised words it is in ("Jewelry Manufacturing Corp"). */
function capitalisedRun(text: string, offset: number): string {
  const words = wordsAfter(text, offset);
  const run = words.findIndex((word) => !NAME_WORD.test(word.word));
  const last = run === -1 ? words.at(-1) : words[run - 1];
  return last ? text.slice(offset, last.end) : '';
}

/** The word right before `offset`, without the brackets or quotes that open it ("(South" West Africa). */
function wordBefore(text: string, offset: number): string {
  return /([^\s("“‘']+)[\s]+$/u.exec(text.slice(Math.max(0, offset - 40), offset))?.[1] ?? '';
}

const COMPASS_WORD = /^(?:north|south|east|west)(?:ern)?$|^central$/iu;

/** The words right before `offset`, nearest first, up to three, stopping at punctuation between words. */
function wordsBefore(text: string, offset: number): { word: string; start: number }[] {
  const words: { word: string; start: number }[] = [];
  let position = offset;
  while (words.length < 3) {
    const gap = /[ \t\r\n]+$/u.exec(text.slice(Math.max(0, position - 8), position));
    if (!gap) break;
    const end = position - gap[0].length;
    const word = /[^\s]+$/u.exec(text.slice(Math.max(0, end - 40), end))?.[0];
    // A word that ends a clause ("said.", "Ontario,") or opens a bracket or quote is no part of the name.
    if (!word || /[,;:!?)"”(“]/u.test(word) || (word.endsWith('.') && !/^\p{Lu}\p{Ll}?\.$/u.test(word))) break;
    words.push({ word, start: end - word.length });
    position = end - word.length;
  }
  return words;
}

/** The words right after `offset`, up to four, the last one's closing punctuation left off; none past a clause's end. */
function wordsAfter(text: string, offset: number): { word: string; end: number }[] {
  const words: { word: string; end: number }[] = [];
  const pattern = /[ \t\r\n]+([^\s]+)/uy;
  pattern.lastIndex = offset;
  while (words.length < 4) {
    const next = pattern.exec(text);
    if (!next?.[1] || /^[("“]/u.test(next[1])) break;
    const word = next[1].replace(/[,;:.!?)"”’']+$/u, '');
    if (word) words.push({ word, end: pattern.lastIndex - (next[1].length - word.length) });
    if (word !== next[1] || !word) break;
  }
  return words;
}

/** Candidates for a mention: its folded name, then without a possessive, then by spelling skeleton. */
export function findCandidates(gazetteer: Gazetteer, text: string): PlaceCandidate[] {
  const trimmed = text.trim();
  // A letter alone ("D" of "D-Mich.") is no place's name, whatever alternate names hold it.
  if (trimmed.replace(/[^\p{L}]/gu, '').length < 2) return [];
  let found = gazetteer.lookup(trimmed);
  const bare = trimmed.replace(/['’]s$/u, '');
  if (found.length === 0 && bare !== trimmed) found = gazetteer.lookup(bare);
  if (found.length === 0) {
    // "St. Marc", "Mt. Kenya", "Ft. Detrick": gazetteers spell the generic word out.
    const spelledOut = bare.replace(/\b(St|Ste|Mt|Ft)\.?(?=\s)/gu, (abbreviation) => ABBREVIATIONS[abbreviation.replace('.', '')] ?? abbreviation);
    if (spelledOut !== bare) found = gazetteer.lookup(spelledOut);
  }
  if (found.length === 0) {
    // "Akita Prefecture", "Nyanza Province": the region under its bare name, not a town named like it.
    const region = GENERIC_REGION_SUFFIX.exec(bare);
    if (region) found = gazetteer.lookup(bare.slice(0, region.index)).filter((place) => place.featureClass === 'A');
  }
  if (found.length === 0) {
    // "North Dallas", "Western Europe": a part of a place, placed at the whole when the part is unknown.
    const part = COMPASS_PREFIX.exec(bare);
    if (part) found = ownNamesIfShort(bare.slice(part[0].length), gazetteer.lookup(bare.slice(part[0].length))).map((place) => ({ ...place, primaryName: false }));
  }
  // An acronym ("EU", "UN") names a country or region that is known by it, not a town whose name
  // folds to the same letters (Eu, France).
  // Nor is it a town whose alternate names hold it as an airport's code ("IMF" Imphal, "PRC" Prescott, "AIM" Oyim) or a
  // district known by it: only countries and first-level regions, and cities big enough to be written so ("LA", "NYC").
  if (/^\p{Lu}{2,4}$/u.test(bare)) found = found.filter((place) => place.name === bare || isKnownByAcronym(place));
  if (found.length === 0) {
    // An adjective used as a place ("the Armenian side" is not one, but "Armenian-held" territory is).
    const country = gazetteer.demonymToCountry(trimmed);
    const place = country ? gazetteer.country(country) : undefined;
    if (place) found = [place];
  }
  // "Queensland Health Minister", "Seoul City Hall", "Hospital of Pittsburgh": a recogniser's span can
  // hold a title or a building as well as the place; the place is where they are.
  if (found.length === 0) found = placeWithin(gazetteer, bare);
  // Skeletons merge more names than they should (Kisima, Kissimmee), so only longer names use them,
  // and a place found that way ranks like one found by an alternate name.
  if (found.length === 0 && trimmed.length >= 7) found = gazetteer.lookupBySkeleton(trimmed).map((place) => ({ ...place, primaryName: false }));
  return found;
}

/**
 * The candidates of the longest run of capitalised words inside `text` that names a well-known place
 * (a country, region, natural feature, capital, seat or town of 50,000 and more); among runs as long,
 * the one whose best candidate ranks highest. A small town's name inside a longer name is more often
 * a person's or a firm's ("Du Pont De Nemours"), and a firm's name ("Atlantic Richfield Oil Co") is
 * not its place.
 */
function placeWithin(gazetteer: Gazetteer, text: string): PlaceCandidate[] {
  if (COMPANY_SUFFIX.test(text)) return [];
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’]*/gu)];
  for (let length = words.length - 1; length >= 1; length -= 1) {
    let best: PlaceCandidate[] = [];
    let bestScore = -Infinity;
    for (let first = 0; first + length <= words.length; first += 1) {
      const firstWord = words[first]!;
      const lastWord = words[first + length - 1]!;
      if (!/^\p{Lu}/u.test(firstWord[0]) || !/^\p{Lu}/u.test(lastWord[0])) continue;
      // "Delta" in "Danube Delta", "Union" in "Soviet Union", "Abu" in "Abu Shok": a generic word or a
      // name's particle is part of a longer name, not a place of its own.
      if (words.slice(first, first + length).every((word) => GENERIC_WORDS.has(word[0].toLowerCase().replace(/\.$/u, '')))) continue;
      const part = text.slice(firstWord.index, lastWord.index + lastWord[0].length).replace(/[.'’]+$/u, (end) => (end === '.' && /\p{Lu}\.\p{Lu}/u.test(lastWord[0]) ? end : ''));
      const candidates = ownNamesIfShort(part, gazetteer.lookup(part));
      const wellKnown = candidates.filter((candidate) => isWellKnown(candidate) && (candidate.primaryName || candidate.featureClass !== 'P'));
      if (wellKnown.length === 0) continue;
      const score = Math.max(...wellKnown.map(priorScore));
      if (score > bestScore) { best = candidates; bestScore = score; }
    }
    if (best.length > 0) return best;
  }
  return [];
}

/** Places news writes by letters: countries, first-level regions and cities of half a million or more. */
function isKnownByAcronym(place: PlaceCandidate): boolean {
  if (place.featureClass === 'A') return place.featureCode.startsWith('PCL') || place.featureCode === 'ADM1';
  return place.featureClass === 'P' && !place.primaryName && place.population >= 500_000;
}

const COMPANY_SUFFIX = /\b(?:Co|Corp|Corporation|Inc|Ltd|Plc|PLC|LLC|AG|SA|NV|BV|NA|GmbH|SpA|Group|Bank|Air|Airlines?|Airways|Lines?|Holdings?|International|Industries|Motors|Petroleum|Resources|Partners|Trust|Fund)\.?$/u;
const WELL_KNOWN_POPULATION = 50_000;

/**
 * A part of a longer name that is a short word not written in capitals ("Co", "Wash" in a firm's name)
 * is no abbreviation of a place (Colorado, Washington): only places of that very name (Chad) stay.
 */
function ownNamesIfShort(part: string, candidates: PlaceCandidate[]): PlaceCandidate[] {
  if (part.replace(/\./gu, '').length > 4 || /^[\p{Lu}.]+$/u.test(part)) return candidates;
  return candidates.filter((candidate) => candidate.primaryName);
}
// English generic words of place names and the particles that begin names in news copy.
const GENERIC_WORDS = new Set([
  'bay', 'beach', 'camp', 'canal', 'cape', 'city', 'coast', 'county', 'creek', 'delta', 'desert', 'district', 'falls',
  'forest', 'fort', 'gulf', 'harbour', 'harbor', 'hill', 'hills', 'island', 'islands', 'isle', 'lake', 'mount', 'mountain',
  'mountains', 'ocean', 'park', 'peninsula', 'plain', 'plains', 'plateau', 'point', 'port', 'province', 'region', 'republic',
  'river', 'sea', 'springs', 'state', 'states', 'strait', 'town', 'union', 'valley', 'village', 'villages', 'kingdom',
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'middle', 'upper', 'lower',
  'greater', 'great', 'little', 'new', 'old', 'saint', 'st', 'san', 'santa', 'al', 'el', 'abu', 'ben', 'bin', 'de', 'la', 'le', 'los', 'las',
]);

function isWellKnown(candidate: PlaceCandidate): boolean {
  if (candidate.featureClass !== 'P') return true;
  return candidate.featureCode === 'PPLC' || candidate.featureCode === 'PPLA' || candidate.population >= WELL_KNOWN_POPULATION;
}

const ABBREVIATIONS: Readonly<Record<string, string>> = { St: 'Saint', Ste: 'Sainte', Mt: 'Mount', Ft: 'Fort' };
const GENERIC_REGION_SUFFIX = /\s+(?:province|prefecture|region|district|county|state|governorate|oblast|department|municipality)$/iu;
const COMPASS_PREFIX = /^(?:north|south|east|west|northern|southern|eastern|western|central|north[- ]?(?:east|west)(?:ern)?|south[- ]?(?:east|west)(?:ern)?)\s+/iu;


/**
 * Whether a name is made of generic words alone ("Gulf", "South", "Northern District", "South East"), which
 * name a place only where a story is set.
 */
export function isGenericName(text: string): boolean {
  return text.trim().split(/[\s-]+/u).every((word) => GENERIC_WORDS.has(word.toLowerCase().replace(/\.$/u, '')));
}
