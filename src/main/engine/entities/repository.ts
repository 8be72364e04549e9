/** Reading entities and mentions: the Entities table, the CLI's list, the reader's highlights. */
import type { Database } from 'better-sqlite3';
import type { EntityDetail, EntityMentions, EntityPlace, EntitySummary, EntityType, Mention } from '../../../shared/entities';
import { asPlaceSubtype } from '../../../shared/entities';
import { DossierError } from '../../../shared/errors';
import { foldText } from '../../../shared/textFolding';
import { statement } from '../case/statements';
import { readAttributes } from './attributes';
import { liveMention, liveMentionCount, liveDocumentCount, rejectedSuggestion } from './liveMentions';

export type { EntitySummary };

interface EntityRow {
  id: number;
  name: string;
  kind: EntityType;
  subtype: string | null;
  status: 'suggested' | 'confirmed';
  attributes: string;
  aliases: string | null;
  mentions: number;
  documents: number;
  lat: number | null;
  lon: number | null;
  country: string | null;
}

const ENTITY_SELECT = `SELECT e.id, e.name, e.kind, e.subtype, e.status, e.attributes,
   (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY alias)) AS aliases,
   ${liveMentionCount('e.id')} AS mentions,
   ${liveDocumentCount('e.id')} AS documents,
   p.lat, p.lon, p.country
 FROM entities e LEFT JOIN places p ON p.entity_id = e.id`;

function rowToEntity(row: EntityRow): EntitySummary {
  return {
    id: row.id,
    name: row.name,
    type: row.kind,
    subtype: asPlaceSubtype(row.subtype),
    status: row.status,
    aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : [],
    mentions: row.mentions,
    documents: row.documents,
    role: readAttributes(row.attributes).role,
    coordinates: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon, country: row.country } : null,
  };
}

/**
 * Deletes those of `entityIds` that are still only suggestions and that nothing points at any more
 * (no mention, link or drawing): what a re-score or a re-read of a scan took the last mention of.
 */
export function deleteUnusedSuggestedEntities(db: Database, entityIds: readonly number[]): void {
  const unused = statement(
    db,
    `SELECT 1 FROM entities e WHERE e.id = ? AND e.status = 'suggested'
       AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = e.id)
       AND NOT EXISTS (SELECT 1 FROM links WHERE (from_kind = 'entity' AND from_id = e.id) OR (to_kind = 'entity' AND to_id = e.id))
       AND NOT EXISTS (SELECT 1 FROM map_feature_entities WHERE entity_id = e.id)`,
  );
  for (const id of entityIds) if (unused.get(id)) statement(db, 'DELETE FROM entities WHERE id = ?').run(id);
}

/** The id for a new entity: after every id the case ever gave one, so that a merged or deleted entity's id is never reused (schema v8). */
export function nextEntityId(db: Database): number {
  return (statement(db, 'SELECT high + 1 AS id FROM entity_id_high_water').get() as { id: number }).id;
}

