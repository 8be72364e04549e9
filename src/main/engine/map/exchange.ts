/**
 * GeoJSON and KML in and out, for QGIS and Google Earth users: export writes every located place (a
 * Point with name, type, status, aliases and mention count; suggested places marked as such) and every
 * drawing; import reads drawings back. Bad input is refused with the file, the place in it and the fix.
 */
import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { checkExportTarget, writeFileSafely } from '../case/safeWrite';
import { basename, extname } from 'node:path';
import type { DrawingFields, DrawingGeometry, MapFileFormat, MapImportReport, Position } from '../../../shared/map';
import { DrawingGeometrySchema } from '../../../shared/map';
import { DossierError } from '../../../shared/errors';
import { listEntities } from '../entities/repository';
import { DEFAULT_DRAWING_COLOR, createDrawings, listDrawings } from './drawings';

/** The property that tells our exported places from drawings when a file comes back. */
const SOURCE_PROPERTY = 'dossier';

interface GeoJsonFeature {
  type: 'Feature';
  geometry: DrawingGeometry;
  properties: Record<string, unknown>;
}

/** Every located place and every drawing of the case, as one GeoJSON FeatureCollection. */
export function caseToGeoJson(db: Database): { type: 'FeatureCollection'; features: GeoJsonFeature[] } {
  const places: GeoJsonFeature[] = listEntities(db, { types: ['location'] })
    .filter((entity) => entity.coordinates)
    .map((entity) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [entity.coordinates!.lon, entity.coordinates!.lat] },
      properties: {
        [SOURCE_PROPERTY]: 'place',
        id: entity.id,
        name: entity.name,
        type: entity.type,
        subtype: entity.subtype,
        status: entity.status,
        suggested: entity.status === 'suggested',
        aliases: entity.aliases.filter((alias) => alias !== entity.name),
        mentions: entity.mentions,
        country: entity.coordinates!.country,
      },
    }));
  const drawings: GeoJsonFeature[] = listDrawings(db).map((drawing) => ({
    type: 'Feature',
    geometry: drawing.geometry,
    properties: {
      [SOURCE_PROPERTY]: 'drawing',
      id: drawing.id,
      name: drawing.label,
      label: drawing.label,
      color: drawing.color,
      note: drawing.note,
      entities: drawing.entities.map((entity) => entity.name),
      documents: drawing.documents.map((document) => document.title),
    },
  }));
  return { type: 'FeatureCollection', features: [...places, ...drawings] };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[character]!);

/** #rrggbb to KML's aabbggrr. */
function kmlColor(hex: string, alpha = 'ff'): string {
  const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  return `${alpha}${b}${g}${r}`.toLowerCase();
}

function kmlCoordinates(positions: readonly Position[]): string {
  return positions.map(([lon, lat]) => `${lon},${lat}`).join(' ');
}

function kmlGeometry(geometry: DrawingGeometry): string {
  switch (geometry.type) {
    case 'Point':
      return `<Point><coordinates>${kmlCoordinates([geometry.coordinates])}</coordinates></Point>`;
    case 'LineString':
      return `<LineString><tessellate>1</tessellate><coordinates>${kmlCoordinates(geometry.coordinates)}</coordinates></LineString>`;
    case 'Polygon': {
      const [outer, ...holes] = geometry.coordinates;
      const ring = (positions: readonly Position[]) => `<LinearRing><coordinates>${kmlCoordinates(positions)}</coordinates></LinearRing>`;
      return `<Polygon><outerBoundaryIs>${ring(outer!)}</outerBoundaryIs>${holes.map((hole) => `<innerBoundaryIs>${ring(hole)}</innerBoundaryIs>`).join('')}</Polygon>`;
    }
  }
}

