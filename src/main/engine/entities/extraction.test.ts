// "Find again" (re-extraction over a case) in a built worker thread: the rows of the main thread's, and a cancel that leaves the case whole.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExtractProgress } from '../../../shared/entities';
import { builtFile, projectRoot } from '../../../../tests/support/built';
import { builtWorkers, extractionRows, unusableAnalyzer } from '../../../../tests/support/findWorkers';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { openCaseFile } from '../case/caseFile';
import { createEngine } from '../engine';
import type { EngineOptions } from '../engine';
import { locateResources } from '../extract/pipeline';
import { distanceKm } from '../geo/resolve';
import type { FindWorkerOptions } from '../ingest/findPool';
import { createAnalyzer } from './analyzer';
import { extractionRunner } from './extraction';

const tempDir = useTempDirs();
const opened: SqliteDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const resourcesDir = locateResources();
const analyzer = createAnalyzer(resourcesDir, null);

const unusable = unusableAnalyzer(analyzer.knowledge);

const workers = (): FindWorkerOptions => builtWorkers(resourcesDir, 2);

/** Every table extraction fills, without the clock's columns. */
function rows(db: SqliteDatabase): Record<string, unknown[]> {
  return extractionRows(db, 'id, meta');
}

const NEXT = 'A Hungarian court met in Vienna. Colonel Gaddafi and President Putin were not there; Senator McCain was.';
let template = '';

/**
 * A case whose analyst redrew two people to take in their titles (a learned edge convention, which needs the
 * documents' texts), then imported without extraction: the fixtures, a text the convention applies to, and
 * stories enough for three batches of 25.
 */
