import { afterAll, describe, expect, it } from 'vitest';
import { createOcrEngine } from '../ocr/engine';
import type { OcrLayer } from '../ocr/layout';
import { boxesForSpan } from '../ocr/layout';
import type { OcrContext } from '../types';
import { DEFAULT_LIMITS } from '../types';
import { fixture, refusal } from './fixtures';
import { readImageHeader, sniffImage } from './imageHeader';
import { readFile } from './index';
import { forbidNetwork } from '../../../../../tests/support/noNetwork';

forbidNetwork();
const engine = createOcrEngine();
afterAll(() => engine.terminate());

const pagesSeen: string[] = [];
const ocr: OcrContext = {
  languages: ['eng'],
  beforePage: (file, page, pages) => pagesSeen.push(`${file} ${page}/${pages}`),
  recognize: (image) => engine.recognize(image, ['eng']),
};

/** A PNG that is only a signature and a header claiming `width` × `height`. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 0, 0, 0, 0], 24);
  return bytes;
}

/** A little-endian TIFF of `pages` directories of 1 × 1 pages, each pointing at the next. */
function tiffOfPages(pages: number): Uint8Array {
  const directorySize = 2 + 2 * 12 + 4;
  const bytes = new Uint8Array(8 + pages * directorySize);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 0x2a, 0x00]);
  view.setUint32(4, 8, true);
  for (let page = 0; page < pages; page++) {
    const at = 8 + page * directorySize;
    view.setUint16(at, 2, true);
    for (const [index, tag] of [256, 257].entries()) {
      view.setUint16(at + 2 + index * 12, tag, true);
      view.setUint16(at + 4 + index * 12, 3, true);
      view.setUint32(at + 6 + index * 12, 1, true);
      view.setUint16(at + 10 + index * 12, 1, true);
    }
    view.setUint32(at + 26, page === pages - 1 ? 0 : at + directorySize, true);
  }
  return bytes;
}

