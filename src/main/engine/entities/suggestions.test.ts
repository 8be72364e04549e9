import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { createCaseFile } from '../case/caseFile';
import { insertDocument, storeBlob } from '../documents/repository';
import { EXTRACTION_LIMITS } from '../limits';
import type { AnalyzedMention } from '../extract/pipeline';
import type { Knowledge } from './knowledge';
import { CaseExtraction, paragraphEnd, storeSuggestions } from './suggestions';

const tempDir = useTempDirs();

const knowledge: Knowledge = {
  knownActor: () => undefined,
  countryOfDemonym: () => undefined,
  countryNamed: () => undefined,
  placeNamed: () => undefined,
  titleWords: new Set(),
};

describe('extraction of long documents', () => {
  it('cuts at the last paragraph break before the limit, else a line break or a space', () => {
    expect(paragraphEnd('aaaaaaaa\n\nbbb ccc', 14)).toBe(10);
    expect(paragraphEnd('aaaaaaaaaa\ncccc dd', 16)).toBe(11);
    expect(paragraphEnd('aaaaaaaaaaaa cccc', 16)).toBe(13);
    expect(paragraphEnd('short', 100)).toBe(5);
  });

  it('tags a long text in pieces with offsets into the whole text, and reads no further than its limit, saying so', () => {
    const { db } = createCaseFile(join(tempDir(), 'long.dossier'), 'Long');
    const paragraph = `${'Words without names. '.repeat(40)}Ilham Aliyev spoke.\n\n`;
    const text = paragraph.repeat(Math.ceil((EXTRACTION_LIMITS.maxCharacters * 1.2) / paragraph.length));
    const pieces: number[] = [];
    const analyzer = {
      knowledge,
      analyze(piece: string): AnalyzedMention[] {
        pieces.push(piece.length);
        return [...piece.matchAll(/Ilham Aliyev/g)].map((match) => ({
          start: match.index,
          end: match.index + 12,
          text: 'Ilham Aliyev',
          type: 'person' as const,
          entity: { name: 'Ilham Aliyev' },
        }));
      },
    };
    const blobId = storeBlob(db, 'a'.repeat(64), new Uint8Array([1]));
    const { id } = insertDocument(db, {
      parentId: null, blobId, kind: 'text', title: 'Long', author: null, source: null, publishedAt: null, language: 'en', fileName: 'long.txt',
      importedAt: '2026-01-01T00:00:00Z', size: 1, text, html: null, pageStarts: null, meta: {},
    });
    new CaseExtraction(db, analyzer).suggest(id, text);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(EXTRACTION_LIMITS.chunkCharacters);
    const mentions = db.prepare('SELECT start, end FROM mentions WHERE document_id = ? ORDER BY start').all(id) as { start: number; end: number }[];
    expect(mentions.length).toBeGreaterThan(100);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe('Ilham Aliyev');
    expect(mentions.at(-1)!.end).toBeLessThanOrEqual(EXTRACTION_LIMITS.maxCharacters);
    const meta = JSON.parse((db.prepare('SELECT meta FROM documents WHERE id = ?').get(id) as { meta: string }).meta) as { extraction?: string };
    expect(meta.extraction).toMatch(/^Names, places, times and claims were looked for in the first [\d,]+ of its [\d,]+ characters \(the limit maxCharacters of extraction\)/);
    db.close();
  });
});

describe('names first met in capitals', () => {
  it('renames a suggestion first seen in capitals as running text writes it, but not one the analyst confirmed', () => {
    const { db } = createCaseFile(join(tempDir(), 'capitals.dossier'), 'Capitals');
    const blobId = storeBlob(db, 'b'.repeat(64), new Uint8Array([1]));
    const text = 'NEW YORK, March 3 - Traders in New York and BONN said. Bonn agreed.';
    const { id } = insertDocument(db, {
      parentId: null, blobId, kind: 'text', title: 'Wire', author: null, source: null, publishedAt: null, language: 'en', fileName: 'wire.txt',
      importedAt: '2026-01-01T00:00:00Z', size: 1, text, html: null, pageStarts: null, meta: {},
    });
    const mention = (name: string, from = 0) => {
      const start = text.indexOf(name, from);
      return { start, end: start + name.length, text: name, type: 'location' as const, entity: { name } };
    };
    storeSuggestions(db, id, [mention('NEW YORK'), mention('BONN')]);
    db.prepare("UPDATE entities SET status = 'confirmed' WHERE name = 'BONN'").run();
    storeSuggestions(db, id, [mention('New York'), mention('Bonn')]);
    const names = (db.prepare('SELECT name FROM entities ORDER BY id').all() as { name: string }[]).map((row) => row.name);
    expect(names).toEqual(['New York', 'BONN']);
    db.close();
  });
});
