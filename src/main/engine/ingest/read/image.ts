// Images (PNG, JPEG, WebP, multi-page TIFF): their text by OCR, one page at a time, with each word's
// box kept beside the text. Sizes and page counts are checked from the header before decoding.
import type { ExtractedDocument, IngestLimits, OcrContext } from '../types';
import type { PageText } from '../ocr/layout';
import { layerConfidence, packLayer, pageText } from '../ocr/layout';
import { describeError, displayName, refuse, shortenTitle, titleFromText } from './common';
import type { ImageFormat } from './imageHeader';
import { IMAGE_FORMAT_NAMES, readImageHeader } from './imageHeader';
import { detectLanguage } from './language';
import { joinPages } from './pdf';

/** A description of the OCR that made a document's text, kept in its metadata. */
export const OCR_ENGINE = 'Tesseract (tesseract.js 7, fast models)';

export async function readImage(name: string, bytes: Uint8Array, format: ImageFormat, limits: IngestLimits, ocr: OcrContext | null): Promise<ExtractedDocument> {
  const label = displayName(name);
  const kind = IMAGE_FORMAT_NAMES[format];
  let header;
  try {
    header = readImageHeader(format, bytes, limits.maxOcrPages);
  } catch (error) {
    throw refuse(`${label} is a damaged ${kind} image (${describeError(error)}); check the file or export it again`);
  }
  if (header.truncated) {
    throw refuse(`${label} has more than ${limits.maxOcrPages.toLocaleString('en')} pages; Dossier reads text from at most ${limits.maxOcrPages.toLocaleString('en')} pages of one file; split it and import the parts`);
  }
  header.pages.forEach((page, index) => checkPixels(label, page, index, header.pages.length, limits));
  if (!ocr) throw refuse(`${label} is a ${kind} image, and this import runs without OCR; import it again with OCR on to read its text`);

  const pageImages = format === 'tiff' ? await tiffPageImages(label, bytes) : null;
  const pages: { page: number; width: number; height: number; text: PageText }[] = [];
  for (let index = 0; index < header.pages.length; index++) {
    ocr.beforePage(label, index + 1, header.pages.length);
    const image = pageImages ? pageImages(index) : bytes;
    let recognized;
    try {
      recognized = await ocr.recognize(image);
    } catch (error) {
      if (isReadFailure(error)) throw refuse(`${label} is a damaged ${kind} image (its pixels could not be decoded); check the file or export it again`);
      throw error;
    }
    const size = header.pages[index]!;
    pages.push({ page: index + 1, width: recognized.width || size.width, height: recognized.height || size.height, text: pageText(recognized) });
  }
  return scannedDocument(label, pages, ocr, { imageFormat: kind });
}

/** A document from pages read by OCR (with `text` pages read from a text layer mixed in, for PDFs). */
export function scannedDocument(
  label: string,
  pages: readonly { page: number; width: number; height: number; text: PageText | string }[],
  ocr: OcrContext,
  meta: Record<string, unknown>,
  fields: Partial<Pick<ExtractedDocument, 'title' | 'author' | 'publishedAt' | 'language'>> = {},
): ExtractedDocument {
  const { text, pageStarts } = joinPages(pages.map((page) => (typeof page.text === 'string' ? page.text : page.text.text)));
  const recognized = pages
    .map((page, index) => ({ ...page, start: pageStarts[index]! }))
    .filter((page): page is typeof page & { text: PageText } => typeof page.text !== 'string');
  const layer = packLayer(recognized);
  return {
    kind: 'pdf',
    title: fields.title ?? shortenTitle(titleFromText(text, label)),
    text,
    html: null,
    author: fields.author ?? null,
    source: null,
    publishedAt: fields.publishedAt ?? null,
    language: fields.language ?? languageOfScan(text, ocr.languages),
    pageStarts,
    meta: {
      ...meta,
      pages: pages.length,
      ocrPages: recognized.length,
      ocrLanguages: ocr.languages.join('+'),
      ocrConfidence: layerConfidence(recognized.map((page) => page.text)),
      ocrEngine: OCR_ENGINE,
      ocrWords: layer,
    },
    attachments: [],
  };
}

/** Tesseract's codes for the languages it ships, as the ISO 639-1 codes documents carry. */
const ISO_639_1: Readonly<Record<string, string>> = { eng: 'en', rus: 'ru', hye: 'hy', aze: 'az' };

