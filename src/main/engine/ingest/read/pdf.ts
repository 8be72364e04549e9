// PDF: text per page with pdf.js (legacy build, the one meant for Node), and the document info.
// pdf.js runs its "worker" in this thread and reads character maps and standard fonts from its
// own package folder on disk; nothing is fetched.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DossierError } from '../../../../shared/errors';
import { Inflate } from 'fflate';
import { DEFAULT_LIMITS } from '../../limits';
import type { IngestLimits } from '../../limits';
import type { ExtractedDocument, OcrContext } from '../types';
import type { PageText } from '../ocr/layout';
import { pageText } from '../ocr/layout';
import { cleanText } from './clean';
import { copyBytes, describeError, displayName, formatBytes, formatCount, languageFromTag, refuse, shortenTitle, titleFromText, truncationNote } from './common';
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
  checkPdfStreams(label, bytes, limits);
  const { getDocument } = await loadPdfJs();
  const task = getDocument(documentOptions(bytes));
  try {
    const document = await task.promise;
    const pages: string[] = [];
    const toRecognize: number[] = [];
    const notes: string[] = [];
    const pagesToRead = Math.min(document.numPages, limits.maxPdfPages);
    let characters = 0;
    for (let number = 1; number <= pagesToRead; number++) {
      const page = await document.getPage(number);
      const { text, complete } = await pageTextLayer(page, Math.min(limits.maxPdfPageCharacters, limits.maxDocumentCharacters - characters));
      const cleaned = cleanText(text);
      pages.push(cleaned);
      characters += cleaned.length;
      if (!complete) {
        // pdf.js cannot stop one page's text and go on to the next (cancelling its stream fails
        // inside pdf.js), so the reading stops here; destroying the document ends the page's work.
        const limitName = characters >= limits.maxDocumentCharacters ? 'maxDocumentCharacters' : 'maxPdfPageCharacters';
        notes.push(truncationNote(label, `the text of pages 1 to ${number} only, and of page ${number} the first ${formatCount(cleaned.length)} characters`, limitName));
        break;
      }
      if (ocr && cleaned.replace(/\s/g, '').length < MIN_TEXT_LAYER_CHARACTERS && (await hasImage(page))) toRecognize.push(number);
      page.cleanup();
      if (number === pagesToRead && pagesToRead < document.numPages) {
        notes.push(truncationNote(label, `the first ${formatCount(pagesToRead)} of its ${formatCount(document.numPages)} pages`, 'maxPdfPages'));
      }
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
    const withNotes = notes.length > 0 ? [...pages, notes.map((note) => `[${note}]`).join('\n')] : pages;
    const { text, pageStarts } = joinPages(withNotes.map((page, index) => recognized.get(index + 1)?.text.text ?? page));
    // The notes are no page of the document.
    if (notes.length > 0) pageStarts.pop();
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
        truncated: notes.length > 0 ? notes.join(' ') : null,
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

/**
 * A page's text, read as a stream and no further than `maxCharacters`: a page of 200 MB of text
 * operators otherwise became one array of millions of items before a character was kept. When it
 * stops early the stream is left unread (pdf.js waits for a read that never comes) rather than
 * cancelled: pdf.js closes a cancelled stream twice and throws where nothing can catch it.
 */
async function pageTextLayer(page: PdfPage, maxCharacters: number): Promise<{ text: string; complete: boolean }> {
  const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: ({ str?: string; hasEOL?: boolean } | object)[] }>;
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { text, complete: true };
    for (const item of value.items) {
      if ('str' in item && typeof item.str === 'string') text += item.str + ('hasEOL' in item && item.hasEOL ? '\n' : '');
    }
    if (text.length > maxCharacters) {
      reader.releaseLock();
      return { text: text.slice(0, maxCharacters), complete: false };
    }
  }
}

/** Compressed bytes handed to the inflater at a time while measuring a stream. */
const STREAM_STEP = 8 * 1024;

/**
 * Measures every stream of the PDF before pdf.js reads any: pdf.js keeps a decoded stream whole in
 * memory (a 512 MB stream of zeros packed into 500 KB took 1.3 GB before the answer "no text
 * layer"), and its time grows faster than the square of how deeply graphics states nest (32,000
 * nested "q" took 90 s, and pdf.js cannot be interrupted meanwhile). Refuses past
 * maxPdfStreamBytes for one stream, maxPdfDecodedBytes for all, or maxPdfGraphicsNesting. Streams
 * with filters other than Flate are left to pdf.js, and so are damaged ones.
 */
