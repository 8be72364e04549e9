/** Entry point of the engine's worker thread in the app: answers one request at a time, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { createDispatcher } from '../../shared/rpc';
import { createEngine } from './engine';
import type { EngineWorkerData, WorkerEvent, WorkerRequest, WorkerResponse } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('engine/worker must run in a worker thread');

const engine = createEngine({
  ...(workerData as EngineWorkerData),
  emit: (event, payload) => {
    const message: WorkerEvent = { event, payload };
    port.postMessage(message);
  },
});
const dispatch = createDispatcher(engine.handlers);

// Requests are answered strictly in arrival order: SQLite work is synchronous, and a queue keeps
// an async handler from interleaving with the next request.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    const result = await dispatch(request.channel, request.input);
    const response: WorkerResponse = { id: request.id, result };
    port.postMessage(response);
  });
});

port.on('close', () => engine.dispose());
process.on('exit', () => engine.dispose());
