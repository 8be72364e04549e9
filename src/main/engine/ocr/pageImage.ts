/**
 * The picture of a scanned page, in the pixels its word boxes are measured in: the original image
 * itself (PNG, JPEG, WebP), a TIFF page, or a PDF page rendered again at 300 dpi as OCR saw it.
 */
import type { Database } from 'better-sqlite3';
import { DossierError } from '../../../shared/errors';
import { statement } from '../case/statements';
import { getOcrLayer } from '../documents/ocrWords';
import { tiffPageAsPng } from '../ingest/read/image';
import { sniffImage } from '../ingest/read/imageHeader';
import { looksLikePdf } from '../ingest/read/detect';
import { renderPdfPageAsPng } from '../ingest/read/pdf';

export interface PageImage {
  readonly mime: 'image/png' | 'image/jpeg' | 'image/webp';
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly width: number;
  readonly height: number;
}

export async function pageImage(db: Database, documentId: number, page: number): Promise<PageImage> {
  const layer = getOcrLayer(db, documentId);
  const size = layer?.pages.find((entry) => entry.page === page);
  if (!size) throw new DossierError('not-found', `Page ${page} of document ${documentId} was not read by OCR, so there is no page image with words to show; read its text instead.`);
  const row = statement(db, 'SELECT b.bytes FROM documents AS d JOIN document_blobs AS b ON b.id = d.blob_id WHERE d.id = ?').get(documentId) as { bytes: Buffer } | undefined;
  if (!row) throw new DossierError('not-found', `Document ${documentId} has no original file stored; import it again to see its pages.`);
  const bytes = new Uint8Array(row.bytes);
  const format = sniffImage(bytes);
  if (format === 'png' || format === 'jpeg' || format === 'webp') {
    return { mime: `image/${format}`, bytes, width: size.width, height: size.height };
  }
  const rendered = format === 'tiff' ? await tiffPageAsPng(bytes, page - 1) : looksLikePdf(bytes) ? await renderPdfPageAsPng(bytes, page) : null;
  if (!rendered) throw new DossierError('corrupt', `The original of document ${documentId} is neither an image nor a PDF; its page cannot be shown.`);
  return { mime: 'image/png', bytes: rendered.png, width: rendered.width, height: rendered.height };
}
