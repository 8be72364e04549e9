// PDF: text per page with pdf.js (legacy build, the one meant for Node), and the document info.
// pdf.js runs its "worker" in this thread and reads character maps and standard fonts from its
// own package folder on disk; nothing is fetched.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DossierError } from '../../../../shared/errors';
import type { ExtractedDocument, IngestLimits, OcrContext } from '../types';
import { DEFAULT_LIMITS } from '../types';
import type { PageText } from '../ocr/layout';
import { pageText } from '../ocr/layout';
import { cleanText } from './clean';
import { copyBytes, describeError, displayName, languageFromTag, refuse, shortenTitle, titleFromText } from './common';
import { greyPnm, scannedDocument } from './image';
import { detectLanguage } from './language';

/** A page with fewer characters than this in its text layer, and an image on it, is read by OCR. */
const MIN_TEXT_LAYER_CHARACTERS = 20;
/** Pages are rendered for OCR at 300 dpi, the resolution Tesseract is trained for. */
const OCR_DPI = 300;

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js is an ES module only; loading it on first use also keeps it off every other start-up path. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Folders of pdf.js data files, as paths ending in "/" (what pdf.js asks for); null when not found. */
function pdfJsDataFolders(): { cMapUrl: string; standardFontDataUrl: string } | null {
  try {
    const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
  } catch {
    // Without them, text in PDFs with non-embedded CJK or standard fonts may come out incomplete.
    return null;
  }
}

/**
 * Reads a PDF's text layer page by page. With `ocr`, pages without one (scans: little or no text
 * and an image) are rendered at 300 dpi and read by OCR; the other pages keep their text layer.
 */
export async function readPdf(name: string, bytes: Uint8Array, limits: IngestLimits = DEFAULT_LIMITS, ocr: OcrContext | null = null): Promise<ExtractedDocument> {
  const label = displayName(name);
  const { getDocument } = await loadPdfJs();
  const task = getDocument(documentOptions(bytes));
  try {
    const document = await task.promise;
    const pages: string[] = [];
    const toRecognize: number[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(cleanText(text));
      if (ocr && pages[pages.length - 1]!.replace(/\s/g, '').length < MIN_TEXT_LAYER_CHARACTERS && (await hasImage(page))) toRecognize.push(number);
      page.cleanup();
    }
    if (toRecognize.length > limits.maxOcrPages) {
      throw refuse(`${label} has ${toRecognize.length.toLocaleString('en')} scanned pages; Dossier reads text from at most ${limits.maxOcrPages.toLocaleString('en')} pages of one file; split it and import the parts`);
    }
    const recognized = new Map<number, { width: number; height: number; text: PageText }>();
    for (const [index, number] of toRecognize.entries()) {
      ocr!.beforePage(label, index + 1, toRecognize.length);
      const image = await renderPage(document, number, limits);
      const result = await ocr!.recognize(image.pnm);
      recognized.set(number, { width: image.width, height: image.height, text: pageText(result) });
    }
    const { text, pageStarts } = joinPages(pages.map((page, index) => recognized.get(index + 1)?.text.text ?? page));
    if (text === '' && !ocr) {
      throw refuse(`${label} has no text layer (it may be scanned images), and this import runs without OCR; import it again with OCR on`);
    }
    if (text === '' && toRecognize.length === 0) throw refuse(`${label} has no text and no images; there is nothing to read in it`);
    const { info } = await document.getMetadata();
    const fields = info as Record<string, unknown>;
    const field = (key: string): string | null => {
      const value = fields[key];
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    };
    const metaFields = Object.fromEntries(
      Object.entries({
        pages: document.numPages,
        subject: field('Subject'),
        keywords: field('Keywords'),
        creator: field('Creator'),
        producer: field('Producer'),
        modifiedAt: parsePdfDate(field('ModDate')),
        pdfVersion: field('PDFFormatVersion'),
      }).filter((entry) => entry[1] !== null),
    );
    if (recognized.size > 0) {
      return scannedDocument(
        label,
        pages.map((page, index) => {
          const scan = recognized.get(index + 1);
          return scan ? { page: index + 1, ...scan } : { page: index + 1, width: 0, height: 0, text: page };
        }),
        ocr!,
        metaFields,
        {
          title: shortenTitle(field('Title') ?? titleFromText(text, label)),
          author: field('Author'),
          publishedAt: parsePdfDate(field('CreationDate')),
          language: languageFromTag(field('Language')) ?? detectLanguage(text),
        },
      );
    }
    return {
      kind: 'pdf',
      title: shortenTitle(field('Title') ?? titleFromText(text, label)),
      text,
      html: null,
      author: field('Author'),
      source: null,
      publishedAt: parsePdfDate(field('CreationDate')),
      language: languageFromTag(field('Language')) ?? detectLanguage(text),
      pageStarts,
      meta: metaFields,
      attachments: [],
    };
  } catch (error) {
    throw pdfError(label, error);
  } finally {
    await task.destroy();
  }
}

