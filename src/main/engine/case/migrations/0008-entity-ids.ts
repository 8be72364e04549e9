/**
 * Schema v8: entity ids are never used twice. SQLite gives a new row the highest id plus one, so an entity
 * created after the highest one was merged away or deleted would take its id, and with it the links that
 * still name that id (kept, hidden, so that undo can bring them back) and the entity's undo history.
 * The highest id ever given is kept here (a trigger raises it); new entities are numbered after it
 * (entities/repository.ts nextEntityId).
 */
import type { Migration } from './types';

export const entityIds: Migration = {
  version: 8,
  name: 'entity-ids',
  up(db) {
    db.exec(`
      CREATE TABLE entity_id_high_water (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        high      INTEGER NOT NULL
      ) STRICT;
      INSERT INTO entity_id_high_water (singleton, high) SELECT 1, coalesce(max(id), 0) FROM entities;
      CREATE TRIGGER entities_raise_high_water AFTER INSERT ON entities
        WHEN NEW.id > (SELECT high FROM entity_id_high_water)
      BEGIN
        UPDATE entity_id_high_water SET high = NEW.id;
      END;
    `);
  },
};