let templateDir = '';
afterAll(() => rmSync(templateDir, { recursive: true, force: true }));
beforeAll(async () => {
  // Made once for the file's tests (a test's temp folders go when it ends).
  const dir = (templateDir = mkdtempSync(join(tmpdir(), 'dossier-test-')));
  template = join(dir, 'template.dossier');
  const engine = createEngine();
  try {
    await engine.handlers['cases.create']({ path: template, title: 'Find again' });
    const reviewed = join(dir, 'reviewed.txt');
    const text = 'The Dutch government met French diplomats in Oslo on Monday. President Obama spoke to Chancellor Merkel there.';
    writeFileSync(reviewed, text);
    await engine.startImport([{ path: reviewed }]).finished;
    const suggestions = await engine.handlers['mentions.forDocument']({ documentId: 1 });
    for (const [name, titled] of [['Obama', 'President Obama'], ['Merkel', 'Chancellor Merkel']] as const) {
      await engine.handlers['mentions.setStatus']({ id: suggestions.find((mention) => mention.text === name)!.id, status: 'rejected' });
      await engine.handlers['mentions.create']({ documentId: 1, start: text.indexOf(titled), end: text.indexOf(titled) + titled.length, type: 'person' });
    }
    const incoming = join(dir, 'incoming');
    mkdirSync(incoming);
    for (const name of ['reuters-sample.sgm', 'message.eml', 'border-incident-article.txt', 'article.html', 'memo.docx']) {
      copyFileSync(join(projectRoot, 'tests', 'fixtures', name), join(incoming, name));
    }
    writeFileSync(join(incoming, 'next.txt'), NEXT);
    const paragraphs = readFileSync(join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8').split(/\n\n+/).filter((paragraph) => paragraph.length > 80);
    for (let index = 0; index < 60; index += 1) {
      writeFileSync(join(incoming, `story-${String(index).padStart(2, '0')}.txt`), `Story ${index} from Baku.\n\n${paragraphs[index % paragraphs.length]}\n\n${paragraphs[(index * 7 + 3) % paragraphs.length]}`);
    }
    const report = await engine.startImport([{ path: incoming }], { extract: false }).finished;
    expect(report.failed).toEqual([]);
  } finally {
    engine.dispose();
  }
});

/** A copy of the template case, open. */
function copyOfCase(name: string): SqliteDatabase {
  const path = join(tempDir(), `${name}.dossier`);
  copyFileSync(template, path);
  const db = openCaseFile(path).db;
  opened.push(db);
  return db;
}

/**
 * Finds again through the engine, as the Entities screen does: over the article first, then, after a GeoNames
 * extract was added, over a report naming a village only the extract knows. Returns the rows and how many
 * messages worker threads were sent during the second pass.
 */
async function findAgainThroughTheEngine(findWorkers?: EngineOptions['findWorkers']): Promise<{ rows: Record<string, unknown[]>; messages: number }> {
  const dir = tempDir();
  let finished: (progress: ExtractProgress) => void = () => undefined;
  const engine = createEngine({
    emit: (event, payload) => {
      if (event === 'extract.finished') finished(payload as ExtractProgress);
    },
    ...(findWorkers ? { findWorkers } : {}),
  });
  const findAgain = async (documentIds: number[]): Promise<ExtractProgress> => {
    const done = new Promise<ExtractProgress>((resolve) => (finished = resolve));
    await engine.handlers['entities.extract']({ documentIds });
    return done;
  };
  try {
    await engine.handlers['cases.create']({ path: join(dir, 'places.dossier'), title: 'Places' });
    const report = join(dir, 'report.txt');
    writeFileSync(report, 'Shelling was reported near Zar, a village in the Kalbajar district of Azerbaijan, on Tuesday.');
    await engine.startImport([{ path: join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt') }, { path: report }], { extract: false }).finished;
    expect(await findAgain([1])).toMatchObject({ done: 1, cancelled: false });
    await engine.handlers['gazetteer.addExtract']({ path: join(projectRoot, 'tests', 'fixtures', 'geonames-AZ-sample.txt') });
    const given = vi.spyOn(Worker.prototype, 'postMessage');
    expect(await findAgain([2])).toMatchObject({ done: 1, cancelled: false });
    const messages = given.mock.calls.length;
    vi.restoreAllMocks();
    const zar = (await engine.handlers['entities.list']({ search: 'Zar' })).find((entity) => entity.name === 'Zar');
    expect(zar?.coordinates && distanceKm(zar.coordinates.lat, zar.coordinates.lon, 40.22, 46.28)).toBeLessThan(1);
    return { rows: rows(engine.currentCase()!.db), messages };
  } finally {
    engine.dispose();
  }
}

const documentIds = (db: SqliteDatabase): number[] => db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];

describe('find again in worker threads', () => {
  it('stores the same rows, with the same ids, as extraction in the main thread, what the case learned included', async () => {
    const inThread = copyOfCase('in-thread');
    const done = await extractionRunner(inThread, undefined, () => analyzer).start().finished;
    expect(done.total).toBeGreaterThan(50);
    const expected = rows(inThread);
    expect(expected.mentions!.length).toBeGreaterThan(100);
    expect(expected.times!.length).toBeGreaterThan(0);

    // The main thread's analyzer throws: the workers found everything.
    const inWorkers = copyOfCase('in-workers');
    const progress = await extractionRunner(inWorkers, undefined, () => unusable, workers()).start().finished;
    expect(progress).toEqual({ ...done, cancelled: false });
    expect(rows(inWorkers)).toEqual(expected);
    const next = inWorkers.prepare("SELECT id FROM documents WHERE title = 'next.txt' OR file_name = 'next.txt'").pluck().get() as number;
    const people = inWorkers.prepare("SELECT text FROM mentions WHERE document_id = ? AND type = 'person'").pluck().all(next);
    expect(people).toEqual(expect.arrayContaining(['Colonel Gaddafi', 'President Putin', 'Senator McCain']));
  });

  it('runs through the session with the analyzer of the job: a GeoNames extract added since reaches the workers', async () => {
    const inThread = await findAgainThroughTheEngine();
    expect(inThread.messages).toBe(0);
    const inWorkers = await findAgainThroughTheEngine({ script: builtFile('main/findWorker.js'), threads: 1, startAfterCharacters: 0, mainThreadFinds: false });
    expect(inWorkers.messages).toBeGreaterThan(0);
    expect(inWorkers.rows).toEqual(inThread.rows);
  });

  it('stops handing out work when cancelled, closes its workers, and leaves the batches stored as the main thread would have', async () => {
    const cancelled = copyOfCase('cancelled');
    // Spies that call through: which workers the job gave work to, and when; which it ended.
    const given = vi.spyOn(Worker.prototype, 'postMessage');
    const ended = vi.spyOn(Worker.prototype, 'terminate');
    let givenBeforeCancel = -1;
    const runner = extractionRunner(
      cancelled,
      (event, payload) => {
        const progress = payload as ExtractProgress;
        if (event === 'extract.progress' && progress.jobId === 1 && progress.done >= 25) {
          givenBeforeCancel = given.mock.calls.length;
          runner.cancel(progress.jobId);
        }
      },
      () => unusable,
      workers(),
    );
    const progress = await runner.start().finished;
    const workersGiven = new Set(given.mock.contexts);
    const calls = { given: given.mock.calls.length, ended: [...ended.mock.contexts] };
    vi.restoreAllMocks();
    expect(progress.cancelled).toBe(true);
    expect(progress.done).toBe(25);
    expect(progress.total).toBeGreaterThan(50);
    expect(workersGiven.size).toBeGreaterThan(0);
    expect(calls.given).toBe(givenBeforeCancel);
    // Both workers ended (one may have been given nothing) by the time the job says it is over.
    expect(calls.ended.length).toBe(2);
    expect(calls.ended).toEqual(expect.arrayContaining([...workersGiven]));

    // The first batch, found in the main thread: the same rows, and nothing of the documents after it.
    const firstBatch = copyOfCase('first-batch');
    await extractionRunner(firstBatch, undefined, () => analyzer).start(documentIds(firstBatch).slice(0, 25)).finished;
    expect(rows(cancelled)).toEqual(rows(firstBatch));
    expect(cancelled.pragma('foreign_key_check')).toEqual([]);
    expect(cancelled.pragma('integrity_check', { simple: true })).toBe('ok');

    // The runner is free for the next job, which finds the rest.
    const rest = await runner.start(documentIds(cancelled).slice(25)).finished;
    expect(rest.cancelled).toBe(false);
    const whole = copyOfCase('whole');
    await extractionRunner(whole, undefined, () => analyzer).start().finished;
    expect(rows(cancelled)).toEqual(rows(whole));
  });
});
