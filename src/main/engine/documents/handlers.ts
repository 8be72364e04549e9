/** The engine's handlers for the channels of documents, tags and notes. */
import type { Handlers } from '../../../shared/api';
import type { documentChannels } from '../../../shared/documents';
import type { Session } from '../case/session';
import { applyTag, createNote, createTag, mergeTags, readDocument, removeNote, removeTagEverywhere, updateDocument, updateNote, updateTag } from './actions';
import { getNote, listNotes } from './notes';
import { listDocuments } from './repository';
import { listTags } from './tags';

export function documentHandlers(session: Session): Handlers<keyof typeof documentChannels> {
  const { db } = session;
  return {
    'documents.import': ({ sources, ocr }) => {
      const job = session.startImport(sources, ocr === undefined ? {} : { ocr });
      // The report arrives as the import.finished event; nothing waits on the promise here.
      job.finished.catch(() => undefined);
      return { jobId: job.jobId };
    },
    'documents.cancelImport': ({ jobId }) => {
      session.requireCase().importer.cancel(jobId);
      return null;
    },
    'documents.list': (query) => listDocuments(db(), query),
    'documents.get': ({ id, search }) => readDocument(db(), id, search),
    'documents.update': ({ id, ...patch }) => {
      updateDocument(db(), id, patch);
      return readDocument(db(), id);
    },

    'tags.list': () => listTags(db()),
    'tags.create': ({ name, color }) => createTag(db(), name, color),
    'tags.update': ({ id, ...patch }) => updateTag(db(), id, patch),
    'tags.merge': ({ sourceId, targetId }) => mergeTags(db(), sourceId, targetId),
    'tags.delete': ({ id }) => {
      removeTagEverywhere(db(), id);
      return null;
    },
    'tags.apply': ({ tag, documentIds, action }) => applyTag(db(), tag, documentIds, action),

    'notes.list': ({ documentId }) => listNotes(db(), documentId),
    'notes.create': (input) => createNote(db(), input),
    'notes.update': ({ id, ...patch }) => {
      updateNote(db(), id, patch);
      return getNote(db(), id);
    },
    'notes.delete': ({ id }) => {
      removeNote(db(), id);
      return null;
    },
  };
}
