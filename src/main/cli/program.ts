/** The `dossier` command: the engine with no window, for batch work, scripts and benchmarks. */
import { Command, CommanderError, Option } from 'commander';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { basename, extname, join, resolve } from 'node:path';
import type { CaseCheck, CaseInfo } from '../../shared/cases';
import type { BriefingSpec } from '../../shared/briefing';
import type { FtmImportReport, MergeReport } from '../../shared/exchange';
import { DossierError } from '../../shared/errors';
import { parseInput } from '../../shared/rpc';
import type { Engine } from '../engine/engine';
import { formatDateValue } from '../../shared/claims';
import { onWaitingForWriter } from '../engine/case/writers';
import { availableLanguages, locateOcrData, parseLanguages } from '../engine/ingest/ocr/engine';
import { exporters } from './exporters';
import { isFtmFile } from './exchangeFiles';
import { describeUnexpected, safeForTerminal } from './terminal';

export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Lines of standard input, for `extract --jsonl` (default: the process's stdin). */
  readonly input?: () => AsyncIterable<string>;
}

/** Exit codes: 0 done, 1 the command failed (message on stderr), 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const ExtractLineSchema = z.object({
  id: z.string(),
  text: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

async function* readStdinLines(): AsyncIterable<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) yield line;
}

/** Some of the work was done and reported; the exit code still says not all of it. */
class PartialFailure extends Error {}

/**
 * The JSON-lines loop of `extract` and `read`: each input line {"id","text","date"?} answered by one
 * output line; a line that is not one gets an error line and is skipped, never a crash.
 */
