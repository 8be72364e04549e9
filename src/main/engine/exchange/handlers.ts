/** The engine's handlers for exchange (exchange.*), over the open case's database. */
import type { Handlers } from '../../../shared/api';
import type { exchangeChannels } from '../../../shared/exchange';
import type { CaseFileOptions } from '../case/caseFile';
import { exportExchange } from './export';
import { importFtm } from './ftmImport';
import { mergeCase } from './merge';
import { decideDoubtful, doubtfulPairs } from './mergeReview';
import { importCsvList, previewCsvList } from './csvImport';
import type { Session } from '../case/session';

export function exchangeHandlers(session: Session): Handlers<keyof typeof exchangeChannels> {
  const { db } = session;
  const options: CaseFileOptions = session.options.nativeBinding ? { nativeBinding: session.options.nativeBinding } : {};
  return {
    'exchange.export': ({ format }) => exportExchange(db(), format),
    'exchange.importFtm': ({ path }) => importFtm(db(), path),
    'exchange.previewCsv': ({ path, kind }) => previewCsvList(path, kind),
    'exchange.importCsv': ({ path, kind, mapping }) => importCsvList(db(), path, kind, mapping),
    'exchange.merge': ({ path, analyst }) => {
      const emit = session.options.emit;
      return mergeCase(db(), path, { ...options, ...(analyst ? { analyst } : {}), ...(emit ? { onProgress: (progress) => emit('merge.progress', progress) } : {}) });
    },
    'exchange.doubtful': ({ mergeId }) => doubtfulPairs(db(), mergeId),
    'exchange.decide': ({ mergeId, addedEntityId, decision }) => decideDoubtful(db(), mergeId, addedEntityId, decision),
  };
}
