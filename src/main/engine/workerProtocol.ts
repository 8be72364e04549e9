/** Messages between the app's main thread and the engine's worker thread. */
import type { Result } from '../../shared/api';
import type { EngineOptions } from './engine';

/** What the worker is started with: the engine's options that survive structured cloning. */
export type EngineWorkerData = Omit<EngineOptions, 'emit'>;

export interface WorkerRequest {
  readonly id: number;
  readonly channel: string;
  readonly input: unknown;
}

export interface WorkerResponse {
  readonly id: number;
  readonly result: Result<unknown>;
}

/** A push event from the engine (import progress), to be forwarded to the window. */
export interface WorkerEvent {
  readonly event: string;
  readonly payload: unknown;
}
