/**
 * What `dossier export --format` can write, one entry a format: each writes its files and answers
 * with a line for the user.
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Engine } from '../engine/engine';
import type { ExportFormat } from '../../shared/graph';
import { DossierError } from '../../shared/errors';
import { parseInput } from '../../shared/rpc';

export type Exporter = (engine: Engine, out: string) => Promise<string>;

/** Writes the graph export's files: FILE itself for one file, FILE-nodes.csv and FILE-edges.csv for CSV. */
function graphExporter(format: ExportFormat): Exporter {
  return async (engine, out) => {
    const exported = await engine.handlers['graph.export']({ format });
    const stem = join(dirname(out), basename(out, extname(out)));
    const paths = exported.files.map((file) => (exported.files.length === 1 ? out : `${stem}${file.suffix}`));
    exported.files.forEach((file, index) => {
      try {
        writeFileSync(paths[index]!, file.content, 'utf8');
      } catch (error) {
        throw new DossierError('internal', `Could not write ${paths[index]}: ${(error as Error).message}. Check the folder exists and can be written to.`);
      }
    });
    return `Wrote ${paths.join(' and ')}: ${exported.nodes} nodes, ${exported.edges} edges.`;
  };
}

/** Writes the map's places and drawings (the engine writes the file). */
function mapExporter(format: 'geojson' | 'kml'): Exporter {
  return async (engine, out) => {
    const written = await engine.handlers['map.export'](parseInput('map.export', { path: out, format }));
    return `Wrote ${written.path}: ${written.places} places and ${written.drawings} drawings as ${format === 'kml' ? 'KML' : 'GeoJSON'}.`;
  };
}

export const exporters: Readonly<Record<string, Exporter>> = {
  graphml: graphExporter('graphml'),
  csv: graphExporter('csv'),
  geojson: mapExporter('geojson'),
  kml: mapExporter('kml'),
};
