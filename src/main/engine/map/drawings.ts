/**
 * The analyst's drawings on the map: points, lines and polygons with a label, colour and note, linked
 * to entities and documents. Every change is one transaction recorded in history with the rows before
 * and after, so undo and redo put them back exactly.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Drawing, DrawingFields, DrawingGeometry, DrawingKind } from '../../../shared/map';
import { DrawingGeometrySchema } from '../../../shared/map';
import { DossierError } from '../../../shared/errors';
import { record, registerReversibles } from '../case/undo';
import { statement } from '../case/statements';

const DrawingRow = z.object({
  kind: z.enum(['point', 'line', 'polygon']),
  geometry: z.string(),
  label: z.string(),
  color: z.string(),
  note: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  entity_ids: z.array(z.number()),
  document_ids: z.array(z.number()),
});
type DrawingRowValue = z.infer<typeof DrawingRow>;
const Snapshot = z.array(z.object({ id: z.number(), row: DrawingRow.nullable() }));
type SnapshotValue = z.infer<typeof Snapshot>;

/** The colour of a drawing that does not say. */
export const DEFAULT_DRAWING_COLOR = '#d9480f';

export function kindOf(geometry: DrawingGeometry): DrawingKind {
  if (geometry.type === 'Point') return 'point';
  return geometry.type === 'LineString' ? 'line' : 'polygon';
}

function capture(db: Database, id: number): DrawingRowValue | null {
  const row = statement(db, 'SELECT kind, geometry, label, color, note, created_at, updated_at FROM map_features WHERE id = ?').get(id) as
    | Omit<DrawingRowValue, 'entity_ids' | 'document_ids'>
    | undefined;
  if (!row) return null;
  const ids = (sql: string) => (statement(db, sql).all(id) as { id: number }[]).map((link) => link.id);
  return {
    ...row,
    entity_ids: ids('SELECT entity_id AS id FROM map_feature_entities WHERE feature_id = ? ORDER BY entity_id'),
    document_ids: ids('SELECT document_id AS id FROM map_feature_documents WHERE feature_id = ? ORDER BY document_id'),
  };
}

