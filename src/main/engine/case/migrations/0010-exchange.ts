/**
 * Schema v10: what exchanging cases needs. A case's own identity (a UUID made once, so that its
 * STIX and FollowTheMoney ids stay the same at every export, and a merge knows which case an item
 * came from), the merges made into the case with their reports, where each merged item came from,
 * and the rows an undone merge set aside so that redo can bring them back.
 */
import { randomUUID } from 'node:crypto';
import type { Migration } from './types';

export const exchange: Migration = {
  version: 10,
  name: 'exchange',
  up(db) {
    db.exec(`
      -- Deleting a document (undoing a merge or an import) sets near_duplicate_of to NULL in the
      -- documents that point at it; without an index each delete reads the whole table.
      CREATE INDEX documents_by_near_duplicate ON documents (near_duplicate_of);

      CREATE TABLE case_identity (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        uid       TEXT NOT NULL CHECK (length(uid) = 36)
      ) STRICT;

      CREATE TABLE case_merges (
        id           INTEGER PRIMARY KEY,
        source_uid   TEXT NOT NULL,
        source_title TEXT NOT NULL,
        source_path  TEXT NOT NULL,
        -- Who merged, when the analyst's name is known.
        analyst      TEXT,
        merged_at    TEXT NOT NULL,
        -- The MergeReport as JSON: what joined, what was added, what conflicted, doubtful pairs.
        report       TEXT NOT NULL CHECK (json_valid(report))
      ) STRICT;

      -- Where a merged item came from: the merge (so the case) and its id in that case. An item that
      -- joined one already here is recorded too (action 'joined').
      CREATE TABLE merge_provenance (
        merge_id       INTEGER NOT NULL REFERENCES case_merges (id) ON DELETE CASCADE,
        item_kind      TEXT NOT NULL CHECK (item_kind IN ('document', 'entity', 'tag', 'note', 'link', 'drawing', 'briefing')),
        item_id        INTEGER NOT NULL,
        source_item_id INTEGER NOT NULL,
        action         TEXT NOT NULL CHECK (action IN ('added', 'joined')),
        PRIMARY KEY (merge_id, item_kind, source_item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX merge_provenance_by_item ON merge_provenance (item_kind, item_id);

      -- Rows an undone merge took out of the case, kept for redo: one row a row, as JSON with blobs in base64.
      CREATE TABLE merge_stash (
        merge_id   INTEGER NOT NULL REFERENCES case_merges (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        table_name TEXT NOT NULL,
        row        TEXT NOT NULL CHECK (json_valid(row)),
        PRIMARY KEY (merge_id, seq)
      ) STRICT;
    `);
    db.prepare('INSERT INTO case_identity (singleton, uid) VALUES (1, ?)').run(randomUUID());
  },
};
