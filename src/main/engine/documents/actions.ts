/**
 * The analyst's changes to documents, tags and notes: each one transaction, written to history,
 * and undoable. An operation's history payload holds what undo and redo need to replay it.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { DocumentDetail, Note, Tag } from '../../../shared/documents';
import { DossierError } from '../../../shared/errors';
import { nextToRedo, nextToUndo, recordHistory, setHistoryState } from '../case/history';
import { exchangeReversibles } from '../exchange/merge';
import type { Reversible } from '../case/reversible';
import { reversible } from '../case/reversible';
import { briefingReversibles } from '../briefing/repository';
import { entityReversibles } from '../entities/actions';
import { curationReversibles } from '../entities/curation';
import { linkReversibles } from '../graph/links';
import { readingReversibles } from '../claims/repository';
import { redateDocument } from '../claims/reading';
import { drawingReversibles } from '../map/drawings';
import { deleteNote, getNote, insertNote, listNotes, setNote } from './notes';
import type { DocumentMetadata } from './repository';
import { getDocument, getDocumentMetadata, setDocumentMetadata } from './repository';
import { addTag, deleteTag, documentsWithTag, findTagByName, getTag, insertTag, removeTag, setTag } from './tags';

const TagRecord = z.object({ id: z.number(), name: z.string(), color: z.string() });
const NoteRecord = z.object({
  id: z.number(),
  documentId: z.number(),
  documentTitle: z.string(),
  start: z.number(),
  end: z.number(),
  quote: z.string(),
  body: z.string(),
  color: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const Metadata = z.object({
  title: z.string(),
  author: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
});

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

const documentReversibles = {
  'tags.apply': reversible({
    payload: z.object({
      tag: TagRecord,
      action: z.enum(['add', 'remove']),
      documentIds: z.array(z.number()),
      createdTag: z.boolean(),
    }),
    describe: (p) => `${p.action === 'add' ? 'tag' : 'untag'} ${plural(p.documentIds.length, 'document')} "${p.tag.name}"`,
    undo: (db, p) => {
      if (p.action === 'add') removeTag(db, p.tag.id, p.documentIds);
      else addTag(db, p.tag.id, p.documentIds);
      if (p.createdTag) deleteTag(db, p.tag.id);
    },
    redo: (db, p) => {
      if (p.createdTag) insertTag(db, p.tag.name, p.tag.color, p.tag.id);
      if (p.action === 'add') addTag(db, p.tag.id, p.documentIds);
      else removeTag(db, p.tag.id, p.documentIds);
    },
  }),
  'tags.create': reversible({
    payload: z.object({ tag: TagRecord }),
    describe: (p) => `create tag "${p.tag.name}"`,
    undo: (db, p) => deleteTag(db, p.tag.id),
    redo: (db, p) => void insertTag(db, p.tag.name, p.tag.color, p.tag.id),
  }),
  'tags.update': reversible({
    payload: z.object({ id: z.number(), before: TagRecord.omit({ id: true }), after: TagRecord.omit({ id: true }) }),
    describe: (p) => (p.before.name === p.after.name ? `recolour tag "${p.after.name}"` : `rename tag "${p.before.name}" to "${p.after.name}"`),
    undo: (db, p) => setTag(db, p.id, p.before.name, p.before.color),
    redo: (db, p) => setTag(db, p.id, p.after.name, p.after.color),
  }),
  'tags.merge': reversible({
    payload: z.object({
      source: TagRecord,
      target: TagRecord,
      sourceDocumentIds: z.array(z.number()),
      addedToTarget: z.array(z.number()),
    }),
    describe: (p) => `merge tag "${p.source.name}" into "${p.target.name}"`,
    undo: (db, p) => {
      insertTag(db, p.source.name, p.source.color, p.source.id);
      addTag(db, p.source.id, p.sourceDocumentIds);
      removeTag(db, p.target.id, p.addedToTarget);
    },
    redo: (db, p) => {
      addTag(db, p.target.id, p.addedToTarget);
      deleteTag(db, p.source.id);
    },
  }),
  'tags.delete': reversible({
    payload: z.object({ tag: TagRecord, documentIds: z.array(z.number()) }),
    describe: (p) => `delete tag "${p.tag.name}"`,
    undo: (db, p) => {
      insertTag(db, p.tag.name, p.tag.color, p.tag.id);
      addTag(db, p.tag.id, p.documentIds);
    },
    redo: (db, p) => deleteTag(db, p.tag.id),
  }),
  'notes.create': reversible({
    payload: z.object({ note: NoteRecord }),
    describe: (p) => `add note on "${p.note.documentTitle}"`,
    undo: (db, p) => deleteNote(db, p.note.id),
    redo: (db, p) => void insertNote(db, p.note, p.note),
  }),
  'notes.update': reversible({
    payload: z.object({
      id: z.number(),
      before: z.object({ body: z.string(), color: z.string().nullable() }),
      after: z.object({ body: z.string(), color: z.string().nullable() }),
    }),
    describe: () => 'edit note',
    undo: (db, p) => setNote(db, p.id, p.before.body, p.before.color),
    redo: (db, p) => setNote(db, p.id, p.after.body, p.after.color),
  }),
  'notes.delete': reversible({
    payload: z.object({ note: NoteRecord }),
    describe: (p) => `delete note on "${p.note.documentTitle}"`,
    undo: (db, p) => void insertNote(db, p.note, p.note),
    redo: (db, p) => deleteNote(db, p.note.id),
  }),
  'documents.update': reversible({
    payload: z.object({ id: z.number(), before: Metadata, after: Metadata }),
    describe: (p) => `edit details of "${p.after.title}"`,
    undo: (db, p) => setMetadataAndRedate(db, p.id, p.after, p.before),
    redo: (db, p) => setMetadataAndRedate(db, p.id, p.before, p.after),
  }),
};

const reversibles = {
  ...documentReversibles,
  ...entityReversibles,
  ...curationReversibles,
  ...briefingReversibles,
  ...linkReversibles,
  ...readingReversibles,
  ...drawingReversibles,
  ...exchangeReversibles,
};

type Operation = keyof typeof reversibles;
type PayloadOf<O extends Operation> = (typeof reversibles)[O] extends Reversible<infer P> ? P : never;

function record<O extends Operation>(db: Database, operation: O, payload: PayloadOf<O>): void {
  recordHistory(db, operation, payload, { undoable: true });
}

function tagRecord(tag: Tag): z.infer<typeof TagRecord> {
  return { id: tag.id, name: tag.name, color: tag.color };
}

/** Reverts (or re-applies) the next change; null when there is none. */
export function undoOrRedo(db: Database, direction: 'undo' | 'redo'): { operation: string; description: string } | null {
  return db.transaction(() => {
    const entry = direction === 'undo' ? nextToUndo(db) : nextToRedo(db);
    if (!entry) return null;
    const definition = (reversibles as Record<string, Reversible<unknown>>)[entry.operation];
    if (!definition) {
      throw new DossierError('internal', `History entry ${entry.id} (${entry.operation}) cannot be ${direction}ne by this version of Dossier.`);
    }
    const payload = definition.payload.parse(entry.payload);
    if (direction === 'undo') definition.undo(db, payload);
    else definition.redo(db, payload);
    setHistoryState(db, entry.id, direction === 'undo' ? 'undone' : 'done');
    return { operation: entry.operation, description: definition.describe(payload) };
  })();
}

