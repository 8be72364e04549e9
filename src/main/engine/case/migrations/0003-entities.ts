/** Schema v3: entities (actors and places), their aliases, their mentions in documents, and places' coordinates. */
import type { Migration } from './types';

export const entities: Migration = {
  version: 3,
  name: 'entities',
  up(db) {
    db.exec(`
      CREATE TABLE entities (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'location', 'other')),
        -- country, region, village, ministry, military unit ...
        subtype     TEXT,
        name        TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed')),
        -- role, affiliation, notes
        attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      -- Every way an entity is written; folded (case and diacritics) and skeleton (transliteration)
      -- keys find the entity for a new mention.
      CREATE TABLE entity_aliases (
        entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        alias     TEXT NOT NULL,
        folded    TEXT NOT NULL,
        skeleton  TEXT NOT NULL,
        PRIMARY KEY (entity_id, alias)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX entity_aliases_by_folded ON entity_aliases (folded);
      CREATE INDEX entity_aliases_by_skeleton ON entity_aliases (skeleton);

      CREATE TABLE mentions (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        entity_id   INTEGER REFERENCES entities (id) ON DELETE SET NULL,
        start       INTEGER NOT NULL CHECK (start >= 0),
        end         INTEGER NOT NULL CHECK (end > start),
        text        TEXT NOT NULL,
        type        TEXT NOT NULL CHECK (type IN ('person', 'organization', 'location', 'other')),
        role        TEXT,
        status      TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
        origin      TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual')),
        -- One mention a span: extraction run again neither doubles a suggestion nor revives a rejected one.
        UNIQUE (document_id, start, end)
      ) STRICT;
      CREATE INDEX mentions_by_entity ON mentions (entity_id, document_id);

      CREATE TABLE places (
        entity_id    INTEGER PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
        lat          REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon          REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
        gazetteer_id TEXT,
        country      TEXT,
        admin1       TEXT,
        precision    TEXT NOT NULL DEFAULT 'gazetteer' CHECK (precision IN ('gazetteer', 'manual')),
        confidence   REAL,
        candidates   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(candidates))
      ) STRICT;
      CREATE INDEX places_by_gazetteer_id ON places (gazetteer_id);
    `);
  },
};
