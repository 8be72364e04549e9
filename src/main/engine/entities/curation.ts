/**
 * The analyst's curation of actors and places: merge, split an alias off, delete, attributes,
 * mentions made or relinked by hand, and where a place is. Each change is one transaction written
 * to history with the rows it touched before and after, so undo and redo restore them exactly —
 * whatever the change did, however many mentions it moved.
 */
import type { Database } from 'better-sqlite3';
import type { EntityAttributes, EntityType, Mention, PlaceOption, PlaceSubtype } from '../../../shared/entities';
import { DossierError } from '../../../shared/errors';
import { foldText } from '../../../shared/textFolding';
import { statement } from '../case/statements';
import { deleteUnusedSuggestedEntities, getEntity, getMention, nextEntityId } from './repository';
import type { PlaceLookup } from './store';
import { addAlias, createEntity, gazetteerPlace, insertPlace } from './store';
import { liveMention } from './liveMentions';
import { rawAttributes, readAttributes } from './attributes';
import { captureEntity, captureLinkEnds, curate } from './curationHistory';

const mentionIdsOf = (db: Database, entityIds: readonly number[]): number[] =>
  entityIds.flatMap((entityId) =>
    (statement(db, 'SELECT id FROM mentions WHERE entity_id = ?').all(entityId) as { id: number }[]).map((row) => row.id),
  );

/** The links with an end at any of these entities, each once. */
const linkIdsOf = (db: Database, entityIds: readonly number[]): number[] => [
  ...new Set(
    entityIds.flatMap((entityId) =>
      (
        statement(db, "SELECT id FROM links WHERE (from_kind = 'entity' AND from_id = ?) OR (to_kind = 'entity' AND to_id = ?)").all(entityId, entityId) as {
          id: number;
        }[]
      ).map((row) => row.id),
    ),
  ),
];

/**
 * Moves the ends of these links that are at a merged entity to the target. A link with both ends
 * among the merged entities would join the target to itself, which the schema refuses and the graph
 * cannot draw: it stays on its source, hidden with it, and comes back when the merge is undone.
 */
function repointLinks(db: Database, linkIds: readonly number[], targetId: number, merged: ReadonlySet<number>): void {
  for (const id of linkIds) {
    const link = captureLinkEnds(db, id);
    if (!link) continue;
    const fromMerged = link.from_kind === 'entity' && merged.has(link.from_id);
    const toMerged = link.to_kind === 'entity' && merged.has(link.to_id);
    if (fromMerged && toMerged) continue;
    // The link still says the same thing about the same actor, so its updated_at stays.
    statement(db, 'UPDATE links SET from_id = ?, to_id = ? WHERE id = ?').run(fromMerged ? targetId : link.from_id, toMerged ? targetId : link.to_id, id);
  }
}

export function entityAttributes(db: Database, id: number): EntityAttributes {
  const row = statement(db, 'SELECT attributes FROM entities WHERE id = ?').get(id) as { attributes: string } | undefined;
  if (!row) throw new DossierError('not-found', `There is no entity ${id} in this case; it may have been merged or deleted.`);
  return readAttributes(row.attributes);
}

function touch(db: Database, id: number): void {
  statement(db, 'UPDATE entities SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
}

/**
 * Merges entities into one: the target keeps its name and gains the others' aliases, mentions,
 * links, map tags, place (when it has none) and attributes it lacks; the others are removed. The
 * target is confirmed: merging is the analyst's judgement.
 */
export function mergeEntities(db: Database, targetId: number, sourceIds: readonly number[]): number {
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId);
  if (sources.length === 0) throw new DossierError('invalid-input', 'Choose at least one other entity to merge into this one.');
  const target = getEntity(db, targetId);
  const names = sources.map((id) => getEntity(db, id).name);
  const label = `merge ${names.map((name) => `"${name}"`).join(', ')} into "${target.name}"`;
  const touched = {
    entities: [targetId, ...sources],
    mentions: mentionIdsOf(db, sources),
    links: linkIdsOf(db, sources),
    mapTags: [targetId, ...sources],
  };
  return curate(db, label, touched, () => {
    repointLinks(db, touched.links, targetId, new Set(touched.entities));
    let attributes = entityAttributes(db, targetId);
    let hasPlace = statement(db, 'SELECT 1 FROM places WHERE entity_id = ?').get(targetId) !== undefined;
    for (const sourceId of sources) {
      const source = captureEntity(db, sourceId);
      if (!source) continue;
      for (const alias of source.aliases) addAlias(db, targetId, alias);
      const extra = readAttributes(source.attributes);
      attributes = {
        role: attributes.role ?? extra.role,
        affiliation: attributes.affiliation ?? extra.affiliation,
        notes: [attributes.notes, extra.notes].filter(Boolean).join('\n\n') || null,
      };
      if (!hasPlace && source.place) {
        insertPlace(db, targetId, source.place);
        hasPlace = true;
      }
      statement(db, 'UPDATE mentions SET entity_id = ? WHERE entity_id = ?').run(targetId, sourceId);
      // The source's own tags go with it when it is deleted (the foreign key cascades).
      statement(
        db,
        'INSERT OR IGNORE INTO map_feature_entities (feature_id, entity_id) SELECT feature_id, ? FROM map_feature_entities WHERE entity_id = ?',
      ).run(targetId, sourceId);
      statement(db, 'DELETE FROM entities WHERE id = ?').run(sourceId);
    }
    statement(db, "UPDATE entities SET attributes = ?, status = 'confirmed', updated_at = ? WHERE id = ?").run(
      JSON.stringify(attributes),
      new Date().toISOString(),
      targetId,
    );
    return { result: targetId };
  });
}

