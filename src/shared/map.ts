/** The map: the case's located places, the analyst's drawings, and the case's basemap; the schemas the contract uses. */
import { z } from 'zod';
import { emptyInput, hexColor, id } from './schemas';
import { EntityStatuses, EntityTypes, PlaceSubtypeSchema } from './entities';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');

const longitude = z.number().min(-180, 'a longitude is between -180 and 180').max(180, 'a longitude is between -180 and 180');
const latitude = z.number().min(-90, 'a latitude is between -90 and 90').max(90, 'a latitude is between -90 and 90');
/** A GeoJSON position: longitude, latitude (anything after them, such as altitude, is dropped). */
export const PositionSchema = z.tuple([longitude, latitude]);
export type Position = z.infer<typeof PositionSchema>;

/** The geometries a drawing can have: one point, one line, one polygon (outer ring first, then holes). */
export const DrawingGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: PositionSchema }).strict(),
  z.object({ type: z.literal('LineString'), coordinates: z.array(PositionSchema).min(2, 'a line needs two points or more').max(100_000) }).strict(),
  z
    .object({
      type: z.literal('Polygon'),
      coordinates: z.array(z.array(PositionSchema).min(4, 'a polygon ring needs three corners or more').max(100_000)).min(1).max(1_000),
    })
    .strict(),
]);
export type DrawingGeometry = z.infer<typeof DrawingGeometrySchema>;

export const DrawingKinds = ['point', 'line', 'polygon'] as const;
export type DrawingKind = (typeof DrawingKinds)[number];


