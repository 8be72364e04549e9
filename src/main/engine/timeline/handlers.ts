/** The engine's handler for the timeline's channel, over the open case's database. */
import type { Handlers } from '../../../shared/api';
import type { timelineChannels } from '../../../shared/timeline';
import { timelineItems } from './timeline';
import type { Session } from '../case/session';

export function timelineHandlers(session: Session): Handlers<keyof typeof timelineChannels> {
  const { db } = session;
  return {
    'timeline.items': (query) => timelineItems(db(), query),
  };
}
