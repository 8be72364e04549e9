/** `dossier ocr`: a scanned document read again with other languages. */
import type { Command } from 'commander';
import { DossierError } from '../../../shared/errors';
import type { OcrRerunReport } from '../../../shared/ocr';
import { availableLanguages, locateOcrData, parseLanguages } from '../../engine/ingest/ocr/engine';
import { parseInput } from '../context';
import type { CommandContext } from '../context';

export function registerOcrCommands(program: Command, context: CommandContext): void {
  const { getEngine, output } = context;

  program
    .command('ocr')
    .description(
      "Read a scanned document's pages again with other OCR languages: its text, word boxes and confidence are replaced, notes and reviewed mentions and evidence follow their words, names are read again; one undo step.",
    )
    .argument('<case>', 'path of the case file')
    .requiredOption('--doc <id>', 'the id of the document (as `dossier search` shows it)')
    .requiredOption('--lang <languages>', 'languages of its text, joined by + (eng, rus, hye, aze), e.g. eng+rus')
    .option('--json', 'print the report as JSON')
    .action(async (casePath: string, options: { doc: string; lang: string; json?: boolean }) => {
      const documentId = Number(options.doc);
      if (!Number.isInteger(documentId) || documentId < 1) throw new DossierError('invalid-input', `--doc ${options.doc} is not a document id; give the number \`dossier search\` shows.`);
      const languages = parseLanguages(options.lang, availableLanguages(locateOcrData()));
      const engine = await getEngine();
      await engine.handlers['cases.open'](await parseInput('cases.open', { path: casePath }));
      const report = await engine.startOcrRerun(documentId, languages).finished;
      if (options.json) output.out(`${JSON.stringify(report, null, 2)}\n`);
      else output.out(formatReport(report));
      if (report.status !== 'done') throw new DossierError('internal', report.message ?? `The OCR re-run of document ${documentId} was cancelled; the document keeps its text.`);
    });
}

function formatReport(report: OcrRerunReport): string {
  const confidence = (value: number | null) => (value === null ? 'unknown' : `${value}%`);
  if (report.status !== 'done' || !report.after) return '';
  const lines = [
    `Document ${report.documentId} read again: ${report.before.languages} (confidence ${confidence(report.before.confidence)}) → ${report.after.languages} (confidence ${confidence(report.after.confidence)}).`,
    `  kept ${report.kept} notes, reviewed mentions and evidence; ${report.suggested} new suggestions read from the new text.`,
    ...(report.lost.length > 0 ? [`  not found in the new text (removed; \`undo\` in the app brings them back):`, ...report.lost.map((lost) => `    ${lost.kind}: ${lost.text}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}