/** A point, line or polygon the analyst drew (or imported), saved in the case. */
export const DrawingSchema = z.object({
  id,
  kind: z.enum(DrawingKinds),
  geometry: DrawingGeometrySchema,
  label: z.string(),
  color: z.string(),
  note: z.string(),
  entities: z.array(z.object({ id, name: z.string(), type: z.enum(EntityTypes) })),
  documents: z.array(z.object({ id, title: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Drawing = z.infer<typeof DrawingSchema>;

/** What the analyst sets on a drawing. */
export const DrawingFieldsSchema = z
  .object({
    geometry: DrawingGeometrySchema,
    label: z.string().max(500),
    color: hexColor,
    note: z.string().max(20_000),
    entityIds: z.array(id).max(10_000),
    documentIds: z.array(id).max(10_000),
  })
  .strict();
export type DrawingFields = z.infer<typeof DrawingFieldsSchema>;

/** Which places the map shows: those mentioned in documents with these tags, in this date range, of these kinds. */
export const MapPlaceQuerySchema = z
  .object({
    tagIds: z.array(id).max(100).optional(),
    publishedFrom: isoDate.optional(),
    publishedTo: isoDate.optional(),
    /** Entity subtypes (country, region, capital, populated place, place); "none" for places with none. */
    subtypes: z.array(z.union([PlaceSubtypeSchema, z.literal('none')])).max(50).optional(),
    status: z.enum(EntityStatuses).optional(),
  })
  .strict();
export type MapPlaceQuery = z.input<typeof MapPlaceQuerySchema>;

/** One pin: a place entity where it is. Small, since a case may have tens of thousands. */
export const MapPlaceSchema = z.object({
  id,
  name: z.string(),
  subtype: PlaceSubtypeSchema.nullable(),
  status: z.enum(EntityStatuses),
  lat: z.number(),
  lon: z.number(),
  precision: z.enum(['gazetteer', 'manual']),
  mentions: z.number().int(),
});
export type MapPlace = z.infer<typeof MapPlaceSchema>;

/** What a pin's popup shows: the place, its names and counts, its documents and the actors named with it. */
export const MapPlaceDetailSchema = MapPlaceSchema.extend({
  aliases: z.array(z.string()),
  country: z.string().nullable(),
  documentCount: z.number().int(),
  documents: z.array(z.object({ id, title: z.string(), publishedAt: z.string().nullable() })),
  /**
   * Actors (people and organisations) linked to the place: for now those named in the same documents
   * (`relation: "co-mentioned"`); asserted links from the graph, when a case has them, come first.
   */
  actors: z.array(z.object({ id, name: z.string(), type: z.enum(EntityTypes), relation: z.string(), documents: z.number().int() })),
});
export type MapPlaceDetail = z.infer<typeof MapPlaceDetailSchema>;

/** A .pmtiles file the analyst chose as basemap detail for this case, with what its header says. */
export const MapBasemapSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  tileType: z.enum(['mvt', 'png', 'jpeg', 'webp', 'avif', 'unknown']),
  minZoom: z.number().int(),
  maxZoom: z.number().int(),
  /** West, south, east, north. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  center: z.tuple([z.number(), z.number(), z.number()]),
  /** Layer names of a vector file, from its metadata. */
  vectorLayers: z.array(z.object({ id: z.string(), geometry: z.string().nullable() })),
  /** Set when the file is no longer where it was saved: the message says what to do. */
  problem: z.string().nullable(),
  /**
   * The path was saved in the case elsewhere (another machine, another analyst) and has not been
   * confirmed on this one: the file is not opened until the analyst sees the path and confirms it.
   */
  needsConfirmation: z.boolean(),
});
export type MapBasemap = z.infer<typeof MapBasemapSchema>;

export const MapFileFormats = ['geojson', 'kml'] as const;
export type MapFileFormat = (typeof MapFileFormats)[number];

/** What an import of a GeoJSON or KML file brought in. */
export const MapImportReportSchema = z.object({
  fileName: z.string(),
  format: z.enum(MapFileFormats),
  imported: z.number().int(),
  /** Features left out, each with why (our own exported places, unsupported geometry). */
  skipped: z.array(z.string()),
});
export type MapImportReport = z.infer<typeof MapImportReportSchema>;

const filePath = z.string().trim().min(1, 'a file path is required').max(4096);

/** The map's engine channels, joined with every other domain's in api.ts. */
export const mapChannels = {
  /** The pins: located places, filtered by the documents that mention them. */
  'map.places': { input: MapPlaceQuerySchema, output: z.array(MapPlaceSchema) },
  /** A pin's popup. */
  'map.place': { input: z.object({ id }).strict(), output: MapPlaceDetailSchema },
  /** Adds a place no gazetteer knows where the analyst clicked (undoable); answers with its pin. */
  'map.addPlace': {
    input: z.object({ name: z.string().trim().min(1, 'a place needs a name').max(500), lat: latitude, lon: longitude, subtype: PlaceSubtypeSchema.nullable().default(null) }).strict(),
    output: MapPlaceSchema,
  },
  'map.drawings': { input: emptyInput, output: z.array(DrawingSchema) },
  /** Saves a new drawing (undoable). */
  'map.createDrawing': { input: DrawingFieldsSchema, output: DrawingSchema },
  /** Changes a drawing's shape, label, colour, note or links (undoable). */
  'map.updateDrawing': { input: DrawingFieldsSchema.partial().extend({ id }).strict(), output: DrawingSchema },
  'map.deleteDrawing': { input: z.object({ id }).strict(), output: z.null() },
  /** Imports a GeoJSON or KML file's points, lines and polygons as drawings (one undoable change). */
  'map.import': { input: z.object({ path: filePath }).strict(), output: MapImportReportSchema },
  /** Writes the case's places and drawings as GeoJSON or KML; an existing file only with `overwrite`, never a case file. */
  'map.export': {
    input: z.object({ path: filePath, format: z.enum(MapFileFormats), overwrite: z.boolean().optional() }).strict(),
    output: z.object({ path: z.string(), places: z.number().int(), drawings: z.number().int() }),
  },
  /** The .pmtiles basemap saved in the case, or null for the built-in one. */
  'map.basemap': { input: emptyInput, output: MapBasemapSchema.nullable() },
  /** Checks and saves (or, with null, clears) the case's .pmtiles basemap. */
  /** Confirms, on this machine, the basemap path saved in the case (shown to the analyst first), and describes it. */
  'map.confirmBasemap': { input: emptyInput, output: MapBasemapSchema.nullable() },
  'map.setBasemap': { input: z.object({ path: filePath.nullable() }).strict(), output: MapBasemapSchema.nullable() },
  /** Bytes of the case's .pmtiles file, base64-encoded (the renderer's pmtiles Source reads through this). */
  'map.readBasemap': {
    input: z.object({ offset: z.number().int().min(0), length: z.number().int().min(1).max(16 * 1024 * 1024) }).strict(),
    output: z.object({ base64: z.string() }),
  },
} as const;

/** The map's native dialogs, answered by the desktop shell. */
export const mapShellChannels = {
  /** A GeoJSON or KML file to import, or a .pmtiles basemap; null when cancelled. */
  'shell.chooseMapFile': { input: z.object({ purpose: z.enum(['import', 'basemap']) }).strict(), output: z.string().nullable() },
  /** Where to export the map; null when cancelled. */
  'shell.chooseMapExportPath': {
    input: z.object({ format: z.enum(MapFileFormats), suggestedName: z.string().max(255) }).strict(),
    output: z.string().nullable(),
  },
} as const;
