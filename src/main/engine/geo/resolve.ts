// Toponym resolution: picks, for each place mention in a document, the gazetteer entry the document means.
import { continuedName, findCandidates, isGenericName, writtenName } from './candidates';
import { distanceKm } from './distance';
import type { Gazetteer, PlaceCandidate } from './gazetteer';
import { contains, datelineOf, nearbyNames, peerKind, placeKind, placeSyntax } from './placeSyntax';
import type { PeerKind } from './placeSyntax';
import { isCountry, nameFacts, priorScore, prominenceScore } from './prior';
import { readWording } from './wording';

export { distanceKm } from './distance';

/** A place name as found in a document (UTF-16 offsets, end exclusive). */
export interface PlaceMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The resolution of one mention: the chosen place (if any) and the others it was weighed against. */
export interface ResolvedPlace {
  readonly mention: PlaceMention;
  readonly candidate: PlaceCandidate | undefined;
  /** 0..1: how far the chosen place stands ahead of the next one (1 when it had no rival). */
  readonly confidence: number;
  /** Every candidate, best first (at most MAX_CANDIDATES). */
  readonly candidates: PlaceCandidate[];
}

const MAX_CANDIDATES = 10;
const CONTEXT_ROUNDS = 2;
// Kilometres within which another place of the document supports a candidate.
const NEAR_KM = 400;
const REGION_KM = 1500;
// Kilometres within which another place of the document makes a candidate local to the story.
const LOCAL_KM = 150;
const LOCAL_BONUS = 16;
// What it is worth to be of the kind of place the other names of a list are ("Wyoming" among states).
const PEER_BONUS = 20;
// ... and among three peers or more, which leave less doubt.
const LONG_LIST_PEER_BONUS = 30;
// The most that the document's naming a candidate's country is worth.
const COUNTRY_SCORE_MAX = 50;
// What a place gains from lying in a first-level region named in its sentence or the one before.
const NEARBY_REGION_BONUS = 10;

/**
 * Resolves place mentions against the gazetteer, using the rest of the document as context.
 * Without context, the prior ranks countries > continents > regions and natural features >
 * first-level regions > large cities > small towns, and a place's own name over an alternate name ("Turkey" is the country, not Turkey,
 * Texas); a region yields to its seat, a national capital or a city of a million of its name ("Washington",
 * "New York"). The wording then speaks: "Atlanta, Georgia" settles both names, "Washington state" is the
 * region, the names of a list are of one kind. Context then moves the choice: places in the countries and
 * regions the document names, and near its other places, win ("Georgia" beside Armenia is the country;
 * beside Atlanta, the state; Fairfield beside Tyler and Dallas is the one in Texas).
 */
