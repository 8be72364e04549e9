/** The engine's handlers for the channels of entities, their mentions and the case's gazetteer. */
import type { Handlers } from '../../../shared/api';
import type { entityChannels, PlaceOption } from '../../../shared/entities';
import { DossierError } from '../../../shared/errors';
import type { Session } from '../case/session';
import { toPlaceOption } from '../extract/pipeline';
import { setEntityAttributes, setPlace, splitAlias } from './curation';
import {
  reviewCreateMention,
  reviewDeleteEntities,
  reviewEntityStatus,
  reviewEntityUpdate,
  reviewMentionStatus,
  reviewMerge,
  reviewRelink,
} from '../learning/review';
import { addExtract, listExtracts, placeUnplaced, removeExtract } from './gazetteerExtracts';
import { entityMentions, getEntity, getEntityDetail, listEntities, mentionsForDocument } from './repository';

/** How many candidates a place entity's list holds at most. */
const MAX_PLACE_CANDIDATES = 50;

export function entityHandlers(session: Session): Handlers<keyof typeof entityChannels> {
  const { db, findPlace } = session;

  /** A place entity's stored candidates, then the gazetteer's places for each of its names. */
  const placeCandidates = (id: number): PlaceOption[] => {
    const entity = getEntityDetail(db(), id);
    const options = new Map((entity.place?.candidates ?? []).map((option) => [option.id, option]));
    const gazetteer = session.gazetteer();
    for (const alias of [entity.name, ...entity.aliases]) {
      const found = gazetteer.lookup(alias);
      for (const candidate of found.length > 0 ? found : gazetteer.lookupBySkeleton(alias)) {
        if (options.size >= MAX_PLACE_CANDIDATES) break;
        if (!options.has(candidate.id)) options.set(candidate.id, toPlaceOption(candidate));
      }
    }
    return [...options.values()];
  };

  return {
    'entities.list': (query) => listEntities(db(), query),
    'entities.update': ({ id, ...patch }) => reviewEntityUpdate(db(), id, patch),
    'entities.setStatus': ({ ids, status }) => ({ changed: reviewEntityStatus(db(), ids, status) }),
    'entities.get': ({ id }) => getEntityDetail(db(), id),
    'entities.mentions': ({ id, limit, offset }) => entityMentions(db(), id, { limit, offset }),
    'entities.merge': ({ targetId, sourceIds }) => getEntity(db(), reviewMerge(db(), targetId, sourceIds)),
    'entities.splitAlias': ({ id, alias }) => getEntity(db(), splitAlias(db(), id, alias)),
    'entities.delete': ({ ids }) => ({ deleted: reviewDeleteEntities(db(), ids) }),
    'entities.setAttributes': ({ id, ...patch }) => {
      setEntityAttributes(db(), id, patch);
      return getEntityDetail(db(), id);
    },
    'entities.setPlace': (input) => {
      if ('candidateId' in input) {
        const candidate = placeCandidates(input.id).find((option) => option.id === input.candidateId);
        if (!candidate) throw new DossierError('not-found', `"${input.candidateId}" is not one of this place's candidates; pick one from the list.`);
        setPlace(db(), input.id, { candidate });
      } else {
        setPlace(db(), input.id, { lat: input.lat, lon: input.lon });
      }
      return getEntityDetail(db(), input.id);
    },
    'entities.placeCandidates': ({ id }) => placeCandidates(id),
    'entities.extract': ({ documentIds }) => {
      const job = session.requireCase().extraction.start(documentIds);
      job.finished.catch(() => undefined);
      return { jobId: job.jobId };
    },
    'entities.cancelExtract': ({ jobId }) => {
      session.requireCase().extraction.cancel(jobId);
      return null;
    },
    'gazetteer.extracts': () => listExtracts(db()),
    'gazetteer.addExtract': ({ path }) => {
      const added = addExtract(db(), path);
      session.extractsChanged();
      return { ...added, placed: placeUnplaced(db(), findPlace) };
    },
    'gazetteer.removeExtract': ({ id }) => {
      removeExtract(db(), id);
      session.extractsChanged();
      return listExtracts(db());
    },
    'mentions.create': (input) => reviewCreateMention(db(), input, findPlace),
    'mentions.relink': ({ id, ...change }) => reviewRelink(db(), id, change, findPlace),
    'mentions.forDocument': ({ documentId }) => mentionsForDocument(db(), documentId),
    'mentions.setStatus': ({ id, status }) => reviewMentionStatus(db(), id, status),
  };
}
