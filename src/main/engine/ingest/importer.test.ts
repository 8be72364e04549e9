import type { Database as SqliteDatabase } from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { useTempDirs } from '../../../../tests/support/tempDir';
import type { EventName, EventPayload } from '../../../shared/api';
import { createCaseFile } from '../case/caseFile';
import { listDocuments } from '../documents/repository';
import { Importer } from './importer';
import { DEFAULT_LIMITS } from '../limits';

const tempDir = useTempDirs();
const fixture = (name: string) => join(projectRoot, 'tests', 'fixtures', name);

let db: SqliteDatabase;
let events: { event: EventName; payload: unknown }[];
let importer: Importer;

beforeEach(() => {
  db = createCaseFile(join(tempDir(), 'case.dossier'), 'Imports').db;
  events = [];
  importer = new Importer(db, <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }));
  return () => db.close();
});

function copyFixtures(names: string[]): string {
  const dir = join(tempDir(), 'incoming');
  mkdirSync(dir, { recursive: true });
  for (const name of names) copyFileSync(fixture(name), join(dir, name));
  return dir;
}

describe('import', () => {
  it('imports a folder of real documents, keeping each original with its SHA-256', async () => {
    const dir = copyFixtures(['border-incident-article.txt', 'reuters-sample.sgm', 'article.html', 'two-pages.pdf', 'message.eml', 'memo.docx']);
    const report = await importer.start([{ path: dir }]).finished;
    expect(report.failed).toEqual([]);
    expect(report.cancelled).toBe(false);

    const seed = listDocuments(db, { search: 'title:denounces' }).rows[0]!;
    expect(seed.title).toBe('Azerbaijan denounces an alleged invasion of the Armenian military into its territory');
    const original = db
      .prepare('SELECT b.sha256, b.bytes FROM documents d JOIN document_blobs b ON b.id = d.blob_id WHERE d.id = ?')
      .get(seed.id) as { sha256: string; bytes: Buffer };
    expect(Buffer.compare(original.bytes, readFileSync(fixture('border-incident-article.txt')))).toBe(0);

    const kinds = new Set(listDocuments(db, { limit: 1000 }).rows.map((row) => row.kind));
    expect(kinds).toEqual(new Set(['text', 'newswire', 'html', 'pdf', 'email', 'docx']));
    // The e-mail's attachment is a child document.
    const email = listDocuments(db, { kinds: ['email'] }).rows[0]!;
    expect(listDocuments(db, { limit: 1000 }).rows.some((row) => row.parentId === email.id)).toBe(true);
    // History records each file's import.
    const imports = db.prepare("SELECT count(*) AS n FROM history WHERE operation = 'documents.import'").get() as { n: number };
    expect(imports.n).toBe(6);
    // Progress went out, ending at total/total, then the report.
    const progress = events.filter((entry) => entry.event === 'import.progress').map((entry) => entry.payload as { done: number; total: number });
    expect(progress.at(-1)).toMatchObject({ done: 6, total: 6 });
    expect(events.at(-1)).toEqual({ event: 'import.finished', payload: report });
  });

  it('reports an identical file as a duplicate instead of importing it twice', async () => {
    const first = await importer.start([{ path: fixture('border-incident-article.txt') }]).finished;
    const again = await importer.start([{ name: 'copy.txt', bytes: readFileSync(fixture('border-incident-article.txt')) }]).finished;
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toEqual([{ file: 'copy.txt', existingDocumentId: first.imported[0]!.documentId }]);
    expect(listDocuments(db, {}).total).toBe(1);
  });

  it('catches the same file given twice in one import, and dates a document by its file name', async () => {
    const bytes = readFileSync(fixture('border-incident-article.txt'));
    const report = await importer.start([
      { name: 'statement-2025-03-04.txt', bytes },
      { name: 'copy.txt', bytes },
    ]).finished;
    expect(report.imported.map((entry) => entry.file)).toEqual(['statement-2025-03-04.txt']);
    expect(report.duplicates.map((entry) => entry.file)).toEqual(['copy.txt']);
    expect(listDocuments(db, {}).rows[0]?.publishedAt).toBe('2025-03-04');
  });

  it('dates a document with no date in its metadata by the dateline it opens with', async () => {
    const story = 'Border talks resume\n\nTBILISI, May 14, 2021 (Caucasus Monitor) - Negotiators from Armenia and Azerbaijan met on Friday.';
    await importer.start([{ name: 'talks-2025-01-01.txt', bytes: new TextEncoder().encode(story) }]).finished;
    expect(listDocuments(db, {}).rows[0]?.publishedAt).toBe('2021-05-14');
  });

  it('gives every bad file its own clear reason and imports the rest', async () => {
    const dir = copyFixtures(['junk.txt', 'empty.txt', 'encrypted.pdf', 'truncated.pdf', 'bomb.docx', 'border-incident-article.txt']);
    writeFileSync(join(dir, 'vanishing.txt'), 'here now');
    const job = importer.start([{ path: dir }, { path: join(dir, 'never-existed.txt') }]);
    rmSync(join(dir, 'vanishing.txt'));
    const report = await job.finished;
    expect(report.imported.map((entry) => entry.file)).toEqual([join(dir, 'border-incident-article.txt')]);
    const reasons: Record<string, string> = Object.fromEntries(report.failed.map((failure) => [failure.file.split('/').at(-1) ?? '', failure.reason]));
    expect(reasons['junk.txt']).toMatch(/^junk\.txt /);
    expect(reasons['empty.txt']).toMatch(/empty\.txt is empty \(0 bytes\)/);
    expect(reasons['encrypted.pdf']).toMatch(/encrypted\.pdf .*password/i);
    expect(reasons['truncated.pdf']).toMatch(/^truncated\.pdf /);
    expect(reasons['bomb.docx']).toMatch(/^bomb\.docx /);
    expect(reasons['vanishing.txt']).toMatch(/vanishing\.txt disappeared before it could be imported/);
    expect(reasons['never-existed.txt']).toMatch(/never-existed\.txt does not exist/);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('refuses devices and pipes without reading them, e-mail of random bytes, and reads a text that mentions %PDF as text', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const junkMail = join(dir, 'random.eml');
    writeFileSync(junkMail, Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256)));
    const pdfTalk = join(dir, 'pdf-versions.txt');
    writeFileSync(pdfTalk, 'Files written by Acrobat 11 start with %PDF-1.7, older ones with %PDF-1.4.\n');
    const report = await importer.start([{ path: '/dev/zero' }, { path: fifo }, { path: junkMail }, { path: pdfTalk }]).finished;
    const reasons: Record<string, string> = Object.fromEntries(report.failed.map((failure) => [failure.file.split('/').at(-1) ?? '', failure.reason]));
    expect(reasons['zero']).toMatch(/zero is not a regular file/);
    expect(reasons['pipe.txt']).toMatch(/pipe\.txt is not a regular file/);
    expect(reasons['random.eml']).toMatch(/random\.eml is named \.eml but does not start with e-mail headers/);
    expect(report.imported.map((entry) => entry.file)).toEqual([pdfTalk]);
  });

  it('refuses a file over the size limit with a message saying how to proceed', async () => {
    const small = new Importer(db, undefined, {
      ...DEFAULT_LIMITS,
      maxFileBytes: 1000,
      maxArchiveEntries: 10,
      maxArchiveBytes: 10_000,
      maxCompressionRatio: 100,
      maxArchiveDepth: 2,
    });
    const report = await small.start([{ path: fixture('border-incident-article.txt') }]).finished;
    expect(report.failed[0]?.reason).toMatch(/border-incident-article\.txt is 2\.8 KB; Dossier imports files up to 1000 bytes\. Split it/);
  });

  it('opens archives into their documents', async () => {
    const report = await importer.start([{ path: fixture('bundle.zip') }, { path: fixture('archive.mbox') }]).finished;
    expect(report.failed).toEqual([]);
    expect(report.imported.length).toBeGreaterThanOrEqual(4);
    expect(report.imported.some((entry) => entry.file.startsWith('bundle.zip/'))).toBe(true);
  });

  it('counts the files inside nested archives against the outer archive\'s limits', async () => {
    const strict = new Importer(db, undefined, {
      ...DEFAULT_LIMITS,
      maxFileBytes: 1024 * 1024,
      maxArchiveEntries: 10,
      maxArchiveBytes: 240,
      maxCompressionRatio: 1000,
      maxArchiveDepth: 3,
    });
    const report = await strict.start([{ path: fixture('bundle.zip') }]).finished;
    expect(report.failed.map((failure) => failure.reason)).toEqual([expect.stringMatching(/^bundle\.zip expands to more than 10 files or 240 bytes, counting the archives inside it; .*possible zip bomb/)]);
  });

  it('stops at a cancel between files, keeping what was committed', async () => {
    const dir = copyFixtures(['border-incident-article.txt', 'article.html', 'notes.md', 'two-pages.pdf']);
    const job = importer.start([{ path: dir }]);
    importer.cancel(job.jobId);
    const report = await job.finished;
    expect(report.cancelled).toBe(true);
    expect(report.imported.length).toBeLessThan(4);
    expect(listDocuments(db, {}).total).toBe(report.imported.length);
  });
});
