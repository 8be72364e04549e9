/** The engine's handlers for what reading found (times.*, claims.*, events.*, relations.*), over the open case's database. */
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../../../shared/api';
import type { claimsChannels } from '../../../shared/claims';
import { competingAccounts } from './accounts';
import {
  confirmRelation,
  gradeClaim,
  listClaims,
  listEvents,
  listRelationSuggestions,
  listTimes,
  rejectRelation,
  reviewClaim,
  reviewEvent,
  setClaimSpeaker,
} from './repository';

export function claimsHandlers(db: () => Database): Handlers<keyof typeof claimsChannels> {
  return {
    'times.list': ({ documentId }) => listTimes(db(), documentId),
    'claims.list': (filter) => listClaims(db(), filter),
    'claims.review': ({ id, status }) => reviewClaim(db(), id, status),
    'claims.setSpeaker': ({ id, entityId }) => setClaimSpeaker(db(), id, entityId),
    'claims.grade': ({ id, reliability, credibility }) => gradeClaim(db(), id, { reliability, credibility }),
    'claims.accounts': () => competingAccounts(db()),
    'events.list': (filter) => listEvents(db(), filter),
    'events.review': ({ id, status }) => reviewEvent(db(), id, status),
    'relations.list': (filter) => listRelationSuggestions(db(), filter),
    'relations.confirm': ({ id, ...grading }) => confirmRelation(db(), id, grading),
    'relations.reject': ({ id }) => rejectRelation(db(), id),
  };
}
