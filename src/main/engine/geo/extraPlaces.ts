// GeoNames country extracts (AZ.txt ...) an analyst adds, and a gazetteer that finds their places too.
import type { Gazetteer, PlaceCandidate } from './gazetteer';
import { placeKey, skeletonKey } from './placeKey';

/** One row of a GeoNames table, as far as Dossier uses it. */
export interface GeoNamesEntry {
  /** The GeoNames id ("586268"); the place's gazetteer id is `geonames:<id>`. */
  readonly geonameId: string;
  readonly name: string;
  readonly asciiName: string;
  readonly alternateNames: readonly string[];
  readonly lat: number;
  readonly lon: number;
  /** GeoNames feature class: A, H, L, P, S, T or V (see KEPT_FEATURE_CLASSES). */
  readonly featureClass: string;
  readonly featureCode: string;
  readonly countryCode: string;
  readonly admin1Code: string;
  readonly admin2Code: string;
  readonly population: number;
}

/** The 19 columns of GeoNames' geoname table (download.geonames.org/export/dump, readme.txt). */
const GEONAMES_COLUMNS = [
  'geonameid', 'name', 'asciiname', 'alternatenames', 'latitude', 'longitude', 'feature class', 'feature code',
  'country code', 'cc2', 'admin1 code', 'admin2 code', 'admin3 code', 'admin4 code', 'population', 'elevation',
  'dem', 'timezone', 'modification date',
] as const;

/**
 * Feature classes kept: populated places (P), administrative areas (A), areas and regions (L),
 * mountains and passes (T), waters (H), spots such as checkpoints, bases, mines and dams (S), forests
 * (V) are all things an analyst's documents name. Roads and railways (R) and undersea features (U) are
 * left out: their names are mostly those of the places they join or lie off, and would only add
 * namesakes that compete with the places themselves. Rows without a class (GeoNames has a few) are
 * left out too: nothing says what they are.
 */
export const KEPT_FEATURE_CLASSES: ReadonlySet<string> = new Set(['P', 'A', 'L', 'T', 'H', 'S', 'V']);

const EXPECTED_FORMAT = `a GeoNames table has 19 tab-separated columns (${GEONAMES_COLUMNS.join(', ')}), one place a line, as in the country files of download.geonames.org/export/dump (unzipped AZ.txt, for example)`;

function formatError(fileName: string, line: number, problem: string): Error {
  return new Error(`${fileName} is not a GeoNames extract: line ${line} ${problem}; ${EXPECTED_FORMAT}.`);
}

/**
 * Parses a GeoNames country extract (or any file in the geoname table format: allCountries.txt,
 * cities500.txt) into its places, keeping the feature classes in KEPT_FEATURE_CLASSES. Blank lines,
 * a byte order mark and Windows line ends are accepted.
 *
 * @param text the whole file as text (UTF-8, as GeoNames publishes it)
 * @param fileName how the error names the file ("AZ.txt")
 * @throws Error naming the first line that is not a geoname row and the format expected, e.g.
 *   "notes.txt is not a GeoNames extract: line 1 has 1 tab-separated column where 19 were expected; ..."
 */
export function parseGeoNamesExtract(text: string, fileName = 'The file'): GeoNamesEntry[] {
  if (text.startsWith('PK\u0003\u0004')) {
    throw new Error(`${fileName} is a zip archive; unzip it and add the .txt file inside (AZ.txt from AZ.zip, for example).`);
  }
  const entries: GeoNamesEntry[] = [];
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNumber = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    lineNumber += 1;
    const line = text.slice(lineStart, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    lineStart = lineEnd + 1;
    if (line.trim() === '') continue;
    const field = line.split('\t');
    if (field.length !== GEONAMES_COLUMNS.length) {
      throw formatError(fileName, lineNumber, `has ${field.length} tab-separated column${field.length === 1 ? '' : 's'} where ${GEONAMES_COLUMNS.length} were expected`);
    }
    const [geonameId = '', name = '', asciiName = '', alternateNames = '', latitude = '', longitude = '', featureClass = '', featureCode = '', countryCode = ''] = field;
    if (!/^\d+$/.test(geonameId)) throw formatError(fileName, lineNumber, `starts with "${geonameId.slice(0, 40)}" where a numeric geonameid was expected`);
    const lat = Number(latitude);
    const lon = Number(longitude);
    if (latitude === '' || longitude === '' || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
      throw formatError(fileName, lineNumber, `has "${latitude}", "${longitude}" where a latitude and longitude in degrees were expected (columns 5 and 6)`);
    }
    if (!KEPT_FEATURE_CLASSES.has(featureClass) || !name) continue;
    entries.push({
      geonameId,
      name,
      asciiName,
      alternateNames: alternateNames ? alternateNames.split(',') : [],
      lat,
      lon,
      featureClass,
      featureCode,
      countryCode,
      admin1Code: field[10] ?? '',
      admin2Code: field[11] ?? '',
      population: Number(field[14]) || 0,
    });
  }
  return entries;
}

