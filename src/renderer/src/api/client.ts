/** The renderer's typed way to the engine: calls `window.dossier` and turns failures into errors. */
import type { ApiError, Channel, ErrorCode, EventName, EventPayload, InputOf, OutputOf } from '../../../shared/api';

/** A failed call, carrying the engine's readable message and its code. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
  }
}

/** Calls a channel and resolves to its output, or rejects with an ApiCallError. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  if (typeof window.dossier === 'undefined') {
    throw new ApiCallError({ code: 'internal', message: "Dossier's engine is not connected to this window." });
  }
  const result = await window.dossier.invoke(channel, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

/** Subscribes to a push event; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (typeof window.dossier === 'undefined') return () => undefined;
  return window.dossier.on(event, listener);
}

/** A message for any error, for notifications. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
