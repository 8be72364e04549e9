/** `dossier import`, `search` and `tag`: documents in, found and labelled. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { FtmImportReport } from '../../../shared/exchange';
import { DossierError } from '../../../shared/errors';
import { parseInput } from '../../../shared/rpc';
import { availableLanguages, locateOcrData, parseLanguages } from '../../engine/ingest/ocr/engine';
import { isFtmFile } from '../exchangeFiles';
import { PartialFailure } from '../context';
import type { CommandContext } from '../context';

export function registerDocumentCommands(program: Command, context: CommandContext): void {
  const { getEngine, output } = context;

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
