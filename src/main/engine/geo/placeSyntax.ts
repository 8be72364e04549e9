// What a document's wording says about its place names: a place written with the place it lies in
// ("Atlanta, Georgia"), names listed as peers, a name called a region ("Washington state").
import { distanceKm } from './distance';
import type { PlaceCandidate } from './gazetteer';
import { isCountry } from './prior';
import type { PlaceMention } from './resolve';

/**
 * What the text's punctuation says about its names. Pairs (inner, outer) of a place written with the place
 * it lies in: "Atlanta, Georgia", "Austin, in Scott County", "Kibera in Nairobi". Peers: names of one
 * list ("cases in Washington, Pennsylvania and California"), which are places of one kind, and not one
 * inside the other, though Washington, Pennsylvania is also a town.
 */
export function placeSyntax(mentions: readonly PlaceMention[], documentText: string): { pairs: PlacePair[]; peers: Map<string, Set<string>> } {
  const ordered = [...mentions].sort((left, right) => left.start - right.start);
  const gap = (index: number): string => {
    const left = ordered[index];
    const right = ordered[index + 1];
    return left && right && left.end <= right.start ? documentText.slice(left.end, right.start) : '';
  };
  // A run of names joined by commas is a list when "and" or "or" joins two of them; "Austin, in Scott
  // County, Indiana" is a chain of places each inside the next.
  const inList = new Array<boolean>(ordered.length).fill(false);
  const peers = new Map<string, Set<string>>();
  for (let first = 0; first < ordered.length; ) {
    let last = first;
    let joined = false;
    while (last + 1 < ordered.length && (COMMA_GAP.test(gap(last)) || CONJUNCTION_GAP.test(gap(last)))) {
      joined ||= CONJUNCTION_GAP.test(gap(last));
      last += 1;
    }
    for (let index = first; index <= last; index += 1) {
      inList[index] = joined;
      if (!joined) continue;
      const own = ordered[index]!.text;
      const others = peers.get(own) ?? new Set<string>();
      for (let other = first; other <= last; other += 1) if (ordered[other]!.text !== own) others.add(ordered[other]!.text);
      peers.set(own, others);
    }
    first = last + 1;
  }
  const pairs: PlacePair[] = [];
  for (let index = 0; index + 1 < ordered.length; index += 1) {
    const inner = ordered[index]!;
    const outer = ordered[index + 1]!;
    // "Alitalia, Italy's national airline": a possessive after the comma is an apposition, not where it lies.
    if (inner.text === outer.text || inList[index] || !CONTAINMENT_GAP.test(gap(index)) || /^['’]s\b/u.test(documentText.slice(outer.end, outer.end + 3))) continue;
    pairs.push({ inner: inner.text, outer: outer.text, byComma: gap(index).includes(',') });
  }
  return { pairs, peers };
}

/** A place written with the place it lies in: "Atlanta, Georgia" (by a comma), "Kibera in Nairobi". */
export interface PlacePair {
  readonly inner: string;
  readonly outer: string;
  readonly byComma: boolean;
}

/**
 * For each name, the other names written in the same sentence as one of its mentions or in the sentence before:
 * the places a reader has in mind when reading it ("Michigan ... Lake Erie ... in Monroe County", with Iowa
 * named three sentences on).
 */
export function nearbyNames(mentions: readonly PlaceMention[], documentText: string): Map<string, Set<string>> {
  const sentenceStarts = [0];
  for (const end of documentText.matchAll(/[.!?]["”’)]*\s+(?=["“(]?\p{Lu})|\n\s*\n/gu)) sentenceStarts.push(end.index + end[0].length);
  const sentenceOf = (offset: number): number => {
    let low = 0;
    let high = sentenceStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (sentenceStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const namesBySentence = new Map<number, Set<string>>();
  const sentences = mentions.map((mention) => {
    const sentence = sentenceOf(mention.start);
    const names = namesBySentence.get(sentence) ?? new Set<string>();
    names.add(mention.text);
    namesBySentence.set(sentence, names);
    return sentence;
  });
  const nearby = new Map<string, Set<string>>();
  mentions.forEach((mention, index) => {
    const names = nearby.get(mention.text) ?? new Set<string>();
    for (const sentence of [sentences[index]!, sentences[index]! - 1]) for (const other of namesBySentence.get(sentence) ?? []) if (other !== mention.text) names.add(other);
    nearby.set(mention.text, names);
  });
  return nearby;
}

/**
 * The kind of place the other names of a name's lists mostly are (two in three of them agree), and how
 * many agree; undefined when they are mixed. Mostly, not all: one of sixteen states read as a country
 * ("Georgia") must not undo the list.
 */
export function peerKind(peers: ReadonlySet<string> | undefined, choices: ReadonlyMap<string, PlaceCandidate>): PeerKind | undefined {
  if (!peers) return undefined;
  const counts = new Map<string, number>();
  let total = 0;
  for (const peer of peers) {
    const choice = choices.get(peer);
    if (!choice) continue;
    counts.set(placeKind(choice), (counts.get(placeKind(choice)) ?? 0) + 1);
    total += 1;
  }
  const [kind, count] = [...counts].sort((left, right) => right[1] - left[1])[0] ?? ['', 0];
  if (count === 0 || count * 3 < total * 2) return undefined;
  const countries = new Set<string>();
  for (const peer of peers) {
    const choice = choices.get(peer);
    if (choice && placeKind(choice) === kind) countries.add(choice.countryCode);
  }
  return { kind, count, countries };
}

/** The kind of place most names of a list are, how many of them are, and the countries they lie in. */
export interface PeerKind {
  readonly kind: string;
  readonly count: number;
  readonly countries: ReadonlySet<string>;
}

/** The kind of place a candidate is, as the items of one list share it. */
export function placeKind(candidate: PlaceCandidate): string {
  if (isCountry(candidate)) return 'country';
  if (candidate.featureCode === 'ADM1' || candidate.featureCode === 'ADM1H') return 'region';
  if (candidate.featureClass === 'P') return 'town';
  return candidate.featureCode;
}

const REGION_AFTER = /^\s+(?:state|province|region|oblast|governorate|prefecture|governor|gov\.|premier)(?!\p{L})/iu;
const REGION_TITLE = /\S\s+(?:state|province|governor|gov\.|premier)\b/iu;
const REGION_BEFORE = /\b(?:states?|provinces?|regions?|oblast|governorate|prefecture) of\s+$/iu;

const CONTAINMENT_GAP = /^(?:\s*,\s*(?:in\s+)?|\s+in\s+)$/u;
const COMMA_GAP = /^\s*,\s*(?:in\s+)?$/u;
const CONJUNCTION_GAP = /^\s*,?\s*(?:and|or|&|\/)\s*$/u;
// Kilometres within which a place counts as lying in a second-level region or a city (no outlines here).
const WITHIN_ADM2_KM = 80;
const WITHIN_CITY_KM = 30;

/** Whether `place` lies in `container`, as far as codes and distances tell. */
export function contains(container: PlaceCandidate, place: PlaceCandidate): boolean {
  if (container === place || container.id === place.id || !container.countryCode || container.countryCode !== place.countryCode) return false;
  if (isCountry(container)) return !isCountry(place);
  if (container.featureCode === 'ADM1') return place.featureCode !== 'ADM1' && place.admin1Code === container.admin1Code;
  const km = distanceKm(container.lat, container.lon, place.lat, place.lon);
  if (container.featureCode === 'ADM2') return place.featureClass === 'P' && place.admin1Code === container.admin1Code && km < WITHIN_ADM2_KM;
  if (container.featureClass === 'P') return place.featureClass !== 'A' && km < WITHIN_CITY_KM && place.population < container.population;
  return false;
}


/**
 * The dateline a news story opens a line with, when the mention is its place: "NEW YORK, March 2 -", "SANTA ANA,
 * Calif., March 16 -", "LINZ, Austria, March 17 -", "WASHINGTON (AP) -". Its name is the town the story was
 * filed from (title-cased: capitals there are the convention, not an acronym), its container the region or
 * country written after it. Undefined for a mention that is not a dateline's place.
 */
export function datelineOf(mention: PlaceMention, documentText: string): { readonly name: string; readonly container?: string } | undefined {
  // A dateline opens its line: looked for within the 160 characters before the mention only (a search back to the
  // line's start went over a whole document without line breaks for each of its places).
  const from = Math.max(0, mention.start - 160);
  const before = documentText.slice(from, mention.start).lastIndexOf('\n');
  if (before < 0 && from > 0) return undefined;
  const lineStart = before < 0 ? 0 : from + before + 1;
  const opening = documentText.slice(lineStart, lineStart + 160);
  // In capitals, or in capitalised words followed by a date ("Toronto, April 8 -").
  const line = /\p{Ll}/u.test(mention.text) ? TITLE_DATELINE.exec(opening) : DATELINE.exec(opening);
  if (!line?.[1]) return undefined;
  const nameStart = lineStart + line[0].indexOf(line[1]);
  if (mention.start < nameStart || mention.end > nameStart + line[1].length) return undefined;
  const name = line[1].toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_whole, gap: string, letter: string) => gap + letter.toUpperCase());
  return line[2] ? { name, container: line[2] } : { name };
}

// A line that opens with a place in capitals, then a region or country, then a date ("March 2", "JUNE 1") or the
// agency's name in brackets, or a dash.
const MONTH = '(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\\p{L}*\\.?\\s+\\d';
const TITLE_DATELINE = new RegExp(`^\\s*(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,2})\\s*,\\s*(?:([^,\\n]{2,30}?)\\s*,\\s*)?${MONTH}`, 'u');
const DATELINE = new RegExp(`^\\s*(\\p{Lu}[\\p{Lu}\\s.'’-]*\\p{Lu}\\.?)\\s*(?:,\\s*(?:([^,\\n]{2,30}?)\\s*,\\s*)?${MONTH}|\\(|\\s[-–—])`, 'u');

/** Whether the text calls a mention a region: "Washington state", "the state of Washington", "New York Governor". */
export function regionCued(mention: PlaceMention, documentText: string): boolean {
  return REGION_AFTER.test(documentText.slice(mention.end, mention.end + 12))
    || REGION_BEFORE.test(documentText.slice(Math.max(0, mention.start - 16), mention.start))
    // A span that holds the title with the place ("New York Governor"), resolved by its part.
    || REGION_TITLE.test(documentText.slice(mention.start, mention.end));
}
