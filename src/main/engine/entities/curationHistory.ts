/** Curation's undo: each change records the rows it touched (entities, mentions, link ends, map tags) before and after, and undo and redo put them back whole. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { EntityStatuses, EntityTypes, MentionStatuses } from '../../../shared/entities';
import { record, registerReversibles } from '../case/undo';
import { statement } from '../case/statements';
import type { PlaceRowValue } from './store';
import { addAlias, insertPlace, PlaceRow } from './store';

export const EntityRow = z.object({
  kind: z.enum(EntityTypes),
  subtype: z.string().nullable(),
  name: z.string(),
  status: z.enum(EntityStatuses),
  attributes: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  aliases: z.array(z.string()),
  place: PlaceRow.nullable(),
});
export const MentionRow = z.object({
  document_id: z.number(),
  entity_id: z.number().nullable(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  type: z.enum(EntityTypes),
  role: z.string().nullable(),
  status: z.enum(MentionStatuses),
  origin: z.enum(['auto', 'manual']),
});
/** Where a link's ends are: the only columns of a link that curation changes (merging moves them). */
export const LinkEnds = z.object({
  id: z.number(),
  from_kind: z.enum(['entity', 'document']),
  from_id: z.number(),
  to_kind: z.enum(['entity', 'document']),
  to_id: z.number(),
});
/**
 * The rows a change touched; a null row is one that did not exist (or no longer does). `links` and
 * `mapTags` came later: entries written before them have neither, and undo leaves those rows alone.
 */
export const Snapshot = z.object({
  entities: z.array(z.object({ id: z.number(), row: EntityRow.nullable() })),
  mentions: z.array(z.object({ id: z.number(), row: MentionRow.nullable() })),
  links: z.array(LinkEnds).default([]),
  /** The drawings each entity is tagged on, all of them: restoring replaces the entity's tags. */
  mapTags: z.array(z.object({ entityId: z.number(), featureIds: z.array(z.number()) })).default([]),
});
export type SnapshotValue = z.infer<typeof Snapshot>;
export type EntityRowValue = z.infer<typeof EntityRow>;
export type MentionRowValue = z.infer<typeof MentionRow>;
export type LinkEndsValue = z.infer<typeof LinkEnds>;

export function captureEntity(db: Database, id: number): EntityRowValue | null {
  const row = statement(db, 'SELECT kind, subtype, name, status, attributes, created_at, updated_at FROM entities WHERE id = ?').get(id) as
    | Omit<EntityRowValue, 'aliases' | 'place'>
    | undefined;
  if (!row) return null;
  const aliases = (statement(db, 'SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias').all(id) as { alias: string }[]).map(
    (alias) => alias.alias,
  );
  const place = statement(
    db,
    'SELECT lat, lon, gazetteer_id, country, admin1, precision, confidence, candidates FROM places WHERE entity_id = ?',
  ).get(id) as PlaceRowValue | undefined;
  return { ...row, aliases, place: place ?? null };
}

export function captureMention(db: Database, id: number): MentionRowValue | null {
  return (
    (statement(db, 'SELECT document_id, entity_id, start, end, text, type, role, status, origin FROM mentions WHERE id = ?').get(id) as
      | MentionRowValue
      | undefined) ?? null
  );
}

/** A link's ends; null when there is no such link. */
export function captureLinkEnds(db: Database, id: number): LinkEndsValue | null {
  return (statement(db, 'SELECT id, from_kind, from_id, to_kind, to_id FROM links WHERE id = ?').get(id) as LinkEndsValue | undefined) ?? null;
}

export function captureMapTags(db: Database, entityId: number): number[] {
  return (statement(db, 'SELECT feature_id FROM map_feature_entities WHERE entity_id = ? ORDER BY feature_id').all(entityId) as { feature_id: number }[]).map(
    (tag) => tag.feature_id,
  );
}

export function capture(db: Database, touched: Touched): SnapshotValue {
  return {
    entities: [...new Set(touched.entities)].map((id) => ({ id, row: captureEntity(db, id) })),
    mentions: [...new Set(touched.mentions)].map((id) => ({ id, row: captureMention(db, id) })),
    // Curation never creates or removes links, so every touched link is there to capture.
    links: [...new Set(touched.links)].flatMap((id) => captureLinkEnds(db, id) ?? []),
    mapTags: [...new Set(touched.mapTags)].map((entityId) => ({ entityId, featureIds: captureMapTags(db, entityId) })),
  };
}

