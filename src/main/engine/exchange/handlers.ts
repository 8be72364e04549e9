/** The engine's handlers for exchange (exchange.*), over the open case's database. */
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../../../shared/api';
import type { exchangeChannels } from '../../../shared/exchange';
import type { CaseFileOptions } from '../case/caseFile';
import { exportExchange } from './export';
import { importFtm } from './ftmImport';
import { mergeCase } from './merge';
import { importCsvList } from './csvImport';

export function exchangeHandlers(db: () => Database, options: CaseFileOptions = {}): Handlers<keyof typeof exchangeChannels> {
  return {
    'exchange.export': ({ format }) => exportExchange(db(), format),
    'exchange.importFtm': ({ path }) => importFtm(db(), path),
    'exchange.importCsv': ({ path, kind, mapping }) => importCsvList(db(), path, kind, mapping),
    'exchange.merge': ({ path, analyst }) => mergeCase(db(), path, { ...options, ...(analyst ? { analyst } : {}) }),
  };
}
