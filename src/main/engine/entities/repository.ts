/** Reading entities: the list the CLI prints and the Entities screen will show. */
import type { Database } from 'better-sqlite3';
import { statement } from '../case/statements';

export interface EntitySummary {
  readonly id: number;
  readonly name: string;
  readonly type: string;
  readonly subtype: string | null;
  readonly status: string;
  readonly aliases: string[];
  readonly mentions: number;
  readonly documents: number;
  readonly role: string | null;
  readonly coordinates: { readonly lat: number; readonly lon: number; readonly country: string | null } | null;
}

interface EntityRow {
  id: number;
  name: string;
  kind: string;
  subtype: string | null;
  status: string;
  attributes: string;
  aliases: string | null;
  mentions: number;
  documents: number;
  lat: number | null;
  lon: number | null;
  country: string | null;
}

/** Every entity with its aliases and counts, the most mentioned first; rejected mentions do not count. */
export function listEntities(db: Database): EntitySummary[] {
  const rows = statement(
    db,
    `SELECT e.id, e.name, e.kind, e.subtype, e.status, e.attributes,
       (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY alias)) AS aliases,
       (SELECT count(*) FROM mentions WHERE entity_id = e.id AND status != 'rejected') AS mentions,
       (SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = e.id AND status != 'rejected') AS documents,
       p.lat, p.lon, p.country
     FROM entities e LEFT JOIN places p ON p.entity_id = e.id
     ORDER BY mentions DESC, e.name COLLATE NOCASE`,
  ).all() as EntityRow[];
  return rows.map((row) => ({
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
  }));
}