export function applyTag(
  db: Database,
  tag: { id: number } | { name: string },
  documentIds: readonly number[],
  action: 'add' | 'remove',
): Tag {
  return db.transaction(() => {
    let target = 'id' in tag ? getTag(db, tag.id) : findTagByName(db, tag.name);
    let createdTag = false;
    if (!target) {
      if (action === 'remove') throw new DossierError('not-found', `There is no tag "${'name' in tag ? tag.name : ''}" to remove.`);
      target = insertTag(db, (tag as { name: string }).name);
      createdTag = true;
    }
    const unique = [...new Set(documentIds)];
    const changed = action === 'add' ? addTag(db, target.id, unique) : removeTag(db, target.id, unique);
    if (changed.length > 0 || createdTag) {
      record(db, 'tags.apply', { tag: tagRecord(target), action, documentIds: changed, createdTag });
    }
    return getTag(db, target.id);
  })();
}

export function createTag(db: Database, name: string, color?: string): Tag {
  return db.transaction(() => {
    const tag = insertTag(db, name, color);
    record(db, 'tags.create', { tag: tagRecord(tag) });
    return tag;
  })();
}

export function updateTag(db: Database, id: number, patch: { name?: string; color?: string }): Tag {
  return db.transaction(() => {
    const before = getTag(db, id);
    const after = { name: patch.name ?? before.name, color: patch.color ?? before.color };
    if (after.name === before.name && after.color === before.color) return before;
    setTag(db, id, after.name, after.color);
    record(db, 'tags.update', { id, before: { name: before.name, color: before.color }, after });
    return getTag(db, id);
  })();
}

