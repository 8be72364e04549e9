// What a place is worth as the meaning of its name before the rest of the document is read: its kind
// and size, and its standing against the other places of the name.
import type { PlaceCandidate } from './gazetteer';
import { distanceKm } from './distance';

// Kilometres between a region's middle and a city named like it within which the city is its seat.
const SEAT_KM = 500;
// The prior of a natural feature: about that of a region (RGN 62), below a country's or continent's.
const NATURAL_FEATURE_PRIOR = 60;
// The population a natural feature stands for when a town bears its name.
const NATURAL_FEATURE_SIZE = 10_000_000;
// What a first-level region loses to a national capital of its name far from it (Washington State to
// Washington, D.C.): less than to its own seat, as a list of states or a story set there can still mean it.
const CAPITAL_NAMESAKE_PENALTY = 25;
const METROPOLIS_POPULATION = 1_000_000;
// What a second-level region loses to a town of its name as large as half of it: enough to rank below a town
// of a hundred times fewer people than the region's prior stands for.
const ADM2_TOWN_PENALTY = 20;

/** Whether a candidate is one of the gazetteer's own natural features or seats of government (not an extract's). */
function isNamedFeature(candidate: PlaceCandidate): boolean {
  return candidate.id.startsWith('natural:') || candidate.id.startsWith('landmark:');
}

/** Whether a candidate is a country or a dependent territory. */
export function isCountry(candidate: PlaceCandidate): boolean {
  return candidate.featureCode.startsWith('PCL');
}

/** What a place is worth as the meaning of its name before any context. */
export function priorScore(candidate: PlaceCandidate): number {
  let score: number;
  const code = candidate.featureCode;
  if (code.startsWith('PCL')) score = code === 'PCLI' ? 100 : 80;
  else if (code === 'CONT') score = 90;
  else if (code === 'ADM1') score = 58 + Math.min(10, Math.log10(candidate.population + 1));
  else if (code === 'ADM2' || code === 'ADM1H') score = 30 + Math.min(10, Math.log10(candidate.population + 1));
  else if (code === 'RGN') score = 62;
  // The bundled natural features (seas, lakes, islands, ranges) and seats of government (the White House,
  // the Kremlin): named by their own names, rarely namesakes of towns. A stream or hill of an analyst's
  // GeoNames extract is mostly the namesake of a village beside it, and ranks as a place of no people.
  else if (isNamedFeature(candidate)) score = NATURAL_FEATURE_PRIOR;
  else {
    score = 5 * Math.log10(candidate.population + 10);
    if (code === 'PPLC') score += 20;
    else if (code === 'PPLA') score += 8;
    else if (code === 'PPLA2') score += 3;
  }
  // An alternate name is a weak claim: a translation, an old name or a namesake's nickname.
  if (!candidate.primaryName) score -= code.startsWith('PCL') || code.startsWith('ADM') ? 10 : 25;
  return score;
}

/** What is known of a name's candidates as a whole, worked out once per name (prominence is asked per candidate). */
export interface NameFacts {
  /** Population of the largest populated place among them. */
  readonly largest: number;
  /** Whether a bundled sea, island, range or seat of government goes by the name. */
  readonly naturalFeature: boolean;
  /** The first-level regions whose own name it is. */
  readonly regions: readonly PlaceCandidate[];
  /** The cities of a million or more among them. */
  readonly metropolises: readonly PlaceCandidate[];
  /** The countries and first-level regions whose own name it is. */
  readonly divisions: readonly PlaceCandidate[];
}

/** The facts about a name's candidates that `prominenceScore` weighs each of them against. */
export function nameFacts(candidates: readonly PlaceCandidate[]): NameFacts {
  let largest = 0;
  for (const other of candidates) if (other.featureClass === 'P') largest = Math.max(largest, other.population);
  return {
    largest,
    naturalFeature: candidates.some(isNamedFeature),
    regions: candidates.filter((other) => other.featureCode === 'ADM1' && other.primaryName),
    metropolises: candidates.filter((other) => other.featureClass === 'P' && other.population >= METROPOLIS_POPULATION),
    divisions: candidates.filter((other) => other.primaryName && (other.featureCode === 'ADM1' || isCountry(other))),
  };
}

