/** Messages between the app's main thread and the engine's worker thread. */
import type { Result } from '../../shared/api';
import type { EngineOptions } from './engine';

export type EngineWorkerData = EngineOptions;

export interface WorkerRequest {
  readonly id: number;
  readonly channel: string;
  readonly input: unknown;
}

export interface WorkerResponse {
  readonly id: number;
  readonly result: Result<unknown>;
}
