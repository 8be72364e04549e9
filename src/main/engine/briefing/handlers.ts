/** The engine's handlers for the briefings' channels. */
import type { Handlers } from '../../../shared/api';
import type { briefingChannels } from '../../../shared/briefing';
import { defaultBriefing } from '../../../shared/briefing';
import type { Session } from '../case/session';
import { exportBriefing } from './export';
import { deleteBriefing, getBriefing, listBriefings, saveBriefing } from './repository';

export function briefingHandlers(session: Session): Handlers<keyof typeof briefingChannels> {
  const { db } = session;
  return {
    'briefings.list': () => listBriefings(db()),
    'briefings.get': ({ id }) => getBriefing(db(), id),
    'briefings.draft': () => defaultBriefing(session.caseTitle(), new Date().toISOString().slice(0, 10)),
    'briefings.save': ({ id, spec }) => saveBriefing(db(), spec, id),
    'briefings.delete': ({ id }) => {
      deleteBriefing(db(), id);
      return null;
    },
    'briefings.export': ({ spec, path, overwrite }) =>
      exportBriefing(db(), spec, path, { resourcesDir: session.resources(), caseTitle: session.caseTitle(), overwrite }),
  };
}