export function checkPdfStreams(label: string, bytes: Uint8Array, limits: IngestLimits): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let position = 0;
  for (;;) {
    const keyword = buffer.indexOf('stream', position, 'latin1');
    if (keyword < 0) return;
    position = keyword + 6;
    if (keyword >= 3 && buffer.toString('latin1', keyword - 3, keyword) === 'end') continue;
    const head = buffer.toString('latin1', Math.max(0, keyword - 1024), keyword);
    const dictionary = head.slice(head.lastIndexOf('obj') + 1);
    const flate = /\/Filter\s*\[?\s*\/FlateDecode\b/.test(dictionary);
    if (!flate && /\/Filter\b/.test(dictionary)) continue;
    let start = position;
    if (buffer[start] === 0x0d) start += 1;
    if (buffer[start] === 0x0a) start += 1;
    const end = buffer.indexOf('endstream', start, 'latin1');
    const stop = end < 0 ? buffer.length : end;
    const nesting = new NestingCounter();
    const data = bytes.subarray(start, stop);
    let produced = data.length;
    if (flate) {
      const budget = Math.min(limits.maxPdfStreamBytes, limits.maxPdfDecodedBytes - total);
      produced = inflatedSize(data, budget, (chunk) => nesting.add(chunk));
    } else {
      nesting.add(data);
    }
    if (produced > limits.maxPdfStreamBytes) {
      throw refuse(
        `${label} has a stream that expands to more than ${formatBytes(limits.maxPdfStreamBytes)} (the limit maxPdfStreamBytes; a sign of a PDF made to exhaust memory); ` +
          'print it to a new PDF or save its text, and import that',
      );
    }
    total += produced;
    if (total > limits.maxPdfDecodedBytes) {
      throw refuse(
        `${label} expands to more than ${formatBytes(limits.maxPdfDecodedBytes)} of streams (the limit maxPdfDecodedBytes); split it or print it to a smaller PDF, and import that`,
      );
    }
    if (nesting.deepest > limits.maxPdfGraphicsNesting) {
      throw refuse(
        `${label} nests graphics states ${formatCount(nesting.deepest)} deep; Dossier reads PDFs nested up to ${formatCount(limits.maxPdfGraphicsNesting)} deep ` +
          '(the limit maxPdfGraphicsNesting; deeper would take hours); print it to a new PDF, and import that',
      );
    }
    position = stop;
  }
}

/** PDF's delimiters and white space: what may stand on either side of an operator. */
const DELIMITER = new Uint8Array(256);
for (const character of '\0\t\n\f\r ()<>[]{}/%') DELIMITER[character.charCodeAt(0)] = 1;
const SAVE = 0x71; // q
const RESTORE = 0x51; // Q

/** Counts how deeply "q" (save the graphics state) nests over "Q" (restore), across chunks of a stream. */
class NestingCounter {
  deepest = 0;
  private depth = 0;
  private afterDelimiter = true;
  private pending = 0;

  add(chunk: Uint8Array): void {
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index]!;
      const delimiter = DELIMITER[byte] === 1;
      if (this.pending !== 0 && delimiter) {
        if (this.pending === SAVE) this.deepest = Math.max(this.deepest, ++this.depth);
        else if (this.depth > 0) this.depth -= 1;
      }
      this.pending = this.afterDelimiter && (byte === SAVE || byte === RESTORE) ? byte : 0;
      this.afterDelimiter = delimiter;
    }
  }
}

/** How many bytes some Flate data expands to, counted up to just past `budget`; damaged data counts what came out. */
function inflatedSize(data: Uint8Array, budget: number, onChunk: (chunk: Uint8Array) => void): number {
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    onChunk(chunk);
  });
  try {
    for (let offset = 0; offset < data.length && produced <= budget; offset += STREAM_STEP) {
      const end = Math.min(offset + STREAM_STEP, data.length);
      inflater.push(data.subarray(offset, end), end >= data.length);
    }
  } catch {
    // Damaged or not Flate after all: pdf.js decides what to make of it.
  }
  return produced;
}
