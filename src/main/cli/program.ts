/** The `dossier` command: the engine with no window, for batch work, scripts and benchmarks. */
import { Command, CommanderError } from 'commander';
import { basename, extname } from 'node:path';
import type { CaseInfo } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { parseInput } from '../../shared/rpc';
import { createEngine } from '../engine/engine';

export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Exit codes: 0 done, 1 the command failed (message on stderr), 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  const engine = createEngine();
  const program = buildProgram(engine, output);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof DossierError) {
      output.err(`dossier: ${error.message}\n`);
      return EXIT_FAILED;
    }
    output.err(`dossier: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILED;
  } finally {
    engine.dispose();
  }
}

function buildProgram(engine: ReturnType<typeof createEngine>, output: CliOutput): Command {
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
      const info = await engine.handlers['cases.open'](parseInput('cases.open', { path: casePath }));
      output.out(options.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
    });

  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: output.out, writeErr: output.err });
    command.showHelpAfterError(`(run "dossier ${command.name()} --help" for usage)`);
  }
  return program;
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
