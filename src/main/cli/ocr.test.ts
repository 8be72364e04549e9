// Scans through the command line: `dossier import` reads a PNG and an image-only PDF by OCR, and
// their text is searched, tagged for entities and mapped back to word boxes like any other text.
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../tests/support/built';
import { forbidNetwork } from '../../../tests/support/noNetwork';
import { useTempDirs } from '../../../tests/support/tempDir';
import type { DocumentPage } from '../../shared/documents';
import { wordBoxesForSpan } from '../engine/documents/ocrWords';
import { EXIT_FAILED, EXIT_OK, runCli } from './program';

forbidNetwork();
const tempDir = useTempDirs();
const fixture = (name: string) => join(projectRoot, 'tests', 'fixtures', name);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('dossier import with OCR', () => {
  it('imports a PNG and an image-only PDF, finds their words, suggests entities and maps spans to boxes', async () => {
    const dir = tempDir();
    const path = join(dir, 'scans.dossier');
    await run('new', path);
    const imported = await run('import', path, fixture('scan-paragraph.png'), fixture('scan-image-only.pdf'), '--json');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(EXIT_OK);
    const report = JSON.parse(imported.stdout) as { imported: { file: string }[]; failed: unknown[] };
    expect(report.imported.map((entry) => entry.file)).toEqual([fixture('scan-paragraph.png'), fixture('scan-image-only.pdf')]);
    expect(report.failed).toEqual([]);

    for (const word of ['Armudlu', 'Kalbajar']) {
      const found = JSON.parse((await run('search', path, word, '--json')).stdout) as DocumentPage;
      expect(found.rows.map((row) => row.fileName).sort()).toEqual(['scan-image-only.pdf', 'scan-paragraph.png']);
    }

    const db = new Database(path, { readonly: true });
    try {
      const documents = db.prepare("SELECT id, text, json_extract(meta, '$.ocrConfidence') AS confidence FROM documents ORDER BY id").all() as {
        id: number;
        text: string;
        confidence: number;
      }[];
      for (const document of documents) {
        expect(document.confidence).toBeGreaterThan(80);
        // Entities are suggested from the recognised text, at offsets into it.
        const mentions = db.prepare('SELECT start, end, e.name FROM mentions JOIN entities AS e ON e.id = mentions.entity_id WHERE document_id = ?').all(document.id) as {
          start: number;
          end: number;
          name: string;
        }[];
        const named = mentions.map((mention) => document.text.slice(mention.start, mention.end));
        expect(named).toEqual(expect.arrayContaining(['Armudlu', 'Kalbajar']));
        // A mention's span maps to the box of the word on the page image.
        const kalbajar = mentions.find((mention) => document.text.slice(mention.start, mention.end) === 'Kalbajar')!;
        const [box] = wordBoxesForSpan(db, document.id, kalbajar.start, kalbajar.end);
        expect(box).toMatchObject({ page: 1, start: kalbajar.start });
        expect(box!.x1).toBeGreaterThan(box!.x0);
        expect(box!.y1).toBeGreaterThan(box!.y0);
      }
    } finally {
      db.close();
    }
  });

  it('refuses images with --no-ocr, bad languages before starting, and keeps what the case had', async () => {
    const dir = tempDir();
    const path = join(dir, 'case.dossier');
    await run('new', path);
    await run('import', path, fixture('border-incident-article.txt'), '--no-extract');
    const corrupt = join(dir, 'photo.jpg');
    copyFileSync(fixture('junk.txt'), corrupt);

    const withoutOcr = await run('import', path, fixture('scan-paragraph.png'), corrupt, '--no-ocr', '--no-extract');
    expect(withoutOcr.code).toBe(EXIT_FAILED);
    expect(withoutOcr.stdout).toContain('scan-paragraph.png is a PNG image, and this import runs without OCR; import it again with OCR on to read its text');
    expect(withoutOcr.stdout).toContain('photo.jpg is named .jpg but is not a readable image');

    const unknown = await run('import', path, fixture('scan-paragraph.png'), '--ocr-lang', 'eng+xyz');
    expect(unknown.code).not.toBe(EXIT_OK);
    expect(unknown.stderr).toContain('Dossier has no OCR data for xyz; choose from aze, eng, hye, rus');

    const found = JSON.parse((await run('search', path, 'Armudlu', '--json')).stdout) as DocumentPage;
    expect(found.rows.map((row) => row.fileName)).toEqual(['border-incident-article.txt']);
  });

  it('reads a scanned document again with other languages: dossier ocr CASE --doc ID --lang eng+rus', async () => {
    const path = join(tempDir(), 'rerun.dossier');
    await run('new', path);
    await run('import', path, fixture('scan-two-pages.tif'), '--no-extract');
    const [row] = (JSON.parse((await run('search', path, 'Kalbajar', '--json')).stdout) as DocumentPage).rows;
    const documentId = String(row!.id);

    const rerun = await run('ocr', path, '--doc', documentId, '--lang', 'eng+rus');
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(EXIT_OK);
    expect(rerun.stdout).toMatch(new RegExp(`^Document ${documentId} read again: eng \\(confidence [\\d.]+%\\) → eng\\+rus \\(confidence [\\d.]+%\\)\\.`));

    const db = new Database(path, { readonly: true });
    try {
      const documents = db.prepare("SELECT id, json_extract(meta, '$.ocrLanguages') AS languages FROM documents").all();
      expect(documents).toEqual([{ id: row!.id, languages: 'eng+rus' }]);
      const history = db.prepare("SELECT operation FROM history WHERE undoable = 1 AND state = 'done'").all();
      expect(history).toEqual([{ operation: 'ocr.rerun' }]);
    } finally {
      db.close();
    }
    const found = JSON.parse((await run('search', path, 'Armudlu', '--json')).stdout) as DocumentPage;
    expect(found.rows.map((entry) => entry.id)).toEqual([row!.id]);

    const unknown = await run('ocr', path, '--doc', documentId, '--lang', 'fra');
    expect(unknown.code).toBe(EXIT_FAILED);
    expect(unknown.stderr).toContain('Dossier has no OCR data for fra');
    const missing = await run('ocr', path, '--doc', '99', '--lang', 'eng');
    expect(missing.code).toBe(EXIT_FAILED);
    expect(missing.stderr).toContain('There is no document 99 in this case');
  });
});
