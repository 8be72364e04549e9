/**
 * Writing entity rows: a new entity (with its first alias and, for a place, where it is), aliases,
 * and places rows. Extraction's suggestions and the analyst's curation both create entities here.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { EntityType, PlaceOption, PlaceSubtype } from '../../../shared/entities';
import { placeSubtypeOf } from '../../../shared/entities';
import { foldText, spellingSkeleton } from '../../../shared/textFolding';
import { statement } from '../case/statements';
import { nextEntityId } from './repository';

/** A places row as stored (and as curation's history snapshots hold it). */
export const PlaceRow = z.object({
  lat: z.number(),
  lon: z.number(),
  gazetteer_id: z.string().nullable(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  precision: z.enum(['gazetteer', 'manual']),
  confidence: z.number().nullable(),
  candidates: z.string(),
});
export type PlaceRowValue = z.infer<typeof PlaceRow>;

/** A gazetteer place chosen for a name, with how sure the choice is and the places weighed. */
export interface PlaceLookup {
  readonly chosen: PlaceOption;
  readonly confidence: number;
  readonly candidates: readonly PlaceOption[];
}

export interface NewEntity {
  readonly name: string;
  readonly type: EntityType;
  readonly status: 'suggested' | 'confirmed';
  /** Role, affiliation and the like; none by default. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** For a place; by default the gazetteer place's kind, or none. */
  readonly subtype?: PlaceSubtype | null;
  /** For a place the gazetteer knows. */
  readonly place?: PlaceLookup;
}

/** Creates an entity with its name as its first alias and, for a gazetteer place, where it is. */
export function createEntity(db: Database, entity: NewEntity, now = new Date().toISOString()): number {
  const subtype = entity.subtype ?? (entity.place ? placeSubtypeOf(entity.place.chosen.featureCode) : null);
  const id = Number(
    statement(db, 'INSERT INTO entities (id, kind, subtype, name, status, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      nextEntityId(db),
      entity.type,
      subtype,
      entity.name,
      entity.status,
      JSON.stringify(entity.attributes ?? {}),
      now,
      now,
    ).lastInsertRowid,
  );
  addAlias(db, id, entity.name);
  if (entity.place) insertPlace(db, id, gazetteerPlace(entity.place.chosen, entity.place.confidence, entity.place.candidates));
  return id;
}

/** Records one more way an entity is written, with its folded and skeleton keys. */
export function addAlias(db: Database, entityId: number, alias: string): void {
  statement(db, 'INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded, skeleton) VALUES (?, ?, ?, ?)').run(
    entityId,
    alias,
    foldText(alias),
    spellingSkeleton(alias),
  );
}

export function insertPlace(db: Database, entityId: number, place: PlaceRowValue): void {
  statement(
    db,
    'INSERT INTO places (entity_id, lat, lon, gazetteer_id, country, admin1, precision, confidence, candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(entityId, place.lat, place.lon, place.gazetteer_id, place.country, place.admin1, place.precision, place.confidence, place.candidates);
}

/** A places row for a gazetteer place, with the candidates it was chosen among. */
export function gazetteerPlace(chosen: PlaceOption, confidence: number | null, candidates: readonly PlaceOption[]): PlaceRowValue {
  return {
    lat: chosen.lat,
    lon: chosen.lon,
    gazetteer_id: chosen.id,
    country: chosen.country || null,
    admin1: chosen.admin1 || null,
    precision: 'gazetteer',
    confidence,
    candidates: JSON.stringify(candidates),
  };
}
