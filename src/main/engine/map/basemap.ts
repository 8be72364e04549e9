/**
 * A .pmtiles file as the case's extra basemap: checked when chosen, its path saved in the case, and read
 * by byte range for the renderer (which stays sandboxed: it never touches the disk itself).
 */
import type { Database } from 'better-sqlite3';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Source } from 'pmtiles';
import { Compression, PMTiles, TileType } from 'pmtiles';
import type { MapBasemap } from '../../../shared/map';
import { DossierError } from '../../../shared/errors';
import { recordAudit } from '../case/history';
import { statement } from '../case/statements';

/** The most bytes one range read answers with: a PMTiles directory or tile is far smaller. */
export const MAX_RANGE_BYTES = 16 * 1024 * 1024;

const gunzipAsync = promisify(gunzip);

/**
 * A basemap path is saved in the case, which may come from anyone: it must name a regular file on
 * this machine's disks. A UNC path (\\server\share) would make Windows connect to a remote host,
 * a device (/dev/zero, \\.\PhysicalDrive0) never ends, and a pipe blocks the engine.
 */
export function checkBasemapPath(path: string): void {
  const fileName = basename(path);
  if (/^(\\\\|\/\/)/.test(path) && !/^\\\\[.?]\\/.test(path)) {
    throw new DossierError('invalid-input', `${fileName} is on a network share (${path}); Dossier reads basemaps only from this machine's disks. Copy it here and choose the copy.`);
  }
  if (/^\\\\[.?]\\/.test(path) || /^\/dev\//.test(path)) {
    throw new DossierError('invalid-input', `${path} is a device, not a .pmtiles file; choose a .pmtiles file.`);
  }
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new DossierError('not-found', `${fileName} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check that the file is still there.`);
  }
  if (!stats.isFile()) throw new DossierError('invalid-input', `${fileName} is not a regular file (a folder, device or pipe); choose a .pmtiles file.`);
}

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export function readRange(path: string, offset: number, length: number): Buffer {
  if (length > MAX_RANGE_BYTES) throw new DossierError('invalid-input', `A basemap read is at most ${MAX_RANGE_BYTES} bytes.`);
  checkBasemapPath(path);
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    throw new DossierError(
      'not-found',
      `The basemap ${basename(path)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); it may have moved: choose it again from the map's basemap menu.`,
    );
  }
  try {
    const size = fstatSync(descriptor).size;
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
    let read = 0;
    while (read < buffer.length) {
      const got = readSync(descriptor, buffer, read, buffer.length - read, offset + read);
      if (got === 0) break;
      read += got;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(descriptor);
  }
}

