/**
 * The analyst's review of the pairs a merge could not judge. The pairs and the decisions live in the
 * merge's record (case_merges.report: `doubtful`, and `decisions` by added entity id), so the review
 * can be left and taken up again. "Same" merges the added entity into the one that was here; each
 * decision, with the entity merge it made, is one undoable step.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { DoubtfulDecision, DoubtfulPair, MergeReport, PairSide } from '../../../shared/exchange';
import { DoubtfulDecisions } from '../../../shared/exchange';
import { DossierError } from '../../../shared/errors';
import { takeNewestUndoable } from '../case/history';
import { statement } from '../case/statements';
import { record, registerReversibles } from '../case/undo';
import { mergeEntities } from '../entities/curation';
import { applySnapshot, EntitiesCurate } from '../entities/curationHistory';
import { liveMention } from '../entities/liveMentions';
import { contextAround, getEntity } from '../entities/repository';
import { isMergeUndone } from './mergeStash';

/** What the merge record keeps for the review; `decisions` is added by the first decision. */
interface StoredReview {
  doubtful?: MergeReport['doubtful'];
  decisions?: Record<string, DoubtfulDecision>;
}

interface MergeRecord {
  id: number;
  sourceTitle: string;
  review: StoredReview;
}

function readMerges(db: Database, mergeId?: number): MergeRecord[] {
  const rows = (
    mergeId === undefined
      ? statement(db, 'SELECT id, source_title AS sourceTitle, report FROM case_merges ORDER BY id').all()
      : statement(db, 'SELECT id, source_title AS sourceTitle, report FROM case_merges WHERE id = ?').all(mergeId)
  ) as { id: number; sourceTitle: string; report: string }[];
  if (mergeId !== undefined && rows.length === 0) throw new DossierError('not-found', `There is no merge ${mergeId} in this case; it may have been made in another copy of the case.`);
  return rows.map((row) => ({ id: row.id, sourceTitle: row.sourceTitle, review: JSON.parse(row.report) as StoredReview }));
}

function pairSide(db: Database, id: number): PairSide | null {
  if (!statement(db, 'SELECT 1 FROM entities WHERE id = ?').get(id)) return null;
  const entity = getEntity(db, id);
  const first = statement(
    db,
    `SELECT m.start, m.end, d.title, d.text FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.entity_id = ? AND ${liveMention('m')} ORDER BY m.document_id, m.start LIMIT 1`,
  ).get(id) as { start: number; end: number; title: string; text: string } | undefined;
  return {
    id,
    name: entity.name,
    type: entity.type,
    subtype: entity.subtype,
    status: entity.status,
    aliases: entity.aliases,
    mentions: entity.mentions,
    documents: entity.documents,
    sample: first ? { documentTitle: first.title, text: first.text.slice(first.start, first.end), ...contextAround(first.text, first.start, first.end) } : null,
    coordinates: entity.coordinates,
  };
}

function toPair(db: Database, merge: MergeRecord, item: MergeReport['doubtful'][number]): DoubtfulPair {
  return {
    mergeId: merge.id,
    sourceTitle: merge.sourceTitle,
    name: item.name,
    reason: item.reason,
    decision: merge.review.decisions?.[String(item.addedEntityId)] ?? null,
    here: pairSide(db, item.entityId),
    added: pairSide(db, item.addedEntityId),
    addedEntityId: item.addedEntityId,
  };
}

/**
 * The doubtful pairs of one merge (decided or not), or, without `mergeId`, every pair still waiting
 * for a decision whose two entities are both still here. An undone merge has none.
 */
export function doubtfulPairs(db: Database, mergeId?: number): DoubtfulPair[] {
  const exists = (id: number): boolean => statement(db, 'SELECT 1 FROM entities WHERE id = ?').get(id) !== undefined;
  // Asked for every waiting pair (the status bar asks after each change), only those are described.
  const waiting = (merge: MergeRecord, item: MergeReport['doubtful'][number]): boolean =>
    merge.review.decisions?.[String(item.addedEntityId)] === undefined && exists(item.entityId) && exists(item.addedEntityId);
  return readMerges(db, mergeId)
    .filter((merge) => !isMergeUndone(db, merge.id))
    .flatMap((merge) => (merge.review.doubtful ?? []).filter((item) => mergeId !== undefined || waiting(merge, item)).map((item) => toPair(db, merge, item)));
}