/**
 * Standing against the other places of the same name: a town far smaller than its namesake needs
 * strong context ("London" in a story about Kentucky is still London), and a region named after its
 * seat yields to the seat ("Buenos Aires", "Hanoi": writers mean the city more often than the province).
 */
export function prominenceScore(candidate: PlaceCandidate, candidates: readonly PlaceCandidate[], facts: NameFacts): number {
  let score = 0;
  // A town named after a sea, an island, a range or a seat of government ("Pacific", Missouri; "White
  // House", Tennessee) is the lesser namesake, as a town is beside a far larger one: the feature counts as
  // a namesake of that size.
  let namesake = Math.max(facts.largest, facts.naturalFeature ? NATURAL_FEATURE_SIZE : 0);
  // So is a town named after a country or first-level region it does not lie in (England, Arkansas): a
  // story set in its country does not make the name mean it. Capitals and seats stand on their own
  // ("Washington", Victoria in British Columbia).
  if (candidate.featureCode !== 'PPLC' && candidate.featureCode !== 'PPLA') {
    for (const division of facts.divisions) if (!liesIn(candidate, division)) namesake = Math.max(namesake, division.population);
  }
  if (candidate.featureClass === 'P' && namesake > 0) {
    score += Math.max(-40, 10 * Math.log10((candidate.population + 1) / (namesake + 1)));
  }
  // A city of a million or more that a region of its name holds is what the name means in news ("New
  // York", "Lagos", "Delhi"), as a seat is: it is known by that name even where its own is longer.
  if (candidate.featureClass === 'P' && !candidate.primaryName && facts.regions.some((region) => holds(region, candidate))) score += 25;
  // A second-level region named like a town at least half its size is mostly the town's district ("Taupo"), or
  // a small district of a far larger city's name elsewhere ("San Francisco" in Putumayo): the name means the town.
  if ((candidate.featureCode === 'ADM2' || candidate.featureCode === 'ADM1H') && facts.largest * 2 >= candidate.population && facts.largest > 0) score -= ADM2_TOWN_PENALTY;
  if (candidate.featureCode === 'ADM1') {
    // Not the same admin-1 code: a capital is often an admin-1 of its own (Buenos Aires, Hanoi). Near
    // enough to be its seat, though: Washington, D.C. is not the seat of Washington State.
    // A national capital of the name, though, is what news means wherever it lies ("Washington" said,
    // "talks in Washington"): the capital stands for its government. "Washington state" is marked so.
    const seat = candidates.some((other) => (other.featureCode === 'PPLC' || other.featureCode === 'PPLA') && other.primaryName
      && other.countryCode === candidate.countryCode && distanceKm(other.lat, other.lon, candidate.lat, candidate.lon) < SEAT_KM)
      || (candidate.primaryName && facts.metropolises.some((city) => holds(candidate, city)));
    const capital = candidates.some((other) => other.featureCode === 'PPLC' && other.primaryName && other.countryCode === candidate.countryCode);
    if (seat) score -= 40;
    else if (capital) score -= CAPITAL_NAMESAKE_PENALTY;
  }
  return score;
}

/** Whether a place lies in a country or first-level region. */
function liesIn(place: PlaceCandidate, division: PlaceCandidate): boolean {
  return place.countryCode === division.countryCode && (isCountry(division) || place.admin1Code === division.admin1Code);
}

/** Whether a first-level region holds a city of a million or more. */
function holds(region: PlaceCandidate, city: PlaceCandidate): boolean {
  return city.population >= METROPOLIS_POPULATION && region.countryCode === city.countryCode && region.admin1Code === city.admin1Code;
}
