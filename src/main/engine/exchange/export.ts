/** The exchange exports (STIX 2.1 bundle, FollowTheMoney lines) of the open case. */
import type { Database } from 'better-sqlite3';
import type { ExchangeExport, ExchangeFormat } from '../../../shared/exchange';
import { readCaseContent } from './caseContent';
import { caseUid, idMaker } from './identity';
import { toStix } from './stix';
import { toFtm } from './ftm';

export function exportExchange(db: Database, format: ExchangeFormat): ExchangeExport {
  const content = readCaseContent(db, caseUid(db));
  const id = idMaker(db);
  if (format === 'stix') {
    const { bundle, left } = toStix(content, id);
    const leftOut = [
      ...(left.unplacedLocations ? [`${left.unplacedLocations} place${left.unplacedLocations === 1 ? '' : 's'} without coordinates (a STIX location needs them)`] : []),
      ...(left.documentLinks ? [`${left.documentLinks} link${left.documentLinks === 1 ? '' : 's'} to documents (a STIX relationship joins objects; documents are external references)`] : []),
    ];
    return { format, content: `${JSON.stringify(bundle, null, 2)}\n`, objects: bundle.objects.length, leftOut };
  }
  const entities = toFtm(content, id);
  return { format, content: entities.map((entity) => `${JSON.stringify(entity)}\n`).join(''), objects: entities.length, leftOut: [] };
}
