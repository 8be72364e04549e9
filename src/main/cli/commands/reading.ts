/** `dossier read`, `claims` and `timeline`: who says what, and when. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { formatDateValue } from '../../../shared/claims';
import { DossierError } from '../../../shared/errors';
import { parseInput } from '../../../shared/rpc';
import { eachTextLine } from '../context';
import type { CommandContext } from '../context';

export function registerReadingCommands(program: Command, context: CommandContext): void {
  const { getEngine, output } = context;

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
        import('../../engine/extract/index'),
        import('../../engine/extract/pipeline'),
        import('../../engine/reading/index'),
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
}