/**
 * Puts the touched rows back as the snapshot has them: entities first, then mentions, links and map
 * tags, then removals (which take a removed entity's tags with them).
 */
export function applySnapshot(db: Database, snapshot: SnapshotValue): void {
  for (const { id, row } of snapshot.entities) {
    if (!row) continue;
    statement(
      db,
      `INSERT INTO entities (id, kind, subtype, name, status, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, subtype = excluded.subtype, name = excluded.name, status = excluded.status,
         attributes = excluded.attributes, created_at = excluded.created_at, updated_at = excluded.updated_at`,
    ).run(id, row.kind, row.subtype, row.name, row.status, row.attributes, row.created_at, row.updated_at);
    statement(db, 'DELETE FROM entity_aliases WHERE entity_id = ?').run(id);
    for (const alias of row.aliases) addAlias(db, id, alias);
    statement(db, 'DELETE FROM places WHERE entity_id = ?').run(id);
    if (row.place) insertPlace(db, id, row.place);
  }
  for (const { id, row } of snapshot.mentions) {
    if (!row) {
      statement(db, 'DELETE FROM mentions WHERE id = ?').run(id);
      continue;
    }
    statement(
      db,
      `INSERT INTO mentions (id, document_id, entity_id, start, end, text, type, role, status, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET entity_id = excluded.entity_id, type = excluded.type, role = excluded.role,
         status = excluded.status, origin = excluded.origin`,
    ).run(id, row.document_id, row.entity_id, row.start, row.end, row.text, row.type, row.role, row.status, row.origin);
  }
  for (const link of snapshot.links) {
    statement(db, 'UPDATE links SET from_kind = ?, from_id = ?, to_kind = ?, to_id = ? WHERE id = ?').run(
      link.from_kind,
      link.from_id,
      link.to_kind,
      link.to_id,
      link.id,
    );
  }
  for (const { entityId, featureIds } of snapshot.mapTags) {
    statement(db, 'DELETE FROM map_feature_entities WHERE entity_id = ?').run(entityId);
    // As drawings.ts does: a drawing deleted since is skipped rather than failing the whole undo.
    for (const featureId of featureIds) {
      statement(db, 'INSERT INTO map_feature_entities (feature_id, entity_id) SELECT id, ? FROM map_features WHERE id = ?').run(entityId, featureId);
    }
  }
  for (const { id, row } of snapshot.entities) if (!row) statement(db, 'DELETE FROM entities WHERE id = ?').run(id);
}

export const EntitiesCurate = z.object({ label: z.string(), before: Snapshot, after: Snapshot });

declare module '../case/undo' {
  interface OperationPayloads {
    'entities.curate': z.infer<typeof EntitiesCurate>;
  }
}

registerReversibles({
  'entities.curate': {
    payload: EntitiesCurate,
    describe: (p) => p.label,
    undo: (db, p) => applySnapshot(db, p.before),
    redo: (db, p) => applySnapshot(db, p.after),
  },
});

export interface Touched {
  entities?: readonly number[];
  mentions?: readonly number[];
  /** Links whose ends the change may move. */
  links?: readonly number[];
  /** Entities whose map tags the change may change. */
  mapTags?: readonly number[];
}

/**
 * Runs one curation change in a transaction and records it: `touched` names the rows it will
 * change; `change` does it and returns the rows it created.
 */
export function curate<T>(
  db: Database,
  label: string,
  touched: Touched,
  change: () => { created?: Pick<Touched, 'entities' | 'mentions'>; result: T },
): T {
  return db.transaction(() => {
    const before = capture(db, touched);
    const { created = {}, result } = change();
    const after = capture(db, {
      ...touched,
      entities: [...(touched.entities ?? []), ...(created.entities ?? [])],
      mentions: [...(touched.mentions ?? []), ...(created.mentions ?? [])],
    });
    const known = { entities: new Set(before.entities.map((entry) => entry.id)), mentions: new Set(before.mentions.map((entry) => entry.id)) };
    for (const id of created.entities ?? []) if (!known.entities.has(id)) before.entities.push({ id, row: null });
    for (const id of created.mentions ?? []) if (!known.mentions.has(id)) before.mentions.push({ id, row: null });
    record(db, 'entities.curate', { label, before, after });
    return result;
  })();
}
