/** Entry point of an import's (or Find again's) worker thread: extracts from documents (finding.ts) for the main thread, which stores what it finds. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzerFromRecipe } from '../entities/analyzer';
import { DocumentFinder } from '../entities/finder';
import type { FindReply, FindRequest, FindWorkerData } from './finding';
import { findIn } from './finding';

const port = parentPort;
if (!port) throw new Error('ingest/findWorker must run in a worker thread');

const { recipe, known } = workerData as FindWorkerData;
const finder = new DocumentFinder(analyzerFromRecipe(recipe), known);
const ready: FindReply = { ready: true };
port.postMessage(ready);

port.on('message', (request: FindRequest) => {
  const reply: FindReply = {
    results: request.tasks.map(({ id, task }) => {
      try {
        return { id, found: findIn(finder, task) };
      } catch (error) {
        // The main thread extracts from the document again itself, so that its failure reads as it would there.
        return { id, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  };
  port.postMessage(reply);
});
