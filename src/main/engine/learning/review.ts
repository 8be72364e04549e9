/**
 * The analyst's review, taught to the case: each review function of engine/entities run as it is,
 * and in the same transaction what it says about names kept as examples (examples.ts). The
 * entities handlers call these, so every accept, reject, retype, merge and passage marked by hand
 * in the app, the CLI or a script teaches the case.
 */
import type { Database } from 'better-sqlite3';
import type { EntityType, Mention } from '../../../shared/entities';
import { foldText } from '../../../shared/textFolding';
import { statement } from '../case/statements';
import { setEntityStatus, setMentionStatus, updateEntity } from '../entities/actions';
import type { NewMention } from '../entities/curation';
import { createMention, deleteEntities, mergeEntities, relinkMention } from '../entities/curation';
import { getEntity, getMention } from '../entities/repository';
import type { PlaceLookup } from '../entities/store';
import type { Decision, Example, Place } from './examples';
import { contextReader, newestReview, recordExamples } from './examples';

type FindPlace = (name: string, documentText: string) => PlaceLookup | undefined;
type Lesson = Omit<Example, 'before' | 'after'> & { readonly place: Place | null };

/** Runs a review and keeps what it teaches; a review that changed nothing (no history entry) teaches nothing. */
function teach<T>(db: Database, review: () => T, lessons: (result: T) => readonly Lesson[]): T {
  return db.transaction(() => {
    const before = newestReview(db);
    const result = review();
    const historyId = newestReview(db);
    if (historyId === before) return result;
    const around = contextReader(db);
    recordExamples(
      db,
      historyId,
      lessons(result).map(({ place, ...lesson }) => ({ ...lesson, ...around(place) })),
    );
    return result;
  })();
}

const placeOf = (mention: Pick<Mention, 'documentId' | 'start' | 'end'>): Place => ({ documentId: mention.documentId, start: mention.start, end: mention.end });
const suggestedTypeOf = (mention: Mention): EntityType | null => (mention.origin === 'auto' ? mention.type : null);
const decisionFor = (suggested: EntityType | null, type: EntityType, otherwise: Decision): Decision =>
  suggested === null ? otherwise : suggested === type ? 'accept' : 'retype';

/** Accepting a suggestion teaches that it is a name of its type; rejecting one, that it is not a name. */
export function reviewMentionStatus(db: Database, id: number, status: Mention['status']): Mention {
  const mention = getMention(db, id);
  return teach(
    db,
    () => setMentionStatus(db, id, status),
    (): Lesson[] => {
      if (status === 'suggested') return [];
      const lesson = { text: mention.text, suggested: mention.type, place: placeOf(mention) };
      return [status === 'rejected' ? { ...lesson, decision: 'reject', type: null } : { ...lesson, decision: 'accept', type: mention.type }];
    },
  );
}

/** Retyping a mention, or linking it to an entity, teaches the type the name has. */
export function reviewRelink(db: Database, id: number, change: { entityId?: number; type?: EntityType }, findPlace?: FindPlace): Mention {
  const mention = getMention(db, id);
  return teach(
    db,
    () => relinkMention(db, id, change, findPlace),
    (result): Lesson[] => [
      { decision: decisionFor(suggestedTypeOf(mention), result.type, 'accept'), text: mention.text, suggested: mention.type, type: result.type, place: placeOf(mention) },
    ],
  );
}

/** A passage marked by hand is a name the extraction missed (or, over a suggestion, that suggestion corrected). */
export function reviewCreateMention(db: Database, input: NewMention, findPlace?: FindPlace): Mention {
  const taken = statement(db, "SELECT type, origin FROM mentions WHERE document_id = ? AND start = ? AND end = ? AND status = 'suggested'").get(
    input.documentId,
    input.start,
    input.end,
  ) as { type: EntityType; origin: 'auto' | 'manual' } | undefined;
  const suggested = taken?.origin === 'auto' ? taken.type : null;
  return teach(
    db,
    () => createMention(db, input, findPlace),
    (result): Lesson[] => [{ decision: decisionFor(suggested, result.type, 'mark'), text: result.text, suggested, type: result.type, place: placeOf(result) }],
  );
}

interface WrittenName {
  readonly text: string;
  readonly type: EntityType;
  readonly place: Place | null;
}

/** Each way an entity is written, with one live mention of it as the place it was seen, if any. */
function writtenNames(db: Database, entityId: number): WrittenName[] {
  const entity = getEntity(db, entityId);
  const mentions = statement(db, "SELECT document_id AS documentId, start, end, text FROM mentions WHERE entity_id = ? AND status != 'rejected' ORDER BY id").all(entityId) as (Place & {
    text: string;
  })[];
  return entity.aliases.map((alias) => {
    const seen = mentions.find((mention) => foldText(mention.text) === foldText(alias));
    return { text: alias, type: entity.type, place: seen ? { documentId: seen.documentId, start: seen.start, end: seen.end } : null };
  });
}

/** Merging teaches that the merged names are names of the target's type. */
export function reviewMerge(db: Database, targetId: number, sourceIds: readonly number[]): number {
  const target = getEntity(db, targetId);
  const names = [...new Set(sourceIds)].filter((id) => id !== targetId).flatMap((id) => writtenNames(db, id));
  return teach(
    db,
    () => mergeEntities(db, targetId, sourceIds),
    (): Lesson[] => names.map((name) => ({ decision: 'merge', text: name.text, suggested: name.type, type: target.type, place: name.place })),
  );
}

/** Deleting entities rejects their live mentions: each one teaches that its words are not a name. */
export function reviewDeleteEntities(db: Database, ids: readonly number[]): number {
  const mentions = [...new Set(ids)].flatMap(
    (id) =>
      statement(db, "SELECT document_id AS documentId, start, end, text, type FROM mentions WHERE entity_id = ? AND status != 'rejected' ORDER BY id").all(id) as (Place & {
        text: string;
        type: EntityType;
      })[],
  );
  return teach(
    db,
    () => deleteEntities(db, ids),
    (): Lesson[] => mentions.map((mention) => ({ decision: 'reject', text: mention.text, suggested: mention.type, type: null, place: mention })),
  );
}

/** Confirming entities accepts each way they are written. */
export function reviewEntityStatus(db: Database, ids: readonly number[], status: 'suggested' | 'confirmed'): number {
  const names = status === 'confirmed' ? [...new Set(ids)].filter((id) => getEntity(db, id).status !== 'confirmed').flatMap((id) => writtenNames(db, id)) : [];
  return teach(
    db,
    () => setEntityStatus(db, ids, status),
    (): Lesson[] => names.map((name) => ({ decision: 'accept', text: name.text, suggested: name.type, type: name.type, place: name.place })),
  );
}

/** Changing an entity's type teaches the new type for each way it is written; confirming it accepts them. */
export function reviewEntityUpdate(db: Database, id: number, patch: { name?: string; type?: EntityType; status?: 'suggested' | 'confirmed' }): ReturnType<typeof updateEntity> {
  const before = getEntity(db, id);
  const names = writtenNames(db, id);
  const type = patch.type ?? before.type;
  const teaches = type !== before.type || (patch.status === 'confirmed' && before.status !== 'confirmed');
  return teach(
    db,
    () => updateEntity(db, id, patch),
    (): Lesson[] =>
      teaches ? names.map((name) => ({ decision: type === name.type ? 'accept' : 'retype', text: name.text, suggested: name.type, type, place: name.place })) : [],
  );
}