describe('image headers', () => {
  it('tells PNG, JPEG, WebP and TIFF apart by their first bytes and reads their size', () => {
    const png = fixture('scan-paragraph.png').bytes;
    expect(sniffImage(png)).toBe('png');
    expect(readImageHeader('png', png, 10).pages).toEqual([{ width: 1400, height: 212 }]);
    const tiff = tiffOfPages(3);
    expect(sniffImage(tiff)).toBe('tiff');
    expect(readImageHeader('tiff', tiff, 10)).toMatchObject({ pages: [{ width: 1, height: 1 }, { width: 1, height: 1 }, { width: 1, height: 1 }], truncated: false });
    expect(sniffImage(new TextEncoder().encode('plain text'))).toBeNull();
  });

  it('refuses an image bomb from its header, before anything is decoded', async () => {
    const bomb = await refusal({ name: 'bomb.png', bytes: pngHeader(50_000, 50_000) }, DEFAULT_LIMITS, 0);
    expect(bomb.message).toBe(
      'bomb.png is 50,000 × 50,000 pixels (2,500 megapixels); Dossier reads text from images up to 100 megapixels; scale it down (300 dpi is plenty for OCR) and import it again',
    );
  });

  it('refuses a 10,000-page TIFF after counting one page past the limit', async () => {
    const error: unknown = await readFile({ name: 'fax.tif', bytes: tiffOfPages(10_000) }, DEFAULT_LIMITS, 0, ocr).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toBe('fax.tif has more than 1,000 pages; Dossier reads text from at most 1,000 pages of one file; split it and import the parts');
  });

  it('names a corrupt image as such', async () => {
    const fake = await refusal({ name: 'photo.jpg', bytes: new TextEncoder().encode('not really a JPEG') });
    expect(fake.message).toMatch(/^photo\.jpg is named \.jpg but is not a readable image/);
    const cut = fixture('scan-paragraph.png').bytes.subarray(0, 20);
    const truncated: unknown = await readFile({ name: 'cut.png', bytes: cut }, DEFAULT_LIMITS, 0, ocr).catch((thrown: unknown) => thrown);
    expect((truncated as Error).message).toMatch(/^cut\.png is a damaged PNG image \(the file ends inside its header/);
    const garbled = new Uint8Array(fixture('scan-paragraph.png').bytes);
    garbled.fill(0x55, 40);
    const broken: unknown = await readFile({ name: 'garbled.png', bytes: garbled }, DEFAULT_LIMITS, 0, ocr).catch((thrown: unknown) => thrown);
    expect((broken as Error).message).toMatch(/^garbled\.png is a damaged PNG image/);
  });

  it('refuses images when the import runs without OCR, saying how to read them', async () => {
    const error = await refusal(fixture('scan-paragraph.png'));
    expect(error.message).toBe('scan-paragraph.png is a PNG image, and this import runs without OCR; import it again with OCR on to read its text');
  });
});

describe('OCR', () => {
  it('reads a PNG of a paragraph, keeping each word with its box and confidence', async () => {
    const outcome = await readFile(fixture('scan-paragraph.png'), DEFAULT_LIMITS, 0, ocr);
    if (outcome.type !== 'documents') throw new Error('expected a document');
    const [document] = outcome.documents;
    expect(document!.text).toContain('Armudlu');
    expect(document!.text).toContain('Kalbajar');
    expect(document!.text.split('\n')).toHaveLength(3);
    expect(document!.meta).toMatchObject({ imageFormat: 'PNG', pages: 1, ocrPages: 1, ocrLanguages: 'eng' });
    expect(document!.meta.ocrConfidence).toBeGreaterThan(80);
    expect(document!.language).toBe('en');
    expect(pagesSeen).toContain('scan-paragraph.png 1/1');

    // A span of the text (a search hit, a note) maps to the boxes of the words it covers.
    const layer = document!.meta.ocrWords as OcrLayer;
    const start = document!.text.indexOf('Armudlu');
    const [box, ...rest] = boxesForSpan(layer, start, start + 'Armudlu'.length);
    expect(rest).toEqual([]);
    expect(box).toMatchObject({ page: 1, start, end: start + 7 });
    // "Armudlu" is on the second of three lines, in the right half of the 1400 × 212 picture.
    expect(box!.x0).toBeGreaterThan(700);
    expect(box!.x1).toBeLessThan(1400);
    expect(box!.y0).toBeGreaterThan(70);
    expect(box!.y1).toBeLessThan(140);
    const sentence = boxesForSpan(layer, document!.text.indexOf('village'), document!.text.indexOf('Kalbajar') + 8);
    expect(sentence.map((word) => document!.text.slice(word.start, word.end))).toEqual(['village', 'of', 'Armudlu', 'in', 'the', 'Kalbajar']);
  });

  it('reads every page of a multi-page TIFF, and JPEG and WebP photos', async () => {
    const outcome = await readFile(fixture('scan-two-pages.tif'), DEFAULT_LIMITS, 0, ocr);
    if (outcome.type !== 'documents') throw new Error('expected a document');
    const [tiff] = outcome.documents;
    const [first, second] = tiff!.pageStarts as [number, number];
    expect(tiff!.text.slice(first, second)).toBe('Page one: the village of Armudlu.\n\n');
    expect(tiff!.text.slice(second)).toBe('Page two: the Kalbajar region.');
    expect(tiff!.meta).toMatchObject({ imageFormat: 'TIFF', pages: 2, ocrPages: 2 });
    expect(pagesSeen).toEqual(expect.arrayContaining(['scan-two-pages.tif 1/2', 'scan-two-pages.tif 2/2']));
    expect((tiff!.meta.ocrWords as OcrLayer).words.filter((_, index) => index % 8 === 0)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);

    for (const [name, expected, format] of [['scan-line.jpg', 'Page one: the village of Armudlu.', 'JPEG'], ['scan-line.webp', 'Page two: the Kalbajar region.', 'WebP']]) {
      const photo = await readFile(fixture(name!), DEFAULT_LIMITS, 0, ocr);
      expect(photo.type === 'documents' && photo.documents[0]).toMatchObject({ text: expected, meta: { imageFormat: format } });
    }
  });

  it('keeps the text layer of a mixed PDF and reads only its scanned page', async () => {
    const outcome = await readFile(fixture('scan-mixed.pdf'), DEFAULT_LIMITS, 0, ocr);
    if (outcome.type !== 'documents') throw new Error('expected a document');
    const [document] = outcome.documents;
    const [first, second] = document!.pageStarts as [number, number];
    expect(document!.text.slice(first, second)).toBe('Page one has a text layer: the demarcation commission met in Moscow.\n\n');
    expect(document!.text.slice(second)).toContain('Kalbajar');
    expect(document!.meta).toMatchObject({ pages: 2, ocrPages: 1 });
    const layer = document!.meta.ocrWords as OcrLayer;
    expect(layer.pages.map((page) => page.page)).toEqual([2]);
    expect(boxesForSpan(layer, 0, second)).toEqual([]);
  });

  it('leaves a scanned PDF empty of text without OCR, as before', async () => {
    const error = await refusal(fixture('scan-image-only.pdf'));
    expect(error.message).toBe('scan-image-only.pdf has no text layer (it may be scanned images), and this import runs without OCR; import it again with OCR on');
  });
});
