/** Exports a briefing as a PDF file; the renderer (react-pdf, slow to load) is loaded on first use. */
import type { Database } from 'better-sqlite3';
import type { BriefingExport, BriefingSpec } from '../../../shared/briefing';
import { checkExportTarget, writeFileSafely } from '../case/safeWrite';
import type { ExportOptions } from './render';

/** Writes the briefing to `path` (through a temporary file, so a failed export leaves nothing half-written). */
export async function exportBriefing(db: Database, spec: BriefingSpec, path: string, options: ExportOptions & { overwrite?: boolean }): Promise<BriefingExport> {
  const target = { overwrite: options.overwrite ?? false, extensions: ['.pdf'] };
  checkExportTarget(path, target);
  const { renderBriefing } = await import('./render');
  const { pdf, pages } = await renderBriefing(db, spec, options);
  writeFileSafely(path, pdf, target);
  return { path, pages, bytes: pdf.length };
}