/**
 * Splits one way of writing an entity off into an entity of its own, with the mentions written that
 * way (folded: case and diacritics ignored). Returns the new entity.
 */
export function splitAlias(db: Database, entityId: number, alias: string): number {
  const entity = getEntity(db, entityId);
  const folded = foldText(alias);
  if (!entity.aliases.some((known) => foldText(known) === folded)) {
    throw new DossierError('invalid-input', `"${entity.name}" has no alias "${alias}".`);
  }
  if (foldText(entity.name) === folded) {
    throw new DossierError('invalid-input', `"${alias}" is the entity's name; rename the entity first, then split the old name off.`);
  }
  const moving = (statement(db, 'SELECT id, text FROM mentions WHERE entity_id = ?').all(entityId) as { id: number; text: string }[])
    .filter((mention) => foldText(mention.text) === folded)
    .map((mention) => mention.id);
  return curate(db, `split "${alias}" off "${entity.name}"`, { entities: [entityId], mentions: moving }, () => {
    const now = new Date().toISOString();
    const newId = Number(
      statement(db, "INSERT INTO entities (id, kind, name, status, created_at, updated_at) VALUES (?, ?, ?, 'confirmed', ?, ?)").run(
        nextEntityId(db),
        entity.type,
        alias,
        now,
        now,
      ).lastInsertRowid,
    );
    const aliases = statement(db, 'SELECT alias FROM entity_aliases WHERE entity_id = ? AND folded = ?').all(entityId, folded) as {
      alias: string;
    }[];
    for (const { alias: written } of aliases) addAlias(db, newId, written);
    statement(db, 'DELETE FROM entity_aliases WHERE entity_id = ? AND folded = ?').run(entityId, folded);
    for (const mentionId of moving) statement(db, 'UPDATE mentions SET entity_id = ? WHERE id = ?').run(newId, mentionId);
    touch(db, entityId);
    return { created: { entities: [newId] }, result: newId };
  });
}

/**
 * Deletes entities. Their mentions become rejected, so extraction run again does not bring them
 * back; undo restores both, and the map tags the deletion cascaded away. Their links stay, hidden
 * until undo brings the entities back.
 */
export function deleteEntities(db: Database, ids: readonly number[]): number {
  const unique = [...new Set(ids)];
  const names = unique.map((id) => getEntity(db, id).name);
  const label = names.length === 1 ? `delete "${names[0]}"` : `delete ${names.length} entities`;
  return curate(db, label, { entities: unique, mentions: mentionIdsOf(db, unique), mapTags: unique }, () => {
    for (const id of unique) {
      statement(db, "UPDATE mentions SET status = 'rejected', entity_id = NULL WHERE entity_id = ?").run(id);
      statement(db, 'DELETE FROM entities WHERE id = ?').run(id);
    }
    return { result: unique.length };
  });
}

/** Sets role, affiliation and notes; a field left out keeps its value, null clears it. */
export function setEntityAttributes(db: Database, id: number, patch: Partial<EntityAttributes>): EntityAttributes {
  const entity = getEntity(db, id);
  const current = entityAttributes(db, id);
  const next: EntityAttributes = {
    role: patch.role === undefined ? current.role : patch.role?.trim() || null,
    affiliation: patch.affiliation === undefined ? current.affiliation : patch.affiliation?.trim() || null,
    notes: patch.notes === undefined ? current.notes : patch.notes?.trim() ? patch.notes : null,
  };
  if (JSON.stringify(next) === JSON.stringify(current)) return current;
  return curate(db, `edit the details of "${entity.name}"`, { entities: [id] }, () => {
    const raw = rawAttributes((statement(db, 'SELECT attributes FROM entities WHERE id = ?').get(id) as { attributes: string }).attributes);
    statement(db, 'UPDATE entities SET attributes = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify({ ...raw, ...next }),
      new Date().toISOString(),
      id,
    );
    return { result: next };
  });
}

