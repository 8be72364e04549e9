/**
 * Scanned documents: the words OCR read on each page image, with their boxes and confidence, so
 * the reader can draw a page with its words and mark a highlight or a note where it sits.
 * Schemas for the contract.
 */
import { z } from 'zod';

const id = z.number().int().positive();
const offset = z.number().int().min(0);

/** A Tesseract language code: eng, rus, hye, aze … */
export const OcrLanguageSchema = z.string().regex(/^[a-z_]{3,16}$/, 'an OCR language is a Tesseract code such as eng or rus');

/** How an import reads images and scanned PDF pages: its languages (default English), or false for no OCR. */
export const ImportOcrSchema = z.union([z.literal(false), z.object({ languages: z.array(OcrLanguageSchema).min(1).max(8) }).strict()]);
export type ImportOcr = z.infer<typeof ImportOcrSchema>;

/** One recognised word: page (1-based), offsets into the document's text, box in page-image pixels, confidence 0–100. */
export const WordBoxSchema = z.object({
  page: z.number().int().min(1),
  start: offset,
  end: offset,
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
  confidence: z.number().min(0).max(100),
});
export type WordBox = z.infer<typeof WordBoxSchema>;

export const OcrPageSchema = z.object({
  page: z.number().int().min(1),
  /** The size of the image the boxes are measured on (a PDF page is rendered at 300 dpi). */
  width: z.number().int().min(0),
  height: z.number().int().min(0),
  confidence: z.number(),
});

export const OcrLayerSchema = z.object({
  pages: z.array(OcrPageSchema),
  words: z.array(WordBoxSchema),
});
export type OcrLayerView = z.infer<typeof OcrLayerSchema>;

/** What could not be carried over to a document's new text, by kind, with the words it pointed at. */
export const LostAnchorSchema = z.object({
  kind: z.enum(['note', 'mention', 'evidence', 'claim', 'event', 'relation']),
  /** The words in the old text (for a note, its body follows after " — "). */
  text: z.string(),
});
export type LostAnchor = z.infer<typeof LostAnchorSchema>;

/** How a re-run of OCR on one document ended. */
export const OcrRerunReportSchema = z.object({
  jobId: z.number().int(),
  documentId: id,
  status: z.enum(['done', 'cancelled', 'failed']),
  /** Why it failed, in a sentence; null otherwise. */
  message: z.string().nullable(),
  /** Languages and mean confidence (0–100) before and after; `after` is null unless it is done. */
  before: z.object({ languages: z.string(), confidence: z.number().nullable() }),
  after: z.object({ languages: z.string(), confidence: z.number().nullable() }).nullable(),
  /** Notes, reviewed mentions, link evidence and reviewed claims, events and relations found again in the new text. */
  kept: z.number().int(),
  lost: z.array(LostAnchorSchema),
  /** New suggestions (names, times, claims …) read from the new text. */
  suggested: z.number().int(),
});
export type OcrRerunReport = z.infer<typeof OcrRerunReportSchema>;

/** One page of a re-run read. */
export const OcrRerunProgressSchema = z.object({ jobId: z.number().int(), documentId: id, page: z.number().int(), pages: z.number().int() });
export type OcrRerunProgress = z.infer<typeof OcrRerunProgressSchema>;

export const ocrChannels = {
  /** The OCR languages Dossier has data for, to choose an import's languages from. */
  'ocr.languages': { input: z.object({}).strict(), output: z.array(z.string()) },
  /** A scanned document's recognised pages and words (one page's when `page` is given); null for a document not read by OCR. */
  'ocr.layer': { input: z.object({ documentId: id, page: z.number().int().min(1).optional() }).strict(), output: OcrLayerSchema.nullable() },
  /** The words a span of a document's text covers (a hit, a note, a mention), with their boxes. */
  'ocr.boxes': {
    input: z
      .object({ documentId: id, start: offset, end: offset })
      .strict()
      .refine((span) => span.end > span.start, 'a span ends after it starts'),
    output: z.array(WordBoxSchema),
  },
  /** The picture of a scanned page, sized in the pixels its word boxes are measured in. */
  'ocr.pageImage': {
    input: z.object({ documentId: id, page: z.number().int().min(1) }).strict(),
    output: z.object({ mime: z.enum(['image/png', 'image/jpeg', 'image/webp']), bytes: z.instanceof(Uint8Array), width: z.number().int(), height: z.number().int() }),
  },
  /**
   * Reads a scanned document's pages again with other languages, in the background (progress as
   * `ocr.progress`, the end as `ocr.finished`): its text, word boxes and confidence are replaced,
   * what points into the text is carried over where the words are found again, and names and
   * claims are read again. One undo step puts everything back.
   */
  'ocr.rerun': {
    input: z.object({ documentId: id, languages: z.array(OcrLanguageSchema).min(1).max(8) }).strict(),
    output: z.object({ jobId: z.number().int() }),
  },
  /** Stops a re-run; the document keeps its text. */
  'ocr.cancel': { input: z.object({ jobId: z.number().int() }).strict(), output: z.null() },
} as const;
