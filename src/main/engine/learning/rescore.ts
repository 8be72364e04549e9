/**
 * Re-scoring: the suggestions not reviewed yet, looked at again with what the case has learned. A
 * background job like extraction (batches of documents, each batch one transaction, progress as
 * events, cancel between batches); what it changed is recorded as one undo step when it ends, so
 * that undo puts every suggestion back as it was. Reviewed mentions are never touched.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { EmitEvent } from '../../../shared/api';
import type { RescoreProgress } from '../../../shared/learning';
import { DocumentJobs } from '../case/documentJobs';
import { statement } from '../case/statements';
import { record, registerReversibles } from '../case/undo';
import type { SnapshotValue } from '../entities/curationHistory';
import { applySnapshot, capture, Snapshot } from '../entities/curationHistory';
import type { EntityAnalyzer } from '../entities/suggestions';
import { CaseExtraction, paragraphEnd, storeSuggestions } from '../entities/suggestions';
import { deleteUnusedSuggestedEntities, nextEntityId } from '../entities/repository';
import { EXTRACTION_LIMITS } from '../limits';


const LearningRescore = z.object({ documents: z.number(), added: z.number(), removed: z.number(), before: Snapshot, after: Snapshot });

declare module '../case/undo' {
  interface OperationPayloads {
    'learning.rescore': z.infer<typeof LearningRescore>;
  }
}

registerReversibles({
  'learning.rescore': {
    payload: LearningRescore,
    describe: (p) => `re-score suggestions in ${p.documents} document${p.documents === 1 ? '' : 's'} (${p.added} added, ${p.removed} removed)`,
    undo: (db, p) => applySnapshot(db, p.before),
    redo: (db, p) => applySnapshot(db, p.after),
  },
});

interface Suggested {
  id: number;
  start: number;
  end: number;
  type: string;
  entity_id: number | null;
}

/** Rows a whole re-score touched: each row as it was before its first change and after its last. */
class Changes {
  private readonly before = { entities: new Map<number, SnapshotValue['entities'][number]>(), mentions: new Map<number, SnapshotValue['mentions'][number]>() };
  private readonly after = { entities: new Map<number, SnapshotValue['entities'][number]>(), mentions: new Map<number, SnapshotValue['mentions'][number]>() };

  add(before: SnapshotValue, after: SnapshotValue): void {
    for (const entry of before.entities) if (!this.before.entities.has(entry.id)) this.before.entities.set(entry.id, entry);
    for (const entry of before.mentions) if (!this.before.mentions.has(entry.id)) this.before.mentions.set(entry.id, entry);
    for (const entry of after.entities) this.after.entities.set(entry.id, entry);
    for (const entry of after.mentions) this.after.mentions.set(entry.id, entry);
  }

  get empty(): boolean {
    return this.before.mentions.size === 0;
  }

  snapshots(): { before: SnapshotValue; after: SnapshotValue } {
    const snapshot = (side: typeof this.before): SnapshotValue => ({ entities: [...side.entities.values()], mentions: [...side.mentions.values()], links: [], mapTags: [] });
    return { before: snapshot(this.before), after: snapshot(this.after) };
  }
}

/**
 * Re-scores one document: its unreviewed suggestions that the case would no longer make are
 * removed, and those it would make now are added. Returns what changed, or null when nothing did.
 */
