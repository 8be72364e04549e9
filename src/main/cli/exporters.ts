/**
 * What `dossier export --format` can write, one entry a format: each writes its files and answers
 * with a line for the user. More formats (the map's GeoJSON) sit beside these.
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Engine } from '../engine/engine';
import type { ExportFormat } from '../../shared/graph';
import { DossierError } from '../../shared/errors';

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

export const exporters: Readonly<Record<string, Exporter>> = {
  graphml: graphExporter('graphml'),
  csv: graphExporter('csv'),
};
