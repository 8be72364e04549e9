/**
 * Extraction for an import in worker threads (findWorker.ts) while the main thread writes the case;
 * finding again over a case's documents (entities/extraction.ts) uses it the same way. Documents are
 * queued in import order and workers are given a bounded share ahead; the main thread stores what they
 * found in import order, so an import gives the same rows (and ids) with or without workers. The main
 * thread extracts only while its workers start, and when there is no worker (none built, none could
 * start, one failed): on all of Reuters, a main thread that also took queued documents whenever it
 * waited cost a fifth more CPU in all (the code compiled and its caches warmed twice) and finished later.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentFinder } from '../entities/finder';
import type { Found, FindReply, FindRequest, FindTask, FindWorkerData } from './finding';
import { findIn } from './finding';

/** How an import (or a pass finding again) may use worker threads. */
export interface FindWorkerOptions {
  /** What a worker needs to build the analyzer the import's main thread extracts with (asked when that analyzer is built). */
  readonly recipe: () => FindWorkerData['recipe'];
  /** The built worker script; by default findWorker.js beside the built engine, and no workers when there is none (tests run the sources). */
  readonly script?: string;
  /** How many workers; by default one fewer than the cores (at least one). */
  readonly threads?: number;
  /** Start workers once this many characters are queued (default WORKER_START_CHARACTERS): a short import is done before one would be ready. */
  readonly startAfterCharacters?: number;
  /** Whether the main thread extracts while its workers start (default true; tests turn it off to make the workers do all of it). */
  readonly mainThreadFinds?: boolean;
}

/** About the work a worker's start-up (its own copy of the model and gazetteer) is worth. */
const WORKER_START_CHARACTERS = 200_000;
/**
 * Characters of text given to a worker ahead of its results. The main thread cannot give more while it
 * writes a file's transaction, so this covers that time (about half a second of a worker's work).
 */
const WORKER_AHEAD_CHARACTERS = 600_000;
/** Characters a message to a worker holds at most (one document may hold more). */
const BATCH_CHARACTERS = 40_000;

/** One queued document: its task, and once extracted, what was found or why it failed. */
export interface FindTicket {
  readonly task: FindTask;
  found?: Found;
  error?: Error;
  /** A worker failed on it: the main thread extracts it, so that its error reads as it would there. */
  hereOnly?: boolean;
}

interface WorkerSlot {
  readonly worker: Worker;
  ready: boolean;
  alive: boolean;
  /** Given to it and not answered yet, by request id. */
  readonly given: Map<number, FindTicket>;
  ahead: number;
}

/** The built worker script beside the built engine (out/main), if there is one. */
function builtWorkerScript(): string | undefined {
  return [join(__dirname, 'findWorker.js'), join(__dirname, '..', 'findWorker.js')].find((path) => existsSync(path));
}

/** The queue of one import's (or one pass's) documents to extract from, and the workers that do it. */
export class FindPool {
  private readonly queue: FindTicket[] = [];
  private head = 0;
  private readonly slots: WorkerSlot[] = [];
  private started = false;
  private queuedCharacters = 0;
  private nextId = 1;
  private wake: (() => void) | null = null;
  /** What the last `settle` was told to stop on: once it says so, no worker is given more. */
  private stopping: () => boolean = () => false;

  constructor(
    private readonly finder: Pick<DocumentFinder, 'find'>,
    private readonly known: FindWorkerData['known'],
    private readonly workers: FindWorkerOptions | undefined,
  ) {}

  /** Queues a document; `settle` waits for its findings. */
  submit(task: FindTask): FindTicket {
    const ticket: FindTicket = { task };
    this.queue.push(ticket);
    this.queuedCharacters += task.text.length;
    if (!this.started && this.workers && this.queuedCharacters >= (this.workers.startAfterCharacters ?? WORKER_START_CHARACTERS)) this.startWorkers(this.workers);
    this.dispatch();
    return ticket;
  }

