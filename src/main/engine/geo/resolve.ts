// Toponym resolution: picks, for each place mention in a document, the gazetteer entry the document means.
import type { Gazetteer, PlaceCandidate } from './gazetteer';

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
// Kilometres between a region's middle and a city named like it within which the city is its seat.
const SEAT_KM = 500;
// Kilometres within which another place of the document supports a candidate.
const NEAR_KM = 400;
const REGION_KM = 1500;
// Kilometres within which another place of the document makes a candidate local to the story.
const LOCAL_KM = 150;
const LOCAL_BONUS = 16;
// What a name written beside the place it lies in ("Atlanta, Georgia") is worth to both readings that fit.
const CONTAINMENT_BONUS = 40;
// What it is worth to be of the kind of place the other names of a list are ("Wyoming" among states).
const PEER_BONUS = 20;
// ... and among three peers or more, which leave less doubt.
const LONG_LIST_PEER_BONUS = 30;
// The prior of a natural feature: about that of a region (RGN 62), below a country's or continent's.
const NATURAL_FEATURE_PRIOR = 60;
// The population a natural feature stands for when a town bears its name.
const NATURAL_FEATURE_SIZE = 10_000_000;

/**
 * Resolves place mentions against the gazetteer, using the rest of the document as context.
 * Without context, the prior ranks countries > continents > regions and natural features >
 * first-level regions > large cities > small towns, and a place's own name over an alternate name ("Turkey" is the country, not Turkey,
 * Texas). Context then moves the choice: places in the countries and regions the document names, and
 * near its other places, win ("Georgia" beside Armenia is the country; beside Atlanta, the state).
 */
