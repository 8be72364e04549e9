/** `dossier entities`, `gazetteer` and `extract`: people, organisations and places. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { DossierError } from '../../../shared/errors';
import { parseInput } from '../../../shared/rpc';
import { eachTextLine } from '../context';
import type { CommandContext } from '../context';

export function registerEntityCommands(program: Command, context: CommandContext): void {
  const { getEngine, output } = context;

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
    .command('extract')
    .description(
      'Suggest people, organisations and places in texts: reads JSON lines {"id","text","date"?} on stdin and writes ' +
        '{"id","mentions":[{start,end,text,type,entity?,geo?}]} lines on stdout (UTF-16 offsets, end exclusive).',
    )
    .option('--jsonl', 'JSON lines in and out (the only format)')
    .action(async (options: { jsonl?: boolean }) => {
      if (!options.jsonl) throw new DossierError('invalid-input', 'Say --jsonl: dossier extract --jsonl < in.jsonl > out.jsonl');
      const { createEntityPipeline, toExtractLine } = await import('../../engine/extract/pipeline');
      const pipeline = createEntityPipeline();
      await eachTextLine(output, ({ id, text }) => ({ id, mentions: pipeline.analyze(text).map(toExtractLine) }));
    });
}