/** The same content as `caseToGeoJson`, as a KML document with a folder of places and one of drawings. */
export function caseToKml(db: Database, title: string): string {
  const collection = caseToGeoJson(db);
  const placemark = (feature: GeoJsonFeature): string => {
    const properties = feature.properties;
    const isPlace = properties[SOURCE_PROPERTY] === 'place';
    const name = text(properties['name']);
    const color = typeof properties['color'] === 'string' ? properties['color'] : DEFAULT_DRAWING_COLOR;
    const data = Object.entries(properties)
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([key, value]) => `<Data name="${escapeXml(key)}"><value>${escapeXml(Array.isArray(value) ? value.join('; ') : String(value))}</value></Data>`)
      .join('');
    const style = isPlace
      ? `<styleUrl>#${properties['status'] === 'suggested' ? 'suggested' : 'confirmed'}</styleUrl>`
      : `<Style><IconStyle><color>${kmlColor(color)}</color></IconStyle><LineStyle><color>${kmlColor(color)}</color><width>3</width></LineStyle>` +
        `<PolyStyle><color>${kmlColor(color, '55')}</color></PolyStyle></Style>`;
    const description = isPlace ? '' : text(properties['note']);
    return `<Placemark><name>${escapeXml(name)}</name>${description ? `<description>${escapeXml(description)}</description>` : ''}${style}` +
      `<ExtendedData>${data}</ExtendedData>${kmlGeometry(feature.geometry)}</Placemark>`;
  };
  const places = collection.features.filter((feature) => feature.properties[SOURCE_PROPERTY] === 'place');
  const drawings = collection.features.filter((feature) => feature.properties[SOURCE_PROPERTY] !== 'place');
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${escapeXml(title)}</name>
<Style id="confirmed"><IconStyle><color>ff1c7ed6</color></IconStyle></Style>
<Style id="suggested"><IconStyle><color>8ce6a23c</color></IconStyle></Style>
<Folder><name>Places</name>
${places.map(placemark).join('\n')}
</Folder>
<Folder><name>Drawings</name>
${drawings.map(placemark).join('\n')}
</Folder>
</Document></kml>
`;
}

/** What an import reads from one file before it is stored. */
interface ParsedDrawings {
  drawings: DrawingFields[];
  skipped: string[];
}

function colorFrom(properties: Record<string, unknown>): string {
  for (const key of ['color', 'stroke', 'marker-color', 'fill']) {
    const value = properties[key];
    if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) return value.toLowerCase();
    if (typeof value === 'string' && /^#[0-9a-f]{3}$/i.test(value)) return `#${[...value.slice(1)].map((digit) => digit + digit).join('')}`.toLowerCase();
  }
  return DEFAULT_DRAWING_COLOR;
}

/** Splits a GeoJSON geometry into the simple ones a drawing can be; null for a kind we do not draw. */
function simpleGeometries(geometry: unknown): DrawingGeometry[] | null {
  if (!geometry || typeof geometry !== 'object') return null;
  const { type, coordinates, geometries } = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const trim = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === 'number' ? value.slice(0, 2) : Array.isArray(value) ? value.map(trim) : value;
  const parse = (candidate: unknown): DrawingGeometry => {
    const parsed = DrawingGeometrySchema.safeParse(candidate);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'its coordinates are not valid');
    return parsed.data;
  };
  switch (type) {
    case 'Point':
    case 'LineString':
    case 'Polygon':
      return [parse({ type, coordinates: trim(coordinates) })];
    case 'MultiPoint':
    case 'MultiLineString':
    case 'MultiPolygon':
      if (!Array.isArray(coordinates)) throw new Error('its coordinates are not a list');
      return coordinates.map((part) => parse({ type: type.slice(5), coordinates: trim(part) }));
    case 'GeometryCollection':
      if (!Array.isArray(geometries)) throw new Error('its geometries are not a list');
      return geometries.flatMap((part) => simpleGeometries(part) ?? []);
    default:
      return null;
  }
}