export function resolvePlaces(gazetteer: Gazetteer, mentions: readonly PlaceMention[], documentText: string): ResolvedPlace[] {
  const candidatesByText = new Map<string, PlaceCandidate[]>();
  const candidatesOf = (text: string): PlaceCandidate[] => {
    let found = candidatesByText.get(text);
    if (!found) candidatesByText.set(text, (found = findCandidates(gazetteer, text)));
    return found;
  };
  // The name each mention is resolved by: its text, or the longer name the text goes on to write when a
  // recogniser cut it short ("Democratic Republic" of the Congo, "Côte" d'Ivoire) and its text names nothing.
  const named = mentions.map((mention) => {
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
    const largest = Math.max(0, ...candidates.map((other) => (other.featureClass === 'P' ? other.population : 0)));
    baseScores.set(text, new Map(candidates.map((candidate) => [candidate, priorScore(candidate) + prominenceScore(candidate, candidates, largest)])));
  }

  // "Atlanta, Georgia", "Austin, in Scott County": a place written with the place it lies in. The pair
  // settles both names: the Georgia that holds an Atlanta, the Atlanta that lies in a Georgia.
  // "Washington state", "the state of Washington", "Buenos Aires province": the text says it means the region.
  for (const mention of named) {
    const cued = REGION_AFTER.test(documentText.slice(mention.end, mention.end + 12)) || REGION_BEFORE.test(documentText.slice(Math.max(0, mention.start - 16), mention.start))
      // A span that holds the title with the place ("New York Governor"), resolved by its part.
      || REGION_TITLE.test(documentText.slice(mention.start, mention.end));
    if (!cued) continue;
    const base = baseScores.get(mention.text);
    if (!base || base.has(REGION_MARKED)) continue;
    for (const [candidate, score] of base) if (candidate.featureClass === 'A' && !isCountry(candidate)) base.set(candidate, score + REGION_CUE_BONUS);
    base.set(REGION_MARKED, 0);
  }
  for (const base of baseScores.values()) base.delete(REGION_MARKED);

  const syntax = placeSyntax(named, documentText);
  for (const [inner, outer] of syntax.pairs) {
    const inners = candidatesByText.get(inner) ?? [];
    const outers = candidatesByText.get(outer) ?? [];
    const innerBase = baseScores.get(inner)!;
    const outerBase = baseScores.get(outer)!;
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
  }

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
      // "the Gulf", "the South", "Western": a generic word alone names a place only where the story is
      // set (Kenya's Western Province in a story about Kenya), never a namesake elsewhere (Gulf Province,
      // Papua New Guinea, in a story about Iran).
      const generic = GENERIC_WORDS.has(text.trim().toLowerCase().replace(/\.$/u, ''));
      const scored = candidates.filter((candidate) => !generic || contextCountries.has(candidate.countryCode)).map((candidate) => ({
        candidate,
        score: base.get(candidate)! + contextScore(candidate, anchors, contextCountries) + (kind !== undefined && placeKind(candidate) === kind.kind ? (kind.count >= 3 ? LONG_LIST_PEER_BONUS : PEER_BONUS) : 0),
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
 * The name a mention's text begins when the text goes on with it: the longest run of up to four more
 * words ("of the Congo", "d'Ivoire") that, with the mention, the gazetteer knows by its exact name; none
 * past the end of a sentence.
 */
function continuedName(gazetteer: Gazetteer, mention: PlaceMention, documentText: string): string | undefined {
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

/** Candidates for a mention: its folded name, then without a possessive, then by spelling skeleton. */
function findCandidates(gazetteer: Gazetteer, text: string): PlaceCandidate[] {
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
  if (/^\p{Lu}{2,4}$/u.test(bare)) found = found.filter((place) => place.featureClass !== 'P' || !place.primaryName || place.name === bare);
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
  'bay', 'beach', 'camp', 'gulf', 'canal', 'cape', 'city', 'coast', 'county', 'creek', 'delta', 'desert', 'district', 'falls',
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
 * What the text's punctuation says about its names. Pairs (inner, outer) of a place written with the place
 * it lies in: "Atlanta, Georgia", "Austin, in Scott County", "Kibera in Nairobi". Peers: names of one
 * list ("cases in Washington, Pennsylvania and California"), which are places of one kind, and not one
 * inside the other, though Washington, Pennsylvania is also a town.
 */
function placeSyntax(mentions: readonly PlaceMention[], documentText: string): { pairs: [string, string][]; peers: Map<string, Set<string>> } {
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
function peerKind(peers: ReadonlySet<string> | undefined, choices: ReadonlyMap<string, PlaceCandidate>): { kind: string; count: number } | undefined {
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
function placeKind(candidate: PlaceCandidate): string {
  if (isCountry(candidate)) return 'country';
  if (candidate.featureCode === 'ADM1' || candidate.featureCode === 'ADM1H') return 'region';
  if (candidate.featureClass === 'P') return 'town';
  return candidate.featureCode;
}

const REGION_AFTER = /^\s+(?:state|province|region|oblast|governorate|prefecture)\b/iu;
const REGION_TITLE = /\S\s+(?:state|province|governor|gov\.|premier)\b/iu;
const REGION_BEFORE = /\b(?:state|province|region|oblast|governorate|prefecture) of\s+$/iu;
// What a region gains when the text calls it one: more than a capital's or seat's claim on the name.
const REGION_CUE_BONUS = 50;
// What a first-level region loses to a national capital of its name far from it (Washington State to
// Washington, D.C.): less than to its own seat, as a list of states or a story set there can still mean it.
const CAPITAL_NAMESAKE_PENALTY = 25;
/** Marks a name's scores as raised for a region cue already (once per name, however often it is so written). */
const REGION_MARKED = { id: '', name: '', lat: 0, lon: 0, featureClass: '', featureCode: '', countryCode: '', admin1: '', admin1Code: '', population: 0, primaryName: false } satisfies PlaceCandidate;

const CONTAINMENT_GAP = /^(?:\s*,\s*(?:in\s+)?|\s+in\s+)$/u;
const COMMA_GAP = /^\s*,\s*(?:in\s+)?$/u;
const CONJUNCTION_GAP = /^\s*,?\s*(?:and|or|&|\/)\s*$/u;
// Kilometres within which a place counts as lying in a second-level region or a city (no outlines here).
const WITHIN_ADM2_KM = 80;
const WITHIN_CITY_KM = 30;

/** Whether `place` lies in `container`, as far as codes and distances tell. */
function contains(container: PlaceCandidate, place: PlaceCandidate): boolean {
  if (container === place || container.id === place.id || !container.countryCode || container.countryCode !== place.countryCode) return false;
  if (isCountry(container)) return !isCountry(place);
  if (container.featureCode === 'ADM1') return place.featureCode !== 'ADM1' && place.admin1Code === container.admin1Code;
  const km = distanceKm(container.lat, container.lon, place.lat, place.lon);
  if (container.featureCode === 'ADM2') return place.featureClass === 'P' && place.admin1Code === container.admin1Code && km < WITHIN_ADM2_KM;
  if (container.featureClass === 'P') return place.featureClass !== 'A' && km < WITHIN_CITY_KM && place.population < container.population;
  return false;
}

function isCountry(candidate: PlaceCandidate): boolean {
  return candidate.featureCode.startsWith('PCL');
}

/** What a place is worth as the meaning of its name before any context. */
function priorScore(candidate: PlaceCandidate): number {
  let score: number;
  const code = candidate.featureCode;
  if (code.startsWith('PCL')) score = code === 'PCLI' ? 100 : 80;
  else if (code === 'CONT') score = 90;
  else if (code === 'ADM1') score = 58 + Math.min(10, Math.log10(candidate.population + 1));
  else if (code === 'ADM2' || code === 'ADM1H') score = 30 + Math.min(10, Math.log10(candidate.population + 1));
  else if (code === 'RGN') score = 62;
  // Natural features (seas, lakes, islands, ranges): named by their own names, rarely namesakes of towns.
  else if (candidate.featureClass === 'H' || candidate.featureClass === 'T') score = NATURAL_FEATURE_PRIOR;
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

/**
 * Standing against the other places of the same name: a town far smaller than its namesake needs
 * strong context ("London" in a story about Kentucky is still London), and a region named after its
 * seat yields to the seat ("Buenos Aires", "Hanoi": writers mean the city more often than the province).
 * `largest` is the population of the largest populated place among `candidates`.
 */
function prominenceScore(candidate: PlaceCandidate, candidates: readonly PlaceCandidate[], largest: number): number {
  let score = 0;
  // A town named after a sea, an island or a range ("Pacific", Missouri; "Java", Georgia) is the lesser
  // namesake, as a town is beside a far larger one: the feature counts as a namesake of that size.
  const namesake = candidates.some((other) => (other.featureClass === 'H' || other.featureClass === 'T') && other.primaryName) ? NATURAL_FEATURE_SIZE : 0;
  if (candidate.featureClass === 'P' && Math.max(largest, namesake) > 0) {
    score += Math.max(-40, 10 * Math.log10((candidate.population + 1) / (Math.max(largest, namesake) + 1)));
  }
  // A city of a million or more that a region of its name holds is what the name means in news ("New
  // York", "Lagos", "Delhi"), as a seat is: it is known by that name even where its own is longer.
  if (candidate.featureClass === 'P' && !candidate.primaryName && holdsMetropolis(candidates.filter((region) => region.primaryName), candidate)) score += 25;
  if (candidate.featureCode === 'ADM1') {
    // Not the same admin-1 code: a capital is often an admin-1 of its own (Buenos Aires, Hanoi). Near
    // enough to be its seat, though: Washington, D.C. is not the seat of Washington State.
    // A national capital of the name, though, is what news means wherever it lies ("Washington" said,
    // "talks in Washington"): the capital stands for its government. "Washington state" is marked so.
    const seat = candidates.some((other) => (other.featureCode === 'PPLC' || other.featureCode === 'PPLA') && other.primaryName
      && other.countryCode === candidate.countryCode && distanceKm(other.lat, other.lon, candidate.lat, candidate.lon) < SEAT_KM)
      || (candidate.primaryName && candidates.some((other) => holdsMetropolis([candidate], other)));
    const capital = candidates.some((other) => other.featureCode === 'PPLC' && other.primaryName && other.countryCode === candidate.countryCode);
    if (seat) score -= 40;
    else if (capital) score -= CAPITAL_NAMESAKE_PENALTY;
  }
  return score;
}

/** Whether one of `candidates` is a first-level region that holds `city`, a city of a million or more. */
function holdsMetropolis(candidates: readonly PlaceCandidate[], city: PlaceCandidate): boolean {
  if (city.featureClass !== 'P' || city.population < METROPOLIS_POPULATION) return false;
  return candidates.some((region) => region.featureCode === 'ADM1' && region.countryCode === city.countryCode && region.admin1Code === city.admin1Code);
}

const METROPOLIS_POPULATION = 1_000_000;

/** Support from the rest of the document: its countries, and places near the candidate. */
function contextScore(candidate: PlaceCandidate, anchors: readonly PlaceCandidate[], contextCountries: ReadonlyMap<string, number>): number {
  const countryWeight = candidate.countryCode ? (contextCountries.get(candidate.countryCode) ?? 0) : 0;
  // Other names of the document in the candidate's country (its own name's vote is left out above).
  const countryScore = countryWeight > 0 ? Math.min(50, 25 + 8 * countryWeight) : 0;
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
  return Math.max(countryScore, nearScore) + local + (sameRegion ? 20 : 0);
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

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const radians = Math.PI / 180;
  const dLat = (lat2 - lat1) * radians;
  const dLon = (lon2 - lon1) * radians;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}
