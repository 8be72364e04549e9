/**
 * Schema v6: the analyst's drawings on the map (points, lines, polygons with a label, colour and
 * note, linked to entities and documents) and the case's map settings (a .pmtiles basemap).
 */
import type { Migration } from './types';

export const mapFeatures: Migration = {
  version: 6,
  name: 'map-features',
  up(db) {
    db.exec(`
      CREATE TABLE map_features (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('point', 'line', 'polygon')),
        -- A GeoJSON geometry (Point, LineString or Polygon) in WGS 84 longitude, latitude.
        geometry   TEXT NOT NULL CHECK (json_valid(geometry)),
        label      TEXT NOT NULL DEFAULT '',
        color      TEXT NOT NULL,
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE map_feature_entities (
        feature_id INTEGER NOT NULL REFERENCES map_features (id) ON DELETE CASCADE,
        entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        PRIMARY KEY (feature_id, entity_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX map_feature_entities_by_entity ON map_feature_entities (entity_id);

      CREATE TABLE map_feature_documents (
        feature_id  INTEGER NOT NULL REFERENCES map_features (id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        PRIMARY KEY (feature_id, document_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX map_feature_documents_by_document ON map_feature_documents (document_id);

      -- One row: the case's map settings.
      CREATE TABLE map_settings (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        -- A .pmtiles file the analyst chose as extra basemap detail, read from disk where it is.
        basemap_path  TEXT
      ) STRICT;
    `);
  },
};
