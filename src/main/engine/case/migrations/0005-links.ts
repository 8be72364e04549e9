/** Schema v5: links between entities. A placeholder on the map branch; the graph branch fills it in. */
import type { Migration } from './types';

export const links: Migration = {
  version: 5,
  name: 'links',
  up(db) {
    db.exec('-- the graph branch fills this in');
  },
};
