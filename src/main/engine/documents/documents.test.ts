import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { useTempDirs } from '../../../../tests/support/tempDir';
import type { DocumentKind } from '../../../shared/documents';
import { createCaseFile } from '../case/caseFile';
import { migrate } from '../case/migrations';
import { undoOrRedo } from '../case/undo';
import { applyTag, createNote, mergeTags, readDocument, removeNote, removeTagEverywhere, updateDocument, updateNote, updateTag } from './actions';
import { NearDuplicateIndex } from './nearDuplicates';
import { insertDocument, listDocuments, storeBlob } from './repository';
import { listTags } from './tags';

const tempDir = useTempDirs();
const seedText = readFileSync(join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8');

let db: SqliteDatabase;
let nearDuplicates: NearDuplicateIndex;

function addDocument(title: string, text: string, extra: { kind?: DocumentKind; publishedAt?: string | null } = {}): number {
  const blobId = storeBlob(db, String(Math.random()).padEnd(64, '0').slice(0, 64), new TextEncoder().encode(text));
  return insertDocument(db, {
    parentId: null,
    blobId,
    kind: extra.kind ?? 'text',
    title,
    author: null,
    source: null,
    publishedAt: extra.publishedAt ?? null,
    language: 'en',
    fileName: `${title}.txt`,
    importedAt: new Date().toISOString(),
    size: text.length,
    text,
    html: null,
    pageStarts: null,
    meta: {},
  }, { nearDuplicates }).id;
}

beforeEach(() => {
  db = createCaseFile(join(tempDir(), 'case.dossier'), 'Border incident').db;
  nearDuplicates = new NearDuplicateIndex();
  return () => db.close();
});

describe('schema v2 (documents)', () => {
  it('migrates a v1 case, keeping its metadata and history', () => {
    const old = new Database(':memory:');
    migrate(old, 'memory', 1);
    old.prepare("INSERT INTO case_meta (id, title, created_at, updated_at) VALUES (1, 'Old case', 'then', 'then')").run();
    old.prepare("INSERT INTO history (operation, at, payload) VALUES ('case.create', 'then', '{}')").run();
    migrate(old, 'memory', 2);
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    expect(old.prepare('SELECT title FROM case_meta').get()).toEqual({ title: 'Old case' });
    expect(old.prepare('SELECT operation, state, undoable FROM history').all()).toEqual([{ operation: 'case.create', state: 'done', undoable: 0 }]);
    old.prepare("INSERT INTO documents (kind, title, imported_at, text) VALUES ('text', 't', 'now', 'x')").run();
    expect(() => old.prepare("INSERT INTO documents (kind, title, imported_at, text) VALUES ('video', 't', 'now', 'x')").run()).toThrow(/CHECK/);
  });
});

describe('search', () => {
  let seed: number;
  beforeEach(() => {
    seed = addDocument('Azerbaijan denounces an alleged invasion', seedText, { publishedAt: '2021-07-28' });
    addDocument('Kəlbəcər rayonunda vəziyyət', 'Kəlbəcər rayonu, Ağdərə və Laçın barədə qısa məlumat.', { publishedAt: '2021-08-02' });
    addDocument('Oil prices', 'Crude oil prices rose on Monday in New York trading.', { kind: 'newswire', publishedAt: '1987-02-26' });
  });

  it('folds diacritics and returns highlighted snippets, best match first', () => {
    const page = listDocuments(db, { search: 'pashinian', sort: 'relevance' });
    expect(page.total).toBe(1);
    expect(page.rows[0]!.id).toBe(seed);
    expect(page.rows[0]!.snippet?.replaceAll('\u0002', '[').replaceAll('\u0003', ']')).toMatch(/\[Pashini[aá]n\]/);
  });

  it('finds other spellings of a name (Kelbajar finds Kəlbəcər and Kalbajar)', () => {
    const titles = listDocuments(db, { search: 'Kelbajar' }).rows.map((row) => row.title).sort();
    expect(titles).toEqual(['Azerbaijan denounces an alleged invasion', 'Kəlbəcər rayonunda vəziyyət']);
  });

  it('supports phrases, NOT, prefixes, NEAR and title:', () => {
    const count = (search: string) => listDocuments(db, { search }).total;
    expect(count('"Nikol Pashinián"')).toBe(1);
    expect(count('Armudlu Pashinian')).toBe(1);
    expect(count('Armudlu oil')).toBe(0);
    expect(count('"Pashinian Nikol"')).toBe(0);
    expect(count('oil NOT crude')).toBe(0);
    expect(count('Azerbaij*')).toBe(1);
    expect(count('NEAR(soldiers mines, 12)')).toBe(1);
    expect(count('title:oil')).toBe(1);
    expect(count('title:Pashinian')).toBe(0);
  });

  it('answers a bad query with a readable error', () => {
    expect(() => listDocuments(db, { search: '"unbalanced' })).toThrow(/could not be read: a "phrase" is missing its closing quote/);
  });

  it('filters by type and published date, sorts and pages', () => {
    expect(listDocuments(db, { kinds: ['newswire'] }).rows.map((row) => row.title)).toEqual(['Oil prices']);
    expect(listDocuments(db, { publishedFrom: '2021-01-01', publishedTo: '2021-07-28' }).rows.map((row) => row.id)).toEqual([seed]);
    const byTitle = listDocuments(db, { sort: 'title', direction: 'asc', limit: 2 });
    expect(byTitle.total).toBe(3);
    expect(byTitle.rows.map((row) => row.title)).toEqual(['Azerbaijan denounces an alleged invasion', 'Kəlbəcər rayonunda vəziyyət']);
    expect(listDocuments(db, { sort: 'title', direction: 'asc', limit: 2, offset: 2 }).rows.map((row) => row.title)).toEqual(['Oil prices']);
    expect(listDocuments(db, { sort: 'publishedAt', direction: 'asc' }).rows.map((row) => row.publishedAt)).toEqual(['1987-02-26', '2021-07-28', '2021-08-02']);
  });

  it('uses the index to page through documents in import order', () => {
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT d.id FROM documents AS d ORDER BY d.imported_at DESC, d.id DESC LIMIT 200 OFFSET 0')
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (COVERING )?INDEX documents_by_imported/);
  });

  it('locates the hits in the reader, in the stored text', () => {
    const detail = readDocument(db, seed, 'pashinian');
    expect(detail.highlights.map(({ start, end }) => detail.text.slice(start, end))).toEqual(
      expect.arrayContaining(['Pashinián', 'Pashinian']),
    );
  });
});