/** A pmtiles Source over a file on disk. */
function fileSource(path: string): Source {
  return {
    getKey: () => path,
    getBytes: (offset, length) => {
      const bytes = readRange(path, offset, length);
      return Promise.resolve({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    },
  };
}

async function decompress(buffer: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  if (compression === Compression.None || compression === Compression.Unknown) return buffer;
  if (compression === Compression.Gzip) {
    const out = await gunzipAsync(new Uint8Array(buffer));
    return new Uint8Array(out).buffer;
  }
  throw new DossierError('invalid-input', `its directories are compressed with ${Compression[compression]}, which Dossier cannot read; convert it with "pmtiles convert".`);
}

const tileTypes: Record<number, MapBasemap['tileType']> = {
  [TileType.Mvt]: 'mvt',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpeg',
  [TileType.Webp]: 'webp',
  [TileType.Avif]: 'avif',
};

/** Checks a .pmtiles file and says what it holds; refuses anything else with the file's name and the fix. */
export async function describeBasemap(path: string): Promise<MapBasemap> {
  const fileName = basename(path);
  checkBasemapPath(path);
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch (error) {
    throw new DossierError('not-found', `${fileName} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check that the file is still there.`);
  }
  const start = readRange(path, 0, 8);
  if (start.subarray(0, 7).toString('latin1') !== 'PMTiles') {
    throw new DossierError(
      'invalid-input',
      `${fileName} is not a PMTiles file (it does not start with "PMTiles"). Choose a .pmtiles file, e.g. one made with "pmtiles convert" or planetiler; MBTiles must be converted first.`,
    );
  }
  if (start[7] !== 3) {
    throw new DossierError('invalid-input', `${fileName} is PMTiles version ${start[7]}; Dossier reads version 3. Convert it with "pmtiles convert ${fileName} new.pmtiles".`);
  }
  const archive = new PMTiles(fileSource(path), undefined, decompress);
  let header: Awaited<ReturnType<PMTiles['getHeader']>>;
  let metadata: unknown;
  try {
    header = await archive.getHeader();
    metadata = await archive.getMetadata();
  } catch (error) {
    if (error instanceof DossierError) throw new DossierError('invalid-input', `${fileName}: ${error.message}`);
    throw new DossierError('invalid-input', `${fileName} is damaged (${error instanceof Error ? error.message : String(error)}); copy or download it again.`);
  }
  const tileType = tileTypes[header.tileType] ?? 'unknown';
  if (tileType === 'unknown') {
    throw new DossierError('invalid-input', `${fileName} holds tiles of a type Dossier cannot draw (${TileType[header.tileType] ?? header.tileType}); use vector (MVT) or PNG, JPEG or WebP tiles.`);
  }
  const layers = (metadata as { vector_layers?: unknown } | null)?.vector_layers;
  const vectorLayers = Array.isArray(layers)
    ? layers
        .filter((layer): layer is { id: string; geometry?: unknown } => typeof (layer as { id?: unknown } | null)?.id === 'string')
        .map((layer) => ({ id: layer.id, geometry: typeof layer.geometry === 'string' ? layer.geometry : null }))
    : [];
  if (tileType === 'mvt' && vectorLayers.length === 0) {
    throw new DossierError('invalid-input', `${fileName} has vector tiles but no "vector_layers" in its metadata, so Dossier cannot tell what to draw; make it again with tippecanoe or planetiler.`);
  }
  return {
    path,
    fileName,
    bytes,
    tileType,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    center: [header.centerLon, header.centerLat, header.centerZoom],
    vectorLayers,
    problem: null,
    needsConfirmation: false,
  };
}

/** The basemap path saved in the case, or null. */
export function savedBasemapPath(db: Database): string | null {
  return (statement(db, 'SELECT basemap_path FROM map_settings WHERE id = 1').get() as { basemap_path: string | null } | undefined)?.basemap_path ?? null;
}

/**
 * The case's basemap as it is now; a file gone missing is reported in `problem`, not thrown. A path
 * not `confirmed` on this machine is described by its name only: the file is not touched.
 */
export async function currentBasemap(db: Database, confirmed: (path: string) => boolean): Promise<MapBasemap | null> {
  const path = savedBasemapPath(db);
  if (!path) return null;
  if (!confirmed(path)) return unread(path, null, true);
  try {
    return await describeBasemap(path);
  } catch (error) {
    return unread(path, error instanceof Error ? error.message : String(error), false);
  }
}

/** A saved basemap described by its path alone: not confirmed here, or not readable. */
function unread(path: string, problem: string | null, needsConfirmation: boolean): MapBasemap {
  return { path, fileName: basename(path), bytes: 0, tileType: 'unknown', minZoom: 0, maxZoom: 0, bounds: [-180, -85, 180, 85], center: [0, 0, 0], vectorLayers: [], problem, needsConfirmation };
}

/** Saves (or, with null, clears) the case's basemap after checking the file; recorded in history. */
export async function setBasemap(db: Database, path: string | null): Promise<MapBasemap | null> {
  const described = path === null ? null : await describeBasemap(path);
  db.transaction(() => {
    const before = savedBasemapPath(db);
    statement(db, 'INSERT INTO map_settings (id, basemap_path) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET basemap_path = excluded.basemap_path').run(path);
    recordAudit(db, 'map.setBasemap', { before, after: path });
  })();
  return described;
}
