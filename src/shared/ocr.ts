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
} as const;
