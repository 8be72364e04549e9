/** SQL for notes: passages of a document highlighted with the analyst's comment. */
import type { Database } from 'better-sqlite3';
import type { Note } from '../../../shared/documents';
import { DossierError } from '../../../shared/errors';
import { getDocumentText } from './repository';
import { statement } from '../case/statements';

interface NoteRow {
  id: number;
  document_id: number;
  document_title: string;
  start: number;
  end: number;
  quote: string;
  body: string;
  color: string | null;
  created_at: string;
  updated_at: string;
}

const NOTE_SELECT = `SELECT notes.id, notes.document_id, documents.title AS document_title, notes.start, notes.end, notes.quote,
  notes.body, notes.color, notes.created_at, notes.updated_at FROM notes JOIN documents ON documents.id = notes.document_id`;

function rowToNote(row: NoteRow): Note {
  return {
    id: row.id,
    documentId: row.document_id,
    documentTitle: row.document_title,
    start: row.start,
    end: row.end,
    quote: row.quote,
    body: row.body,
    color: row.color,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listNotes(db: Database, documentId?: number): Note[] {
  const rows = documentId
    ? (statement(db, `${NOTE_SELECT} WHERE notes.document_id = ? ORDER BY notes.start, notes.id`).all(documentId) as NoteRow[])
    : (statement(db, `${NOTE_SELECT} ORDER BY notes.updated_at DESC, notes.id DESC`).all() as NoteRow[]);
  return rows.map(rowToNote);
}

export function getNote(db: Database, id: number): Note {
  const row = statement(db, `${NOTE_SELECT} WHERE notes.id = ?`).get(id) as NoteRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no note ${id}; it may have been deleted.`);
  return rowToNote(row);
}

/** Stores a note on text[start, end); `restore` brings back a deleted note with its old id. */
export function insertNote(
  db: Database,
  note: { documentId: number; start: number; end: number; body: string; color: string | null },
  restore?: Note,
): Note {
  const { title, text } = getDocumentText(db, note.documentId);
  if (note.end > text.length) {
    throw new DossierError('invalid-input', `The passage ends at ${note.end}, past the end of "${title}" (${text.length} characters).`);
  }
  const now = new Date().toISOString();
  const result = statement(db, 'INSERT INTO notes (id, document_id, start, end, quote, body, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(
      restore?.id ?? null,
      note.documentId,
      note.start,
      note.end,
      text.slice(note.start, note.end),
      note.body,
      note.color,
      restore?.createdAt ?? now,
      restore?.updatedAt ?? now,
    );
  return getNote(db, Number(result.lastInsertRowid));
}

export function setNote(db: Database, id: number, body: string, color: string | null): void {
  statement(db, 'UPDATE notes SET body = ?, color = ?, updated_at = ? WHERE id = ?').run(body, color, new Date().toISOString(), id);
}

export function deleteNote(db: Database, id: number): void {
  statement(db, 'DELETE FROM notes WHERE id = ?').run(id);
}