function writeRow(db: Database, id: number, row: DrawingRowValue): void {
  statement(
    db,
    `INSERT INTO map_features (id, kind, geometry, label, color, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, geometry = excluded.geometry, label = excluded.label, color = excluded.color,
       note = excluded.note, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run(id, row.kind, row.geometry, row.label, row.color, row.note, row.created_at, row.updated_at);
  statement(db, 'DELETE FROM map_feature_entities WHERE feature_id = ?').run(id);
  statement(db, 'DELETE FROM map_feature_documents WHERE feature_id = ?').run(id);
  // Links to entities or documents deleted since are dropped rather than refused.
  for (const entityId of row.entity_ids) {
    statement(db, 'INSERT INTO map_feature_entities (feature_id, entity_id) SELECT ?, id FROM entities WHERE id = ?').run(id, entityId);
  }
  for (const documentId of row.document_ids) {
    statement(db, 'INSERT INTO map_feature_documents (feature_id, document_id) SELECT ?, id FROM documents WHERE id = ?').run(id, documentId);
  }
}

function applySnapshot(db: Database, snapshot: SnapshotValue): void {
  for (const { id, row } of snapshot) {
    if (row) writeRow(db, id, row);
    else statement(db, 'DELETE FROM map_features WHERE id = ?').run(id);
  }
}

const MapDrawings = z.object({ label: z.string(), before: Snapshot, after: Snapshot });

declare module '../case/undo' {
  interface OperationPayloads {
    'map.drawings': z.infer<typeof MapDrawings>;
  }
}

registerReversibles({
  'map.drawings': {
    payload: MapDrawings,
    describe: (p) => p.label,
    undo: (db, p) => applySnapshot(db, p.before),
    redo: (db, p) => applySnapshot(db, p.after),
  },
});

/** Runs one change to drawings in a transaction and records it; `change` returns the ids it created. */
function change<T>(db: Database, label: string, touched: readonly number[], run: () => { created?: readonly number[]; result: T }): T {
  return db.transaction(() => {
    const before: SnapshotValue = touched.map((id) => ({ id, row: capture(db, id) }));
    const { created = [], result } = run();
    for (const id of created) before.push({ id, row: null });
    const after: SnapshotValue = [...touched, ...created].map((id) => ({ id, row: capture(db, id) }));
    record(db, 'map.drawings', { label, before, after });
    return result;
  })();
}

function checkLinks(db: Database, fields: Pick<DrawingFields, 'entityIds' | 'documentIds'>): void {
  for (const entityId of fields.entityIds) {
    if (!statement(db, 'SELECT 1 FROM entities WHERE id = ?').get(entityId)) throw new DossierError('not-found', `Entity ${entityId} does not exist (any more).`);
  }
  for (const documentId of fields.documentIds) {
    if (!statement(db, 'SELECT 1 FROM documents WHERE id = ?').get(documentId)) throw new DossierError('not-found', `Document ${documentId} does not exist (any more).`);
  }
}

const describeKind = (kind: DrawingKind): string => ({ point: 'point', line: 'line', polygon: 'polygon' })[kind];
const named = (kind: DrawingKind, label: string): string => (label ? `${describeKind(kind)} "${label}"` : describeKind(kind));

function rowFor(fields: DrawingFields, createdAt: string, now: string): DrawingRowValue {
  return {
    kind: kindOf(fields.geometry),
    geometry: JSON.stringify(fields.geometry),
    label: fields.label.trim(),
    color: fields.color.toLowerCase(),
    note: fields.note,
    created_at: createdAt,
    updated_at: now,
    entity_ids: [...new Set(fields.entityIds)],
    document_ids: [...new Set(fields.documentIds)],
  };
}

function nextId(db: Database): number {
  return ((statement(db, 'SELECT max(id) AS id FROM map_features').get() as { id: number | null }).id ?? 0) + 1;
}

/** Adds drawings in one undoable change (one drawn by hand, or all of an imported file). */
export function createDrawings(db: Database, all: readonly DrawingFields[], label?: string): number[] {
  if (all.length === 0) return [];
  for (const fields of all) checkLinks(db, fields);
  const first = all[0]!;
  const description = label ?? `draw ${named(kindOf(first.geometry), first.label.trim())}`;
  return change(db, description, [], () => {
    const now = new Date().toISOString();
    const ids: number[] = [];
    for (const fields of all) {
      const id = nextId(db);
      writeRow(db, id, rowFor(fields, now, now));
      ids.push(id);
    }
    return { created: ids, result: ids };
  });
}

/** Changes a drawing: any of its geometry, label, colour, note and links (undoable). */
export function updateDrawing(db: Database, id: number, patch: Partial<DrawingFields>): void {
  const current = getDrawing(db, id);
  const fields: DrawingFields = {
    geometry: patch.geometry ?? current.geometry,
    label: patch.label ?? current.label,
    color: patch.color ?? current.color,
    note: patch.note ?? current.note,
    entityIds: patch.entityIds ?? current.entities.map((entity) => entity.id),
    documentIds: patch.documentIds ?? current.documents.map((document) => document.id),
  };
  checkLinks(db, fields);
  const what = patch.geometry && Object.keys(patch).length === 1 ? 'move' : 'edit';
  change(db, `${what} ${named(current.kind, current.label)}`, [id], () => {
    writeRow(db, id, rowFor(fields, current.createdAt, new Date().toISOString()));
    return { result: undefined };
  });
}

export function deleteDrawing(db: Database, id: number): void {
  const current = getDrawing(db, id);
  change(db, `delete ${named(current.kind, current.label)}`, [id], () => {
    statement(db, 'DELETE FROM map_features WHERE id = ?').run(id);
    return { result: undefined };
  });
}

interface DrawingSelectRow {
  id: number;
  kind: DrawingKind;
  geometry: string;
  label: string;
  color: string;
  note: string;
  created_at: string;
  updated_at: string;
  entities: string;
  documents: string;
}

const DRAWING_SELECT = `SELECT f.id, f.kind, f.geometry, f.label, f.color, f.note, f.created_at, f.updated_at,
   (SELECT json_group_array(json_object('id', e.id, 'name', e.name, 'type', e.kind))
      FROM map_feature_entities l JOIN entities e ON e.id = l.entity_id WHERE l.feature_id = f.id) AS entities,
   (SELECT json_group_array(json_object('id', d.id, 'title', d.title))
      FROM map_feature_documents l JOIN documents d ON d.id = l.document_id WHERE l.feature_id = f.id) AS documents
 FROM map_features f`;

function rowToDrawing(row: DrawingSelectRow): Drawing {
  return {
    id: row.id,
    kind: row.kind,
    geometry: DrawingGeometrySchema.parse(JSON.parse(row.geometry)),
    label: row.label,
    color: row.color,
    note: row.note,
    entities: JSON.parse(row.entities) as Drawing['entities'],
    documents: JSON.parse(row.documents) as Drawing['documents'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listDrawings(db: Database): Drawing[] {
  return (statement(db, `${DRAWING_SELECT} ORDER BY f.id`).all() as DrawingSelectRow[]).map(rowToDrawing);
}

export function getDrawing(db: Database, id: number): Drawing {
  const row = statement(db, `${DRAWING_SELECT} WHERE f.id = ?`).get(id) as DrawingSelectRow | undefined;
  if (!row) throw new DossierError('not-found', `Drawing ${id} does not exist; it may have been deleted or undone.`);
  return rowToDrawing(row);
}
