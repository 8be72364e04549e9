/** Schema v4: GeoNames country extracts the analyst added to the case, so its villages resolve wherever the case is opened. */
import type { Migration } from './types';

export const gazetteerExtracts: Migration = {
  version: 4,
  name: 'gazetteer-extracts',
  up(db) {
    db.exec(`
      CREATE TABLE gazetteer_extracts (
        id        INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        added_at  TEXT NOT NULL,
        places    INTEGER NOT NULL CHECK (places >= 0),
        sha256    TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        -- The file as given, gzip-compressed; parsed again when the case opens.
        content   BLOB NOT NULL
      ) STRICT;
    `);
  },
};