function rescoreDocument(db: Database, extraction: CaseExtraction, documentId: number, fullText: string): { before: SnapshotValue; after: SnapshotValue; added: number; removed: number } | null {
  const text = fullText.length > EXTRACTION_LIMITS.maxCharacters ? fullText.slice(0, paragraphEnd(fullText, EXTRACTION_LIMITS.maxCharacters)) : fullText;
  const proposed = extraction.suggestions(text).filter((mention) => mention.type !== 'other');
  const wanted = new Set(proposed.map((mention) => `${mention.start}:${mention.end}:${mention.type}`));
  const existing = statement(db, "SELECT id, start, end, type, entity_id FROM mentions WHERE document_id = ? AND status = 'suggested' AND origin = 'auto'").all(documentId) as Suggested[];
  const removing = existing.filter((mention) => !wanted.has(`${mention.start}:${mention.end}:${mention.type}`));
  const present = new Set(existing.map((mention) => `${mention.start}:${mention.end}`));
  const adding = proposed.filter((mention) => !present.has(`${mention.start}:${mention.end}`) || removing.some((gone) => gone.start === mention.start && gone.end === mention.end));
  if (removing.length === 0 && adding.length === 0) return null;
  const entities = [...new Set(removing.flatMap((mention) => (mention.entity_id === null ? [] : [mention.entity_id])))];
  const before = capture(db, { entities, mentions: removing.map((mention) => mention.id) });
  const firstNewEntity = nextEntityId(db);
  const lastMention = (statement(db, 'SELECT coalesce(max(id), 0) AS id FROM mentions').get() as { id: number }).id;
  for (const mention of removing) statement(db, 'DELETE FROM mentions WHERE id = ?').run(mention.id);
  // A suggested entity left with no mention and nothing else pointing at it goes with its last suggestion.
  deleteUnusedSuggestedEntities(db, entities);
  // Which of the names about to be stored were already an entity's alias, so that undo takes away only the aliases this adds.
  const addingTexts = new Set(adding.map((mention) => mention.text));
  const aliasesBefore = new Set(
    [...addingTexts].flatMap((alias) =>
      (statement(db, 'SELECT entity_id FROM entity_aliases WHERE alias = ?').all(alias) as { entity_id: number }[]).map((row) => `${row.entity_id}\u0000${alias}`),
    ),
  );
  const added = storeSuggestions(db, documentId, adding);
  const createdMentions = (statement(db, 'SELECT id FROM mentions WHERE id > ?').all(lastMention) as { id: number }[]).map((row) => row.id);
  const createdEntities = (statement(db, 'SELECT id FROM entities WHERE id >= ?').all(firstNewEntity) as { id: number }[]).map((row) => row.id);
  // Suggestions stored join entities already there; those entities change too (an alias more).
  const joined = (statement(db, `SELECT DISTINCT entity_id FROM mentions WHERE id > ? AND entity_id IS NOT NULL`).all(lastMention) as { entity_id: number }[])
    .map((row) => row.entity_id)
    .filter((id) => id < firstNewEntity && !entities.includes(id));
  const joinedBefore = capture(db, { entities: joined }).entities.map(({ id, row }) => ({
    id,
    row: row && { ...row, aliases: row.aliases.filter((alias) => !addingTexts.has(alias) || aliasesBefore.has(`${id}\u0000${alias}`)) },
  }));
  const after = capture(db, { entities: [...entities, ...joined, ...createdEntities], mentions: [...removing.map((mention) => mention.id), ...createdMentions] });
  for (const id of createdEntities) before.entities.push({ id, row: null });
  for (const id of createdMentions) before.mentions.push({ id, row: null });
  before.entities.push(...joinedBefore);
  return { before, after, added, removed: removing.length };
}

/** Re-scores every document with unreviewed suggestions (or the documents given) with what the case has learned; one undo step. */
export type Rescorer = DocumentJobs<RescoreProgress>;

export function rescorer(db: Database, emit: EmitEvent | undefined, analyzer: () => EntityAnalyzer): Rescorer {
  return new DocumentJobs<RescoreProgress>(db, {
    progress: (jobId, total) => ({ jobId, done: 0, total, added: 0, removed: 0, cancelled: false }),
    prepare: () => {
      const extraction = new CaseExtraction(db, analyzer());
      const changes = new Changes();
      let documents = 0;
      return {
        each: (progress, id, text) => {
          const changed = rescoreDocument(db, extraction, id, text);
          if (!changed) return;
          changes.add(changed.before, changed.after);
          progress.added += changed.added;
          progress.removed += changed.removed;
          documents += 1;
        },
        finish: (progress) => {
          if (changes.empty) return;
          db.transaction(() => record(db, 'learning.rescore', { documents, added: progress.added, removed: progress.removed, ...changes.snapshots() }))();
        },
      };
    },
    report: (progress, finished) => emit?.(finished ? 'learning.rescoreFinished' : 'learning.rescoreProgress', progress),
  });
}
