/** Schema v1: the case's own metadata and the history that later features write to. */
import type { Migration } from './types';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE case_meta (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        title       TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE history (
        id        INTEGER PRIMARY KEY,
        operation TEXT NOT NULL,
        at        TEXT NOT NULL,
        payload   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload))
      ) STRICT;
      CREATE INDEX history_by_operation ON history (operation, id);
    `);
  },
};