/**
 * The language of recognised text: what detection says when it is one the analyst chose for OCR,
 * else the chosen one when there was only one (detection misreads short or noisy OCR text); with
 * several chosen and detection naming none of them (a short English scan read as Lithuanian), unsure.
 */
export function languageOfScan(text: string, languages: readonly string[]): string | null {
  const detected = detectLanguage(text);
  const chosen = languages.map((code) => ISO_639_1[code]).filter((code): code is string => code !== undefined);
  if (chosen.length === 0 || (detected !== null && chosen.includes(detected))) return detected;
  return chosen.length === 1 ? chosen[0]! : null;
}

export function checkPixels(label: string, size: { width: number; height: number }, index: number, pages: number, limits: IngestLimits): void {
  if (size.width * size.height <= limits.maxImagePixels) return;
  const where = pages > 1 ? ` (page ${index + 1})` : '';
  const megapixels = (pixels: number): string => Math.round(pixels / 1e6).toLocaleString('en');
  throw refuse(
    `${label}${where} is ${size.width.toLocaleString('en')} × ${size.height.toLocaleString('en')} pixels (${megapixels(size.width * size.height)} megapixels); ` +
      `Dossier reads text from images up to ${megapixels(limits.maxImagePixels)} megapixels; scale it down (300 dpi is plenty for OCR) and import it again`,
  );
}

/** tesseract.js's words for an image Leptonica could not decode. */
function isReadFailure(error: unknown): boolean {
  // The worker's errors arrive as strings ("Error: Error attempting to read image.").
  return /attempting to read image|pixRead|Unknown format/i.test(error instanceof Error ? error.message : String(error));
}

/** Decodes a TIFF's pages one at a time, each to a grey PNM that Tesseract reads without re-encoding. */
async function tiffPageImages(label: string, bytes: Uint8Array): Promise<(index: number) => Uint8Array> {
  const UTIF = await import('utif2');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let directories;
  try {
    directories = UTIF.decode(buffer);
  } catch (error) {
    throw refuse(`${label} is a damaged TIFF image (${describeError(error)}); check the file or export it again`);
  }
  // Sub-images (thumbnails, reduced resolutions) are not pages: NewSubfileType bit 0.
  const pages = directories.filter((directory) => ((directory['t254'] as number[] | undefined)?.[0] ?? 0) % 2 === 0);
  return (index) => {
    const directory = pages[index] ?? directories[index]!;
    try {
      UTIF.decodeImage(buffer, directory);
      const rgba = UTIF.toRGBA8(directory);
      if (directory.width <= 0 || rgba.length < directory.width * directory.height * 4) throw new Error('no pixel data');
      return greyPnm(rgba, directory.width, directory.height);
    } catch (error) {
      throw refuse(`${label} is a damaged TIFF image (page ${index + 1}: ${describeError(error)}); check the file or export it again`);
    }
  };
}

/** One page of a TIFF as a PNG, for showing it with its word boxes. */
export async function tiffPageAsPng(bytes: Uint8Array, index: number): Promise<{ png: Uint8Array<ArrayBuffer>; width: number; height: number }> {
  const UTIF = await import('utif2');
  const { createCanvas } = await import('@napi-rs/canvas');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const pages = UTIF.decode(buffer).filter((directory) => ((directory['t254'] as number[] | undefined)?.[0] ?? 0) % 2 === 0);
  const directory = pages[index];
  if (!directory) throw new Error(`the TIFF has no page ${index + 1}`);
  UTIF.decodeImage(buffer, directory);
  const rgba = UTIF.toRGBA8(directory);
  const canvas = createCanvas(directory.width, directory.height);
  const context = canvas.getContext('2d');
  const image = context.createImageData(directory.width, directory.height);
  image.data.set(rgba.subarray(0, image.data.length));
  context.putImageData(image, 0, 0);
  return { png: new Uint8Array(canvas.toBuffer('image/png')), width: directory.width, height: directory.height };
}

/** RGBA pixels as an 8-bit grey PNM (P5), transparency over white as on paper. */
export function greyPnm(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  for (let pixel = 0, source = 0, target = header.length; pixel < width * height; pixel++, source += 4, target++) {
    const alpha = rgba[source + 3]!;
    const grey = (rgba[source]! * 299 + rgba[source + 1]! * 587 + rgba[source + 2]! * 114) / 1000;
    out[target] = Math.round((grey * alpha + 255 * (255 - alpha)) / 255);
  }
  return out;
}
