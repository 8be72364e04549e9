import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { forbidNetwork } from '../../../../tests/support/noNetwork';
import { useTempDirs } from '../../../../tests/support/tempDir';
import type { EventName, EventPayload } from '../../../shared/api';
import { parseInput } from '../../../shared/rpc';
import { createEngine } from '../engine';

forbidNetwork();
const tempDir = useTempDirs();
const fixture = (name: string) => join(projectRoot, 'tests', 'fixtures', name);

describe('reading a scanned document again with other languages', () => {
  it('replaces its text, boxes and languages in one undoable step, keeping the document and the analyst’s notes', async () => {
    const events: { event: EventName; payload: unknown }[] = [];
    const engine = createEngine({ emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ event, payload }) });
    try {
      await engine.handlers['cases.create']({ path: join(tempDir(), 'rerun.dossier'), title: 'Re-run' });
      const report = await engine.startImport([{ path: fixture('scan-two-pages.tif') }]).finished;
      const { documentId } = report.imported[0]!;
      const before = await engine.handlers['documents.get']({ id: documentId });
      const layerBefore = await engine.handlers['ocr.layer']({ documentId });
      expect(before.meta.ocrLanguages).toBe('eng');
      const at = before.text.indexOf('Kalbajar');
      await engine.handlers['notes.create'](parseInput('notes.create', { documentId, start: at, end: at + 'Kalbajar'.length, body: 'the district' }));
      const { total } = await engine.handlers['documents.list'](parseInput('documents.list', {}));

      // A document whose text came from the file itself has nothing to read again.
      const typed = (await engine.startImport([{ path: fixture('notes.md') }]).finished).imported[0]!.documentId;
      expect(() => engine.startOcrRerun(typed, ['eng'])).toThrow(/was not read by OCR/);
      // The list shows each scan's confidence and sorts by it, documents without OCR last either way.
      for (const direction of ['asc', 'desc'] as const) {
        const sorted = await engine.handlers['documents.list'](parseInput('documents.list', { sort: 'ocrConfidence', direction }));
        expect(sorted.rows.map((row) => [row.id, row.ocrConfidence])).toEqual([
          [documentId, before.meta.ocrConfidence],
          [typed, null],
        ]);
      }
      expect(() => engine.startOcrRerun(documentId, ['fra'])).toThrow(/no OCR data for fra/);

      const { jobId } = await engine.handlers['ocr.rerun']({ documentId, languages: ['eng', 'rus'] });
      const finished = await new Promise<EventPayload<'ocr.finished'>>((resolve) => {
        const wait = setInterval(() => {
          const found = events.find((entry) => entry.event === 'ocr.finished');
          if (found) resolve((clearInterval(wait), found.payload as EventPayload<'ocr.finished'>));
        }, 20);
      });
      expect(finished).toMatchObject({ jobId, documentId, status: 'done', before: { languages: 'eng' }, after: { languages: 'eng+rus' } });
      expect(finished.after!.confidence).toEqual(expect.any(Number));
      // Each of the two pages was reported as it was read.
      expect(events.filter((entry) => entry.event === 'ocr.progress').map((entry) => entry.payload)).toEqual([
        { jobId, documentId, page: 1, pages: 2 },
        { jobId, documentId, page: 2, pages: 2 },
      ]);

      const after = await engine.handlers['documents.get']({ id: documentId });
      expect(after.id).toBe(documentId);
      expect(after.meta).toMatchObject({ ocrLanguages: 'eng+rus', ocrPages: 2, imageFormat: 'TIFF' });
      expect((await engine.handlers['documents.list'](parseInput('documents.list', {}))).total).toBe(total + 1);
      // The note is where its word is in the new text.
      const [note] = after.notes;
      expect(note).toMatchObject({ quote: 'Kalbajar', body: 'the district' });
      expect(after.text.slice(note!.start, note!.end)).toBe('Kalbajar');
      // Names are read again from the new text.
      const mentions = await engine.handlers['mentions.forDocument']({ documentId });
      expect(mentions.map((mention) => mention.text)).toEqual(expect.arrayContaining(['Armudlu', expect.stringMatching(/^Kalbajar/)]));
      for (const mention of mentions) expect(after.text.slice(mention.start, mention.end)).toBe(mention.text);
      const search = await engine.handlers['documents.list'](parseInput('documents.list', { search: 'Kalbajar' }));
      expect(search.rows.map((row) => row.id)).toContain(documentId);

      const undone = await engine.handlers['history.undo']({});
      expect(undone?.description).toMatch(/read ".*" again with OCR \(eng\+rus instead of eng\)/);
      const restored = await engine.handlers['documents.get']({ id: documentId });
      expect(restored.text).toBe(before.text);
      expect(restored.meta).toEqual(before.meta);
      expect(await engine.handlers['ocr.layer']({ documentId })).toEqual(layerBefore);
      expect(restored.notes.map(({ start, end, quote }) => ({ start, end, quote }))).toEqual([{ start: at, end: at + 8, quote: 'Kalbajar' }]);

      await engine.handlers['history.redo']({});
      expect((await engine.handlers['documents.get']({ id: documentId })).meta.ocrLanguages).toBe('eng+rus');
    } finally {
      engine.dispose();
    }
  });

  it('stops at Cancel, leaving the document as it was and nothing to undo', async () => {
    const engine = createEngine();
    try {
      await engine.handlers['cases.create']({ path: join(tempDir(), 'cancel.dossier'), title: 'Cancel' });
      const { documentId } = (await engine.startImport([{ path: fixture('scan-two-pages.tif') }], { extract: false }).finished).imported[0]!;
      const before = await engine.handlers['documents.get']({ id: documentId });
      const job = engine.startOcrRerun(documentId, ['eng', 'rus']);
      expect(() => engine.startOcrRerun(documentId, ['rus'])).toThrow(/is already being read again/);
      await engine.handlers['ocr.cancel']({ jobId: job.jobId });
      expect(await job.finished).toMatchObject({ status: 'cancelled', after: null });
      expect(await engine.handlers['documents.get']({ id: documentId })).toEqual(before);
      expect(await engine.handlers['history.undo']({})).toBeNull();
    } finally {
      engine.dispose();
    }
  });
});

