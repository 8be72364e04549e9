/** `dossier brief`, `export` and `import-list`: a case out to other tools, and analysts' lists in. */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { BriefingSpec } from '../../../shared/briefing';
import { DossierError } from '../../../shared/errors';
import { parseInput } from '../../../shared/rpc';
import { exporters } from '../exporters';
import { PartialFailure } from '../context';
import type { CommandContext } from '../context';

export function registerExportCommands(program: Command, context: CommandContext): void {
  const { getEngine, output } = context;

  program
    .command('brief')
    .description('Export a briefing of a case as a PDF: the saved briefing named by --briefing, or one of the whole case.')
    .argument('<case>', 'path of the case file')
    .requiredOption('--out <file>', 'where to write the PDF (.pdf)')
    .option('--briefing <name>', 'the title of a briefing saved in the case')
    .option('--force', 'replace --out if it exists (a case file is never replaced)')
    .action(async (casePath: string, options: { out: string; briefing?: string; force?: boolean }) => {
      const engine = await getEngine();
      await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      let spec: BriefingSpec;
      if (options.briefing) {
        const saved = (await engine.handlers['briefings.list']({})).find((briefing) => briefing.title.toLowerCase() === options.briefing!.trim().toLowerCase());
        if (!saved) {
          const titles = (await engine.handlers['briefings.list']({})).map((briefing) => `"${briefing.title}"`);
          throw new DossierError('not-found', `The case has no briefing "${options.briefing}"; ${titles.length ? `it has ${titles.join(', ')}` : 'it has none saved, so leave out --briefing'}.`);
        }
        const { id: _id, updatedAt: _updatedAt, ...stored } = await engine.handlers['briefings.get']({ id: saved.id });
        spec = stored;
      } else {
        spec = await engine.handlers['briefings.draft']({});
      }
      const result = await engine.handlers['briefings.export'](parseInput('briefings.export', { spec, path: resolve(options.out), overwrite: options.force ?? false }));
      output.out(`Wrote ${result.path}: ${result.pages} pages, ${Math.round(result.bytes / 1024)} KB.\n`);
    });

  program
    .command('export')
    .description(
      'Export a case for other tools: the graph of documents, entities and links as GraphML (networkx, igraph, Gephi, Cytoscape), GEXF (Gephi, with dates) or CSV nodes and edges; ' +
        'every located place (suggested ones marked) and every drawing as GeoJSON or KML (QGIS, Google Earth).',
    )
    .argument('<case>', 'path of the case file')
    .addOption(new Option('--format <format>', 'what to write').choices(Object.keys(exporters)).makeOptionMandatory())
    .requiredOption('--out <file>', 'the file to write (CSV writes FILE-nodes.csv and FILE-edges.csv beside it)')
    .option('--force', 'replace --out if it exists (a case file is never replaced)')
    .action(async (casePath: string, options: { format: string; out: string; force?: boolean }) => {
      const engine = await getEngine();
      await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      const written = await exporters[options.format]!(engine, { out: resolve(options.out), overwrite: options.force ?? false });
      output.out(`${written}\n`);
    });

  program
    .command('import-list')
    .description(
      "Import an analyst's own list as CSV: entities (name, type, aliases, lat, lon, notes; aliases separated by ;) or links " +
        '(source, target, relation, date, grading; ends named by entity name, date YYYY[-MM[-DD]] or START/END, grading like B2). Each bad row is reported by line.',
    )
    .argument('<case>', 'path of the case file')
    .argument('<file>', 'the CSV file (comma, semicolon or tab separated, with a header row)')
    .addOption(new Option('--kind <kind>', 'what the list holds').choices(['entities', 'links']).makeOptionMandatory())
    .option('--map <pairs>', 'our column names for your headers, e.g. name="Full name",lat=Latitude')
    .option('--json', 'print the report as JSON')
    .action(async (casePath: string, file: string, options: { kind: 'entities' | 'links'; map?: string; json?: boolean }) => {
      const engine = await getEngine();
      await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      const mapping = Object.fromEntries(
        (options.map ?? '')
          .split(',')
          .filter((pair) => pair.includes('='))
          .map((pair) => pair.split('=').map((part) => part.trim().replace(/^"|"$/g, '')) as [string, string]),
      );
      const report = await engine.handlers['exchange.importCsv'](parseInput('exchange.importCsv', { path: resolve(file), kind: options.kind, mapping }));
      if (options.json) output.out(`${JSON.stringify(report, null, 2)}\n`);
      else {
        output.out(`${report.file}: ${report.rows} rows; ${report.added} ${report.kind} added, ${report.joined} already in the case, ${report.errors.length} not imported.\n`);
        for (const error of report.errors) output.out(`  line ${error.line}: ${error.message}\n`);
      }
      if (report.errors.length > 0) throw new PartialFailure(`${report.errors.length} row${report.errors.length === 1 ? '' : 's'} of ${report.file} could not be imported (see above).`);
    });
}