/** Reads drawings from GeoJSON text (a FeatureCollection, a Feature or a bare geometry). */
export function drawingsFromGeoJson(source: string, fileName: string): ParsedDrawings {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DossierError(
      'invalid-input',
      `${fileName} is not valid JSON (${error instanceof Error ? error.message : String(error)}); check that it is a GeoJSON file, or save it again from QGIS as GeoJSON.`,
    );
  }
  const type = (data as { type?: unknown } | null)?.type;
  const features: unknown[] =
    type === 'FeatureCollection' && Array.isArray((data as { features?: unknown }).features)
      ? (data as { features: unknown[] }).features
      : type === 'Feature'
        ? [data]
        : typeof type === 'string'
          ? [{ type: 'Feature', geometry: data, properties: {} }]
          : [];
  if (features.length === 0 && type !== 'FeatureCollection') {
    throw new DossierError('invalid-input', `${fileName} is JSON but not GeoJSON: it has no "type" of FeatureCollection, Feature or a geometry. Export it again as GeoJSON.`);
  }
  const result: ParsedDrawings = { drawings: [], skipped: [] };
  features.forEach((feature, index) => {
    const { geometry, properties: raw } = (feature ?? {}) as { geometry?: unknown; properties?: unknown };
    const properties = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const label = text(properties['label']) || text(properties['name']) || text(properties['title']);
    const where = `feature ${index + 1}${label ? ` ("${label}")` : ''}`;
    if (properties[SOURCE_PROPERTY] === 'place') {
      result.skipped.push(`${where}: a place exported from a case; places come from documents, so it is not drawn`);
      return;
    }
    let parts: DrawingGeometry[] | null;
    try {
      parts = simpleGeometries(geometry);
    } catch (error) {
      throw new DossierError('invalid-input', `${fileName}, ${where}: ${error instanceof Error ? error.message : String(error)}. Fix that feature and import again.`);
    }
    if (!parts || parts.length === 0) {
      result.skipped.push(`${where}: no point, line or polygon`);
      return;
    }
    const note = text(properties['note']) || text(properties['description']);
    for (const part of parts) result.drawings.push({ geometry: part, label, color: colorFrom(properties), note, entityIds: [], documentIds: [] });
  });
  return result;
}

function parsePositions(coordinates: string, fileName: string, where: string): Position[] {
  return coordinates
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((tuple) => {
      const [lon, lat] = tuple.split(',').map(Number);
      if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
        throw new DossierError('invalid-input', `${fileName}, ${where}: "${tuple}" is not a coordinate (KML writes longitude,latitude[,altitude]). Fix it and import again.`);
      }
      return [lon, lat] as Position;
    });
}

/** Parses XML text into a DOM document (throws on XML that is not well formed). */
export type XmlParser = (source: string) => Document;

/** jsdom's XML parser, loaded on first use: jsdom takes seconds to load, and most commands never read KML. */
export async function loadXmlParser(): Promise<XmlParser> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  return (source) => new JSDOM(source, { contentType: 'text/xml', virtualConsole: new VirtualConsole() }).window.document;
}

