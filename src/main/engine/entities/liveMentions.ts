/**
 * A live mention is one the analyst has not rejected: suggested or confirmed. Counts, the graph, the
 * map and the briefing all read only live mentions; this is the one place that says so in SQL. (A
 * view would do the same, but a case file's views are refused as untrusted: see schemaCheck.ts.)
 */

/** The condition a live mention meets, on the mentions table or the alias given. */
export function liveMention(alias?: string): string {
  return `${alias ? `${alias}.` : ''}status != 'rejected'`;
}

/** How many live mentions the entity `entityId` (an SQL expression, such as `e.id`) has. */
export function liveMentionCount(entityId: string): string {
  return `(SELECT count(*) FROM mentions WHERE entity_id = ${entityId} AND ${liveMention()})`;
}

/** In how many documents the entity `entityId` (an SQL expression) has a live mention. */
export function liveDocumentCount(entityId: string): string {
  return `(SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = ${entityId} AND ${liveMention()})`;
}

/**
 * Whether the entity `entity` (an SQL alias of the entities table) is a suggestion the analyst turned down: still
 * only suggested, every one of its mentions rejected, and nothing else (a link, a drawing) holding it. The lists,
 * the graph, the map and the briefing leave such an entity out. An entity that never had a mention (imported from
 * FollowTheMoney or a CSV file) is not one.
 */
export function rejectedSuggestion(entity: string): string {
  return `(${entity}.status = 'suggested'
    AND EXISTS (SELECT 1 FROM mentions WHERE entity_id = ${entity}.id)
    AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ${entity}.id AND ${liveMention()})
    AND NOT EXISTS (SELECT 1 FROM links WHERE (from_kind = 'entity' AND from_id = ${entity}.id) OR (to_kind = 'entity' AND to_id = ${entity}.id))
    AND NOT EXISTS (SELECT 1 FROM map_feature_entities WHERE entity_id = ${entity}.id))`;
}
