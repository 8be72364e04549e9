/**
 * Finding and adding entities for what comes from outside (FollowTheMoney, CSV lists, another
 * case): the same folded name and kind is the same entity; anything else is new and suggested.
 */
import type { Database } from 'better-sqlite3';
import type { EntityType } from '../../../shared/entities';
import { foldText } from '../../../shared/textFolding';
import { statement } from '../case/statements';
import { nextEntityId } from '../entities/repository';
import { addAlias } from '../entities/suggestions';

export interface IncomingEntity {
  readonly kind: EntityType;
  readonly subtype?: string | null;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly status?: 'suggested' | 'confirmed';
  readonly attributes?: Readonly<Record<string, string | null>>;
  readonly place?: { lat: number; lon: number; country?: string | null; gazetteerId?: string | null } | null;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

/** The entity of this kind known by one of these names (folded), confirmed ones first; null when none is. */
export function findEntityByName(db: Database, kind: EntityType, names: readonly string[]): number | null {
  const folded = [...new Set(names.map(foldText).filter(Boolean))];
  if (folded.length === 0) return null;
  const row = statement(
    db,
    `SELECT e.id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
     WHERE a.folded IN (SELECT value FROM json_each(?)) AND e.kind = ?
     ORDER BY e.status = 'confirmed' DESC, e.id LIMIT 1`,
  ).get(JSON.stringify(folded), kind) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Adds an entity with its aliases and place; answers its id. Call inside a transaction. */
export function insertEntity(db: Database, entity: IncomingEntity): number {
  const now = new Date().toISOString();
  const id = nextEntityId(db);
  statement(db, 'INSERT INTO entities (id, kind, subtype, name, status, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    entity.kind,
    entity.subtype ?? null,
    entity.name,
    entity.status ?? 'suggested',
    JSON.stringify(entity.attributes ?? {}),
    entity.createdAt ?? now,
    entity.updatedAt ?? now,
  );
  for (const alias of new Set([entity.name, ...(entity.aliases ?? [])])) if (alias.trim()) addAlias(db, id, alias.trim());
  if (entity.place) {
    statement(db, "INSERT INTO places (entity_id, lat, lon, gazetteer_id, country, precision) VALUES (?, ?, ?, ?, ?, 'manual')").run(
      id,
      entity.place.lat,
      entity.place.lon,
      entity.place.gazetteerId ?? null,
      entity.place.country ?? null,
    );
  }
  return id;
}