  /**
   * Resolves once every ticket is extracted (or failed), extracting queued documents in this thread
   * when no worker can; false when `stop` said to stop first (a cancelled import); from then on no worker is given more.
   */
  async settle(tickets: readonly FindTicket[], stop: () => boolean = () => false): Promise<boolean> {
    let waitingFor = 0;
    this.stopping = stop;
    for (;;) {
      while (waitingFor < tickets.length && isSettled(tickets[waitingFor]!)) waitingFor += 1;
      if (waitingFor === tickets.length) return true;
      if (stop()) return false;
      this.dispatch();
      const ticket = this.takeForHere();
      if (ticket) {
        this.findHere(ticket);
        // Let the workers' answers (and the app's requests) in between documents.
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }
  }

  /**
   * Characters a caller that queues ahead of what it stores (re-extraction) should keep queued: enough to
   * start the workers, then twice what they are given ahead, so that each has work while the caller writes.
   */
  get lookahead(): number {
    return 2 * Math.max(WORKER_START_CHARACTERS, this.slots.length * WORKER_AHEAD_CHARACTERS);
  }

  /**
   * Ends the workers. What they were given goes back to the queue and a `settle` waiting on them wakes
   * (to see that it should stop, or to extract here); what is queued is dropped with the pool.
   */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const slot of slots) this.lose(slot);
    await Promise.all(slots.map((slot) => slot.worker.terminate().catch(() => undefined)));
  }

  private startWorkers(options: FindWorkerOptions): void {
    this.started = true;
    const script = options.script ?? builtWorkerScript();
    if (!script) return;
    const data: FindWorkerData = { recipe: options.recipe(), known: this.known };
    const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
    for (let index = 0; index < threads; index += 1) {
      let worker: Worker;
      try {
        worker = new Worker(script, { workerData: data });
      } catch {
        return; // The main thread extracts from everything.
      }
      // A worker never keeps Dossier running; close() ends it when the import does.
      worker.unref();
      const slot: WorkerSlot = { worker, ready: false, alive: true, given: new Map(), ahead: 0 };
      this.slots.push(slot);
      worker.on('message', (reply: FindReply) => this.receive(slot, reply));
      worker.on('error', () => this.lose(slot));
      worker.on('exit', () => this.lose(slot));
    }
  }

  private receive(slot: WorkerSlot, reply: FindReply): void {
    if ('ready' in reply) {
      slot.ready = true;
    } else {
      for (const result of reply.results) {
        const ticket = slot.given.get(result.id);
        if (!ticket) continue;
        slot.given.delete(result.id);
        slot.ahead -= ticket.task.text.length;
        if ('found' in result) ticket.found = result.found;
        else this.requeue([ticket], true);
      }
    }
    this.dispatch();
    this.signal();
  }

  /** A worker that failed or stopped: what it was given goes back to the front of the queue, in order. */
  private lose(slot: WorkerSlot): void {
    if (!slot.alive) return;
    slot.alive = false;
    this.requeue([...slot.given.values()], false);
    slot.given.clear();
    this.signal();
  }

  private requeue(tickets: readonly FindTicket[], hereOnly: boolean): void {
    for (const ticket of tickets) if (hereOnly) ticket.hereOnly = true;
    this.queue.splice(this.head, 0, ...tickets);
  }

  /** Gives ready workers documents from the front of the queue, up to their share ahead. */
  private dispatch(): void {
    if (this.stopping()) return;
    for (const slot of this.slots) {
      if (!slot.ready || !slot.alive) continue;
      while (slot.ahead < WORKER_AHEAD_CHARACTERS && this.head < this.queue.length && !this.queue[this.head]!.hereOnly) {
        const tasks: FindRequest['tasks'][number][] = [];
        let characters = 0;
        while (this.head < this.queue.length && !this.queue[this.head]!.hereOnly && (tasks.length === 0 || characters < BATCH_CHARACTERS)) {
          const ticket = this.queue[this.head]!;
          this.head += 1;
          const id = this.nextId++;
          slot.given.set(id, ticket);
          tasks.push({ id, task: ticket.task });
          characters += ticket.task.text.length;
        }
        slot.ahead += characters;
        const request: FindRequest = { tasks };
        slot.worker.postMessage(request);
      }
    }
    this.compact();
  }

  /** The next document for this thread: one a worker failed on, else any while no worker is ready (or none is left). */
  private takeForHere(): FindTicket | undefined {
    if (this.head >= this.queue.length) return undefined;
    const next = this.queue[this.head]!;
    const alive = this.slots.filter((slot) => slot.alive);
    const here = next.hereOnly || alive.length === 0 || (this.workers?.mainThreadFinds !== false && !alive.some((slot) => slot.ready));
    if (!here) return undefined;
    this.head += 1;
    return next;
  }

  private findHere(ticket: FindTicket): void {
    try {
      ticket.found = findIn(this.finder, ticket.task);
    } catch (error) {
      ticket.error = error instanceof Error ? error : new Error(String(error));
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Drops the queue's finished front now and then, so that a long import does not keep every task. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}

const isSettled = (ticket: FindTicket): boolean => ticket.found !== undefined || ticket.error !== undefined;

/** What was found in a document; throws what extracting it threw (inside the file's transaction, as extraction in place did). */
export function foundFor(ticket: FindTicket): Found {
  if (ticket.error !== undefined) throw ticket.error;
  if (!ticket.found) throw new Error('A document was stored before extraction was done with it.');
  return ticket.found;
}
