/** The OCR word layer of scanned documents: where a span of their text sits on the page images. */
import type { Database } from 'better-sqlite3';
import { statement } from '../case/statements';
import type { OcrLayer, WordBox } from '../ingest/ocr/layout';
import { boxesForSpan, isOcrLayer } from '../ingest/ocr/layout';

/** A document's OCR layer (page sizes and word boxes), or null when its text was not recognised. */
export function getOcrLayer(db: Database, documentId: number): OcrLayer | null {
  const row = statement(db, "SELECT json_extract(meta, '$.ocrWords') AS layer FROM documents WHERE id = ?").get(documentId) as { layer: string | null } | undefined;
  if (!row?.layer) return null;
  const layer: unknown = JSON.parse(row.layer);
  return isOcrLayer(layer) ? layer : null;
}

/**
 * The recognised words that a span of a document's text touches (a search hit, a note, a mention,
 * a link's evidence), with their page, box in page-image pixels and confidence; empty for text
 * that came from a text layer.
 */
export function wordBoxesForSpan(db: Database, documentId: number, start: number, end: number): WordBox[] {
  const layer = getOcrLayer(db, documentId);
  return layer ? boxesForSpan(layer, start, end) : [];
}
