/** The case's places for the map: one pin per located place entity, filtered by the documents that mention it. */
import type { Database } from 'better-sqlite3';
import type { MapPlace, MapPlaceDetail, MapPlaceQuery } from '../../../shared/map';
import { asPlaceSubtype } from '../../../shared/entities';
import { DossierError } from '../../../shared/errors';
import { statement } from '../case/statements';
import { liveMention, liveMentionCount, liveDocumentCount, rejectedSuggestion } from '../entities/liveMentions';

/** The pins for `query`: located places, the most mentioned first; rejected mentions do not count. */
export function listMapPlaces(db: Database, query: MapPlaceQuery = {}): MapPlace[] {
  const where: string[] = ["e.kind = 'location'", `NOT ${rejectedSuggestion('e')}`];
  const params: unknown[] = [];
  const documentFilters: string[] = [];
  if (query.tagIds && query.tagIds.length > 0) {
    documentFilters.push(`d.id IN (SELECT document_id FROM document_tags WHERE tag_id IN (${query.tagIds.map(() => '?').join(', ')}))`);
    params.push(...query.tagIds);
  }
  if (query.publishedFrom) {
    documentFilters.push('d.published_at >= ?');
    params.push(query.publishedFrom);
  }
  if (query.publishedTo) {
    // Dates may carry a time; the whole last day counts.
    documentFilters.push("d.published_at < date(?, '+1 day')");
    params.push(query.publishedTo);
  }
  if (documentFilters.length > 0) {
    where.push(
      `e.id IN (SELECT m.entity_id FROM mentions m JOIN documents d ON d.id = m.document_id
                WHERE ${liveMention('m')} AND m.entity_id IS NOT NULL AND ${documentFilters.join(' AND ')})`,
    );
  }
  if (query.subtypes && query.subtypes.length > 0) {
    const named = query.subtypes.filter((subtype) => subtype !== 'none');
    const alternatives = [
      ...(named.length > 0 ? [`e.subtype IN (${named.map(() => '?').join(', ')})`] : []),
      ...(named.length < query.subtypes.length ? ['e.subtype IS NULL'] : []),
    ];
    where.push(`(${alternatives.join(' OR ')})`);
    params.push(...named);
  }
  if (query.status) {
    where.push('e.status = ?');
    params.push(query.status);
  }
  const sql = `SELECT e.id, e.name, e.subtype, e.status, p.lat, p.lon, p.precision,
     ${liveMentionCount('e.id')} AS mentions
   FROM entities e JOIN places p ON p.entity_id = e.id
   WHERE ${where.join(' AND ')} ORDER BY mentions DESC, e.id`;
  return (statement(db, sql).all(...params) as (Omit<MapPlace, 'subtype'> & { subtype: string | null })[]).map((row) => ({
    ...row,
    subtype: asPlaceSubtype(row.subtype),
  }));
}

/** A pin's popup: names, counts, the documents that mention the place and the actors named with it. */
export function mapPlaceDetail(db: Database, id: number): MapPlaceDetail {
  const place = statement(
    db,
    `SELECT e.id, e.name, e.subtype, e.status, p.lat, p.lon, p.precision, p.country,
       ${liveMentionCount('e.id')} AS mentions,
       ${liveDocumentCount('e.id')} AS documentCount,
       (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases WHERE entity_id = e.id AND alias != e.name ORDER BY alias)) AS aliases
     FROM entities e JOIN places p ON p.entity_id = e.id WHERE e.id = ?`,
  ).get(id) as (Omit<MapPlaceDetail, 'aliases' | 'documents' | 'actors' | 'subtype'> & { aliases: string; subtype: string | null }) | undefined;
  if (!place) throw new DossierError('not-found', `Place ${id} is not on the map; it may have been deleted, merged or unplaced.`);
  const documents = statement(
    db,
    `SELECT d.id, d.title, d.published_at AS publishedAt FROM documents d
     WHERE d.id IN (SELECT document_id FROM mentions WHERE entity_id = ? AND ${liveMention()})
     ORDER BY d.published_at DESC NULLS LAST, d.id LIMIT 10`,
  ).all(id) as MapPlaceDetail['documents'];
  const actors = statement(
    db,
    `SELECT e.id, e.name, e.kind AS type, 'co-mentioned' AS relation, count(DISTINCT other.document_id) AS documents
     FROM mentions own JOIN mentions other ON other.document_id = own.document_id AND other.entity_id != own.entity_id
     JOIN entities e ON e.id = other.entity_id
     WHERE own.entity_id = ? AND ${liveMention('own')} AND ${liveMention('other')} AND e.kind IN ('person', 'organization')
     GROUP BY e.id ORDER BY documents DESC, e.name LIMIT 8`,
  ).all(id) as MapPlaceDetail['actors'];
  return { ...place, subtype: asPlaceSubtype(place.subtype), aliases: JSON.parse(place.aliases) as string[], documents, actors };
}
