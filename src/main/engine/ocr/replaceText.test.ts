import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { forbidNetwork } from '../../../../tests/support/noNetwork';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { parseInput } from '../../../shared/rpc';
import { undoOrRedo } from '../case/undo';
import { createEngine } from '../engine';
import type { ExtractedDocument } from '../ingest/types';
import { replaceReading } from './replaceText';

forbidNetwork();
const tempDir = useTempDirs();

describe('putting a new reading of a scan in place of the old', () => {
  it('carries over what it finds again, names what it cannot, and undoes as one step', async () => {
    const engine = createEngine();
    try {
      await engine.handlers['cases.create']({ path: join(tempDir(), 'carry.dossier'), title: 'Carry' });
      const report = await engine.startImport([{ path: join(projectRoot, 'tests', 'fixtures', 'scan-two-pages.tif') }]).finished;
      const { documentId } = report.imported[0]!;
      const db = engine.currentCase()!.db;
      const old = await engine.handlers['documents.get']({ id: documentId });
      const span = (words: string) => ({ start: old.text.indexOf(words), end: old.text.indexOf(words) + words.length });
      await engine.handlers['notes.create'](parseInput('notes.create', { documentId, ...span('Armudlu'), body: 'village' }));
      await engine.handlers['notes.create'](parseInput('notes.create', { documentId, ...span('Kalbajar'), body: 'district' }));
      const armudlu = (await engine.handlers['mentions.forDocument']({ documentId })).find((mention) => mention.text === 'Armudlu')!;
      await engine.handlers['mentions.setStatus']({ id: armudlu.id, status: 'confirmed' });
      // What the extractor found on import, whatever its bounds ("Kalbajar" or "Kalbajar region"): undo brings it back.
      const mentionsBefore = (await engine.handlers['mentions.forDocument']({ documentId })).map((mention) => mention.text).sort();
      await engine.handlers['links.create'](
        parseInput('links.create', { from: `entity:${armudlu.entityId}`, to: `document:${documentId}`, relation: 'named in', evidence: [{ documentId, ...span('the village of Armudlu') }] }),
      );
      // A claim the analyst confirmed, whose words are all on page one.
      const cue = span('the village');
      db.prepare(
        `INSERT INTO claims (document_id, speaker_entity_id, speaker_start, speaker_end, speaker_text, speaker_type, cue_start, cue_end, cue_text, content_start, content_end, stance, status)
         VALUES (?, ?, ?, ?, 'Armudlu', 'location', ?, ?, 'the village', ?, ?, 'asserts', 'confirmed')`,
      ).run(documentId, armudlu.entityId, span('Armudlu').start, span('Armudlu').end, cue.start, cue.end, span('Page one').start, span('Page one').end);

      // The new reading has a header line first, and reads the second page's name otherwise.
      const text = `Header line.\n\n${old.text.replace('Kalbajar', 'Kelbajar')}`;
      const reading: ExtractedDocument = {
        ...{ kind: 'pdf', title: old.title, html: null, author: null, source: null, publishedAt: null, language: 'en', attachments: [] },
        text,
        pageStarts: [0, text.indexOf('Page two')],
        meta: { pages: 2, ocrPages: 2, ocrLanguages: 'eng+rus', ocrConfidence: 91.5, ocrWords: { pages: [], words: [] } },
      };
      const outcome = replaceReading(db, documentId, reading, null);

      expect(outcome.kept).toBe(4);
      expect(outcome.lost).toEqual([{ kind: 'note', text: 'Kalbajar — district' }]);
      const after = await engine.handlers['documents.get']({ id: documentId });
      expect(after.text).toBe(text);
      expect(after.meta).toMatchObject({ ocrLanguages: 'eng+rus', ocrConfidence: 91.5, imageFormat: 'TIFF' });
      expect(after.notes.map((note) => [note.quote, text.slice(note.start, note.end)])).toEqual([['Armudlu', 'Armudlu']]);
      const mentions = await engine.handlers['mentions.forDocument']({ documentId });
      // The confirmed mention moved with its word; the machine's suggestions went (no extractor here to read them again).
      expect(mentions.map((mention) => [mention.text, mention.status, text.slice(mention.start, mention.end)])).toEqual([['Armudlu', 'confirmed', 'Armudlu']]);
      const evidence = db.prepare('SELECT start, end, quote FROM link_evidence WHERE document_id = ?').all(documentId) as { start: number; end: number; quote: string }[];
      expect(evidence.map((row) => text.slice(row.start, row.end))).toEqual(['the village of Armudlu']);
      const claim = db.prepare('SELECT speaker_start, cue_start, content_start, content_end FROM claims WHERE document_id = ?').get(documentId) as Record<string, number>;
      expect(text.slice(claim.content_start, claim.content_end)).toBe('Page one');
      expect(claim.cue_start).toBe(text.indexOf('the village'));

      expect(undoOrRedo(db, 'undo')?.operation).toBe('ocr.rerun');
      const restored = await engine.handlers['documents.get']({ id: documentId });
      expect(restored.text).toBe(old.text);
      expect(restored.notes.map((note) => note.quote)).toEqual(['Armudlu', 'Kalbajar']);
      expect((await engine.handlers['mentions.forDocument']({ documentId })).map((mention) => mention.text).sort()).toEqual(mentionsBefore);
      expect(mentionsBefore).toContain('Armudlu');
      const search = await engine.handlers['documents.list'](parseInput('documents.list', { search: 'Kalbajar' }));
      expect(search.rows.map((row) => row.id)).toEqual([documentId]);
    } finally {
      engine.dispose();
    }
  });
});