/** Entities with their aliases and counts, the most mentioned first; rejected mentions do not count. */
export function listEntities(
  db: Database,
  query: { types?: readonly EntityType[]; status?: 'suggested' | 'confirmed'; search?: string; limit?: number } = {},
): EntitySummary[] {
  const where: string[] = [`NOT ${rejectedSuggestion('e')}`];
  const params: unknown[] = [];
  if (query.types && query.types.length > 0) {
    where.push(`e.kind IN (${query.types.map(() => '?').join(', ')})`);
    params.push(...query.types);
  }
  if (query.status) {
    where.push('e.status = ?');
    params.push(query.status);
  }
  if (query.search?.trim()) {
    where.push("e.id IN (SELECT entity_id FROM entity_aliases WHERE folded LIKE ? ESCAPE '\\')");
    params.push(`%${foldText(query.search.trim()).replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
  }
  const sql = `${ENTITY_SELECT} WHERE ${where.join(' AND ')} ORDER BY mentions DESC, e.name COLLATE NOCASE LIMIT ?`;
  return (statement(db, sql).all(...params, query.limit ?? -1) as EntityRow[]).map(rowToEntity);
}

export function getEntity(db: Database, id: number): EntitySummary {
  const row = statement(db, `${ENTITY_SELECT} WHERE e.id = ?`).get(id) as EntityRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no entity ${id} in this case; it may have been merged or deleted.`);
  return rowToEntity(row);
}

interface MentionRow {
  id: number;
  document_id: number;
  entity_id: number | null;
  entity_name: string | null;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  status: Mention['status'];
  origin: Mention['origin'];
  role: string | null;
}

const MENTION_SELECT = `SELECT m.id, m.document_id, m.entity_id, e.name AS entity_name, m.start, m.end, m.text, m.type, m.status, m.origin, m.role
 FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id`;

function rowToMention(row: MentionRow): Mention {
  return {
    id: row.id,
    documentId: row.document_id,
    entityId: row.entity_id,
    entityName: row.entity_name,
    start: row.start,
    end: row.end,
    text: row.text,
    type: row.type,
    status: row.status,
    origin: row.origin,
    role: row.role,
  };
}

/** A document's mentions in text order, rejected ones included (the reader hides them). */
export function mentionsForDocument(db: Database, documentId: number): Mention[] {
  return (statement(db, `${MENTION_SELECT} WHERE m.document_id = ? ORDER BY m.start, m.id`).all(documentId) as MentionRow[]).map(rowToMention);
}

export function getMention(db: Database, id: number): Mention {
  const row = statement(db, `${MENTION_SELECT} WHERE m.id = ?`).get(id) as MentionRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no mention ${id}; its document may have been removed.`);
  return rowToMention(row);
}

interface PlaceDetailRow {
  lat: number;
  lon: number;
  gazetteer_id: string | null;
  country: string | null;
  admin1: string | null;
  precision: 'gazetteer' | 'manual';
  confidence: number | null;
  candidates: string;
}

/** The entity page's header: summary, attributes, and where a place is with its candidates. */
export function getEntityDetail(db: Database, id: number): EntityDetail {
  const summary = getEntity(db, id);
  const row = statement(db, 'SELECT attributes FROM entities WHERE id = ?').get(id) as { attributes: string };
  const place = statement(
    db,
    'SELECT lat, lon, gazetteer_id, country, admin1, precision, confidence, candidates FROM places WHERE entity_id = ?',
  ).get(id) as PlaceDetailRow | undefined;
  return {
    ...summary,
    attributes: readAttributes(row.attributes),
    place: place
      ? {
          lat: place.lat,
          lon: place.lon,
          gazetteerId: place.gazetteer_id,
          country: place.country,
          admin1: place.admin1,
          precision: place.precision,
          confidence: place.confidence,
          candidates: JSON.parse(place.candidates) as EntityPlace['candidates'],
        }
      : null,
  };
}

const CONTEXT_CHARACTERS = 80;

/** Cuts the text around a span at word boundaries, on one line. */
export function contextAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = Math.max(0, start - CONTEXT_CHARACTERS);
  let to = Math.min(text.length, end + CONTEXT_CHARACTERS);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  const oneLine = (part: string): string => part.replace(/\s+/g, ' ');
  return { before: (from > 0 ? '…' : '') + oneLine(text.slice(from, start)), after: oneLine(text.slice(end, to)) + (to < text.length ? '…' : '') };
}

/**
 * Every mention of an entity as keyword-in-context lines (newest documents first), the documents
 * they are in, and the entities most often named in the same documents.
 */
export function entityMentions(db: Database, id: number, page: { limit: number; offset: number }): EntityMentions {
  getEntity(db, id);
  const total = (statement(db, 'SELECT count(*) AS n FROM mentions WHERE entity_id = ?').get(id) as { n: number }).n;
  const rows = statement(
    db,
    `SELECT m.id, m.document_id, m.start, m.end, m.text, m.status, m.role, d.text AS document_text
     FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.entity_id = ? ORDER BY d.published_at DESC NULLS LAST, d.id, m.start LIMIT ? OFFSET ?`,
  ).all(id, page.limit, page.offset) as {
    id: number;
    document_id: number;
    start: number;
    end: number;
    text: string;
    status: Mention['status'];
    role: string | null;
    document_text: string;
  }[];
  const documents = statement(
    db,
    `SELECT d.id, d.title, d.published_at AS publishedAt, count(*) AS mentions
     FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.entity_id = ? AND ${liveMention('m')} GROUP BY d.id ORDER BY mentions DESC, d.published_at DESC LIMIT 500`,
  ).all(id) as EntityMentions['documents'];
  const related = statement(
    db,
    `SELECT e.id, e.name, e.kind AS type, count(DISTINCT other.document_id) AS documents
     FROM mentions own JOIN mentions other ON other.document_id = own.document_id AND other.entity_id != own.entity_id
     JOIN entities e ON e.id = other.entity_id
     WHERE own.entity_id = ? AND ${liveMention('own')} AND ${liveMention('other')}
     GROUP BY e.id ORDER BY documents DESC, e.name LIMIT 20`,
  ).all(id) as EntityMentions['related'];
  return {
    total,
    mentions: rows.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      start: row.start,
      end: row.end,
      text: row.text,
      status: row.status,
      role: row.role,
      ...contextAround(row.document_text, row.start, row.end),
    })),
    documents,
    related,
  };
}
