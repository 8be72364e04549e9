// PDF: text per page with pdf.js (legacy build, the one meant for Node), and the document info.
// pdf.js runs its "worker" in this thread and reads character maps and standard fonts from its
// own package folder on disk; nothing is fetched.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DossierError } from '../../../../shared/errors';
import type { ExtractedDocument } from '../types';
import { cleanText } from './clean';
import { copyBytes, describeError, displayName, languageFromTag, refuse, shortenTitle, titleFromText } from './common';
import { detectLanguage } from './language';

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

/** Whether the bytes are a PDF: "%PDF-" within the first KB, as readers accept it. */
export async function readPdf(name: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  const label = displayName(name);
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
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
  });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(cleanText(text));
      page.cleanup();
    }
    const { text, pageStarts } = joinPages(pages);
    if (text === '') {
      throw refuse(`${label} has no text layer (it may be scanned images); run OCR on it and import it again`);
    }
    const { info } = await document.getMetadata();
    const fields = info as Record<string, unknown>;
    const field = (key: string): string | null => {
      const value = fields[key];
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    };
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
      meta: Object.fromEntries(
        Object.entries({
          pages: document.numPages,
          subject: field('Subject'),
          keywords: field('Keywords'),
          creator: field('Creator'),
          producer: field('Producer'),
          modifiedAt: parsePdfDate(field('ModDate')),
          pdfVersion: field('PDFFormatVersion'),
        }).filter((entry) => entry[1] !== null),
      ),
      attachments: [],
    };
  } catch (error) {
    throw pdfError(label, error);
  } finally {
    await task.destroy();
  }
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
