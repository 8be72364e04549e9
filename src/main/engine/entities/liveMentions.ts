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