async function eachTextLine(output: CliOutput, answer: (line: z.infer<typeof ExtractLineSchema>) => Record<string, unknown>): Promise<void> {
  let lineNumber = 0;
  let bad = 0;
  for await (const line of (output.input ?? readStdinLines)()) {
    lineNumber += 1;
    if (!line.trim()) continue;
    const parsed = ExtractLineSchema.safeParse(parseJson(line));
    if (!parsed.success) {
      bad += 1;
      output.err(`dossier: line ${lineNumber} is not {"id": string, "text": string, "date"?: "YYYY-MM-DD"}; skipped.\n`);
      continue;
    }
    output.out(`${JSON.stringify(answer(parsed.data))}\n`);
  }
  if (bad > 0) throw new PartialFailure(`${bad} input line${bad === 1 ? ' was' : 's were'} skipped (see above).`);
}

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], rawOutput: CliOutput = processOutput): Promise<number> {
  const debug = argv.includes('--debug');
  const output: CliOutput = { ...rawOutput, out: (text) => rawOutput.out(safeForTerminal(text)), err: (text) => rawOutput.err(safeForTerminal(text)) };
  // The engine (SQLite, the readers, the model) loads on the first command that needs it, so that
  // --help and usage errors answer at once.
  let engine: Engine | undefined;
  const getEngine = async (): Promise<Engine> => (engine ??= (await import('../engine/engine')).createEngine());
  const program = buildProgram(getEngine, output);
  // Another Dossier writing to the same case makes this one wait its turn; say so once in a while.
  let lastWaitNotice = 0;
  const stopListening = onWaitingForWriter((caseName) => {
    if (Date.now() - lastWaitNotice < 10_000) return;
    lastWaitNotice = Date.now();
    output.err(`dossier: waiting for another Dossier writing to ${caseName}…\n`);
  });
  try {
    await program.parseAsync(argv.filter((argument) => argument !== '--debug'), { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof PartialFailure) {
      output.err(`dossier: ${error.message}\n`);
      return EXIT_FAILED;
    }
    if (error instanceof DossierError) {
      output.err(`dossier: ${error.message}\n`);
      return EXIT_FAILED;
    }
    output.err(`dossier: ${debug && error instanceof Error ? (error.stack ?? error.message) : describeUnexpected(error)}\n`);
    return EXIT_FAILED;
  } finally {
    stopListening();
    engine?.dispose();
  }
}

function buildProgram(getEngine: () => Promise<Engine>, output: CliOutput): Command {
  const program = new Command('dossier')
    .description('Dossier case files from the command line: the same engine as the app, with no window.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err });

  program
    .command('new')
    .description('Create a new, empty case file.')
    .argument('<case>', 'path of the case file to create, e.g. border-incident.dossier')
    .option('--title <title>', 'title of the case (default: the file name)')
    .action(async (casePath: string, options: { title?: string }) => {
      const engine = await getEngine();
      const title = options.title ?? basename(casePath, extname(casePath));
      const input = parseInput('cases.create', { path: casePath, title });
      const info = await engine.handlers['cases.create'](input);
      output.out(`Created ${info.path}: "${info.title}" (case format v${info.schemaVersion}).\n`);
    });

  program
    .command('info')
    .description('Show the title, format version and contents of a case file.')
    .argument('<case>', 'path of the case file')
    .option('--json', 'print JSON instead of text')
    .action(async (casePath: string, options: { json?: boolean }) => {
      const engine = await getEngine();
      const info = await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      output.out(options.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
    });

  program
    .command('check')
    .description("Check a case file: SQLite's integrity, its links between tables, and every original document against its SHA-256. Repairs nothing.")
    .argument('<case>', 'path of the case file')
    .option('--json', 'print JSON instead of text')
    .action(async (casePath: string, options: { json?: boolean }) => {
      const engine = await getEngine();
      const info = await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      const report = await engine.handlers['cases.check']({});
      if (options.json) output.out(`${JSON.stringify(report, null, 2)}\n`);
      else output.out(formatCheck(info.title, report));
      if (!report.ok) throw new PartialFailure(`"${info.title}" is damaged (see above); restore it from a backup, or re-import the documents named.`);
    });

  program
    .command('import')
    .description(
      'Import files and folders into a case (txt, md, html, pdf, docx, eml, mbox, zip, Reuters SGML; images and scanned PDFs by OCR), and FollowTheMoney entity files (.ftm.json, .ijson, .jsonl).',
    )
    .argument('<case>', 'path of the case file')
    .argument('<paths...>', 'files or folders to import (folders recursively)')
    .option('--json', 'print the report as JSON')
    .option('--no-extract', 'skip entity extraction (people, organisations, places)')
    .option('--ocr-lang <languages>', 'languages of the text in images and scans, joined by + (eng, rus, hye, aze)', 'eng')
    .option('--no-ocr', 'do not read text from images and scanned pages (images are refused, scanned PDF pages stay empty)')
    .action(async (casePath: string, paths: string[], options: { json?: boolean; extract: boolean; ocr: boolean; ocrLang: string }) => {
      // Checked before anything is opened or imported: a language without data is a typing error.
      const languages = options.ocr ? parseLanguages(options.ocrLang, availableLanguages(locateOcrData())) : null;
      const engine = await getEngine();
      await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      // FollowTheMoney entity files come in as entities and documents, not as one text document.
      const ftmFiles = paths.filter(isFtmFile);
      for (const file of ftmFiles) {
        const ftm = await engine.handlers['exchange.importFtm'](parseInput('exchange.importFtm', { path: resolve(file) }));
        if (options.json) output.out(`${JSON.stringify({ ftm }, null, 2)}\n`);
        else output.out(formatFtmImport(ftm));
        if (ftm.errorCount > 0) throw new PartialFailure(`${ftm.errorCount} line${ftm.errorCount === 1 ? '' : 's'} of ${ftm.file} could not be imported (see above).`);
      }
      const documentPaths = paths.filter((path) => !ftmFiles.includes(path));
      if (documentPaths.length === 0) return;
      const report = await engine.startImport(
        documentPaths.map((path) => ({ path: resolve(path) })),
        { extract: options.extract, ocr: languages ? { languages } : false },
      ).finished;
      if (options.json) {
        output.out(`${JSON.stringify({ imported: report.imported, duplicates: report.duplicates, failed: report.failed }, null, 2)}\n`);
      } else {
        output.out(`Imported ${report.imported.length}, duplicates ${report.duplicates.length}, failed ${report.failed.length}.\n`);
        for (const failure of report.failed) output.out(`  failed: ${failure.file}: ${failure.reason}\n`);
      }
      if (report.failed.length > 0) throw new PartialFailure(`${report.failed.length} of the files could not be imported (see above).`);
    });

  program
    .command('search')
    .description('Search a case: words, "phrases", AND/OR/NOT, prefix*, NEAR(a b, 5), title:word.')
    .argument('<case>', 'path of the case file')
    .argument('<query>', 'what to search for')
    .option('--json', 'print JSON instead of text')
    .option('--limit <n>', 'how many results at most', '20')
    .action(async (casePath: string, query: string, options: { json?: boolean; limit: string }) => {
      const engine = await getEngine();
      await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      const limit = Number.parseInt(options.limit, 10);
      const page = await engine.handlers['documents.list'](
        parseInput('documents.list', { search: query, sort: 'relevance', limit: Number.isFinite(limit) && limit > 0 ? Math.min(limit, 1000) : 20 }),
      );
      if (options.json) {
        output.out(`${JSON.stringify(page, null, 2)}\n`);
        return;
      }
      output.out(`${page.total} document${page.total === 1 ? '' : 's'} match.\n`);
      for (const row of page.rows) {
        const snippet = (row.snippet ?? '').replaceAll('\u0002', '[').replaceAll('\u0003', ']').replace(/\s+/g, ' ');
        output.out(`${String(row.id).padStart(6)}  ${row.title}${row.publishedAt ? ` (${row.publishedAt.slice(0, 10)})` : ''}\n        ${snippet}\n`);
      }
    });

  program
    .command('tag')
    .description('Add or remove a tag on every document a search finds.')
    .argument('<case>', 'path of the case file')
    .argument('<query>', 'a search; every matching document is tagged')
    .option('--add <tag>', 'tag to add (created if new), e.g. source/official')
    .option('--remove <tag>', 'tag to remove')
    .action(async (casePath: string, query: string, options: { add?: string; remove?: string }) => {
      const engine = await getEngine();
      if (!options.add === !options.remove) throw new DossierError('invalid-input', 'Say which tag: --add TAG or --remove TAG (one of them).');
      await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      const ids: number[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await engine.handlers['documents.list'](parseInput('documents.list', { search: query, limit: 1000, offset }));
        ids.push(...page.rows.map((row) => row.id));
        if (page.rows.length < 1000) break;
      }
      if (ids.length === 0) {
        output.out('No documents match; nothing tagged.\n');
        return;
      }
      const name = (options.add ?? options.remove)!;
      const action = options.add ? 'add' : 'remove';
      const tag = await engine.handlers['tags.apply'](parseInput('tags.apply', { tag: { name }, documentIds: ids, action }));
      output.out(`${action === 'add' ? 'Tagged' : 'Untagged'} ${ids.length} document${ids.length === 1 ? '' : 's'} "${tag.name}" (${tag.count} now carry it).\n`);
    });

  program
    .command('entities')
    .description('List the people, organisations and places of a case, with aliases, counts and coordinates.')
    .argument('<case>', 'path of the case file')
    .option('--json', 'print JSON instead of text')
    .action(async (casePath: string, options: { json?: boolean }) => {
      const engine = await getEngine();
      const info = await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      const entities = await engine.handlers['entities.list']({});
      if (options.json) {
        output.out(`${JSON.stringify(entities, null, 2)}\n`);
        return;
      }
      output.out(`${entities.length} entities in "${info.title}".\n`);
      for (const entity of entities) {
        const where = entity.coordinates ? `  ${entity.coordinates.lat.toFixed(3)}, ${entity.coordinates.lon.toFixed(3)}` : '';
        const aliases = entity.aliases.filter((alias) => alias !== entity.name);
        output.out(
          `${entity.type.padEnd(12)} ${entity.name}${aliases.length ? ` (${aliases.join(', ')})` : ''}  ${entity.mentions} mentions in ${entity.documents} documents${where}\n`,
        );
      }
    });

  program
    .command('gazetteer')
    .description(
      "List, add or remove the GeoNames country extracts (AZ.txt from download.geonames.org/export/dump) in a case's gazetteer; " +
        'adding one places the case\'s places that had no coordinates.',
    )
    .argument('<case>', 'path of the case file')
    .option('--add <file>', 'add a GeoNames country extract (unzipped .txt)')
    .option('--remove <id>', 'remove the extract with this id')
    .option('--json', 'print JSON instead of text')
    .action(async (casePath: string, options: { add?: string; remove?: string; json?: boolean }) => {
      const engine = await getEngine();
      await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      if (options.add) {
        const added = await engine.handlers['gazetteer.addExtract'](parseInput('gazetteer.addExtract', { path: resolve(options.add) }));
        if (!options.json) output.out(`Added ${added.fileName}: ${added.places.toLocaleString('en')} places; ${added.placed} of the case's places placed.\n`);
      }
      if (options.remove) await engine.handlers['gazetteer.removeExtract'](parseInput('gazetteer.removeExtract', { id: Number(options.remove) }));
      const extracts = await engine.handlers['gazetteer.extracts']({});
      if (options.json) {
        output.out(`${JSON.stringify(extracts, null, 2)}\n`);
        return;
      }
      if (extracts.length === 0) output.out('No GeoNames extracts in this case; the bundled gazetteer only.\n');
      for (const extract of extracts) output.out(`${String(extract.id).padStart(3)}  ${extract.fileName}  ${extract.places.toLocaleString('en')} places  added ${extract.addedAt.slice(0, 10)}\n`);
    });

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
    .command('extract')
    .description(
      'Suggest people, organisations and places in texts: reads JSON lines {"id","text","date"?} on stdin and writes ' +
        '{"id","mentions":[{start,end,text,type,entity?,geo?}]} lines on stdout (UTF-16 offsets, end exclusive).',
    )
    .option('--jsonl', 'JSON lines in and out (the only format)')
    .action(async (options: { jsonl?: boolean }) => {
      if (!options.jsonl) throw new DossierError('invalid-input', 'Say --jsonl: dossier extract --jsonl < in.jsonl > out.jsonl');
      const { createEntityPipeline, toExtractLine } = await import('../engine/extract/pipeline');
      const pipeline = createEntityPipeline();
      await eachTextLine(output, ({ id, text }) => ({ id, mentions: pipeline.analyze(text).map(toExtractLine) }));
    });

  program
    .command('read')
    .description(
      'Read who says what and who did what in texts: reads JSON lines {"id","text","date"?} on stdin and writes ' +
        '{"id","times","claims","events","relations"} lines on stdout (UTF-16 offsets, end exclusive).',
    )
    .option('--jsonl', 'JSON lines in and out (the only format)')
    .action(async (options: { jsonl?: boolean }) => {
      if (!options.jsonl) throw new DossierError('invalid-input', 'Say --jsonl: dossier read --jsonl < in.jsonl > out.jsonl');
      // The tagger alone: the read lines carry no coordinates, so the gazetteer is not loaded.
      const [{ loadExtractor }, { locateResources }, { readText, toReadLine }] = await Promise.all([
        import('../engine/extract/index'),
        import('../engine/extract/pipeline'),
        import('../engine/reading/index'),
      ]);
      const extractor = loadExtractor(join(locateResources(), 'ner'));
      await eachTextLine(output, ({ id, text, date }) => toReadLine(id, readText(text, { extractor, ...(date ? { documentDate: date } : {}) })));
    });

  program
    .command('claims')
    .description('List who says what in a case: each claim with its speaker, cue, stance, date and document (rejected ones left out).')
    .argument('<case>', 'path of the case file')
    .option('--json', 'print JSON instead of text')
    .action(async (casePath: string, options: { json?: boolean }) => {
      const engine = await getEngine();
      const info = await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      const claims = await engine.handlers['claims.list']({});
      if (options.json) {
        output.out(`${JSON.stringify(claims, null, 2)}\n`);
        return;
      }
      output.out(`${claims.length} claim${claims.length === 1 ? '' : 's'} in "${info.title}".\n`);
      for (const claim of claims) {
        const when = claim.date ? formatDateValue(claim.date) : (claim.documentDate ?? 'undated');
        const content = claim.content.text.replace(/\s+/g, ' ').trim();
        output.out(`${when.padEnd(14)} ${claim.speaker.name} ${claim.cue.text} [${claim.stance}${claim.status === 'suggested' ? ', suggested' : ''}]: ${content}\n`);
        output.out(`${''.padEnd(14)}   #${claim.documentId} ${claim.documentTitle} @${claim.content.start}-${claim.content.end}\n`);
      }
    });

  program
    .command('timeline')
    .description('List the events of a case in date order, with the precision of each date, actors, places, document and span.')
    .argument('<case>', 'path of the case file')
    .option('--json', 'print JSON instead of text')
    .action(async (casePath: string, options: { json?: boolean }) => {
      const engine = await getEngine();
      const info = await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      const { items, undated } = await engine.handlers['timeline.items']({ kinds: ['event'] });
      if (options.json) {
        output.out(`${JSON.stringify({ events: items, undated }, null, 2)}\n`);
        return;
      }
      output.out(`${items.length} dated event${items.length === 1 ? '' : 's'} in "${info.title}"${undated ? ` (${undated} undated)` : ''}.\n`);
      for (const item of items) {
        const when = `${item.dateSource === 'document' ? 'by ' : ''}${item.approximate ? 'c. ' : ''}${item.precision === 'day' ? item.start : item.precision === 'month' ? item.start.slice(0, 7) : item.start.slice(0, 4)}`;
        const who = item.actors.map((actor) => actor.name).join(', ');
        const where = item.places.map((place) => place.name).join(', ');
        output.out(`${when.padEnd(16)} ${item.label}${who ? `  [actors: ${who}]` : ''}${where ? `  [places: ${where}]` : ''}${item.status === 'suggested' ? '  (suggested)' : ''}\n`);
        if (item.documentId !== null) output.out(`${''.padEnd(16)} #${item.documentId} ${item.documentTitle ?? ''}${item.span ? ` @${item.span.start}-${item.span.end}` : ''}\n`);
      }
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

  program
    .command('merge')
    .description(
      "Merge a colleague's case into this one: documents join by SHA-256, entities by name or gazetteer place; tags, notes, links with evidence, " +
        'drawings and briefings come along with where they came from. One undoable step; the other file is only read.',
    )
    .argument('<into>', 'the case to merge into (changed)')
    .argument('<from>', 'the case to merge from (read only)')
    .option('--analyst <name>', 'who is merging, recorded with the merge')
    .option('--json', 'print the report as JSON')
    .action(async (into: string, from: string, options: { analyst?: string; json?: boolean }) => {
      const engine = await getEngine();
      await engine.handlers['cases.open'](parseInput('cases.open', { path: into }));
      const report = await engine.handlers['exchange.merge'](parseInput('exchange.merge', { path: resolve(from), ...(options.analyst ? { analyst: options.analyst } : {}) }));
      output.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatMerge(report));
    });

  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: output.out, writeErr: output.err });
    command.showHelpAfterError(`(run "dossier ${command.name()} --help" for usage)`);
  }
  return program;
}

function formatMerge(report: MergeReport): string {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([what, count]) => `${count} ${what}`)
      .join(', ') || 'nothing';
  const lines = [
    report.changed
      ? `Merged "${report.source.title}" (one step: Undo in the app reverts it).`
      : `Nothing to merge from "${report.source.title}": ${report.sameCase ? 'it is this case, or a copy of it' : 'everything in it is already here'}; the case is unchanged.`,
    `  joined: ${list(report.joined)}`,
    `  added:  ${list(report.added)}`,
    ...report.conflicts.map((conflict) => `  conflict (${conflict.kind}): ${conflict.message}`),
    ...report.doubtful.map((pair) => `  doubtful: "${pair.name}" added as entity ${pair.addedEntityId}; ${pair.reason} as entity ${pair.entityId}. Merge them if they are one.`),
  ];
  return `${lines.join('\n')}\n`;
}