/** Reads drawings from KML text: every Placemark's Point, LineString and Polygon (inside MultiGeometry too). */
export function drawingsFromKml(source: string, fileName: string, parseXml: XmlParser): ParsedDrawings {
  let document: Document;
  try {
    document = parseXml(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DossierError(
      'invalid-input',
      `${fileName} is not well-formed XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); check that it is a KML file (a KMZ must be unzipped first).`,
    );
  }
  if (document.documentElement.localName !== 'kml') {
    throw new DossierError('invalid-input', `${fileName} is XML but not KML: its root element is <${document.documentElement.localName}>, not <kml>. Export it again as KML.`);
  }
  const result: ParsedDrawings = { drawings: [], skipped: [] };
  const child = (element: Element, name: string): Element | undefined => [...element.children].find((candidate) => candidate.localName === name);
  const descendants = (element: Element, name: string): Element[] => [...element.getElementsByTagNameNS('*', name)];
  descendants(document.documentElement, 'Placemark').forEach((placemark, index) => {
    const label = child(placemark, 'name')?.textContent?.trim() ?? '';
    const note = child(placemark, 'description')?.textContent?.trim() ?? '';
    const where = `placemark ${index + 1}${label ? ` ("${label}")` : ''}`;
    const data = Object.fromEntries(
      descendants(placemark, 'Data').map((entry) => [entry.getAttribute('name') ?? '', descendants(entry, 'value')[0]?.textContent ?? '']),
    );
    if (data[SOURCE_PROPERTY] === 'place') {
      result.skipped.push(`${where}: a place exported from a case; places come from documents, so it is not drawn`);
      return;
    }
    const color = typeof data['color'] === 'string' && /^#[0-9a-f]{6}$/i.test(data['color']) ? data['color'].toLowerCase() : kmlStyleColor(placemark);
    const coordinatesOf = (element: Element) => parsePositions(descendants(element, 'coordinates')[0]?.textContent ?? '', fileName, where);
    const geometries: unknown[] = [
      ...descendants(placemark, 'Point').map((point) => ({ type: 'Point', coordinates: coordinatesOf(point)[0] })),
      ...descendants(placemark, 'LineString').map((line) => ({ type: 'LineString', coordinates: coordinatesOf(line) })),
      ...descendants(placemark, 'Polygon').map((polygon) => ({
        type: 'Polygon',
        coordinates: [
          ...descendants(polygon, 'outerBoundaryIs').map(coordinatesOf),
          ...descendants(polygon, 'innerBoundaryIs').map(coordinatesOf),
        ],
      })),
    ];
    if (geometries.length === 0) {
      result.skipped.push(`${where}: no Point, LineString or Polygon`);
      return;
    }
    for (const geometry of geometries) {
      const parsed = DrawingGeometrySchema.safeParse(geometry);
      if (!parsed.success) {
        throw new DossierError('invalid-input', `${fileName}, ${where}: ${parsed.error.issues[0]?.message ?? 'invalid coordinates'}. Fix that placemark and import again.`);
      }
      result.drawings.push({ geometry: parsed.data, label, color: color ?? DEFAULT_DRAWING_COLOR, note, entityIds: [], documentIds: [] });
    }
  });
  return result;
}

/** A placemark's own line (or icon) colour from an inline Style, as #rrggbb. */
function kmlStyleColor(placemark: Element): string | undefined {
  for (const styleName of ['LineStyle', 'IconStyle', 'PolyStyle']) {
    const color = placemark.getElementsByTagNameNS('*', styleName)[0]?.getElementsByTagNameNS('*', 'color')[0]?.textContent?.trim();
    if (color && /^[0-9a-f]{8}$/i.test(color)) return `#${color.slice(6, 8)}${color.slice(4, 6)}${color.slice(2, 4)}`.toLowerCase();
  }
  return undefined;
}

export function formatOfPath(path: string): MapFileFormat | null {
  const extension = extname(path).toLowerCase();
  if (extension === '.geojson' || extension === '.json') return 'geojson';
  if (extension === '.kml') return 'kml';
  return null;
}

/** Imports a GeoJSON or KML file's points, lines and polygons as drawings, in one undoable change. */
export async function importMapFile(db: Database, path: string): Promise<MapImportReport> {
  const fileName = basename(path);
  const format = formatOfPath(path);
  if (!format) {
    throw new DossierError('invalid-input', `${fileName} is neither GeoJSON (.geojson, .json) nor KML (.kml); a KMZ must be unzipped first.`);
  }
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DossierError('not-found', `${fileName} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check that the file is still there.`);
  }
  const parsed = format === 'kml' ? drawingsFromKml(source, fileName, await loadXmlParser()) : drawingsFromGeoJson(source, fileName);
  if (parsed.drawings.length === 0 && parsed.skipped.length === 0) {
    throw new DossierError('invalid-input', `${fileName} has no features to import.`);
  }
  createDrawings(db, parsed.drawings, `import ${parsed.drawings.length} drawing${parsed.drawings.length === 1 ? '' : 's'} from ${fileName}`);
  return { fileName, format, imported: parsed.drawings.length, skipped: parsed.skipped };
}

/** Writes the case's places and drawings to `path` as GeoJSON or KML; answers with the count written. */
export function exportMapFile(db: Database, path: string, format: MapFileFormat, title: string, overwrite = false): { path: string; places: number; drawings: number } {
  const target = { overwrite, extensions: format === 'kml' ? ['.kml'] : ['.geojson', '.json'] };
  checkExportTarget(path, target);
  const collection = caseToGeoJson(db);
  const places = collection.features.filter((feature) => feature.properties[SOURCE_PROPERTY] === 'place').length;
  const content = format === 'kml' ? caseToKml(db, title) : `${JSON.stringify(collection, null, 1)}\n`;
  writeFileSafely(path, content, target);
  return { path, places, drawings: collection.features.length - places };
}
