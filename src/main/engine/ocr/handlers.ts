/** The engine's handlers for scanned documents' word layers, over the open case's database. */
import type { Handlers } from '../../../shared/api';
import type { ocrChannels } from '../../../shared/ocr';
import { getOcrLayer, wordBoxesForSpan } from '../documents/ocrWords';
import { availableLanguages, locateOcrData } from '../ingest/ocr/engine';
import { boxesForSpan } from '../ingest/ocr/layout';
import { pageImage } from './pageImage';
import type { Session } from '../case/session';

export function ocrHandlers(session: Session): Handlers<keyof typeof ocrChannels> {
  const { db } = session;
  return {
    'ocr.languages': () => availableLanguages(locateOcrData()),
    'ocr.layer': ({ documentId, page }) => {
      const layer = getOcrLayer(db(), documentId);
      if (!layer) return null;
      const words = boxesForSpan(layer, 0, Number.MAX_SAFE_INTEGER).filter((word) => page === undefined || word.page === page);
      return { pages: layer.pages.filter((entry) => page === undefined || entry.page === page), words };
    },
    'ocr.boxes': ({ documentId, start, end }) => wordBoxesForSpan(db(), documentId, start, end),
    'ocr.pageImage': ({ documentId, page }) => pageImage(db(), documentId, page),
    'ocr.rerun': ({ documentId, languages }) => ({ jobId: session.requireCase().ocr.start(documentId, languages).jobId }),
    'ocr.cancel': ({ jobId }) => {
      session.requireCase().ocr.cancel(jobId);
      return null;
    },
  };
}
