/**
 * Schema v5: the investigation graph. Links the analyst asserts between entities and documents,
 * with their grading and cited passages, and where the graph view's nodes were placed.
 */
import type { Migration } from './types';

export const links: Migration = {
  version: 5,
  name: 'links',
  up(db) {
    db.exec(`
      -- An end is an entity or a document. There is no foreign key on it: deleting an entity is
      -- undoable, and its links must come back with it, so a link to a missing node stays and is
      -- not drawn until the node returns.
      CREATE TABLE links (
        id          INTEGER PRIMARY KEY,
        from_kind   TEXT NOT NULL CHECK (from_kind IN ('entity', 'document')),
        from_id     INTEGER NOT NULL,
        to_kind     TEXT NOT NULL CHECK (to_kind IN ('entity', 'document')),
        to_id       INTEGER NOT NULL,
        relation    TEXT NOT NULL CHECK (length(relation) BETWEEN 1 AND 100),
        directed    INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),
        date_start  TEXT,
        date_end    TEXT,
        -- Admiralty grading: source reliability A-F, information credibility 1-6.
        reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
        note        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        CHECK (from_kind <> to_kind OR from_id <> to_id)
      ) STRICT;
      CREATE INDEX links_by_from ON links (from_kind, from_id);
      CREATE INDEX links_by_to ON links (to_kind, to_id);

      CREATE TABLE link_evidence (
        id          INTEGER PRIMARY KEY,
        link_id     INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start       INTEGER NOT NULL CHECK (start >= 0),
        end         INTEGER NOT NULL CHECK (end > start),
        quote       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX link_evidence_by_link ON link_evidence (link_id);
      CREATE INDEX link_evidence_by_document ON link_evidence (document_id, start);

      -- Where the analyst (or the layout) put each node; pinned nodes stay put when the layout runs.
      CREATE TABLE graph_positions (
        node   TEXT PRIMARY KEY CHECK (node GLOB 'entity:*' OR node GLOB 'document:*'),
        x      REAL NOT NULL,
        y      REAL NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
