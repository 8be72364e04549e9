/** What every `dossier` command is given, and the pieces several of them share. */
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import type { Channel, channels } from '../../shared/api';
import type * as Rpc from '../../shared/rpc';
import type { Engine } from '../engine/engine';
import type { CliOutput } from './program';

export interface CommandContext {
  /** The engine, loaded on first use so that --help and usage errors answer at once. */
  readonly getEngine: () => Promise<Engine>;
  readonly output: CliOutput;
}

// The contract (every channel's zod schema) and zod itself load on the first command that needs them, so
// that --help and the commands that do not use them start at once (npm run bench).
let contract: Promise<typeof Rpc> | undefined;

/** The engine contract's input check for `channel` (shared/rpc parseInput), loaded on first use. */
export async function parseInput<C extends Channel>(channel: C, input: unknown): Promise<z.output<(typeof channels)[C]['input']>> {
  contract ??= import('../../shared/rpc');
  return (await contract).parseInput(channel, input);
}

async function extractLineSchema() {
  const { z } = await import('zod');
  return z.object({
    id: z.string(),
    text: z.string(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  });
}

interface TextLine {
  readonly id: string;
  readonly text: string;
  readonly date?: string;
}

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
export class PartialFailure extends Error {}

/**
 * The JSON-lines loop of `extract` and `read`: each input line {"id","text","date"?} answered by one
 * output line; a line that is not one gets an error line and is skipped, never a crash.
 */
export async function eachTextLine(output: CliOutput, answer: (line: TextLine) => Record<string, unknown>): Promise<void> {
  const ExtractLineSchema = await extractLineSchema();
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