function setDecision(db: Database, mergeId: number, addedEntityId: number, decision: DoubtfulDecision | null): void {
  const row = statement(db, 'SELECT report FROM case_merges WHERE id = ?').get(mergeId) as { report: string } | undefined;
  if (!row) return;
  const report = JSON.parse(row.report) as StoredReview & Record<string, unknown>;
  const decisions = { ...report.decisions };
  if (decision === null) delete decisions[String(addedEntityId)];
  else decisions[String(addedEntityId)] = decision;
  statement(db, 'UPDATE case_merges SET report = ? WHERE id = ?').run(JSON.stringify({ ...report, decisions }), mergeId);
}

/** Records the analyst's decision on one pair (merging the two for "same"), as one undoable step. */
export function decideDoubtful(db: Database, mergeId: number, addedEntityId: number, decision: DoubtfulDecision): DoubtfulPair {
  return db.transaction(() => {
    const [merge] = readMerges(db, mergeId);
    const item = merge!.review.doubtful?.find((candidate) => candidate.addedEntityId === addedEntityId);
    if (!item) throw new DossierError('not-found', `Entity ${addedEntityId} is not among the doubtful pairs of the merge of "${merge!.sourceTitle}".`);
    if (isMergeUndone(db, mergeId)) {
      throw new DossierError('conflict', `The merge of "${merge!.sourceTitle}" is undone, so its pairs cannot be decided; redo it (Ctrl+Shift+Z) first.`);
    }
    const previous = merge!.review.decisions?.[String(addedEntityId)] ?? null;
    if (previous === decision) return toPair(db, merge!, item);
    if (previous === 'same') {
      throw new DossierError('conflict', `"${item.name}" from "${merge!.sourceTitle}" was already merged into the entity here; undo that (Ctrl+Z) to keep them apart.`);
    }
    let curation: z.infer<typeof EntitiesCurate> | null = null;
    if (decision === 'same') {
      for (const id of [item.entityId, addedEntityId]) {
        if (!statement(db, 'SELECT 1 FROM entities WHERE id = ?').get(id)) {
          throw new DossierError('not-found', `Entity ${id} ("${item.name}") is no longer in this case (merged or deleted since), so the pair cannot be merged; keep both instead.`);
        }
      }
      mergeEntities(db, item.entityId, [addedEntityId]);
      curation = EntitiesCurate.parse(takeNewestUndoable(db, 'entities.curate'));
    }
    setDecision(db, mergeId, addedEntityId, decision);
    record(db, 'exchange.decide', { mergeId, addedEntityId, name: item.name, decision, previous, curation });
    return toPair(db, readMerges(db, mergeId)[0]!, item);
  })();
}

const ExchangeDecide = z.object({
  mergeId: z.number(),
  addedEntityId: z.number(),
  name: z.string(),
  decision: z.enum(DoubtfulDecisions),
  previous: z.enum(DoubtfulDecisions).nullable(),
  /** The entity merge a "same" made, undone and redone with the decision. */
  curation: EntitiesCurate.nullable(),
});

declare module '../case/undo' {
  interface OperationPayloads {
    'exchange.decide': z.infer<typeof ExchangeDecide>;
  }
}

registerReversibles({
  'exchange.decide': {
    payload: ExchangeDecide,
    describe: (p) => (p.decision === 'same' ? `"${p.name}": same entity, merged` : `"${p.name}": different entities, kept apart`),
    undo: (db, p) => {
      if (p.curation) applySnapshot(db, p.curation.before);
      setDecision(db, p.mergeId, p.addedEntityId, p.previous);
    },
    redo: (db, p) => {
      if (p.curation) applySnapshot(db, p.curation.after);
      setDecision(db, p.mergeId, p.addedEntityId, p.decision);
    },
  },
});
