/** SQL for tags: create, rename, recolour, merge, delete, and apply to many documents at once. */
import type { Database } from 'better-sqlite3';
import type { Tag } from '../../../shared/documents';
import { DossierError } from '../../../shared/errors';
import { statement } from '../case/statements';

/** Colours given to new tags in turn (Mantine's palette, readable in light and dark themes). */
const TAG_COLORS = ['#228be6', '#40c057', '#fab005', '#fa5252', '#7950f2', '#15aabf', '#fd7e14', '#e64980', '#82c91e', '#4c6ef5'];

interface TagRow {
  id: number;
  name: string;
  color: string;
  count: number;
}

const TAG_SELECT = 'SELECT id, name, color, (SELECT count(*) FROM document_tags WHERE tag_id = tags.id) AS count FROM tags';

export function listTags(db: Database): Tag[] {
  return statement(db, `${TAG_SELECT} ORDER BY name COLLATE NOCASE`).all() as TagRow[];
}

export function getTag(db: Database, id: number): Tag {
  const row = statement(db, `${TAG_SELECT} WHERE id = ?`).get(id) as TagRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no tag ${id} in this case; it may have been deleted or merged.`);
  return row;
}

export function findTagByName(db: Database, name: string): Tag | null {
  return (statement(db, `${TAG_SELECT} WHERE name = ?`).get(name) as TagRow | undefined) ?? null;
}

/** Creates a tag, with the given id when restoring one (undo), or fails if the name is taken. */
export function insertTag(db: Database, name: string, color?: string, id?: number): Tag {
  if (findTagByName(db, name)) throw new DossierError('already-exists', `There is already a tag "${name}"; use it, or merge into it.`);
  const count = (statement(db, 'SELECT count(*) AS n FROM tags').get() as { n: number }).n;
  const result = statement(db, 'INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, ?, ?)')
    .run(id ?? null, name, color ?? TAG_COLORS[count % TAG_COLORS.length]!, new Date().toISOString());
  return getTag(db, Number(result.lastInsertRowid));
}

export function setTag(db: Database, id: number, name: string, color: string): void {
  const clash = findTagByName(db, name);
  if (clash && clash.id !== id) {
    throw new DossierError('already-exists', `There is already a tag "${clash.name}"; merge the two tags instead of renaming.`);
  }
  statement(db, 'UPDATE tags SET name = ?, color = ? WHERE id = ?').run(name, color, id);
}

export function deleteTag(db: Database, id: number): void {
  statement(db, 'DELETE FROM tags WHERE id = ?').run(id);
}

export function documentsWithTag(db: Database, tagId: number): number[] {
  return (statement(db, 'SELECT document_id FROM document_tags WHERE tag_id = ? ORDER BY document_id').all(tagId) as { document_id: number }[]).map(
    (row) => row.document_id,
  );
}

/** Adds the tag to the documents that lack it; returns those it was added to. */
export function addTag(db: Database, tagId: number, documentIds: readonly number[]): number[] {
  const insert = statement(db, 'INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (?, ?)');
  const exists = statement(db, 'SELECT 1 FROM documents WHERE id = ?');
  const changed: number[] = [];
  for (const documentId of documentIds) {
    if (!exists.get(documentId)) throw new DossierError('not-found', `There is no document ${documentId} in this case.`);
    if (insert.run(documentId, tagId).changes > 0) changed.push(documentId);
  }
  return changed;
}

/** Removes the tag from the documents that have it; returns those it was removed from. */
export function removeTag(db: Database, tagId: number, documentIds: readonly number[]): number[] {
  const remove = statement(db, 'DELETE FROM document_tags WHERE document_id = ? AND tag_id = ?');
  return documentIds.filter((documentId) => remove.run(documentId, tagId).changes > 0);
}
