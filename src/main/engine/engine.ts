/**
 * The engine: the open case's session and the handlers of every domain's channels. It is plain
 * Node; the app hosts it in a worker thread, the CLI and the tests call it directly.
 */
import type { EngineChannel, Handlers } from '../../shared/api';
import { briefingHandlers } from './briefing/handlers';
import type { CaseFile } from './case/caseFile';
import { caseHandlers } from './case/handlers';
import { claimsHandlers } from './claims/handlers';
import type { EngineOptions } from './case/session';
import { createSession } from './case/session';
import { documentHandlers } from './documents/handlers';
import { entityHandlers } from './entities/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { graphHandlers } from './graph/handlers';
import { learningHandlers } from './learning/handlers';
import type { ImportJob, Importer } from './ingest/importer';
import { mapHandlers } from './map/handlers';
import { ocrHandlers } from './ocr/handlers';
import { timelineHandlers } from './timeline/handlers';

export type { EngineOptions } from './case/session';

export interface Engine {
  readonly handlers: Handlers<EngineChannel>;
  /** The open case, for in-process callers such as the CLI. */
  currentCase(): CaseFile | null;
  /** Starts an import into the open case; for the CLI, which waits for the report. */
  startImport(sources: Parameters<Importer['start']>[0], options?: Parameters<Importer['start']>[1]): ImportJob;
  /** Cancels imports and closes the open case, checkpointing its WAL so the file stands alone. */
  dispose(): void;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const session = createSession(options);
  // The channel maps in src/shared were joined with a duplicate check; the handlers follow them.
  const handlers: Handlers<EngineChannel> = {
    ...caseHandlers(session),
    ...documentHandlers(session),
    ...entityHandlers(session),
    ...graphHandlers(session),
    ...mapHandlers(session),
    ...briefingHandlers(session),
    ...claimsHandlers(session),
    ...timelineHandlers(session),
    ...exchangeHandlers(session),
    ...ocrHandlers(session),
    ...learningHandlers(session),
  };
  return {
    handlers,
    currentCase: () => session.current()?.file ?? null,
    startImport: session.startImport,
    dispose: session.close,
  };
}
