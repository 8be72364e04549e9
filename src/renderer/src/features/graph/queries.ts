/** react-query hooks over the engine's links.* and graph.* channels. */
import { useQuery } from '@tanstack/react-query';
import type { GraphSlice } from '../../../../shared/graph';
import { call } from '../../api/client';
import { useCaseMutation } from '../../api/queries';

export const graphKeys = {
  slice: (limit: number, expanded: readonly string[]) => ['graph', 'slice', limit, expanded] as const,
  nodeLinks: (node: string) => ['links', 'node', node] as const,
  link: (id: number) => ['links', 'one', id] as const,
  relations: ['links', 'relations'] as const,
};

/** How many nodes a large case opens with: the best connected; the rest come by search and expand. */
export const OPEN_LIMIT = 2_000;

/** The slice the view shows: the case's best connected nodes, plus the neighbourhoods the analyst expanded. */
export function useGraphSlice(expanded: readonly string[]) {
  return useQuery({
    queryKey: graphKeys.slice(OPEN_LIMIT, expanded),
    queryFn: async (): Promise<GraphSlice> => {
      const slice = await call('graph.load', { limit: OPEN_LIMIT });
      // For the benchmark (npm run bench:graph): when the slice has crossed from the engine.
      performance.mark('dossier:graph-data');
      if (expanded.length === 0) return slice;
      const shown = slice.nodes.map((node) => node.key);
      const more = await call('graph.expand', { keys: [...expanded], shown });
      const known = new Set(shown);
      const edges = new Set(slice.edges.map((edge) => edge.key));
      return {
        nodes: [...slice.nodes, ...more.nodes.filter((node) => !known.has(node.key))],
        edges: [...slice.edges, ...more.edges.filter((edge) => !edges.has(edge.key))],
        total: slice.total,
      };
    },
    // Positions live in the graph the view holds; a refetch only adds, removes and updates.
    staleTime: Infinity,
  });
}

export function useNodeLinks(node: string | null) {
  return useQuery({
    queryKey: graphKeys.nodeLinks(node ?? ''),
    queryFn: () => call('links.list', { node: node ?? undefined }),
    enabled: node !== null,
  });
}

export function useLink(id: number | null) {
  return useQuery({
    queryKey: graphKeys.link(id ?? 0),
    queryFn: () => call('links.get', { id: id ?? 0 }),
    enabled: id !== null,
  });
}

export function useRelations() {
  return useQuery({ queryKey: graphKeys.relations, queryFn: () => call('links.relations', {}) });
}

function useLinkMutation<C extends 'links.create' | 'links.update' | 'links.delete'>(channel: C) {
  return useCaseMutation(channel);
}

export const useCreateLink = () => useLinkMutation('links.create');
export const useUpdateLink = () => useLinkMutation('links.update');
export const useDeleteLink = () => useLinkMutation('links.delete');
