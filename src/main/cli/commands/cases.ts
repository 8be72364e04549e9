/** `dossier new`, `info`, `check` and `merge`: a case file as a whole. */
import type { Command } from 'commander';
import { basename, extname, resolve } from 'node:path';
import type { CaseCheck, CaseInfo } from '../../../shared/cases';
import type { MergeReport } from '../../../shared/exchange';
import { parseInput } from '../../../shared/rpc';
import { PartialFailure } from '../context';
import type { CommandContext } from '../context';

export function registerCaseCommands(program: Command, context: CommandContext): void {
  const { getEngine, output } = context;

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
