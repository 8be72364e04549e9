/**
 * What `dossier export --format` can write, one entry a format: each writes its files and answers
 * with a line for the user.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Engine } from '../engine/engine';
import type { ExportFormat } from '../../shared/graph';
import type { ExchangeFormat } from '../../shared/exchange';
import { checkExportTarget, refuseCaseFileName, writeFileSafely } from '../engine/case/safeWrite';
import { parseInput } from './context';

export interface ExportTarget {
  readonly out: string;
  /** Replace existing files (--force); a case file is never replaced. */
  readonly overwrite: boolean;
}

export type Exporter = (engine: Engine, target: ExportTarget) => Promise<string>;

const GRAPH_EXTENSIONS: Readonly<Record<ExportFormat, readonly string[]>> = {
  graphml: ['.graphml', '.xml'],
  gexf: ['.gexf'],
  csv: ['.csv'],
};

/** Writes the graph export's files: FILE itself for one file, FILE-nodes.csv and FILE-edges.csv for CSV. */
function graphExporter(format: ExportFormat): Exporter {
  return async (engine, { out, overwrite }) => {
    const options = { overwrite, extensions: GRAPH_EXTENSIONS[format] };
    const stem = join(dirname(out), basename(out, extname(out)));
    const pathFor = (suffix: string, count: number): string => (count === 1 ? out : `${stem}${suffix}`);
    // Every target is checked before anything is written, so a refused second file leaves no first one.
    refuseCaseFileName(out, options);
    const suffixes = format === 'csv' ? ['-nodes.csv', '-edges.csv'] : [''];
    for (const suffix of suffixes) checkExportTarget(pathFor(suffix, suffixes.length), options);
    const exported = await engine.handlers['graph.export']({ format });
    const paths = exported.files.map((file) => pathFor(file.suffix, exported.files.length));
    exported.files.forEach((file, index) => writeFileSafely(paths[index]!, file.content, options));
    return `Wrote ${paths.join(' and ')}: ${exported.nodes} nodes, ${exported.edges} edges.`;
  };
}

/** Writes the map's places and drawings (the engine writes the file). */
function mapExporter(format: 'geojson' | 'kml'): Exporter {
  return async (engine, { out, overwrite }) => {
    const written = await engine.handlers['map.export'](await parseInput('map.export', { path: out, format, overwrite }));
    return `Wrote ${written.path}: ${written.places} places and ${written.drawings} drawings as ${format === 'kml' ? 'KML' : 'GeoJSON'}.`;
  };
}

/** Writes a STIX 2.1 bundle or FollowTheMoney entity lines (the engine builds the text). */
function exchangeExporter(format: ExchangeFormat): Exporter {
  return async (engine, { out, overwrite }) => {
    const options = { overwrite, extensions: EXCHANGE_EXTENSIONS[format] };
    checkExportTarget(out, options);
    const exported = await engine.handlers['exchange.export']({ format });
    writeFileSafely(out, exported.content, options);
    const what = format === 'stix' ? `a STIX 2.1 bundle of ${exported.objects} objects` : `${exported.objects} FollowTheMoney entities`;
    return `Wrote ${out}: ${what}.${exported.leftOut.length ? ` Left out: ${exported.leftOut.join('; ')}.` : ''}`;
  };
}

const EXCHANGE_EXTENSIONS: Readonly<Record<ExchangeFormat, readonly string[]>> = {
  stix: ['.json', '.stix'],
  ftm: ['.ftm.json', '.ijson', '.jsonl', '.json'],
};

export const exporters: Readonly<Record<string, Exporter>> = {
  graphml: graphExporter('graphml'),
  gexf: graphExporter('gexf'),
  csv: graphExporter('csv'),
  geojson: mapExporter('geojson'),
  kml: mapExporter('kml'),
  stix: exchangeExporter('stix'),
  ftm: exchangeExporter('ftm'),
};
