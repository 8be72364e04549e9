/**
 * Renders a briefing as a PDF, in the engine, so the CLI needs no window: gathers the content,
 * draws the map and graph panels as vectors, and lays the document out twice (the first pass finds
 * the page of each heading for the contents). Loaded only when a briefing is exported: react-pdf
 * takes a second or more to load.
 */
import { Font, renderToBuffer } from '@react-pdf/renderer';
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { BriefingSpec } from '../../../shared/briefing';
import { gatherBriefing } from './gather';
import type { PageNumbers } from './document';
import { BriefingDocument, TOTAL_PAGES } from './document';
import { FONT_FAMILIES } from './pdfStyles';
import { graphPanel } from './graphPanel';
import { mapPanel } from './panels';

const FONT_FILES = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'armenian'];
/** Noto Sans Armenian has no italic: its upright letters stand in, as react-pdf refuses a family without the style asked for. */
const UPRIGHT_ONLY = new Set(['armenian']);
const registered = new Set<string>();

/** Registers the bundled Noto Sans files once per folder: react-pdf's built-in fonts would mangle "Kəlbəcər". */
function registerFonts(fontsDir: string): void {
  if (registered.has(fontsDir)) return;
  FONT_FILES.forEach((file, index) => {
    const italic = UPRIGHT_ONLY.has(file) ? '' : '-italic';
    Font.register({
      family: FONT_FAMILIES[index]!,
      fonts: [400, 700].flatMap((fontWeight) => [
        { src: join(fontsDir, `noto-sans-${file}-${fontWeight}.woff`), fontWeight },
        { src: join(fontsDir, `noto-sans-${file}-${fontWeight}${italic}.woff`), fontWeight, fontStyle: 'italic' as const },
      ]),
    });
  });
  // Names and places are not to be hyphenated.
  Font.registerHyphenationCallback((word) => [word]);
  registered.add(fontsDir);
}

/** Points of the text area of a page, for sizing figures. */
const contentWidth = (spec: BriefingSpec): number => (spec.pageSize === 'A4' ? 595.28 : 612) - 2 * 56;

export interface ExportOptions {
  readonly resourcesDir: string;
  readonly caseTitle: string;
}

export async function renderBriefing(db: Database, spec: BriefingSpec, options: ExportOptions): Promise<{ pdf: Buffer; pages: number }> {
  registerFonts(join(options.resourcesDir, 'fonts'));
  const content = gatherBriefing(db, spec, options.caseTitle);
  const width = contentWidth(spec);
  const places = content.sections.find((section) => section.kind === 'places');
  const relationships = content.sections.find((section) => section.kind === 'relationships');
  const map =
    places && (places.pins.length > 0 || places.drawings.length > 0)
      ? mapPanel(places.pins, places.drawings, join(options.resourcesDir, 'basemap'), width, width * 0.78)
      : null;
  const graph = relationships && relationships.nodes.length > 0 ? graphPanel(relationships.nodes, relationships.edges, width, width * 0.8) : null;

  const firstPass: PageNumbers = new Map();
  await renderToBuffer(<BriefingDocument content={content} map={map} graph={graph} pages={firstPass} knownPages={new Map()} draft />);
  const pages: PageNumbers = new Map();
  const pdf = await renderToBuffer(<BriefingDocument content={content} map={map} graph={graph} pages={pages} knownPages={firstPass} draft={false} />);
  return { pdf, pages: pages.get(TOTAL_PAGES) ?? 0 };
}
