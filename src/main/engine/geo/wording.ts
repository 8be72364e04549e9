// What the wording around a document's place names does to their candidates before context is weighed: a
// city's full name written elsewhere, a dateline, a name called a region, a place written with the one it lies in.
import { findCandidates } from './candidates';
import type { Gazetteer, PlaceCandidate } from './gazetteer';
import type { PlacePair } from './placeSyntax';
import { contains, regionCued } from './placeSyntax';
import { isCountry } from './prior';
import type { PlaceMention } from './resolve';

// What a name written beside the place it lies in ("Atlanta, Georgia") is worth to both readings that fit.
export const CONTAINMENT_BONUS = 40;
// What a city known by a shorter name loses when the text writes its full name elsewhere ("New York City").
const CITY_NAMED_PENALTY = 30;
// What a town gains as the place of a dateline: more than a region's prior over a town's.
const DATELINE_BONUS = 30;
// What a region gains when the text calls it one: more than a capital's or seat's claim on the name.
const REGION_CUE_BONUS = 50;

/** Each name's candidates, and their scores before context, which `readWording` changes in place. */
export interface NameTable {
  readonly candidatesByText: Map<string, PlaceCandidate[]>;
  readonly baseScores: Map<string, Map<PlaceCandidate, number>>;
}

/** The wording found in the text: the mentions by the names they are resolved by, datelines and their containers, pairs. */
export interface Wording {
  readonly named: readonly PlaceMention[];
  readonly datelines: ReadonlyMap<string, string | undefined>;
  readonly pairs: readonly PlacePair[];
}

/**
 * Adjusts the candidates' scores by the wording: "New York" beside "New York City" is the state; a dateline's
 * place is a town, inside the region written after it; "Washington state" is the region; "Atlanta, Georgia"
 * settles both names. A name the gazetteer lacks written with the place it lies in ("Greenlane, Auckland",
 * "Kibera in Nairobi"), or a small town written with a region none of its namesakes lies in ("Stroud,
 * Ontario"), is placed at the place it lies in: nearer the truth than nothing, or than a namesake abroad.
 */
export function readWording(gazetteer: Gazetteer, table: NameTable, wording: Wording, documentText: string): void {
  const { candidatesByText, baseScores } = table;
  // A text that writes "New York City" (or "Quebec City") for the city means something else by "New York"
  // alone: the state, the province.
  const cities = [...documentText.matchAll(/ City(?!\p{L})/gu)].map((match) => match.index);
  for (const [text, base] of baseScores) {
    if (!cities.some((at) => documentText.slice(at - text.length, at) === text && !/\p{L}/u.test(documentText.charAt(at - text.length - 1)))) continue;
    const cityName = `${text} city`.toLowerCase();
    for (const [candidate, score] of base) if (candidate.featureClass === 'P' && candidate.name.toLowerCase() === cityName) base.set(candidate, score - CITY_NAMED_PENALTY);
  }

  // A dateline names the town the story was filed from, and the region or country written after it holds it.
  for (const [text, container] of wording.datelines) {
    const base = baseScores.get(text)!;
    const containers = container === undefined ? [] : findCandidates(gazetteer, container).filter((place) => isCountry(place) || place.featureCode === 'ADM1');
    for (const [candidate, score] of base) {
      if (candidate.featureClass !== 'P') continue;
      base.set(candidate, score + DATELINE_BONUS + (containers.some((place) => contains(place, candidate)) ? CONTAINMENT_BONUS : 0));
    }
  }

  // "Washington state", "the state of Washington", "Buenos Aires province": the text says it means the region.
  const regionNames = new Set(wording.named.filter((mention) => regionCued(mention, documentText)).map((mention) => mention.text));
  for (const text of regionNames) {
    const base = baseScores.get(text);
    for (const [candidate, score] of base ?? []) if (candidate.featureClass === 'A' && !isCountry(candidate)) base?.set(candidate, score + REGION_CUE_BONUS);
  }

  // "Atlanta, Georgia", "Austin, in Scott County": a place written with the place it lies in. The pair
  // settles both names: the Georgia that holds an Atlanta, the Atlanta that lies in a Georgia.
  const unheld: PlacePair[] = [];
  for (const pair of wording.pairs) {
    const inners = candidatesByText.get(pair.inner) ?? [];
    const outers = candidatesByText.get(pair.outer) ?? [];
    const innerBase = baseScores.get(pair.inner)!;
    const outerBase = baseScores.get(pair.outer)!;
    const innerHeld = new Set<PlaceCandidate>();
    const outerHolding = new Set<PlaceCandidate>();
    for (const container of outers) {
      for (const place of inners) {
        if (!contains(container, place)) continue;
        innerHeld.add(place);
        outerHolding.add(container);
      }
    }
    for (const place of innerHeld) innerBase.set(place, innerBase.get(place)! + CONTAINMENT_BONUS);
    for (const container of outerHolding) outerBase.set(container, outerBase.get(container)! + CONTAINMENT_BONUS);
    if (innerHeld.size === 0 && outers.length > 0 && (inners.length === 0 || smallTownInRegion(pair, inners, outers, outerBase))) unheld.push(pair);
  }
  // The last pair of a chain first: "Greenlane, Auckland, New Zealand" places Auckland before Greenlane.
  for (const pair of unheld.reverse()) {
    candidatesByText.set(pair.inner, [...(candidatesByText.get(pair.outer) ?? [])]);
    baseScores.set(pair.inner, new Map(baseScores.get(pair.outer)));
  }
}

/**
 * Whether a pair writes a small town with a region or country none of the town's namesakes lies in ("Stroud,
 * Ontario", "Kingwood, Texas"): a town the gazetteer lacks. Not a city a reader knows ("Chicago, Missouri" is a
 * railway's name, "Dallas, Amarillo" a list), nor a place beside a town, nor a country ("France in Paris").
 */
function smallTownInRegion(pair: PlacePair, inners: readonly PlaceCandidate[], outers: readonly PlaceCandidate[], outerBase: ReadonlyMap<PlaceCandidate, number>): boolean {
  if (!pair.byComma || !inners.every((place) => place.featureClass === 'P' && place.population < KNOWN_CITY_POPULATION && place.featureCode !== 'PPLC' && place.featureCode !== 'PPLA')) return false;
  let best: PlaceCandidate | undefined;
  for (const outer of outers) if (!best || outerBase.get(outer)! > outerBase.get(best)!) best = outer;
  return best !== undefined && (isCountry(best) || best.featureCode === 'ADM1');
}

// A city this large is known by its name: a writer does not place it in a region it is not in.
const KNOWN_CITY_POPULATION = 100_000;