export function mergeTags(db: Database, sourceId: number, targetId: number): Tag {
  if (sourceId === targetId) throw new DossierError('invalid-input', 'A tag cannot be merged into itself; choose another tag.');
  return db.transaction(() => {
    const source = getTag(db, sourceId);
    const target = getTag(db, targetId);
    const sourceDocumentIds = documentsWithTag(db, sourceId);
    const addedToTarget = addTag(db, targetId, sourceDocumentIds);
    deleteTag(db, sourceId);
    record(db, 'tags.merge', { source: tagRecord(source), target: tagRecord(target), sourceDocumentIds, addedToTarget });
    return getTag(db, targetId);
  })();
}

export function removeTagEverywhere(db: Database, id: number): void {
  db.transaction(() => {
    const tag = getTag(db, id);
    const documentIds = documentsWithTag(db, id);
    deleteTag(db, id);
    record(db, 'tags.delete', { tag: tagRecord(tag), documentIds });
  })();
}

export function createNote(db: Database, input: { documentId: number; start: number; end: number; body: string; color?: string }): Note {
  return db.transaction(() => {
    const note = insertNote(db, { ...input, color: input.color ?? null });
    record(db, 'notes.create', { note });
    return note;
  })();
}

export function updateNote(db: Database, id: number, patch: { body?: string; color?: string | null }): Note {
  return db.transaction(() => {
    const before = getNote(db, id);
    const after = { body: patch.body ?? before.body, color: patch.color === undefined ? before.color : patch.color };
    if (after.body === before.body && after.color === before.color) return before;
    setNote(db, id, after.body, after.color);
    record(db, 'notes.update', { id, before: { body: before.body, color: before.color }, after });
    return getNote(db, id);
  })();
}

export function removeNote(db: Database, id: number): void {
  db.transaction(() => {
    const note = getNote(db, id);
    deleteNote(db, id);
    record(db, 'notes.delete', { note });
  })();
}

export function updateDocument(db: Database, id: number, patch: Partial<DocumentMetadata>): void {
  db.transaction(() => {
    const before = getDocumentMetadata(db, id);
    const after: DocumentMetadata = {
      title: patch.title ?? before.title,
      author: patch.author === undefined ? before.author : patch.author,
      source: patch.source === undefined ? before.source : patch.source,
      publishedAt: patch.publishedAt === undefined ? before.publishedAt : patch.publishedAt,
      language: patch.language === undefined ? before.language : patch.language,
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    setMetadataAndRedate(db, id, before, after);
    record(db, 'documents.update', { id, before, after });
  })();
}

/** Sets a document's metadata; a new date resolves its relative times ("on Tuesday") again. */
function setMetadataAndRedate(db: Database, id: number, before: DocumentMetadata, after: DocumentMetadata): void {
  setDocumentMetadata(db, id, after);
  if (before.publishedAt !== after.publishedAt) redateDocument(db, id);
}

/** A document as the reader shows it, notes included. */
export function readDocument(db: Database, id: number, search?: string): DocumentDetail {
  return { ...getDocument(db, id, search), notes: listNotes(db, id) };
}
