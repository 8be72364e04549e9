/** Schema v2: documents with their original bytes, full-text search, tags, notes, and undo state in history. */
import type { Migration } from './types';

export const documents: Migration = {
  version: 2,
  name: 'documents',
  up(db) {
    db.exec(`
      -- done: in effect; undone: reverted by undo (redo brings it back); discarded: undone, then
      -- superseded by a new change, so it can no longer be redone.
      ALTER TABLE history ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded'));
      ALTER TABLE history ADD COLUMN undoable INTEGER NOT NULL DEFAULT 0 CHECK (undoable IN (0, 1));
      CREATE INDEX history_undoable ON history (undoable, state, id);

      CREATE TABLE document_blobs (
        id     INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        size   INTEGER NOT NULL,
        bytes  BLOB NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id                INTEGER PRIMARY KEY,
        parent_id         INTEGER REFERENCES documents (id) ON DELETE CASCADE,
        blob_id           INTEGER REFERENCES document_blobs (id),
        kind              TEXT NOT NULL CHECK (kind IN ('text', 'markdown', 'html', 'pdf', 'docx', 'email', 'newswire')),
        title             TEXT NOT NULL,
        author            TEXT,
        source            TEXT,
        published_at      TEXT,
        language          TEXT,
        file_name         TEXT,
        imported_at       TEXT NOT NULL,
        size              INTEGER NOT NULL DEFAULT 0,
        text              TEXT NOT NULL,
        html              TEXT,
        page_starts       TEXT CHECK (page_starts IS NULL OR json_valid(page_starts)),
        meta              TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
        -- MinHash signature of the text's word shingles, for near-duplicate detection.
        fingerprint       TEXT,
        near_duplicate_of INTEGER REFERENCES documents (id) ON DELETE SET NULL,
        -- Spelling skeletons of the document's names (Kəlbəcər, Kelbajar -> kalbajar), searched
        -- alongside the text so that transliterations find each other.
        search_names      TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX documents_by_parent ON documents (parent_id);
      CREATE INDEX documents_by_blob ON documents (blob_id);
      CREATE INDEX documents_by_imported ON documents (imported_at, id);
      CREATE INDEX documents_by_published ON documents (published_at, id);
      CREATE INDEX documents_by_title ON documents (title COLLATE NOCASE, id);


      CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title, text, search_names,
        content = 'documents', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE tags (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        color      TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE document_tags (
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (document_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX document_tags_by_tag ON document_tags (tag_id, document_id);

      CREATE TABLE notes (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start       INTEGER NOT NULL CHECK (start >= 0),
        end         INTEGER NOT NULL CHECK (end > start),
        quote       TEXT NOT NULL,
        body        TEXT NOT NULL DEFAULT '',
        color       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_by_document ON notes (document_id, start);
    `);
  },
};
