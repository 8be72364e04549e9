/**
 * Schema v11: what the case has learned from the analyst's review. Each accept, reject, retype,
 * merge and passage marked by hand is kept as an example, with the words around it, so that the
 * case's learned layer (engine/learning) is rebuilt from them the same way on any machine. An
 * example counts while the review that taught it is in effect (its history entry is 'done'), so
 * undoing a review unlearns it; a reset sets examples aside (forgotten_at) and undoing it brings
 * them back.
 */
import type { Migration } from './types';

export const learning: Migration = {
  version: 11,
  name: 'learning',
  up(db) {
    db.exec(`
      CREATE TABLE learning_examples (
        id           INTEGER PRIMARY KEY,
        -- The review (a history entry) that taught it; no foreign key, as history is never deleted.
        history_id   INTEGER NOT NULL,
        decision     TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'retype', 'mark', 'merge')),
        text         TEXT NOT NULL CHECK (length(text) > 0),
        folded       TEXT NOT NULL,
        -- The type extraction suggested; NULL for a passage marked by hand.
        suggested    TEXT CHECK (suggested IN ('person', 'organization', 'location', 'other')),
        -- The type the analyst gave; NULL for a rejection.
        type         TEXT CHECK (type IN ('person', 'organization', 'location', 'other')),
        -- The words just before and after the name, for the layer that learns from context.
        before       TEXT NOT NULL DEFAULT '',
        after        TEXT NOT NULL DEFAULT '',
        -- No foreign key: deleting a document does not make the case forget what its review taught.
        document_id  INTEGER,
        created_at   TEXT NOT NULL,
        forgotten_at TEXT,
        CHECK ((decision = 'reject') = (type IS NULL))
      ) STRICT;
      CREATE INDEX learning_examples_by_name ON learning_examples (folded);
      CREATE INDEX learning_examples_by_history ON learning_examples (history_id);
    `);
  },
};
