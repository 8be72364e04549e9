import type { Database as SqliteDatabase } from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { builtWorkers, extractionRows, unusableAnalyzer } from '../../../../tests/support/findWorkers';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { createCaseFile, openCaseFile } from '../case/caseFile';
import { createEngine } from '../engine';
import { createAnalyzer } from '../entities/analyzer';
import type { EntityAnalyzer } from '../entities/finder';
import { locateResources } from '../extract/pipeline';
import type { FindWorkerOptions } from './findPool';
import { DEFAULT_LIMITS } from './types';
import { Importer } from './importer';

const tempDir = useTempDirs();
const opened: SqliteDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Real documents of several kinds: newswire stories, an e-mail with an attachment (a child document), an article. */
const FIXTURES = ['reuters-sample.sgm', 'message.eml', 'border-incident-article.txt', 'article.html', 'memo.docx'];

function incoming(): string {
  const dir = join(tempDir(), 'incoming');
  mkdirSync(dir, { recursive: true });
  for (const name of FIXTURES) copyFileSync(join(projectRoot, 'tests', 'fixtures', name), join(dir, name));
  return dir;
}

/** What an import wrote. */
function rows(db: SqliteDatabase): Record<string, unknown[]> {
  return extractionRows(db, 'id, parent_id, title, published_at, meta, fingerprint, near_duplicate_of, search_names', {
    searched: "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'oil OR Pashinian OR minister' ORDER BY rowid",
  });
}

const resourcesDir = locateResources();
const analyzer = createAnalyzer(resourcesDir, null);

const unusable = unusableAnalyzer(analyzer.knowledge);

async function importInto(name: string, dir: string, main: EntityAnalyzer, workers?: FindWorkerOptions): Promise<Record<string, unknown[]>> {
  const db = createCaseFile(join(tempDir(), `${name}.dossier`), 'Imports').db;
  opened.push(db);
  const report = await new Importer(db, undefined, DEFAULT_LIMITS, () => main, undefined, workers).start([{ path: dir }]).finished;
  expect(report.failed).toEqual([]);
  expect(report.imported.length).toBeGreaterThan(FIXTURES.length);
  return rows(db);
}

describe('extraction in worker threads', () => {
  it('stores the same rows, with the same ids, as extraction in the main thread', async () => {
    const dir = incoming();
    const inThread = await importInto('in-thread', dir, analyzer);
    expect(inThread.mentions!.length).toBeGreaterThan(20);
    expect(inThread.times!.length).toBeGreaterThan(0);
    const workers = builtWorkers(resourcesDir, 2);
    // The main thread's analyzer throws: the workers did all of the extraction.
    expect(await importInto('workers', dir, unusable, workers)).toEqual(inThread);
    // With the main thread finding while the worker starts, whoever finds a document, the rows are the same.
    expect(await importInto('shared', dir, analyzer, { ...workers, threads: 1, mainThreadFinds: true })).toEqual(inThread);
  });

  it('applies what the case learned, edge conventions included, in the workers as in the main thread', async () => {
    // A case whose analyst redrew two people to take in their titles (the convention needs the documents' texts).
    const path = join(tempDir(), 'learned.dossier');
    const engine = createEngine();
    await engine.handlers['cases.create']({ path, title: 'Learned' });
    const reviewed = join(tempDir(), 'reviewed.txt');
    const text = 'The Dutch government met French diplomats in Oslo on Monday. President Obama spoke to Chancellor Merkel there.';
    writeFileSync(reviewed, text);
    await engine.startImport([{ path: reviewed }]).finished;
    const suggestions = await engine.handlers['mentions.forDocument']({ documentId: 1 });
    for (const [name, titled] of [['Obama', 'President Obama'], ['Merkel', 'Chancellor Merkel']] as const) {
      await engine.handlers['mentions.setStatus']({ id: suggestions.find((mention) => mention.text === name)!.id, status: 'rejected' });
      await engine.handlers['mentions.create']({ documentId: 1, start: text.indexOf(titled), end: text.indexOf(titled) + titled.length, type: 'person' });
    }
    engine.dispose();

    const db = openCaseFile(path).db;
    opened.push(db);
    const next = join(tempDir(), 'next');
    mkdirSync(next);
    writeFileSync(join(next, 'next.txt'), 'A Hungarian court met in Vienna. Colonel Gaddafi and President Putin were not there; Senator McCain was.');
    const workers = builtWorkers(resourcesDir, 1);
    const report = await new Importer(db, undefined, DEFAULT_LIMITS, () => unusable, undefined, workers).start([{ path: next }]).finished;
    expect(report.failed).toEqual([]);
    const people = db.prepare("SELECT text FROM mentions WHERE document_id = ? AND type = 'person'").pluck().all(report.imported[0]!.documentId);
    expect(people).toEqual(expect.arrayContaining(['Colonel Gaddafi', 'President Putin', 'Senator McCain']));
  });

  it('extracts in the main thread when a worker cannot start', async () => {
    const dir = incoming();
    const inThread = await importInto('in-thread', dir, analyzer);
    const broken: FindWorkerOptions = {
      recipe: () => ({ resourcesDir, extracts: [] }),
      script: join(tempDir(), 'no-such-worker.js'),
      startAfterCharacters: 0,
      mainThreadFinds: false,
    };
    expect(await importInto('fallback', dir, analyzer, broken)).toEqual(inThread);
  });
});