/** A place of the extract under one lookup key, as an index into the entries and how it is named. */
interface KeyedPlace {
  readonly index: number;
  readonly primaryName: boolean;
}

function addKey(map: Map<string, KeyedPlace[]>, key: string, place: KeyedPlace): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [place]);
  else if (!list.some((known) => known.index === place.index)) list.push(place);
}

/**
 * A gazetteer that finds, besides the bundled places, the places of GeoNames extracts
 * (`parseGeoNamesExtract`), so that `resolvePlaces` can choose a village of the extract ("Armudlu" in
 * Kalbajar) by the same context rules as a bundled town. The bundled gazetteer is not changed.
 *
 * - An extract place gets the id `geonames:<geonameid>`. A place the bundled gazetteer has under the
 *   same id (cities500's places are in every country file) stays the bundled place, with the bundled
 *   figures; the extract only adds the names it knows it by. `size` counts the places added.
 * - Countries (PCL*) and first-level regions the bundled gazetteer already has are left out: the
 *   bundled ones carry the curated English names ("Turkey", "Kalbajar District").
 * - Lookups keep the bundled order rule: places found by their own name before those found by an
 *   alternate name; within each, bundled places before extract places.
 * - Spelling skeletons (`lookupBySkeleton`) cover the extract's own and ASCII names, as for the bundled ones.
 *
 * Building it takes well under a second for a country file of 50,000 places; keep the result rather
 * than rebuild it per document.
 */
export function withExtraPlaces(gazetteer: Gazetteer, entries: readonly GeoNamesEntry[]): Gazetteer {
  const kept = entries.filter((entry) => !(entry.featureCode.startsWith('PCL') && gazetteer.country(entry.countryCode))
    && !(entry.featureCode === 'ADM1' && gazetteer.admin1Name(entry.countryCode, entry.admin1Code)));
  const byKey = new Map<string, KeyedPlace[]>();
  const bySkeleton = new Map<string, KeyedPlace[]>();
  const seenIds = new Set<string>();
  // Per entry: the bundled place with the same geonameid, which stands for it; or its own candidate.
  const places: PlaceCandidate[] = [];
  let added = 0;
  for (const entry of kept) {
    // The same file added twice, or overlapping extracts: one place per id.
    if (seenIds.has(entry.geonameId)) continue;
    seenIds.add(entry.geonameId);
    const id = `geonames:${entry.geonameId}`;
    // Only populated places can be bundled under a geonames: id (the bundled ones come from cities500).
    const bundled = entry.featureClass === 'P' ? gazetteer.lookup(entry.name).find((place) => place.id === id) : undefined;
    if (!bundled) added += 1;
    const index = places.length;
    places.push(bundled ?? {
      id,
      name: entry.name,
      lat: entry.lat,
      lon: entry.lon,
      featureClass: entry.featureClass,
      featureCode: entry.featureCode,
      countryCode: entry.countryCode,
      admin1: gazetteer.admin1Name(entry.countryCode, entry.admin1Code),
      admin1Code: entry.admin1Code,
      population: entry.population,
      primaryName: true,
    });
    const primaryKeys = new Set([placeKey(entry.name), placeKey(entry.asciiName)]);
    for (const key of primaryKeys) {
      addKey(byKey, key, { index, primaryName: true });
      const skeleton = key ? skeletonKey(key) : '';
      if (skeleton.length >= 3) addKey(bySkeleton, skeleton, { index, primaryName: true });
    }
    for (const name of entry.alternateNames) {
      const key = placeKey(name);
      if (!primaryKeys.has(key)) addKey(byKey, key, { index, primaryName: false });
    }
  }

  const candidate = ({ index, primaryName }: KeyedPlace): PlaceCandidate | undefined => {
    const place = places[index];
    return place && { ...place, primaryName };
  };
  const merge = (bundled: PlaceCandidate[], extra: readonly KeyedPlace[] | undefined): PlaceCandidate[] => {
    if (!extra || extra.length === 0) return bundled;
    const ids = new Set(bundled.map((place) => place.id));
    const added = extra.map(candidate).filter((place): place is PlaceCandidate => place !== undefined && !ids.has(place.id));
    if (added.length === 0) return bundled;
    return [...bundled.filter((place) => place.primaryName), ...added.filter((place) => place.primaryName),
      ...bundled.filter((place) => !place.primaryName), ...added.filter((place) => !place.primaryName)];
  };

  return {
    lookup: (name) => merge(gazetteer.lookup(name), byKey.get(placeKey(name))),
    lookupBySkeleton: (name) => merge(gazetteer.lookupBySkeleton(name), bySkeleton.get(skeletonKey(placeKey(name)))),
    demonymToCountry: (word) => gazetteer.demonymToCountry(word),
    country: (code) => gazetteer.country(code),
    admin1Name: (countryCode, admin1Code) => gazetteer.admin1Name(countryCode, admin1Code),
    size: gazetteer.size + added,
    loadMilliseconds: gazetteer.loadMilliseconds,
  };
}
