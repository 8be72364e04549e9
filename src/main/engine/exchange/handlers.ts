/** The engine's handlers for exchange (exchange.*), over the open case's database. */
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../../../shared/api';
import type { exchangeChannels } from '../../../shared/exchange';
import { exportExchange } from './export';
import { importFtm } from './ftmImport';

export function exchangeHandlers(db: () => Database): Handlers<keyof typeof exchangeChannels> {
  return {
    'exchange.export': ({ format }) => exportExchange(db(), format),
    'exchange.importFtm': ({ path }) => importFtm(db(), path),
  };
}
