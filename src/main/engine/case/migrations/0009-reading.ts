/**
 * Schema v9: what Dossier reads in a document beyond names. Time expressions (resolved against the
 * document's date, again whenever that date changes), claims (who says what, how), events (who did
 * what to whom, where, when) and relations suggested from a sentence. Claims, events and relations
 * are suggestions the analyst reviews like mentions; a reviewed one survives reading again.
 * Entity ids carry no foreign key, as in links: deleting an entity is undoable.
 */
import type { Migration } from './types';

export const reading: Migration = {
  version: 9,
  name: 'reading',
  up(db) {
    db.exec(`
      CREATE TABLE time_mentions (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start       INTEGER NOT NULL CHECK (start >= 0),
        end         INTEGER NOT NULL CHECK (end > start),
        text        TEXT NOT NULL,
        -- ISO 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'; NULL while a relative time has no document date.
        value       TEXT,
        end_value   TEXT,
        precision   TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year')),
        approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
        anchor      TEXT NOT NULL CHECK (anchor IN ('absolute', 'document'))
      ) STRICT;
      CREATE INDEX time_mentions_by_document ON time_mentions (document_id, start);

      CREATE TABLE claims (
        id                INTEGER PRIMARY KEY,
        document_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        speaker_entity_id INTEGER,
        speaker_start     INTEGER NOT NULL,
        speaker_end       INTEGER NOT NULL,
        speaker_text      TEXT NOT NULL,
        speaker_type      TEXT NOT NULL CHECK (speaker_type IN ('person', 'organization', 'location', 'other')),
        cue_start         INTEGER NOT NULL,
        cue_end           INTEGER NOT NULL,
        cue_text          TEXT NOT NULL,
        content_start     INTEGER NOT NULL,
        content_end       INTEGER NOT NULL CHECK (content_end > content_start),
        stance            TEXT NOT NULL CHECK (stance IN ('asserts', 'denies', 'accuses', 'demands')),
        -- JSON DateValue read in the claim's sentence, or NULL (the document's date then applies).
        date              TEXT CHECK (date IS NULL OR json_valid(date)),
        status            TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
        reliability       TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        credibility       INTEGER CHECK (credibility BETWEEN 1 AND 6),
        UNIQUE (document_id, content_start, content_end)
      ) STRICT;
      CREATE INDEX claims_by_speaker ON claims (speaker_entity_id);

      CREATE TABLE events (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        type        TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL CHECK (trigger_end > trigger_start),
        trigger_text TEXT NOT NULL,
        -- JSON {agent?, patient?, place?}: each {start, end, text, type, entityId}.
        arguments   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(arguments)),
        date        TEXT CHECK (date IS NULL OR json_valid(date)),
        claim_id    INTEGER REFERENCES claims (id) ON DELETE SET NULL,
        status      TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
        UNIQUE (document_id, trigger_start)
      ) STRICT;

      CREATE TABLE relation_suggestions (
        id               INTEGER PRIMARY KEY,
        document_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        relation         TEXT NOT NULL CHECK (relation IN ('opposes', 'allied_with', 'leads', 'member_of', 'communicates_with', 'located_in')),
        -- JSON {start, end, text, type, entityId} for each end.
        source           TEXT NOT NULL CHECK (json_valid(source)),
        target           TEXT NOT NULL CHECK (json_valid(target)),
        source_entity_id INTEGER,
        target_entity_id INTEGER,
        cue              TEXT CHECK (cue IS NULL OR json_valid(cue)),
        evidence_start   INTEGER NOT NULL,
        evidence_end     INTEGER NOT NULL CHECK (evidence_end > evidence_start),
        status           TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
        link_id          INTEGER,
        UNIQUE (document_id, relation, evidence_start, source_entity_id, target_entity_id)
      ) STRICT;
      CREATE INDEX relation_suggestions_by_entities ON relation_suggestions (source_entity_id, target_entity_id);
    `);
  },
};
