import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { forbidNetwork } from '../../../../tests/support/noNetwork';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { parseInput } from '../../../shared/rpc';
import { createEngine } from '../engine';

forbidNetwork();
const tempDir = useTempDirs();
const fixture = (name: string) => join(projectRoot, 'tests', 'fixtures', name);

describe('scanned documents through the engine', () => {
  it('imports with the languages asked for, and serves the word layer apart from the document', async () => {
    const engine = createEngine();
    try {
      await engine.handlers['cases.create']({ path: join(tempDir(), 'scans.dossier'), title: 'Scans' });
      expect(await engine.handlers['ocr.languages']({})).toEqual(['aze', 'eng', 'hye', 'rus']);
      await expect(async () => engine.handlers['documents.import'](parseInput('documents.import', { sources: [{ path: fixture('scan-two-pages.tif') }], ocr: { languages: ['fra'] } }))).rejects.toThrow(
        /no OCR data for fra/,
      );
      const report = await engine.startImport([{ path: fixture('scan-two-pages.tif') }], { ocr: { languages: ['eng', 'rus'] }, extract: false }).finished;
      const { documentId } = report.imported[0]!;

      const document = await engine.handlers['documents.get']({ id: documentId });
      expect(document.meta).toMatchObject({ ocrLanguages: 'eng+rus', ocrPages: 2, imageFormat: 'TIFF' });
      expect(document.meta.ocrConfidence).toEqual(expect.any(Number));
      // The words are served on their own, not with every document read.
      expect(document.meta).not.toHaveProperty('ocrWords');

      const second = await engine.handlers['ocr.layer']({ documentId, page: 2 });
      expect(second!.pages).toEqual([expect.objectContaining({ page: 2, width: 700 })]);
      expect(second!.words.map((word) => document.text.slice(word.start, word.end))).toEqual(['Page', 'two:', 'the', 'Kalbajar', 'region.']);

      const start = document.text.indexOf('Kalbajar region');
      const boxes = await engine.handlers['ocr.boxes'](parseInput('ocr.boxes', { documentId, start, end: start + 'Kalbajar region'.length }));
      expect(boxes.map((box) => [box.page, document.text.slice(box.start, box.end)])).toEqual([
        [2, 'Kalbajar'],
        [2, 'region.'],
      ]);
      expect(boxes[0]!.x1).toBeLessThanOrEqual(boxes[1]!.x0);

      // The page as OCR saw it, in the pixels of its boxes: a TIFF page comes back as a PNG.
      const picture = await engine.handlers['ocr.pageImage']({ documentId, page: 2 });
      expect(picture).toMatchObject({ mime: 'image/png', width: 700, height: second!.pages[0]!.height });
      expect([...picture.bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);

      const typed = await engine.startImport([{ path: fixture('notes.md') }]).finished;
      expect(await engine.handlers['ocr.layer']({ documentId: typed.imported[0]!.documentId })).toBeNull();
      await expect(async () => engine.handlers['ocr.pageImage']({ documentId: typed.imported[0]!.documentId, page: 1 })).rejects.toThrow(/was not read by OCR/);

      // A scanned PDF page is drawn again at 300 dpi, the size its boxes were measured on.
      const scan = await engine.startImport([{ path: fixture('scan-mixed.pdf') }], { extract: false }).finished;
      const scanId = scan.imported[0]!.documentId;
      const layer = await engine.handlers['ocr.layer']({ documentId: scanId });
      const drawn = await engine.handlers['ocr.pageImage']({ documentId: scanId, page: 2 });
      expect({ width: drawn.width, height: drawn.height }).toEqual({ width: layer!.pages[0]!.width, height: layer!.pages[0]!.height });
    } finally {
      engine.dispose();
    }
  });
});
