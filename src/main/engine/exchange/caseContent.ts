/**
 * The whole case as the exchange formats (STIX, FollowTheMoney) read it: entities with aliases and
 * places, documents with their originals' SHA-256, mentions grouped by entity and document, links
 * with evidence, and notes. Read-only; one query a table.
 */
import type { Database } from 'better-sqlite3';
import type { EntityType } from '../../../shared/entities';
import type { Link } from '../../../shared/graph';
import { liveMention } from '../entities/liveMentions';
import { statement } from '../case/statements';
import { describeCase } from '../case/meta';
import { listLinks } from '../graph/links';

export interface ContentEntity {
  readonly id: number;
  readonly kind: EntityType;
  readonly subtype: string | null;
  readonly name: string;
  readonly status: 'suggested' | 'confirmed';
  readonly aliases: readonly string[];
  readonly role: string | null;
  readonly affiliation: string | null;
  readonly notes: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly place: { lat: number; lon: number; country: string | null; gazetteerId: string | null } | null;
}

export interface ContentDocument {
  readonly id: number;
  readonly parentId: number | null;
  readonly kind: string;
  readonly title: string;
  readonly author: string | null;
  readonly source: string | null;
  readonly publishedAt: string | null;
  readonly language: string | null;
  readonly fileName: string | null;
  readonly importedAt: string;
  readonly size: number;
  readonly sha256: string | null;
  readonly text: string;
}

export interface ContentMention {
  readonly entityId: number;
  readonly documentId: number;
  readonly count: number;
  readonly confirmed: boolean;
  readonly texts: readonly string[];
}

export interface ContentNote {
  readonly id: number;
  readonly documentId: number;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CaseContent {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly entities: readonly ContentEntity[];
  readonly documents: readonly ContentDocument[];
  readonly mentions: readonly ContentMention[];
  readonly links: readonly Link[];
  readonly notes: readonly ContentNote[];
}

interface EntityRow {
  id: number;
  kind: EntityType;
  subtype: string | null;
  name: string;
  status: 'suggested' | 'confirmed';
  attributes: string;
  created_at: string;
  updated_at: string;
  aliases: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  gazetteer_id: string | null;
}

interface DocumentRow {
  id: number;
  parent_id: number | null;
  kind: string;
  title: string;
  author: string | null;
  source: string | null;
  published_at: string | null;
  language: string | null;
  file_name: string | null;
  imported_at: string;
  size: number;
  sha256: string | null;
  text: string;
}

/** Reads the case for an exchange export. */
export function readCaseContent(db: Database, uid: string): CaseContent {
  const meta = describeCase(db, '');
  const times = statement(db, 'SELECT created_at, updated_at FROM case_meta WHERE id = 1').get() as { created_at: string; updated_at: string };
  const entities = (
    statement(
      db,
      `SELECT e.id, e.kind, e.subtype, e.name, e.status, e.attributes, e.created_at, e.updated_at,
         (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases,
         p.lat, p.lon, p.country, p.gazetteer_id
       FROM entities e LEFT JOIN places p ON p.entity_id = e.id ORDER BY e.id`,
    ).all() as EntityRow[]
  ).map((row): ContentEntity => {
    const attributes = JSON.parse(row.attributes) as { role?: string | null; affiliation?: string | null; notes?: string | null };
    const aliases = (JSON.parse(row.aliases ?? '[]') as string[]).filter((alias) => alias !== row.name).sort();
    return {
      id: row.id,
      kind: row.kind,
      subtype: row.subtype,
      name: row.name,
      status: row.status,
      aliases,
      role: attributes.role ?? null,
      affiliation: attributes.affiliation ?? null,
      notes: attributes.notes ?? null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      place: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon, country: row.country, gazetteerId: row.gazetteer_id },
    };
  });
  const documents = (
    statement(
      db,
      `SELECT d.id, d.parent_id, d.kind, d.title, d.author, d.source, d.published_at, d.language, d.file_name, d.imported_at, d.size, b.sha256, d.text
       FROM documents d LEFT JOIN document_blobs b ON b.id = d.blob_id ORDER BY d.id`,
    ).all() as DocumentRow[]
  ).map(
    (row): ContentDocument => ({
      id: row.id,
      parentId: row.parent_id,
      kind: row.kind,
      title: row.title,
      author: row.author,
      source: row.source,
      publishedAt: row.published_at,
      language: row.language,
      fileName: row.file_name,
      importedAt: row.imported_at,
      size: row.size,
      sha256: row.sha256,
      text: row.text,
    }),
  );
  const mentions = (
    statement(
      db,
      `SELECT entity_id AS entityId, document_id AS documentId, count(*) AS count, max(status = 'confirmed') AS confirmed, json_group_array(DISTINCT text) AS texts
       FROM mentions WHERE entity_id IS NOT NULL AND ${liveMention()} GROUP BY entity_id, document_id ORDER BY entity_id, document_id`,
    ).all() as { entityId: number; documentId: number; count: number; confirmed: number; texts: string }[]
  ).map((row): ContentMention => ({ ...row, confirmed: row.confirmed === 1, texts: JSON.parse(row.texts) as string[] }));
  const notes = statement(
    db,
    'SELECT id, document_id AS documentId, start, end, quote, body, created_at AS createdAt, updated_at AS updatedAt FROM notes ORDER BY id',
  ).all() as ContentNote[];
  return {
    uid,
    title: meta.title,
    description: meta.description,
    createdAt: times.created_at,
    updatedAt: times.updated_at,
    entities,
    documents,
    mentions,
    links: listLinks(db).reverse(),
    notes,
  };
}