/** How Dossier opens every PDF: from memory, no scripts, no fonts or data from outside pdf.js's own folder. */
function documentOptions(bytes: Uint8Array): Parameters<PdfJs['getDocument']>[0] {
  return {
    // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
    data: copyBytes(bytes),
    ...pdfJsDataFolders(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
  };
}

/**
 * A page as the PNG that OCR read it from (300 dpi, same pixel size), for showing the page with
 * its word boxes; the original PDF is not re-read by OCR.
 */
export async function renderPdfPageAsPng(bytes: Uint8Array, number: number, limits: IngestLimits = DEFAULT_LIMITS): Promise<{ png: Uint8Array<ArrayBuffer>; width: number; height: number }> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument(documentOptions(bytes));
  try {
    const document = await task.promise;
    const { canvas, width, height } = await drawPage(document, number, limits);
    return { png: new Uint8Array((canvas as { toBuffer(mime: 'image/png'): Buffer }).toBuffer('image/png')), width, height };
  } finally {
    await task.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** Whether a page paints an image (a scan, a photo), as opposed to being blank or drawn. */
async function hasImage(page: PdfPage): Promise<boolean> {
  const { OPS } = await loadPdfJs();
  const painters = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup]);
  const operators = await page.getOperatorList();
  return operators.fnArray.some((operator) => painters.has(operator));
}

/**
 * Renders a page at 300 dpi (less when that would pass the pixel limit: a page can be declared
 * metres wide) to a grey PNM for Tesseract. pdf.js draws on @napi-rs/canvas in Node.
 */
async function renderPage(document: PdfDocument, number: number, limits: IngestLimits): Promise<{ pnm: Uint8Array; width: number; height: number }> {
  const { canvas, context, width, height, factory } = await drawPage(document, number, limits);
  const pixels = context.getImageData(0, 0, width, height).data;
  factory.destroy({ canvas, context });
  return { pnm: greyPnm(pixels, width, height), width, height };
}

async function drawPage(document: PdfDocument, number: number, limits: IngestLimits) {
  const page = await document.getPage(number);
  try {
    const natural = page.getViewport({ scale: 1 });
    let scale = OCR_DPI / 72;
    const pixels = natural.width * natural.height * scale * scale;
    if (pixels > limits.maxImagePixels) scale *= Math.sqrt(limits.maxImagePixels / pixels);
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    const factory = document.canvasFactory as CanvasFactory;
    const { canvas, context } = factory.create(width, height);
    await page.render({ canvas: canvas as never, canvasContext: context, viewport, background: 'white' }).promise;
    return { canvas, context, width, height, factory };
  } finally {
    page.cleanup();
  }
}

/** pdf.js's canvas factory (typed as Object in its declarations); in Node it makes @napi-rs/canvas canvases. */
interface CanvasFactory {
  create(width: number, height: number): { canvas: object; context: CanvasRenderingContext2D };
  destroy(pair: { canvas: object; context: CanvasRenderingContext2D }): void;
}

/**
 * Pages joined by a blank line. An empty page adds no text; its start is where the next text
 * would begin, so every page still has an offset and offsets never decrease.
 */
export function joinPages(pages: readonly string[]): { text: string; pageStarts: number[] } {
  let text = '';
  const pageStarts: number[] = [];
  for (const page of pages) {
    if (page !== '' && text !== '') text += '\n\n';
    pageStarts.push(text.length);
    text += page;
  }
  return { text, pageStarts };
}

function pdfError(label: string, error: unknown): Error {
  if (error instanceof DossierError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return refuse(`${label} is encrypted; remove the password and import it again`);
  if (name === 'InvalidPDFException') return refuse(`${label} is damaged or not really a PDF (${describeError(error)}); check the file`);
  return refuse(`${label} could not be read as a PDF (${describeError(error)}); check the file or print it to a new PDF`);
}

/** "D:20210601102030+04'00'" (PDF's date format, every part after the year optional) → ISO UTC. */
export function parsePdfDate(value: string | null): string | null {
  if (!value) return null;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-])?(\d{2})?'?(\d{2})?'?/.exec(value.trim());
  if (!match) return null;
  const [, year, month = '01', day = '01', hour, minute = '00', second = '00', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  if (hour === undefined) return `${year}-${month}-${day}`;
  let time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (sign === '+' || sign === '-') {
    const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
    time += sign === '+' ? -offset : offset;
  }
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
