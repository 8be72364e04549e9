/**
 * What the format readers produce. A reader turns one file's bytes into documents (usually one;
 * a newswire SGML file or an mbox archive gives many) or into member files to import in turn (a
 * zip archive). The importer stores each document in its own transaction with its original bytes.
 */
import type { DocumentKind } from '../../../shared/documents';
import type { RecognizedPage } from './ocr/engine';

/** A file to import: its name (for messages, type detection and metadata) and its bytes. */
export interface IngestFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Why this archive member must not be imported (it failed its checksum), when it must not. */
  readonly problem?: string;
}

/** One document as read from a file, ready to store. */
export interface ExtractedDocument {
  readonly kind: DocumentKind;
  readonly title: string;
  /** Cleaned plain text: what is searched, read, and what every stored offset points into. */
  readonly text: string;
  /** Sanitized HTML for the reader (DOMPurify on a real DOM), or null when there is no formatting. */
  readonly html: string | null;
  readonly author: string | null;
  /** Publication, site, sender address or URL. */
  readonly source: string | null;
  /** YYYY-MM-DD, or a full ISO date-time. */
  readonly publishedAt: string | null;
  /** ISO 639-1 code, or null when unsure. */
  readonly language: string | null;
  /** PDFs: the offset in `text` where each page starts, page 1 first. */
  readonly pageStarts: readonly number[] | null;
  /** Anything else worth keeping: e-mail headers, newswire places/people/topics, PDF info. */
  readonly meta: Readonly<Record<string, unknown>>;
  /**
   * The original bytes of this document when they are a part of the file (one story of a newswire
   * file, one message of an mbox); absent when the document is the whole file.
   */
  readonly original?: Uint8Array;
  /** The name to show as this document's file name when `original` is a part of a file. */
  readonly originalName?: string;
  /** Files inside this document (e-mail attachments), imported as its child documents. */
  readonly attachments: readonly IngestFile[];
}

/** What reading a file gives. */
export type ExtractOutcome =
  | { readonly type: 'documents'; readonly documents: readonly ExtractedDocument[] }
  | { readonly type: 'container'; readonly members: readonly IngestFile[] };

// The limits live with every other bound Dossier sets, in one place.
export type { IngestLimits } from '../limits';
export { DEFAULT_LIMITS } from '../limits';

/**
 * How a reader gets text out of page images during one import; absent when the import runs
 * without OCR. `beforePage` reports progress and throws when the import was cancelled.
 */
export interface OcrContext {
  /** Tesseract language codes, e.g. ['eng', 'rus']. */
  readonly languages: readonly string[];
  beforePage(file: string, page: number, pages: number): void;
  /** Recognises one page image given as PNG, JPEG, WebP or PNM bytes. */
  recognize(image: Uint8Array): Promise<RecognizedPage>;
}
