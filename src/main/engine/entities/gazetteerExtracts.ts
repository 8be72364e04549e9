/**
 * GeoNames country extracts (AZ.txt ...) the analyst adds to a case: kept in the case file, so its
 * villages resolve wherever the case is opened, and used at once to place the case's places that
 * the bundled gazetteer could not.
 */
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DossierError } from '../../../shared/errors';
import { recordAudit } from '../case/history';
import { statement } from '../case/statements';
import type { GeoNamesEntry } from '../geo/extraPlaces';
import { parseGeoNamesExtract } from '../geo/extraPlaces';
import type { PlaceLookup } from './store';

/** GeoNames' largest country file (US) is about 300 MB unzipped; more than this is not a country extract. */
const MAX_EXTRACT_BYTES = 512 * 1024 * 1024;

export interface ExtractInfo {
  readonly id: number;
  readonly fileName: string;
  readonly places: number;
  readonly addedAt: string;
}

export function listExtracts(db: Database): ExtractInfo[] {
  return statement(db, 'SELECT id, file_name AS fileName, places, added_at AS addedAt FROM gazetteer_extracts ORDER BY id').all() as ExtractInfo[];
}

/** Every place of the case's extracts, parsed again from the stored files. */
export function extractEntries(db: Database): GeoNamesEntry[] {
  const rows = statement(db, 'SELECT file_name, content FROM gazetteer_extracts ORDER BY id').all() as { file_name: string; content: Buffer }[];
  return rows.flatMap((row) => parseGeoNamesExtract(gunzipSync(row.content).toString('utf8'), row.file_name));
}

/** Reads, checks and stores an extract; refuses anything that is not a GeoNames table, naming the line. */
export function addExtract(db: Database, path: string): ExtractInfo {
  const fileName = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new DossierError('not-found', `${fileName} could not be read; check that the file exists and that you may read it.`);
  }
  if (size === 0) throw new DossierError('invalid-input', `${fileName} is empty; download the country file again from GeoNames.`);
  if (size > MAX_EXTRACT_BYTES) {
    throw new DossierError('invalid-input', `${fileName} is ${Math.round(size / 1048576)} MB, larger than any GeoNames country file; add one country's file (AZ.txt, for example).`);
  }
  const bytes = readFileSync(path);
  let entries: GeoNamesEntry[];
  try {
    entries = parseGeoNamesExtract(bytes.toString('utf8'), fileName);
  } catch (error) {
    throw new DossierError('invalid-input', error instanceof Error ? error.message : String(error));
  }
  if (entries.length === 0) throw new DossierError('invalid-input', `${fileName} lists no places Dossier can use; it may be a GeoNames file of another kind.`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const known = statement(db, 'SELECT file_name FROM gazetteer_extracts WHERE sha256 = ?').get(sha256) as { file_name: string } | undefined;
  if (known) throw new DossierError('already-exists', `${fileName} is already in this case's gazetteer (as ${known.file_name}).`);
  return db.transaction(() => {
    const addedAt = new Date().toISOString();
    const id = Number(
      statement(db, 'INSERT INTO gazetteer_extracts (file_name, added_at, places, sha256, content) VALUES (?, ?, ?, ?, ?)').run(
        fileName,
        addedAt,
        entries.length,
        sha256,
        gzipSync(bytes),
      ).lastInsertRowid,
    );
    recordAudit(db, 'gazetteer.addExtract', { id, fileName, places: entries.length });
    return { id, fileName, places: entries.length, addedAt };
  })();
}

export function removeExtract(db: Database, id: number): void {
  const row = statement(db, 'SELECT file_name FROM gazetteer_extracts WHERE id = ?').get(id) as { file_name: string } | undefined;
  if (!row) throw new DossierError('not-found', `There is no gazetteer extract ${id} in this case.`);
  db.transaction(() => {
    statement(db, 'DELETE FROM gazetteer_extracts WHERE id = ?').run(id);
    recordAudit(db, 'gazetteer.removeExtract', { id, fileName: row.file_name });
  })();
}

/**
 * Places the case's place entities that have no coordinates yet, each by the gazetteer's best
 * place for its names in the context of a document that mentions it. Returns how many were placed.
 */
export function placeUnplaced(db: Database, findPlace: (name: string, documentText: string) => PlaceLookup | undefined): number {
  const unplaced = statement(
    db,
    `SELECT e.id, e.name, (SELECT d.text FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.entity_id = e.id LIMIT 1) AS text
     FROM entities e WHERE e.kind = 'location' AND NOT EXISTS (SELECT 1 FROM places p WHERE p.entity_id = e.id)`,
  ).all() as { id: number; name: string; text: string | null }[];
  let placed = 0;
  db.transaction(() => {
    for (const entity of unplaced) {
      const found = findPlace(entity.name, entity.text ?? '');
      if (!found) continue;
      statement(
        db,
        "INSERT INTO places (entity_id, lat, lon, gazetteer_id, country, admin1, precision, confidence, candidates) VALUES (?, ?, ?, ?, ?, ?, 'gazetteer', ?, ?)",
      ).run(
        entity.id,
        found.chosen.lat,
        found.chosen.lon,
        found.chosen.id,
        found.chosen.country || null,
        found.chosen.admin1 || null,
        found.confidence,
        JSON.stringify(found.candidates),
      );
      placed += 1;
    }
    if (placed > 0) recordAudit(db, 'gazetteer.placeUnplaced', { placed });
  })();
  return placed;
}