function formatFtmImport(report: FtmImportReport): string {
  const skipped = Object.entries(report.skipped).map(([schema, count]) => `${count} ${schema}`);
  const lines = [
    `FollowTheMoney ${report.file}: ${report.entitiesAdded} entities added and ${report.entitiesJoined} joined to ones in the case, ` +
      `${report.documentsAdded} documents added and ${report.documentsJoined} already here, ${report.mentionsAdded} mentions; all suggested, for review.`,
    ...(skipped.length ? [`  not imported (no place for them in a case yet): ${skipped.join(', ')}`] : []),
    ...report.errors.map((error) => `  line ${error.line}: ${error.message}`),
    ...(report.errorCount > report.errors.length ? [`  ... and ${report.errorCount - report.errors.length} more lines with errors`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function formatCheck(title: string, report: CaseCheck): string {
  const lines = [`Checked "${title}": ${report.originalsChecked} original${report.originalsChecked === 1 ? '' : 's'} against their SHA-256.`];
  for (const problem of report.integrity) lines.push(`  integrity: ${problem}`);
  for (const problem of report.foreignKeys) lines.push(`  reference: ${problem}`);
  for (const blob of report.damagedOriginals) {
    const names = blob.documents.map((document) => `#${document.id} "${document.title}"`).join(', ') || 'no document';
    lines.push(`  damaged original (stored SHA-256 ${blob.expected.slice(0, 12)}…, now ${blob.actual.slice(0, 12)}…): ${names}`);
  }
  if (report.ok) lines.push('No damage found.');
  return `${lines.join('\n')}\n`;
}

function formatInfo(info: CaseInfo): string {
  const rows: [string, string][] = [
    ['file', info.path],
    ['format', `v${info.schemaVersion}`],
    ['created', info.createdAt],
    ['updated', info.updatedAt],
    ['documents', String(info.counts.documents)],
    ['entities', String(info.counts.entities)],
    ['links', String(info.counts.links)],
  ];
  const lines = [info.title, ...(info.description ? [info.description] : []), ''];
  for (const [label, value] of rows) lines.push(`  ${`${label}:`.padEnd(11)}${value}`);
  return `${lines.join('\n')}\n`;
}
