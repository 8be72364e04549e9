/** Validates a call against the contract, runs its handler and wraps the answer as a Result. */
import type { z } from 'zod';
import type { Channel, Handlers, Result } from './api';
import { channels, isChannel } from './api';
import { DossierError, toApiError } from './errors';

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

/** Describes zod issues as "field: problem; field: problem". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Parses a raw payload for a channel, throwing a DossierError that says what was wrong. */
export function parseInput<C extends Channel>(channel: C, input: unknown): z.output<(typeof channels)[C]['input']> {
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
