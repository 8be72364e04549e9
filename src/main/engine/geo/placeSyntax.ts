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
export function placeSyntax(mentions: readonly PlaceMention[], documentText: string): { pairs: [string, string][]; peers: Map<string, Set<string>> } {
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
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < ordered.length; index += 1) {
    const inner = ordered[index]!;
    const outer = ordered[index + 1]!;
    if (inner.text === outer.text || inList[index] || !CONTAINMENT_GAP.test(gap(index))) continue;
    pairs.push([inner.text, outer.text]);
  }
  return { pairs, peers };
}

/**
 * The kind of place the other names of a name's lists mostly are (two in three of them agree), and how
 * many agree; undefined when they are mixed. Mostly, not all: one of sixteen states read as a country
 * ("Georgia") must not undo the list.
 */
export function peerKind(peers: ReadonlySet<string> | undefined, choices: ReadonlyMap<string, PlaceCandidate>): { kind: string; count: number } | undefined {
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
  return count > 0 && count * 3 >= total * 2 ? { kind, count } : undefined;
}

/** The kind of place a candidate is, as the items of one list share it. */
export function placeKind(candidate: PlaceCandidate): string {
  if (isCountry(candidate)) return 'country';
  if (candidate.featureCode === 'ADM1' || candidate.featureCode === 'ADM1H') return 'region';
  if (candidate.featureClass === 'P') return 'town';
  return candidate.featureCode;
}

const REGION_AFTER = /^\s+(?:state|province|region|oblast|governorate|prefecture)\b/iu;
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


/** Whether the text calls a mention a region: "Washington state", "the state of Washington", "New York Governor". */
export function regionCued(mention: PlaceMention, documentText: string): boolean {
  return REGION_AFTER.test(documentText.slice(mention.end, mention.end + 12))
    || REGION_BEFORE.test(documentText.slice(Math.max(0, mention.start - 16), mention.start))
    // A span that holds the title with the place ("New York Governor"), resolved by its part.
    || REGION_TITLE.test(documentText.slice(mention.start, mention.end));
}