describe('tags', () => {
  it('tags many documents at once, filters by a tag and its sub-tags, and undoes and redoes', () => {
    const a = addDocument('Statement', 'An official statement from the ministry.');
    const b = addDocument('Report', 'A media report about the border.');
    const official = applyTag(db, { name: 'source/official' }, [a], 'add');
    applyTag(db, { name: 'source/media' }, [b], 'add');
    expect(listTags(db).map((tag) => [tag.name, tag.count])).toEqual([
      ['source/media', 1],
      ['source/official', 1],
    ]);
    const parent = applyTag(db, { name: 'source' }, [a], 'add');
    expect(listDocuments(db, { tagIds: [parent.id] }).rows.map((row) => row.id).sort()).toEqual([a, b].sort());
    expect(listDocuments(db, { tagIds: [official.id] }).rows.map((row) => row.id)).toEqual([a]);

    expect(undoOrRedo(db, 'undo')).toEqual({ operation: 'tags.apply', description: 'tag 1 document "source"' });
    expect(listTags(db).map((tag) => tag.name)).toEqual(['source/media', 'source/official']);
    expect(undoOrRedo(db, 'redo')?.operation).toBe('tags.apply');
    expect(listTags(db).map((tag) => tag.name)).toContain('source');
  });

  it('renames, merges and deletes tags, each undoable', () => {
    const a = addDocument('A', 'First text.');
    const b = addDocument('B', 'Second text.');
    const media = applyTag(db, { name: 'media' }, [a], 'add');
    const press = applyTag(db, { name: 'press' }, [a, b], 'add');
    expect(() => updateTag(db, media.id, { name: 'PRESS' })).toThrow(/There is already a tag "press"; merge/);
    updateTag(db, media.id, { name: 'source/media', color: '#fa5252' });
    expect(listTags(db).find((tag) => tag.id === media.id)).toMatchObject({ name: 'source/media', color: '#fa5252' });

    const merged = mergeTags(db, press.id, media.id);
    expect(merged.count).toBe(2);
    expect(listTags(db).map((tag) => tag.name)).toEqual(['source/media']);
    undoOrRedo(db, 'undo');
    expect(listTags(db).map((tag) => [tag.name, tag.count])).toEqual([
      ['press', 2],
      ['source/media', 1],
    ]);

    removeTagEverywhere(db, press.id);
    expect(listTags(db).map((tag) => tag.name)).toEqual(['source/media']);
    undoOrRedo(db, 'undo');
    expect(listTags(db).find((tag) => tag.id === press.id)?.count).toBe(2);
  });

  it('forgets what could be redone once a new change is made', () => {
    const a = addDocument('A', 'Text.');
    applyTag(db, { name: 'one' }, [a], 'add');
    undoOrRedo(db, 'undo');
    applyTag(db, { name: 'two' }, [a], 'add');
    expect(undoOrRedo(db, 'redo')).toBeNull();
    expect(listTags(db).map((tag) => tag.name)).toEqual(['two']);
  });
});

