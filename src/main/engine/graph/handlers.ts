/** The engine's handlers for the graph's channels (links.*, graph.*), over the open case's database. */
import type { Handlers } from '../../../shared/api';
import type { graphChannels } from '../../../shared/graph';
import { RelationTypes } from '../../../shared/graph';
import type { Session } from '../case/session';
import { clearPositions, expandNodes, graphSlice, savePositions, searchNodes } from './caseGraph';
import { exportGraph } from './export';
import { createLink, deleteLink, getLink, listLinks, relationsInUse, updateLink } from './links';

export function graphHandlers(session: Session): Handlers<keyof typeof graphChannels> {
  const { db } = session;
  return {
    'links.create': (input) => createLink(db(), input),
    'links.update': ({ id, ...patch }) => updateLink(db(), id, patch),
    'links.delete': ({ id }) => {
      deleteLink(db(), id);
      return null;
    },
    'links.get': ({ id }) => getLink(db(), id),
    'links.list': ({ node }) => listLinks(db(), node),
    'links.relations': () => [...new Set([...relationsInUse(db()), ...RelationTypes])],
    'graph.load': (query) => graphSlice(db(), query),
    'graph.expand': ({ keys, shown, ...options }) => expandNodes(db(), keys, shown, options),
    'graph.search': ({ text, limit }) => searchNodes(db(), text, limit),
    'graph.savePositions': ({ positions }) => ({ saved: savePositions(db(), positions) }),
    'graph.clearPositions': () => {
      clearPositions(db());
      return null;
    },
    'graph.export': ({ format }) => exportGraph(db(), format, session.caseTitle()),
  };
}
