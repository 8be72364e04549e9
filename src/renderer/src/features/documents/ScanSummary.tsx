/** How well a scanned document's text was read: the OCR figures in its metadata, and the badge that shows them. */
import { Badge } from '@mantine/core';
import type { DocumentDetail } from '../../../../shared/documents';

/** The OCR figures a document keeps in its metadata, when its text was read from images. */
export function scanSummary(document: Pick<DocumentDetail, 'meta'>): { confidence: number; languages: string; pages: number } | null {
  const { ocrConfidence, ocrLanguages, ocrPages } = document.meta;
  if (typeof ocrConfidence !== 'number' || typeof ocrPages !== 'number' || ocrPages === 0) return null;
  return { confidence: ocrConfidence, languages: typeof ocrLanguages === 'string' ? ocrLanguages : '', pages: ocrPages };
}

/** Below this mean confidence (0–100) a document's OCR text is marked low: check it, or read it again. */
export const LOW_DOCUMENT_CONFIDENCE = 75;

/** "OCR 94%": green when the text can be trusted as read, yellow to check, red to re-scan. */
export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const color = confidence >= 90 ? 'teal' : confidence >= LOW_DOCUMENT_CONFIDENCE ? 'yellow' : 'red';
  return (
    <Badge
      size="xs"
      variant="light"
      color={color}
      style={{ flexShrink: 0 }}
      title={`Text read by OCR; mean confidence ${confidence.toFixed(1)} of 100${confidence < LOW_DOCUMENT_CONFIDENCE ? ' (low: check it against the page image, or read it again)' : ''}`}
      data-low={confidence < LOW_DOCUMENT_CONFIDENCE || undefined}
      data-testid="ocr-confidence"
    >
      OCR {Math.round(confidence)}%
    </Badge>
  );
}
