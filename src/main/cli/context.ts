/** What every `dossier` command is given, and the pieces several of them share. */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import type { CliOutput } from './program';

export interface CommandContext {
  /** The engine, loaded on first use so that --help and usage errors answer at once. */
  readonly getEngine: () => Promise<Engine>;
  readonly output: CliOutput;
}

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
export class PartialFailure extends Error {}

/**
 * The JSON-lines loop of `extract` and `read`: each input line {"id","text","date"?} answered by one
 * output line; a line that is not one gets an error line and is skipped, never a crash.
 */
export async function eachTextLine(output: CliOutput, answer: (line: z.infer<typeof ExtractLineSchema>) => Record<string, unknown>): Promise<void> {
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
