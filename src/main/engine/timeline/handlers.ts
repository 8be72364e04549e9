/** The engine's handler for the timeline's channel, over the open case's database. */
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../../../shared/api';
import type { timelineChannels } from '../../../shared/timeline';
import { timelineItems } from './timeline';

export function timelineHandlers(db: () => Database): Handlers<keyof typeof timelineChannels> {
  return {
    'timeline.items': (query) => timelineItems(db(), query),
  };
}
