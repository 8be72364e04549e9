/** Runs the engine in a worker thread so that SQLite never blocks Electron's main thread. */
import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/api';
import type { EngineWorkerData, WorkerEvent, WorkerRequest, WorkerResponse } from '../engine/workerProtocol';

export interface EngineHost {
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  stop(): Promise<void>;
}

export function startEngineHost(
  workerPath: string,
  data: EngineWorkerData,
  onEvent: (event: string, payload: unknown) => void = () => undefined,
): EngineHost {
  const worker = new Worker(workerPath, { workerData: data });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;

  worker.on('message', (message: WorkerResponse | WorkerEvent) => {
    if ('event' in message) {
      onEvent(message.event, message.payload);
      return;
    }
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  const failAll = (message: string): void => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };
  worker.on('error', (error) => failAll(`Dossier's engine stopped: ${error.message}. Restart Dossier.`));
  worker.on('exit', () => failAll("Dossier's engine has stopped. Restart Dossier."));

  return {
    call(channel, input) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        const request: WorkerRequest = { id, channel, input };
        worker.postMessage(request);
      });
    },
    async stop() {
      await worker.terminate();
    },
  };
}
