/** What every step of a merge shares: both databases, the merge's record, and the ids mapped so far. */
import type { Database } from 'better-sqlite3';
import type { MergeProgress, MergeReport } from '../../../shared/exchange';
import type { AddedRows } from './mergeStash';

export type Row = Record<string, unknown>;
export type ProvenanceKind = 'document' | 'entity' | 'tag' | 'note' | 'link' | 'drawing' | 'briefing';

export interface MergeContext {
  /** The open case, written to inside the merge's transaction. */
  readonly db: Database;
  /** The colleague's case, opened read-only. */
  readonly src: Database;
  readonly mergeId: number;
  readonly sourceTitle: string;
  readonly now: string;
  readonly added: AddedRows;
  readonly conflicts: MergeReport['conflicts'];
  readonly doubtful: MergeReport['doubtful'];
  /** Source id -> id here, for everything joined or added. */
  readonly documents: Map<number, number>;
  readonly entities: Map<number, number>;
  readonly links: Map<number, number>;
  readonly notes: Map<number, number>;
  /** Source ids of the documents added (not joined): their reading layer comes along. */
  readonly addedDocuments: Set<number>;
  /** Records where an item here came from (merge_provenance). */
  readonly remember: (kind: ProvenanceKind, id: number, sourceId: number, action: 'added' | 'joined') => void;
  readonly progress: (stage: MergeProgress['stage'], done: number, total: number) => void;
}
