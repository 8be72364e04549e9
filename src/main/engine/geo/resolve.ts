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
  // What a name's choice gives the vote of its country: a country, or a name with one meaning, counts twice.
  const voteOf = (text: string, choice: PlaceCandidate): number => (isCountry(choice) || (candidatesByText.get(text)?.length ?? 0) === 1 ? 2 : 1);
  // Every name's vote, counted once a round; a name's own is taken out of it (countryVotes) rather than counting the others again.
  const allVotes = (): Map<string, number> => {
    const votes = new Map<string, number>();
    for (const country of demonymContext) votes.set(country, 1);
    for (const [text, choice] of choices) if (choice.countryCode) votes.set(choice.countryCode, (votes.get(choice.countryCode) ?? 0) + voteOf(text, choice));
    return votes;
  };
  const countryVotes = (all: ReadonlyMap<string, number>, excludedText: string): Map<string, number> => {
    const votes = new Map(all);
    const own = choices.get(excludedText);
    if (own?.countryCode) {
      const left = votes.get(own.countryCode)! - voteOf(excludedText, own);
      if (left > 0) votes.set(own.countryCode, left);
      else votes.delete(own.countryCode);
    }
    return votes;
  };

  // Then the context settles each name, twice: a choice made with context ("Savannah" beside Atlanta
  // is in Georgia, USA) is better context for the others ("Georgia" is then the state). A name keeps
  // one meaning within a document.
  let ranking = new Map<string, { ranked: PlaceCandidate[]; confidence: number }>();
  for (let round = 0; round < CONTEXT_ROUNDS; round += 1) {
    ranking = new Map();
    const votes = allVotes();
    const anchors = anchorsOf(choices);
    for (const [text, candidates] of candidatesByText) {
      // A name's own choice does not vote for itself: "Mexico" must not make the state of México
      // likelier by naming the country México is in.
      const contextCountries = countryVotes(votes, text);
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
        score: base.get(candidate)! + contextScore(candidate, { anchors, own: choices.get(text) }, contextCountries, { places: nearby, largestTown }) + peerScore(candidate, kind),
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

/**
 * The document's chosen places as the others' context, made once a round: the places nearness is measured to
 * (continents and oceans are too wide to make anything near them likelier), and how many chose each first-level region.
 */
interface Anchors {
  /** The places other than countries by cell of a grid over the unit sphere (see `cellOf`). */
  readonly places: ReadonlyMap<number, readonly PlaceCandidate[]>;
  /** How many names chose each place: one chosen by several is measured to once, and is still context to each of them. */
  readonly chosenBy: ReadonlyMap<PlaceCandidate, number>;
  readonly countries: readonly PlaceCandidate[];
  readonly regions: ReadonlyMap<string, number>;
}

function anchorsOf(choices: ReadonlyMap<string, PlaceCandidate>): Anchors {
  const places = new Map<number, PlaceCandidate[]>();
  const countries: PlaceCandidate[] = [];
  const regions = new Map<string, number>();
  const chosenBy = new Map<PlaceCandidate, number>();
  for (const choice of choices.values()) {
    if (choice.featureCode === 'CONT' || choice.featureCode === 'OCN') continue;
    const times = (chosenBy.get(choice) ?? 0) + 1;
    chosenBy.set(choice, times);
    if (isCountry(choice)) countries.push(choice);
    else if (times === 1) {
      const [x, y, z] = unitVector(choice);
      const cell = cellKey(Math.floor(x / CELL), Math.floor(y / CELL), Math.floor(z / CELL));
      const inCell = places.get(cell);
      if (inCell) inCell.push(choice);
      else places.set(cell, [choice]);
    }
    if (choice.featureCode === 'ADM1') regions.set(regionKey(choice), (regions.get(regionKey(choice)) ?? 0) + 1);
  }
  return { places, countries, regions, chosenBy };
}

/**
 * The grid's cell: the chord of REGION_KM on the unit sphere, so that every place nearer than REGION_KM to a point lies
 * in the point's cell or one beside it. Nearness counts only below REGION_KM, so the places in those 27 cells are all a
 * candidate is measured to (a document naming thousands of places was measured place by place: quadratic).
 */
const CELL = 2 * Math.sin(REGION_KM / (2 * 6371.0088));

function unitVector(place: PlaceCandidate): [number, number, number] {
  const latitude = (place.lat * Math.PI) / 180;
  const longitude = (place.lon * Math.PI) / 180;
  return [Math.cos(latitude) * Math.cos(longitude), Math.cos(latitude) * Math.sin(longitude), Math.sin(latitude)];
}

/** One number for cell (i, j, k); each index lies within ±1 / CELL (about ±5). */
const cellKey = (i: number, j: number, k: number): number => (i + 64) * 16_384 + (j + 64) * 128 + (k + 64);

const regionKey = (place: PlaceCandidate): string => `${place.countryCode}.${place.admin1Code}`;

/**
 * Support from the rest of the document: its countries, and places near the candidate. `own` is the name's own choice,
 * which is not its context (it is left out of the anchors once, as one name's choice).
 */
function contextScore(
  candidate: PlaceCandidate,
  { anchors, own }: { readonly anchors: Anchors; readonly own: PlaceCandidate | undefined },
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
  // Nearness counts only below LOCAL_KM, NEAR_KM and REGION_KM: once under the least, the other places change nothing.
  let nearest = Infinity;
  let ownSkipped = false;
  const [x, y, z] = unitVector(candidate);
  const [i, j, k] = [Math.floor(x / CELL), Math.floor(y / CELL), Math.floor(z / CELL)];
  cells: for (let di = -1; di <= 1; di += 1) {
    for (let dj = -1; dj <= 1; dj += 1) {
      for (let dk = -1; dk <= 1; dk += 1) {
        for (const anchor of anchors.places.get(cellKey(i + di, j + dj, k + dk)) ?? []) {
          if (anchor === own && anchors.chosenBy.get(anchor) === 1) continue;
          nearest = Math.min(nearest, distanceKm(candidate.lat, candidate.lon, anchor.lat, anchor.lon));
          if (nearest < LOCAL_KM) break cells;
        }
      }
    }
  }
  // Countries are wide: a neighbouring country's point lies far from its neighbour's, so halve it (between countries only).
  if (isCountry(candidate) && nearest >= LOCAL_KM) {
    for (const anchor of anchors.countries) {
      if (anchor === own && !ownSkipped) {
        ownSkipped = true;
        continue;
      }
      nearest = Math.min(nearest, distanceKm(candidate.lat, candidate.lon, anchor.lat, anchor.lon) / 2);
      if (nearest < LOCAL_KM) break;
    }
  }
  // A first-level region another name chose holds the candidate.
  const regionChoices = candidate.featureCode === 'ADM1' ? 0 : (anchors.regions.get(regionKey(candidate)) ?? 0) - (own?.featureCode === 'ADM1' && regionKey(own) === regionKey(candidate) ? 1 : 0);
  const sameRegion = regionChoices > 0;
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