describe('notes and document details', () => {
  it('keeps a note on a passage, with its quote, and brings a deleted note back on undo', () => {
    const id = addDocument('Seed', seedText);
    const start = seedText.indexOf('about 40');
    const note = createNote(db, { documentId: id, start, end: start + 'about 40'.length, body: 'Numbers differ by source.' });
    expect(note.quote).toBe('about 40');
    expect(() => createNote(db, { documentId: id, start: 0, end: seedText.length + 5, body: '' })).toThrow(/past the end/);

    updateNote(db, note.id, { body: 'Only the MoD gives a number.' });
    removeNote(db, note.id);
    expect(readDocument(db, id).notes).toEqual([]);
    expect(undoOrRedo(db, 'undo')?.operation).toBe('notes.delete');
    expect(readDocument(db, id).notes).toEqual([expect.objectContaining({ id: note.id, body: 'Only the MoD gives a number.' })]);
    undoOrRedo(db, 'undo');
    expect(readDocument(db, id).notes[0]?.body).toBe('Numbers differ by source.');
    undoOrRedo(db, 'undo');
    expect(readDocument(db, id).notes).toEqual([]);
    expect(undoOrRedo(db, 'undo')).toBeNull();
  });

  it('edits metadata and keeps search in step with the new title', () => {
    const id = addDocument('Untitled', 'Body text about Armudlu.');
    updateDocument(db, id, { title: 'Armudlu incursion', author: 'MoD press service', publishedAt: '2021-07-28' });
    expect(listDocuments(db, { search: 'title:incursion' }).rows.map((row) => row.id)).toEqual([id]);
    expect(readDocument(db, id)).toMatchObject({ author: 'MoD press service', publishedAt: '2021-07-28' });
    undoOrRedo(db, 'undo');
    expect(listDocuments(db, { search: 'title:incursion' }).total).toBe(0);
    expect(readDocument(db, id).title).toBe('Untitled');
  });

  it('flags the syndicated copy of a story as a near-duplicate', () => {
    const original = addDocument('Original', seedText);
    const copy = seedText.replace('on Wednesday', 'on Wednesday evening').replace('about 40', 'around 40');
    const syndicatedId = addDocument('Syndicated', copy);
    const unrelated = addDocument('Other', 'Crude oil prices rose sharply in New York trading on Monday. '.repeat(12));
    const rows = listDocuments(db, { sort: 'title', direction: 'asc' }).rows;
    expect(rows.find((row) => row.id === syndicatedId)?.nearDuplicateOf).toBe(original);
    expect(rows.find((row) => row.id === unrelated)?.nearDuplicateOf).toBeNull();
  });
});
