/** The `dossier` command: the engine with no window, for batch work, scripts and benchmarks. */
import { Command, CommanderError } from 'commander';
import { DossierError } from '../../shared/errors';
import type { Engine } from '../engine/engine';
import { onWaitingForWriter } from '../engine/case/writers';
import { registerCaseCommands } from './commands/cases';
import { registerDocumentCommands } from './commands/documents';
import { registerEntityCommands } from './commands/entities';
import { registerExportCommands } from './commands/exports';
import { registerOcrCommands } from './commands/ocr';
import { registerReadingCommands } from './commands/reading';
import { PartialFailure, type CommandContext } from './context';
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

  const context: CommandContext = { getEngine, output };
  registerCaseCommands(program, context);
  registerDocumentCommands(program, context);
  registerEntityCommands(program, context);
  registerReadingCommands(program, context);
  registerExportCommands(program, context);
  registerOcrCommands(program, context);

  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: output.out, writeErr: output.err });
    command.showHelpAfterError(`(run "dossier ${command.name()} --help" for usage)`);
  }
  return program;
}
