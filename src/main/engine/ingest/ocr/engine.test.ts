import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../../tests/support/built';
import { availableLanguages, locateOcrData, parseLanguages, parseTsv } from './engine';
import { pageText } from './layout';

describe('OCR engine', () => {
  it('ships English, Russian, Armenian and Azerbaijani, and checks what an import asks for', () => {
    const available = availableLanguages(locateOcrData());
    expect(available).toEqual(['aze', 'eng', 'hye', 'rus']);
    expect(parseLanguages('eng+rus', available)).toEqual(['eng', 'rus']);
    expect(parseLanguages(' RUS, eng ', available)).toEqual(['rus', 'eng']);
    expect(() => parseLanguages('eng+fra', available)).toThrow('Dossier has no OCR data for fra; choose from aze, eng, hye, rus (combine with +, e.g. eng+rus).');
  });

  it('runs its worker with the network closed: asking it to download language data fails', () => {
    // In a child process: tesseract.js never settles createWorker when loading a language fails,
    // and its worker thread would outlive the test; the child exits when the error arrives.
    const script = `
      const { createWorker } = require('tesseract.js');
      createWorker('eng', 1, {
        langPath: 'https://tessdata.example.org/4.0.0',
        workerPath: ${JSON.stringify(join(locateOcrData(), 'offline-worker.cjs'))},
        cacheMethod: 'none',
        errorHandler: (error) => { console.log(String(error)); process.exit(0); },
      });
      setTimeout(() => { console.log('no error'); process.exit(1); }, 20000);
    `;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toMatch(/tried to fetch https:\/\/tessdata\.example\.org\/4\.0\.0\/eng\.traineddata\.gz; OCR must run offline/);
  });

  it('lays out Tesseract TSV as lines and paragraphs, with every word at its offsets', () => {
    const row = (level: number, block: number, paragraph: number, line: number, word: number, left: number, text: string, confidence = 90) =>
      [level, 1, block, paragraph, line, word, left, 10 * line, 40, 12, confidence, text].join('\t');
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      [1, 1, 0, 0, 0, 0, 0, 0, 800, 600, -1, ''].join('\t'),
      row(5, 1, 1, 1, 1, 10, 'Near'),
      row(5, 1, 1, 1, 2, 60, 'Armudlu,'),
      row(5, 1, 1, 2, 1, 10, 'Kalbajar.', 50),
      row(5, 2, 1, 1, 1, 10, '  '),
      row(5, 2, 1, 1, 2, 10, 'Next\u00ad'),
    ].join('\n');
    const page = parseTsv(tsv);
    expect(page).toMatchObject({ width: 800, height: 600 });
    const laidOut = pageText(page);
    expect(laidOut.text).toBe('Near Armudlu,\nKalbajar.\n\nNext');
    expect(laidOut.words.map((word) => laidOut.text.slice(word.start, word.end))).toEqual(['Near', 'Armudlu,', 'Kalbajar.', 'Next']);
    expect(laidOut.words[2]).toMatchObject({ x0: 10, y0: 20, x1: 50, y1: 32, confidence: 50 });
    // Weighted by length: 9 characters at 50 among 25 at 90.
    expect(laidOut.confidence).toBeCloseTo((90 * 16 + 50 * 9) / 25);
  });
});
