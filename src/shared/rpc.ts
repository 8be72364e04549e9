/** Validates a call against the contract, runs its handler and wraps the answer as a Result. */
import type { z } from 'zod';
import type { Channel, Handlers, Result } from './api';
import { channels, isChannel } from './api';
import { DossierError, toApiError } from './errors';

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

/** Issues listed in an error message; the rest are counted. */
const MAX_LISTED_ISSUES = 5;

/** Describes zod issues as "field: problem; field: problem" (the first few, and how many more). */
export function describeIssues(error: z.ZodError): string {
  const listed = error.issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  const more = error.issues.length - MAX_LISTED_ISSUES;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

/**
 * Bounds on any payload, checked before the schema: no list in the contract holds more than
 * 100,000 items, and a payload of millions of values or deep nesting would keep the validator (in
 * Electron's main process) busy for seconds before it said no.
 */
export const PAYLOAD_LIMITS = { arrayItems: 100_000, values: 1_000_000, depth: 32, characters: 64 * 1024 * 1024 } as const;

/** Throws a DossierError when `input` exceeds PAYLOAD_LIMITS; walks it without recursion. */
export function checkPayloadSize(channel: string, input: unknown): void {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  let values = 0;
  let characters = 0;
  const refuse = (what: string) => new DossierError('invalid-input', `${channel} was called with too much data (${what}); send less at a time.`);
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    values += 1;
    if (values > PAYLOAD_LIMITS.values) throw refuse(`more than ${PAYLOAD_LIMITS.values.toLocaleString('en')} values`);
    if (typeof value === 'string') {
      characters += value.length;
      if (characters > PAYLOAD_LIMITS.characters) throw refuse('more than 64 MB of text');
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= PAYLOAD_LIMITS.depth) throw refuse(`nested more than ${PAYLOAD_LIMITS.depth} levels deep`);
    const items = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
    if (items.length > PAYLOAD_LIMITS.arrayItems) throw refuse(`a list of ${items.length.toLocaleString('en')} items; at most ${PAYLOAD_LIMITS.arrayItems.toLocaleString('en')}`);
    for (const item of items) stack.push({ value: item, depth: depth + 1 });
  }
}

/** Parses a raw payload for a channel, throwing a DossierError that says what was wrong. */
export function parseInput<C extends Channel>(channel: C, input: unknown): z.output<(typeof channels)[C]['input']> {
  checkPayloadSize(channel, input);
  const parsed = channels[channel].input.safeParse(input);
  if (!parsed.success) {
    throw new DossierError('invalid-input', `${channel} was called with bad input: ${describeIssues(parsed.error)}`);
  }
  return parsed.data as z.output<(typeof channels)[C]['input']>;
}

/**
 * Builds the dispatcher for a set of handlers. Unknown channels, bad input and handler failures
 * all come back as `{ ok: false }`; output is checked too, so the renderer never sees a shape the
 * contract does not promise.
 */
export function createDispatcher<C extends Channel>(handlers: Handlers<C>): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel) || !Object.hasOwn(handlers, channel)) {
      return {
        ok: false,
        error: { code: 'unknown-channel', message: `There is no channel called ${String(channel)}.` },
      };
    }
    try {
      const parsedInput = parseInput(channel, input);
      const handler = handlers[channel as C] as (value: unknown) => unknown;
      const output: unknown = await handler(parsedInput);
      const checked = channels[channel].output.safeParse(output);
      if (!checked.success) {
        throw new Error(`${channel} produced output the contract does not allow: ${describeIssues(checked.error)}`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      return { ok: false, error: toApiError(error, channel) };
    }
  };
}