/** A place found for a name typed by hand, with the candidates weighed (from the gazetteer). */
export interface NewMention {
  readonly documentId: number;
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  /** The entity the passage names; without it, one with the passage's name (or `name`) is found or created. */
  readonly entityId?: number;
  readonly name?: string;
}

function findEntityByName(db: Database, name: string, type: EntityType): number | null {
  const row = statement(
    db,
    'SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.folded = ? AND e.kind = ? ORDER BY e.id LIMIT 1',
  ).get(foldText(name), type) as { entity_id: number } | undefined;
  return row?.entity_id ?? null;
}

/**
 * Marks a passage as a mention by hand (confirmed). A mention already on exactly that span is
 * taken over; one overlapping it is refused. `findPlace` resolves a new place's name.
 */
export function createMention(
  db: Database,
  input: NewMention,
  findPlace: (name: string, documentText: string) => PlaceLookup | undefined = () => undefined,
): Mention {
  const document = statement(db, 'SELECT text FROM documents WHERE id = ?').get(input.documentId) as { text: string } | undefined;
  if (!document) throw new DossierError('not-found', `There is no document ${input.documentId} in this case.`);
  if (input.end > document.text.length || input.start >= input.end) {
    throw new DossierError('invalid-input', `The passage ${input.start}–${input.end} is outside the document's text; select the passage again.`);
  }
  const raw = document.text.slice(input.start, input.end);
  // Whitespace and closing punctuation at the edges are not part of a name.
  const leading = raw.length - raw.trimStart().length;
  const text = raw.trim().replace(/[\s.,;:!?’'"”)\]]+$/u, '');
  if (!text) throw new DossierError('invalid-input', 'The selected passage is blank; select the words that name the actor or place.');
  const start = input.start + leading;
  const end = start + text.length;
  const same = statement(db, 'SELECT id FROM mentions WHERE document_id = ? AND start = ? AND end = ?').get(input.documentId, start, end) as
    | { id: number }
    | undefined;
  const overlapping = statement(
    db,
    `SELECT text FROM mentions WHERE document_id = ? AND start < ? AND end > ? AND ${liveMention()} AND NOT (start = ? AND end = ?) LIMIT 1`,
  ).get(input.documentId, end, start, start, end) as { text: string } | undefined;
  if (overlapping) {
    throw new DossierError('conflict', `The passage overlaps the mention "${overlapping.text}"; reject that mention first, then mark the passage.`);
  }
  const name = input.name?.trim() || text;
  const existing = input.entityId ?? findEntityByName(db, name, input.type);
  if (existing !== null) getEntity(db, existing);
  const label = `mark "${text}" as ${input.entityId ? `a mention of "${getEntity(db, input.entityId).name}"` : input.type}`;
  return curate(db, label, { entities: existing !== null ? [existing] : [], mentions: same ? [same.id] : [] }, () => {
    const entityId = existing ?? createEntity(db, { name, type: input.type, status: 'confirmed', place: input.type === 'location' ? findPlace(name, document.text) : undefined });
    addAlias(db, entityId, text);
    let mentionId: number;
    if (same) {
      statement(db, "UPDATE mentions SET entity_id = ?, type = ?, status = 'confirmed', origin = 'manual' WHERE id = ?").run(entityId, input.type, same.id);
      mentionId = same.id;
    } else {
      mentionId = Number(
        statement(
          db,
          "INSERT INTO mentions (document_id, entity_id, start, end, text, type, status, origin) VALUES (?, ?, ?, ?, ?, ?, 'confirmed', 'manual')",
        ).run(input.documentId, entityId, start, end, text, input.type).lastInsertRowid,
      );
    }
    return { created: { entities: existing === null ? [entityId] : [], mentions: [mentionId] }, result: getMention(db, mentionId) };
  });
}

/**
 * Links a mention to another entity, or retypes it: a retyped mention joins an entity of the new
 * type with its name (created when there is none) — or, when it was its entity's only mention, the
 * entity itself is retyped. Either way the mention is confirmed.
 */
export function relinkMention(
  db: Database,
  id: number,
  change: { entityId?: number; type?: EntityType },
  findPlace: (name: string, documentText: string) => PlaceLookup | undefined = () => undefined,
): Mention {
  const mention = getMention(db, id);
  if (change.entityId !== undefined) {
    const target = getEntity(db, change.entityId);
    return curate(db, `link "${mention.text}" to "${target.name}"`, { entities: [target.id], mentions: [id] }, () => {
      statement(db, "UPDATE mentions SET entity_id = ?, type = ?, status = 'confirmed' WHERE id = ?").run(target.id, target.type, id);
      addAlias(db, target.id, mention.text);
      return { result: getMention(db, id) };
    });
  }
  const type = change.type;
  if (!type || type === mention.type) return mention;
  const others = mention.entityId
    ? (statement(db, `SELECT count(*) AS n FROM mentions WHERE entity_id = ? AND id != ? AND ${liveMention()}`).get(mention.entityId, id) as {
        n: number;
      }).n
    : 0;
  const label = `mark "${mention.text}" as ${type}`;
  const leaving = mention.entityId ? getEntity(db, mention.entityId) : null;
  // The entity's one mention, written with its name: the entity itself is retyped. A mention written otherwise
  // ("Dutch" under the Netherlands) moves to the entity its own words name, and the country stays a place.
  if (leaving && others === 0 && foldText(leaving.name) === foldText(mention.text)) {
    const entityId = leaving.id;
    return curate(db, label, { entities: [entityId], mentions: [id] }, () => {
      statement(db, "UPDATE entities SET kind = ?, subtype = NULL, status = 'confirmed', updated_at = ? WHERE id = ?").run(type, new Date().toISOString(), entityId);
      if (type !== 'location') statement(db, 'DELETE FROM places WHERE entity_id = ?').run(entityId);
      statement(db, "UPDATE mentions SET type = ?, status = 'confirmed' WHERE id = ?").run(type, id);
      return { result: getMention(db, id) };
    });
  }
  const existing = findEntityByName(db, mention.text, type);
  const documentText = () => (statement(db, 'SELECT text FROM documents WHERE id = ?').get(mention.documentId) as { text: string }).text;
  // The entity left behind, when this was its last mention, goes if it was only a suggestion and nothing points at it.
  const left = leaving && others === 0 ? [leaving.id] : [];
  return curate(db, label, { entities: [...(existing !== null ? [existing] : []), ...left], mentions: [id] }, () => {
    const entityId = existing ?? createEntity(db, { name: mention.text, type, status: 'confirmed', place: type === 'location' ? findPlace(mention.text, documentText()) : undefined });
    statement(db, "UPDATE mentions SET entity_id = ?, type = ?, status = 'confirmed' WHERE id = ?").run(entityId, type, id);
    deleteUnusedSuggestedEntities(db, left);
    return { created: { entities: existing === null ? [entityId] : [] }, result: getMention(db, id) };
  });
}

/** Places an entity: at one of its gazetteer candidates, or by hand at a point. */
export function setPlace(db: Database, entityId: number, where: { candidate: PlaceOption } | { lat: number; lon: number }): void {
  const entity = getEntity(db, entityId);
  if (entity.type !== 'location') throw new DossierError('invalid-input', `"${entity.name}" is not a place; mark it as a location first.`);
  const label = 'candidate' in where ? `place "${entity.name}" at ${where.candidate.name}` : `place "${entity.name}" by hand`;
  curate(db, label, { entities: [entityId] }, () => {
    const current = captureEntity(db, entityId)?.place;
    const candidates = current?.candidates ?? '[]';
    statement(db, 'DELETE FROM places WHERE entity_id = ?').run(entityId);
    if ('candidate' in where) {
      const known = JSON.parse(candidates) as PlaceOption[];
      const options = known.some((option) => option.id === where.candidate.id) ? known : [where.candidate, ...known];
      insertPlace(db, entityId, gazetteerPlace(where.candidate, null, options));
    } else {
      insertPlace(db, entityId, {
        lat: where.lat,
        lon: where.lon,
        gazetteer_id: null,
        country: current?.country ?? null,
        admin1: current?.admin1 ?? null,
        precision: 'manual',
        confidence: null,
        candidates,
      });
    }
    statement(db, "UPDATE entities SET status = 'confirmed', updated_at = ? WHERE id = ?").run(new Date().toISOString(), entityId);
    return { result: undefined };
  });
}

/**
 * A place no gazetteer knows, added by hand where the analyst clicked the map (undoable): a confirmed
 * location entity with a manual place, or the existing place entity of that name moved there.
 */
export function addPlaceByHand(db: Database, name: string, lat: number, lon: number, subtype: PlaceSubtype | null = null): number {
  const trimmed = name.trim();
  const existing = statement(
    db,
    "SELECT e.id FROM entities e JOIN entity_aliases a ON a.entity_id = e.id WHERE e.kind = 'location' AND a.folded = ? LIMIT 1",
  ).get(foldText(trimmed)) as { id: number } | undefined;
  if (existing) {
    setPlace(db, existing.id, { lat, lon });
    return existing.id;
  }
  return curate(db, `add place "${trimmed}"`, {}, () => {
    const id = createEntity(db, { name: trimmed, type: 'location', status: 'confirmed', subtype });
    insertPlace(db, id, { lat, lon, gazetteer_id: null, country: null, admin1: null, precision: 'manual', confidence: null, candidates: '[]' });
    return { created: { entities: [id] }, result: id };
  });
}
