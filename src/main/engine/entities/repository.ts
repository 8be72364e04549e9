/** Reading entities and mentions: the Entities table, the CLI's list, the reader's highlights. */
import type { Database } from 'better-sqlite3';
import type { EntitySummary, EntityType, Mention } from '../../../shared/entities';
import { DossierError } from '../../../shared/errors';
import { foldText } from '../../../shared/textFolding';
import { statement } from '../case/statements';

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
   (SELECT count(*) FROM mentions WHERE entity_id = e.id AND status != 'rejected') AS mentions,
   (SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = e.id AND status != 'rejected') AS documents,
   p.lat, p.lon, p.country
 FROM entities e LEFT JOIN places p ON p.entity_id = e.id`;

function rowToEntity(row: EntityRow): EntitySummary {
  return {
    id: row.id,
    name: row.name,
    type: row.kind,
    subtype: row.subtype,
    status: row.status,
    aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : [],
    mentions: row.mentions,
    documents: row.documents,
    role: (JSON.parse(row.attributes) as { role?: string }).role ?? null,
    coordinates: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon, country: row.country } : null,
  };
}

/** Entities with their aliases and counts, the most mentioned first; rejected mentions do not count. */
export function listEntities(
  db: Database,
  query: { types?: readonly EntityType[]; status?: 'suggested' | 'confirmed'; search?: string } = {},
): EntitySummary[] {
  const where: string[] = [];
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
  const sql = `${ENTITY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY mentions DESC, e.name COLLATE NOCASE`;
  return (statement(db, sql).all(...params) as EntityRow[]).map(rowToEntity);
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
}

const MENTION_SELECT = `SELECT m.id, m.document_id, m.entity_id, e.name AS entity_name, m.start, m.end, m.text, m.type, m.status, m.origin
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