export function resolvePlaces(gazetteer: Gazetteer, mentions: readonly PlaceMention[], documentText: string): ResolvedPlace[] {
  const candidatesByText = new Map<string, PlaceCandidate[]>();
  const candidatesOf = (text: string, name = text): PlaceCandidate[] => {
    let found = candidatesByText.get(text);
    if (!found) candidatesByText.set(text, (found = findCandidates(gazetteer, name)));
    return found;
  };
  // The name each mention is resolved by: the longer name the text writes around it when a recogniser cut
  // it short ("NEW" YORK, "Jammu" and Kashmir), else its text, else the longer name the text goes on to
  // write when its text names nothing ("Democratic Republic" of the Congo, "Côte" d'Ivoire).
  const datelines = new Map<string, string | undefined>();
  const named = mentions.map((mention) => {
    // A dateline's name keeps its capitals as its key: the town a story was filed from need not be what the
    // body means by the name ("NEW YORK" the city, "New York" the state beside New York City).
    const dateline = datelineOf(mention, documentText);
    if (dateline !== undefined && candidatesOf(dateline.name.toUpperCase(), dateline.name).length > 0) {
      datelines.set(dateline.name.toUpperCase(), dateline.container);
      return { ...mention, text: dateline.name.toUpperCase() };
    }
    const written = writtenName(gazetteer, mention, documentText);
    if (written !== undefined && candidatesOf(written).length > 0) return { ...mention, text: written };
    if (candidatesOf(mention.text).length > 0) return mention;
    const longer = continuedName(gazetteer, mention, documentText);
    if (longer === undefined) return mention;
    candidatesOf(longer);
    return { ...mention, text: longer };
  });
  for (const [text, candidates] of candidatesByText) if (candidates.length === 0 && !named.some((mention) => mention.text === text)) candidatesByText.delete(text);

  // Each candidate's score before context (prior and prominence), once: the rounds below add context to it.
  const baseScores = new Map<string, Map<PlaceCandidate, number>>();
  for (const [text, candidates] of candidatesByText) {
    const facts = nameFacts(candidates);
    baseScores.set(text, new Map(candidates.map((candidate) => [candidate, priorScore(candidate) + prominenceScore(candidate, candidates, facts)])));
  }

  // What the wording says: "New York" beside New York City, a dateline, "Washington state", "Atlanta, Georgia".
  const syntax = placeSyntax(named, documentText);
  readWording(gazetteer, { candidatesByText, baseScores }, { named, datelines, pairs: syntax.pairs }, documentText);
  const nearbyByText = nearbyNames(named, documentText);

  // First pass: each distinct name's best candidate on the prior alone gives the context.
  let choices = new Map<string, PlaceCandidate>();
  for (const [text, candidates] of candidatesByText) {
    const base = baseScores.get(text)!;
    const best = bestByScore(candidates, (candidate) => base.get(candidate)!);
    if (best) choices.set(text, best);
  }
  // Countries a reader would take as the setting: named ones, and those of names with one meaning.
  const demonymContext = demonymCountries(gazetteer, documentText);
  const countryVotes = (excludedText: string): Map<string, number> => {
    const votes = new Map<string, number>();
    for (const country of demonymContext) votes.set(country, 1);
    for (const [text, choice] of choices) {
      if (!choice.countryCode || text === excludedText) continue;
      const weight = isCountry(choice) || (candidatesByText.get(text)?.length ?? 0) === 1 ? 2 : 1;
      votes.set(choice.countryCode, (votes.get(choice.countryCode) ?? 0) + weight);
    }
    return votes;
  };

  // Then the context settles each name, twice: a choice made with context ("Savannah" beside Atlanta
  // is in Georgia, USA) is better context for the others ("Georgia" is then the state). A name keeps
  // one meaning within a document.
  let ranking = new Map<string, { ranked: PlaceCandidate[]; confidence: number }>();
  for (let round = 0; round < CONTEXT_ROUNDS; round += 1) {
    ranking = new Map();
    for (const [text, candidates] of candidatesByText) {
      // A name's own choice does not vote for itself: "Mexico" must not make the state of México
      // likelier by naming the country México is in.
      const anchors = [...choices].filter(([other]) => other !== text).map(([, choice]) => choice);
      const contextCountries = countryVotes(text);
      const base = baseScores.get(text)!;
      const kind = peerKind(syntax.peers.get(text), choices);
      const nearby = [...(nearbyByText.get(text) ?? [])].map((other) => choices.get(other)).filter((choice) => choice !== undefined);
      const largestTown = Math.max(0, ...candidates.filter((candidate) => candidate.featureClass === 'P').map((candidate) => candidate.population));
      // "the Gulf", "the South", "Northern District": generic words alone name a place only where the
      // story is set (Kenya's Western Province in a story about Kenya), never a namesake elsewhere (Gulf
      // Province, Papua New Guinea, in a story about Iran), or a region of no country ("Middle East").
      const generic = isGenericName(text);
      const scored = candidates.filter((candidate) => !generic || !candidate.countryCode || contextCountries.has(candidate.countryCode)).map((candidate) => ({
        candidate,
        score: base.get(candidate)! + contextScore(candidate, anchors, contextCountries, { places: nearby, largestTown }) + peerScore(candidate, kind),
      }));
      scored.sort((left, right) => right.score - left.score);
      const top = scored[0]?.score ?? 0;
      const runnerUp = scored[1]?.score;
      const confidence = runnerUp === undefined ? 1 : 1 / (1 + Math.exp(-(top - runnerUp) / 10));
      ranking.set(text, { ranked: scored.slice(0, MAX_CANDIDATES).map((entry) => entry.candidate), confidence });
    }
    const next = new Map<string, PlaceCandidate>();
    for (const [text, { ranked }] of ranking) if (ranked[0]) next.set(text, ranked[0]);
    choices = next;
  }

  return mentions.map((mention, index) => {
    const choice = ranking.get(named[index]!.text);
    return { mention, candidate: choice?.ranked[0], confidence: choice?.ranked[0] ? choice.confidence : 0, candidates: choice?.ranked ?? [] };
  });
}

/**
 * `resolvePlaces` bound to a gazetteer, for callers that hold mentions and text only:
 * `const resolve = createPlaceResolver(loadGazetteer(gazetteerDir(resourcesDir))); resolve(mentions, text)`.
 */
export function createPlaceResolver(gazetteer: Gazetteer): (mentions: readonly PlaceMention[], documentText: string) => ResolvedPlace[] {
  return (mentions, documentText) => resolvePlaces(gazetteer, mentions, documentText);
}

/**
 * What it is worth to be of the kind of place the other names of a list are. The regions of a list are one
 * country's ("North Rhine Westphalia and Hanover": not the Jamaican parish of Hanover); towns need not be
 * ("Moscow and Washington", "Amsterdam, Lyon and Lisbon").
 */
