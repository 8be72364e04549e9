/** The engine's handlers for what reading found (times.*, claims.*, events.*, relations.*), over the open case's database. */
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
import type { Session } from '../case/session';

export function claimsHandlers(session: Session): Handlers<keyof typeof claimsChannels> {
  const { db } = session;
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
