/**
 * A merge's entities: one joins an entity here by a gazetteer place or a shared name of the same
 * kind (gaining the aliases it lacks); the rest are added, and pairs that only look alike (same name,
 * other kind; same spelling skeleton; same name, other place) are listed as doubtful for the analyst.
 */
import { foldText, spellingSkeleton } from '../../../shared/textFolding';
import { statement } from '../case/statements';
import { nextEntityId } from '../entities/repository';
import type { MergeContext, Row } from './mergeContext';

interface TargetEntity {
  id: number;
  kind: string;
  gazetteerId: string | null;
}

/** Joins or adds the source's entities, filling `context.entities` (source id -> id here). */
export function mergeEntities(context: MergeContext): void {
  const { db, src, added, remember, doubtful, conflicts, now } = context;
  const byFolded = new Map<string, TargetEntity[]>();
  const bySkeleton = new Map<string, TargetEntity[]>();
  const byPlace = new Map<string, TargetEntity>();
  const index = (entity: TargetEntity, folded: string, skeleton: string) => {
    if (!byFolded.get(folded)?.some((known) => known.id === entity.id)) byFolded.set(folded, [...(byFolded.get(folded) ?? []), entity]);
    if (skeleton && !bySkeleton.get(skeleton)?.some((known) => known.id === entity.id)) bySkeleton.set(skeleton, [...(bySkeleton.get(skeleton) ?? []), entity]);
    if (entity.gazetteerId && !byPlace.has(`${entity.kind}:${entity.gazetteerId}`)) byPlace.set(`${entity.kind}:${entity.gazetteerId}`, entity);
  };
  const targetRows = db
    .prepare(
      `SELECT e.id, e.kind, p.gazetteer_id AS gazetteerId, a.folded, a.skeleton FROM entities e JOIN entity_aliases a ON a.entity_id = e.id
       LEFT JOIN places p ON p.entity_id = e.id ORDER BY e.status = 'confirmed' DESC, e.id`,
    )
    .all() as (TargetEntity & { folded: string; skeleton: string })[];
  const targets = new Map<number, TargetEntity>();
  for (const row of targetRows) {
    const entity = targets.get(row.id) ?? { id: row.id, kind: row.kind, gazetteerId: row.gazetteerId };
    targets.set(row.id, entity);
    index(entity, row.folded, row.skeleton);
  }

  const map = context.entities;
  const sourceEntities = src
    .prepare(
      `SELECT e.*, (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases, p.lat, p.lon, p.gazetteer_id, p.country, p.admin1,
         p.precision, p.confidence, p.candidates
       FROM entities e LEFT JOIN places p ON p.entity_id = e.id ORDER BY e.id`,
    )
    .all() as Row[];
  for (const [position, row] of sourceEntities.entries()) {
    if (position % 500 === 0) context.progress('entities', position, sourceEntities.length);
    const sourceId = row['id'] as number;
    const kind = row['kind'] as string;
    const aliases = [...new Set([row['name'] as string, ...(JSON.parse(row['aliases'] as string) as string[])])];
    const folded = aliases.map(foldText);
    const gazetteerId = row['gazetteer_id'] as string | null;

    let match: TargetEntity | undefined = gazetteerId ? byPlace.get(`${kind}:${gazetteerId}`) : undefined;
    let placeClash: TargetEntity | undefined;
    if (!match) {
      for (const candidate of folded.flatMap((key) => byFolded.get(key) ?? [])) {
        if (candidate.kind !== kind) continue;
        if (gazetteerId && candidate.gazetteerId && candidate.gazetteerId !== gazetteerId) {
          placeClash ??= candidate;
          continue;
        }
        match = candidate;
        break;
      }
    }
    if (match) {
      map.set(sourceId, match.id);
      remember('entity', match.id, sourceId, 'joined');
      for (const alias of aliases) {
        const result = statement(db, 'INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded, skeleton) VALUES (?, ?, ?, ?)').run(match.id, alias, foldText(alias), spellingSkeleton(alias));
        if (result.changes > 0) {
          added.add('entity_aliases', [match.id, alias]);
          index(match, foldText(alias), spellingSkeleton(alias));
        }
      }
      continue;
    }

    // Added apart; a pair that only looks alike is listed for the analyst to decide.
    const lookalike =
      placeClash ??
      folded.flatMap((key) => byFolded.get(key) ?? []).find((candidate) => candidate.kind !== kind) ??
      aliases.flatMap((alias) => bySkeleton.get(spellingSkeleton(alias)) ?? []).find((candidate) => candidate.kind === kind);
    const id = nextEntityId(db);
    statement(db, 'INSERT INTO entities (id, kind, subtype, name, status, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      kind,
      row['subtype'],
      row['name'],
      row['status'],
      row['attributes'],
      row['created_at'] ?? now,
      row['updated_at'] ?? now,
    );
    added.add('entities', id);
    remember('entity', id, sourceId, 'added');
    const entity: TargetEntity = { id, kind, gazetteerId };
    for (const alias of aliases) {
      statement(db, 'INSERT INTO entity_aliases (entity_id, alias, folded, skeleton) VALUES (?, ?, ?, ?)').run(id, alias, foldText(alias), spellingSkeleton(alias));
      added.add('entity_aliases', [id, alias]);
      index(entity, foldText(alias), spellingSkeleton(alias));
    }
    if (row['lat'] !== null && row['lat'] !== undefined) {
      statement(
        db,
        'INSERT INTO places (entity_id, lat, lon, gazetteer_id, country, admin1, precision, confidence, candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(id, row['lat'], row['lon'], gazetteerId, row['country'], row['admin1'], row['precision'], row['confidence'], row['candidates']);
      added.add('places', id);
    }
    map.set(sourceId, id);
    if (lookalike) {
      const reason = lookalike === placeClash ? 'same name, different place' : lookalike.kind !== kind ? `same name, but ${/^[aeiou]/.test(lookalike.kind) ? 'an' : 'a'} ${lookalike.kind} here` : 'names spelled alike';
      doubtful.push({ entityId: lookalike.id, addedEntityId: id, name: row['name'] as string, reason });
      if (lookalike === placeClash) conflicts.push({ kind: 'entity', message: `"${String(row['name'])}" is placed differently in the two cases; both were kept (entities ${lookalike.id} and ${id}).` });
    }
  }
}