function peerScore(candidate: PlaceCandidate, kind: PeerKind | undefined): number {
  if (kind === undefined || placeKind(candidate) !== kind.kind) return 0;
  if (kind.kind === 'region' && !kind.countries.has(candidate.countryCode)) return 0;
  return kind.count >= 3 ? LONG_LIST_PEER_BONUS : PEER_BONUS;
}

/** Support from the rest of the document: its countries, and places near the candidate. */
function contextScore(
  candidate: PlaceCandidate,
  anchors: readonly PlaceCandidate[],
  contextCountries: ReadonlyMap<string, number>,
  nearby: { readonly places: readonly PlaceCandidate[]; readonly largestTown: number },
): number {
  const countryWeight = candidate.countryCode ? (contextCountries.get(candidate.countryCode) ?? 0) : 0;
  // Other names of the document in the candidate's country (its own name's vote is left out above). A country
  // named in the same sentence or the one before counts in full, however often the story names others: in a
  // story that moves from country to country, "Santiago" right after Chile is Chile's capital. Not for a town
  // a tenth the size of a namesake: "U.S.A." beside "Toronto" does not make it Toronto, Ohio (nor does a region
  // named there, below).
  // A national capital stands on its own (New Delhi beside Delhi).
  const lesser = candidate.featureClass === 'P' && candidate.featureCode !== 'PPLC' && candidate.population * 10 < nearby.largestTown;
  const nearbyCountry = !lesser && candidate.countryCode !== '' && nearby.places.some((place) => isCountry(place) && place.countryCode === candidate.countryCode);
  const countryScore = nearbyCountry ? COUNTRY_SCORE_MAX : countryWeight > 0 ? Math.min(COUNTRY_SCORE_MAX, 25 + 8 * countryWeight) : 0;
  // And a first-level region named there holds the namesake it means ("Monroe County" beside Michigan).
  const nearbyRegion = !lesser && nearby.places.some((place) => place.featureCode === 'ADM1' && contains(place, candidate)) ? NEARBY_REGION_BONUS : 0;
  let nearest = Infinity;
  let sameRegion = false;
  for (const anchor of anchors) {
    // A continent or an ocean is too wide to make anything near it likelier.
    if (anchor.featureCode === 'CONT' || anchor.featureCode === 'OCN') continue;
    if (!isCountry(anchor)) nearest = Math.min(nearest, distanceKm(candidate.lat, candidate.lon, anchor.lat, anchor.lon));
    else if (!isCountry(candidate)) continue;
    // Countries are wide: a neighbouring country's point lies far from its neighbour's, so halve it.
    else nearest = Math.min(nearest, distanceKm(candidate.lat, candidate.lon, anchor.lat, anchor.lon) / 2);
    if (anchor.featureCode === 'ADM1' && anchor.countryCode === candidate.countryCode && anchor.admin1Code === candidate.admin1Code && candidate.featureCode !== 'ADM1') sameRegion = true;
  }
  const nearScore = nearest < NEAR_KM ? 25 : nearest < REGION_KM ? 12 : 0;
  // Being in a named country and near named places are mostly the same evidence: count the stronger,
  // and nearness again, a little, on top. In a story set in one country every namesake there has the
  // country's support; what tells Fairfield, Texas from Fairfield, California in a story about Tyler
  // and Dallas is how near the other places are.
  const local = countryScore > 0 && nearest < LOCAL_KM ? LOCAL_BONUS : countryScore > 0 && nearest < NEAR_KM ? LOCAL_BONUS / 2 : 0;
  // A town a tenth the size of a namesake needs its surroundings named, not its country alone: "Paris" in a
  // story about Washington's currency talks is France's capital, not Paris, Texas.
  const countrySupport = lesser && nearest >= NEAR_KM && !sameRegion ? countryScore / 2 : countryScore;
  return Math.max(countrySupport, nearScore) + local + (sameRegion ? 20 : 0) + nearbyRegion;
}

function bestByScore(candidates: readonly PlaceCandidate[], score: (candidate: PlaceCandidate) => number): PlaceCandidate | undefined {
  let best: PlaceCandidate | undefined;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const value = score(candidate);
    if (value > bestScore) { best = candidate; bestScore = value; }
  }
  return best;
}

/** Countries the document names by demonym ("the Armenian side"): context, not mentions. */
function demonymCountries(gazetteer: Gazetteer, documentText: string): Set<string> {
  const found = new Set<string>();
  for (const match of documentText.matchAll(/\b\p{Lu}\p{Ll}{3,}\b/gu)) {
    const country = gazetteer.demonymToCountry(match[0]);
    if (country) found.add(country);
  }
  return found;
}

/** The country a demonym names: "Armenian" → "AM", "Azerbaijani" → "AZ"; undefined for other words. */
export function demonymToCountry(gazetteer: Gazetteer, word: string): string | undefined {
  return gazetteer.demonymToCountry(word);
}
