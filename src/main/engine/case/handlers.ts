/** The engine's handlers for the case's channels (cases.*, history.*). */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../../shared/api';
import type { caseChannels } from '../../../shared/cases';
import { DossierError } from '../../../shared/errors';
import type { CaseFile } from './caseFile';
import { createCaseFile, openCaseFile } from './caseFile';
import { checkCase } from './check';
import { describeCase, updateCaseMeta } from './meta';
import type { Session } from './session';
import { undoOrRedo } from './undo';

const DEMO_TITLE = 'Demo: Kalbajar border incident';

export function caseHandlers(session: Session): Handlers<keyof typeof caseChannels> {
  const { options, recent } = session;
  const describe = (file: CaseFile) => describeCase(file.db, file.path);

  /** Opens the demo case, building it from the sample documents the first time. */
  const openDemo = async (): Promise<CaseFile> => {
    if (!options.stateDir || !options.resourcesDir) {
      throw new DossierError('not-found', 'The demo case needs the app\'s resources; it is not available here.');
    }
    const demoFolder = join(options.resourcesDir, 'demo');
    const path = join(options.stateDir, 'demo', 'Dossier demo.dossier');
    if (existsSync(path)) return session.adopt(openCaseFile(path, options));
    if (!existsSync(demoFolder)) throw new DossierError('not-found', `The demo documents are missing from ${demoFolder}; reinstall Dossier.`);
    mkdirSync(join(options.stateDir, 'demo'), { recursive: true });
    const file = session.adopt(createCaseFile(path, DEMO_TITLE, options));
    updateCaseMeta(file.db, {
      description:
        'Fictional sample documents about a border incident near Kalbajar: ministry statements, news reports, a mission report (PDF) and an e-mail tip-off.',
    });
    const paths = readdirSync(demoFolder)
      .filter((name) => !name.startsWith('.') && name !== 'README.md')
      .sort()
      .map((name) => ({ path: join(demoFolder, name) }));
    await session.startImport(paths).finished;
    return file;
  };

  return {
    'cases.create': ({ path, title }) => describe(session.adopt(createCaseFile(path, title, options))),
    'cases.open': ({ path, readOnly }) => describe(session.adopt(openCaseFile(path, { ...options, ...(readOnly ? { readOnly } : {}) }))),
    'cases.openDemo': async () => describe(await openDemo()),
    'cases.close': () => {
      session.close();
      return null;
    },
    'cases.current': () => {
      const open = session.current();
      return open ? describe(open.file) : null;
    },
    'cases.update': (patch) => {
      const { file } = session.requireCase();
      updateCaseMeta(file.db, patch);
      const info = describe(file);
      recent.remember(file.path, info.title);
      return info;
    },
    'cases.check': () => checkCase(session.db()),
    'cases.recent': () => recent.list(),
    'cases.forgetRecent': ({ path }) => {
      recent.forget(path);
      return recent.list();
    },
    'history.undo': () => undoOrRedo(session.db(), 'undo'),
    'history.redo': () => undoOrRedo(session.db(), 'redo'),
  };
}
