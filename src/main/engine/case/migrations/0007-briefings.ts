/** Schema v7: briefings the analyst composes, kept in the case so they can be exported again as the case changes. */
import type { Migration } from './types';

export const briefings: Migration = {
  version: 7,
  name: 'briefings',
  up(db) {
    db.exec(`
      CREATE TABLE briefings (
        id         INTEGER PRIMARY KEY,
        title      TEXT NOT NULL,
        -- The BriefingSpec as JSON: marking, author, date, summary, page size, sections.
        spec       TEXT NOT NULL CHECK (json_valid(spec)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
