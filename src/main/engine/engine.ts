/**
 * The engine: one open case at a time and the handlers for every engine channel. It is plain Node;
 * the app hosts it in a worker thread, the CLI and the tests call it directly.
 */
import type { EngineChannel, Handlers } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { CaseFile, CaseFileOptions } from './case/caseFile';
import { createCaseFile, openCaseFile } from './case/caseFile';
import { describeCase, updateCaseMeta } from './case/meta';
import { RecentCases } from './recentCases';

export interface EngineOptions extends CaseFileOptions {
  /** Folder for app state such as the recent cases list; none in the CLI. */
  readonly stateDir?: string;
}

export interface Engine {
  readonly handlers: Handlers<EngineChannel>;
  /** The open case, for in-process callers such as the CLI. */
  currentCase(): CaseFile | null;
  /** Closes the open case, checkpointing its WAL so the file stands alone. */
  dispose(): void;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const recent = new RecentCases(options.stateDir ?? null);
  let current: CaseFile | null = null;

  const closeCurrent = (): void => {
    if (!current) return;
    const closing = current;
    current = null;
    closing.db.pragma('wal_checkpoint(TRUNCATE)');
    closing.db.close();
  };

  const requireCase = (): CaseFile => {
    if (!current) throw new DossierError('no-case-open', 'No case is open; open or create a case first.');
    return current;
  };

  const adopt = (file: CaseFile): CaseFile => {
    closeCurrent();
    current = file;
    const info = describeCase(file.db, file.path);
    recent.remember(file.path, info.title);
    return file;
  };

  const handlers: Handlers<EngineChannel> = {
    'cases.create': ({ path, title }) => {
      const file = adopt(createCaseFile(path, title, options));
      return describeCase(file.db, file.path);
    },
    'cases.open': ({ path }) => {
      const file = adopt(openCaseFile(path, options));
      return describeCase(file.db, file.path);
    },
    'cases.close': () => {
      closeCurrent();
      return null;
    },
    'cases.current': () => (current ? describeCase(current.db, current.path) : null),
    'cases.update': (patch) => {
      const file = requireCase();
      updateCaseMeta(file.db, patch);
      const info = describeCase(file.db, file.path);
      recent.remember(file.path, info.title);
      return info;
    },
    'cases.recent': () => recent.list(),
    'cases.forgetRecent': ({ path }) => {
      recent.forget(path);
      return recent.list();
    },
  };

  return { handlers, currentCase: () => current, dispose: closeCurrent };
}
