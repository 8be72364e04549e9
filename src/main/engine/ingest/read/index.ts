// The format readers' entry point: one file's bytes in, documents (or archive members) out.
import { DossierError } from '../../../../shared/errors';
import type { ExtractOutcome, ExtractedDocument, IngestFile, IngestLimits, OcrContext } from '../types';
import { DEFAULT_LIMITS } from '../types';
import { describeError, displayName, formatBytes, formatCount, refuse, truncateText, truncationNote } from './common';
import { detectFormat } from './detect';
import { sniffImage } from './imageHeader';
import { readReuters } from './reuters';
import { readText } from './text';
import { readZip } from './zip';

export { cleanText } from './clean';
export { SUPPORTED_TYPES } from './detect';

/**
 * Reads one file. `depth` is how many archives this file sits inside: a zip found in a zip comes
 * back as a member, and the importer reads it with `depth + 1`, so nesting stops at
 * `limits.maxArchiveDepth`. The importer should also add up members across nested archives
 * against `maxArchiveEntries` and `maxArchiveBytes`; one call sees only its own archive.
 *
 * `ocr` reads text from images and from PDF pages without a text layer; without it images are
 * refused and such PDFs keep only their text layer.
 *
 * Throws DossierError('invalid-input') with a message that names the file and says what to do
 * for empty, oversized, encrypted, damaged, binary or unsupported files, and for zip and image bombs.
 */
export async function readFile(file: IngestFile, limits: IngestLimits = DEFAULT_LIMITS, depth = 0, ocr: OcrContext | null = null): Promise<ExtractOutcome> {
  const label = displayName(file.name);
  const { bytes } = file;
  if (bytes.length === 0) throw refuse(`${label} is empty (0 bytes); nothing to import`);
  if (bytes.length > limits.maxFileBytes) {
    throw refuse(`${label} is ${formatBytes(bytes.length)}; Dossier imports files up to ${formatBytes(limits.maxFileBytes)}; split it first`);
  }
  try {
    return withinTextLimit(label, await readFormat(file, limits, depth, ocr), limits);
  } catch (error) {
    if (error instanceof DossierError) throw error;
    // A parser recursed as deep as the input told it to: say so rather than "Maximum call stack size exceeded".
    if (error instanceof RangeError) {
      throw refuse(
        `${label} is nested too deeply or has too long an unbroken run of characters for Dossier's ${detectFormatQuietly(file)} reader ` +
          `(${describeError(error)}); save it as plain text or PDF, and import that`,
      );
    }
    // A library failed in a way its reader did not foresee; the person still gets a sentence.
    throw refuse(`${label} could not be read (${describeError(error)}); check the file, or save it again in another format`);
  }
}

async function readFormat(file: IngestFile, limits: IngestLimits, depth: number, ocr: OcrContext | null): Promise<ExtractOutcome> {
  const { bytes } = file;
  const format = detectFormat(file.name, bytes);
  switch (format) {
    case 'text':
    case 'markdown':
      return single(readText(file.name, bytes, format, limits));
    // The readers behind jsdom, pdf.js, mammoth and mailparser load on first use: together they
    // take longer to load than a whole newswire import takes to run.
    case 'html':
      if (bytes.length > limits.maxHtmlBytes) {
        throw refuse(
          `${displayName(file.name)} is a web page of ${formatBytes(bytes.length)}; Dossier reads pages of up to ${formatBytes(limits.maxHtmlBytes)} (the limit maxHtmlBytes); ` +
            'save the page as plain text or print it to PDF, and import that',
        );
      }
      return single((await import('./html')).readHtml(file.name, bytes));
    case 'pdf':
      return single(await (await import('./pdf')).readPdf(file.name, bytes, limits, ocr));
    case 'image':
      return single(await (await import('./image')).readImage(file.name, bytes, sniffImage(bytes)!, limits, ocr));
    case 'docx':
      return single(await (await import('./docx')).readDocx(file.name, bytes, limits));
    case 'email':
      return single(await (await import('./email')).readEmail(file.name, bytes, limits));
    case 'mbox':
      return await (await import('./email')).readMbox(file.name, bytes, limits);
    case 'zip':
      return readZip(file, limits, depth);
    case 'reuters':
      return readReuters(file.name, bytes);
  }
}

function detectFormatQuietly(file: IngestFile): string {
  try {
    return detectFormat(file.name, file.bytes);
  } catch {
    return 'file';
  }
}

/**
 * Every document's text within `maxDocumentCharacters`, whichever reader made it: a longer text is
 * cut with a note at its end (and loses its HTML, which would no longer match it).
 */
function withinTextLimit(label: string, outcome: ExtractOutcome, limits: IngestLimits): ExtractOutcome {
  if (outcome.type !== 'documents') return outcome;
  const max = limits.maxDocumentCharacters;
  // A reader that cut a text itself has said so in it (meta.truncated); its note may go past the limit.
  const tooLong = (document: ExtractedDocument): boolean => document.text.length > max && typeof document.meta.truncated !== 'string';
  if (!outcome.documents.some(tooLong)) return outcome;
  return {
    type: 'documents',
    documents: outcome.documents.map((document) => {
      if (!tooLong(document)) return document;
      const name = document.originalName ?? label;
      const note = truncationNote(name, `the first ${formatCount(max)} characters`, 'maxDocumentCharacters');
      const text = truncateText(document.text, max, note);
      return {
        ...document,
        text,
        html: null,
        pageStarts: document.pageStarts?.filter((start) => start < text.length) ?? null,
        meta: { ...document.meta, truncated: note },
      };
    }),
  };
}

function single(document: ExtractedDocument): ExtractOutcome {
  return { type: 'documents', documents: [document] };
}
