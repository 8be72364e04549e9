/**
 * The investigation graph: documents, actors and places with their mention, co-occurrence and
 * asserted edges, drawn by sigma (WebGL) and laid out by ForceAtlas2 in a worker. Search, expand,
 * filter, analyse (shortest path, centralities, communities, ego networks), read a link's
 * evidence, assert links by Shift-dragging between nodes, and export. What the controls decide is
 * one reducer (useGraphController); this file keeps the graph model, sigma and the layout in step
 * with it and lays out the parts.
 */
import { Badge, EmptyState, Group, Kbd, Loader, ScrollArea, Text, useComputedColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTopologyStar3 } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Link } from '../../../../shared/graph';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import type { GraphRequest } from '../../components/navigation';
import { usePeriod } from '../../components/period';
import { GraphAnalytics } from './GraphAnalytics';
import { GraphFilters } from './GraphFilters';
import { EdgeInspector, NodeInspector } from './GraphInspector';
import { Legend } from './GraphLegend';
import { GraphToolbar } from './GraphToolbar';
import type { Centrality, CaseGraphModel, GraphFilter } from './graphModel';
import { buildGraph, communities as findCommunities, defaultFilter, egoNetwork, isEdgeShown, isNodeShown, kindLabels, pathEdges, shortestPath, sizeBy, syncSlice } from './graphModel';
import { LinkModal } from './LinkModal';
import { Overview } from './Overview';
import { useGraphSlice } from './queries';
import { useGraphController } from './useGraphController';
import { nodeChoice, useGraphPointer } from './useGraphPointer';
import type { ViewState } from './useSigma';
import { paint, useSigma } from './useSigma';
import viewLayout from '../../components/ViewLayout.module.css';
import classes from './graph.module.css';

const centralityLabels: Record<Centrality, string> = { degree: 'degree', betweenness: 'betweenness', pagerank: 'PageRank' };

/** How long the layout runs by itself on a graph that has no saved positions. */
const FIRST_LAYOUT_MS = 3_500;

export function GraphView({ request = null }: { request?: GraphRequest | null }) {
  const dark = useComputedColorScheme('light') === 'dark';
  // The view mounts when shown, so the period brushed on the timeline is its date filter's start.
  const { period } = usePeriod();
  const [state, dispatch] = useGraphController(period ? { ...defaultFilter, from: period.from, to: period.to } : defaultFilter);
  const { expanded, selection, filter, centrality, communities, path, ego, linkDraft, linking, pendingFocus } = state;
  const slice = useGraphSlice(expanded);
  const [graph, setGraph] = useState<CaseGraphModel | null>(null);
  const [version, setVersion] = useState(0);
  const [scores, setScores] = useState<Map<string, number> | null>(null);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const firstLayout = useRef(false);

  const focusNodes = useMemo(() => (path?.nodes ? new Set(path.nodes) : ego), [path, ego]);
  const view = useMemo<ViewState>(
    () => ({
      filter,
      focusNodes,
      focusEdges: path ? new Set(path.edges) : null,
      selectedNode: selection?.kind === 'node' ? selection.key : null,
      selectedEdge: selection?.kind === 'edge' ? selection.key : null,
      communities,
      dark,
    }),
    [filter, focusNodes, path, selection, communities, dark],
  );
  // What was last drawn and sized, so that mounting draws once rather than three times.
  const painted = useRef<{ view: ViewState; version: number } | null>(null);
  const sized = useRef<{ filter: GraphFilter; centrality: Centrality; version: number } | null>(null);

  // The slice in, the graph kept: built once, then brought in line so nodes stay where they are.
  useEffect(() => {
    const data = slice.data;
    if (!data) return;
    if (!graph) {
      const built = buildGraph(data, dark);
      firstLayout.current = data.nodes.some((node) => node.x === null || node.y === null);
      sizeBy(built, filter, centrality);
      sized.current = { filter, centrality, version };
      paint(built, view);
      painted.current = { view, version };
      // For the benchmark (npm run bench:graph): when the graph model is built, before sigma mounts.
      performance.mark('dossier:graph-model');
      setGraph(built);
      return;
    }
    const added = syncSlice(graph, data, dark);
    // New neighbours start around the node they were expanded from.
    const anchor = expanded.at(-1);
    if (anchor && graph.hasNode(anchor) && added.length > 0) {
      const { x, y } = graph.getNodeAttributes(anchor);
      added.forEach((key, index) => {
        const angle = (index / added.length) * 2 * Math.PI;
        const radius = 20 + 4 * Math.sqrt(added.length);
        graph.mergeNodeAttributes(key, { x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
      });
    }
    setVersion((current) => current + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the slice's arrival matters here; the view and the sizes have effects of their own, and reading them here must not rebuild the graph.
  }, [slice.data, graph]);

  const handle = useSigma(containerRef, graph);

  // Sizes follow the chosen centrality over what is shown.
  useEffect(() => {
    if (!graph) return;
    const last = sized.current;
    if (last && last.filter === filter && last.centrality === centrality && last.version === version) return;
    const timer = window.setTimeout(() => {
      sized.current = { filter, centrality, version };
      setScores(sizeBy(graph, filter, centrality));
    }, 0);
    return () => window.clearTimeout(timer);
  }, [graph, filter, centrality, version]);

  // Any change of what is drawn: written into the graph, which sigma follows.
  useEffect(() => {
    if (!graph) return;
    const last = painted.current;
    if (last && last.view === view && last.version === version) return;
    // Nodes and edges just added must be indexed by sigma before their attributes change again.
    if (last && last.version !== version) handle?.sigma.refresh();
    painted.current = { view, version };
    paint(graph, view);
  }, [graph, view, version, handle]);

  const savePositions = useCallback(() => {
    if (!graph) return;
    const positions = graph.mapNodes((key, attributes) => ({ key, x: attributes.x, y: attributes.y, pinned: attributes.fixed }));
    call('graph.savePositions', { positions }).catch((error: unknown) => notifyError('Could not save where the nodes are', error));
  }, [graph]);

  const stopLayout = useCallback(() => {
    if (!handle?.layout.isRunning()) return;
    handle.layout.stop();
    setLayoutRunning(false);
    savePositions();
  }, [handle, savePositions]);

  const startLayout = useCallback(() => {
    if (!handle) return;
    handle.layout.start();
    setLayoutRunning(true);
  }, [handle]);

  // A graph with nodes never placed gets a first layout by itself, then keeps it.
  useEffect(() => {
    if (!handle || !firstLayout.current) return;
    firstLayout.current = false;
    startLayout();
    const timer = window.setTimeout(stopLayout, FIRST_LAYOUT_MS);
    return () => window.clearTimeout(timer);
  }, [handle, startLayout, stopLayout]);

  const focusNode = useCallback(
    (key: string) => {
      if (!handle || !graph?.hasNode(key)) return;
      dispatch({ type: 'select', selection: { kind: 'node', key } });
      const display = handle.sigma.getNodeDisplayData(key);
      if (display) void handle.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: Math.min(handle.sigma.getCamera().getState().ratio, 0.5) }, { duration: 400 });
    },
    [handle, graph, dispatch],
  );

  /** Shows a node that may not be loaded yet: expanded in from the case, then focused. */
  const revealNode = useCallback(
    (key: string) => {
      if (graph?.hasNode(key)) focusNode(key);
      else dispatch({ type: 'reveal', key });
    },
    [graph, focusNode, dispatch],
  );

  useEffect(() => {
    if (pendingFocus && graph?.hasNode(pendingFocus) && handle) {
      dispatch({ type: 'revealed' });
      // Once sigma has indexed the new node.
      window.setTimeout(() => focusNode(pendingFocus), 50);
    }
  }, [pendingFocus, graph, handle, version, focusNode, dispatch]);

  const handledRequest = useRef<number | null>(null);
  useEffect(() => {
    if (!request || !handle || handledRequest.current === request.nonce) return;
    handledRequest.current = request.nonce;
    revealNode(request.nodeKey);
  }, [request, handle, revealNode]);

  useGraphPointer(handle, graph, linking, dispatch, savePositions);

  const fit = useCallback(() => void handle?.sigma.getCamera().reset({ duration: 300 }), [handle]);

  const runPath = useCallback(
    (from: string, to: string) => {
      if (!graph) return;
      const nodes = shortestPath(graph, filter, from, to);
      dispatch({ type: 'path', path: { from, to, nodes, edges: nodes ? pathEdges(graph, nodes, filter) : [] } });
      if (!nodes) notifications.show({ color: 'gray', message: 'These two are not connected through what is shown. Expand nodes or loosen the filters.' });
    },
    [graph, filter, dispatch],
  );

  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['F', fit],
    ['L', () => (layoutRunning ? stopLayout() : startLayout())],
    ['Escape', () => dispatch({ type: 'escape' })],
  ]);

  // Keep the layout from running on after the view goes.
  useEffect(() => () => savePositionsOnLeave(handle, savePositions), [handle, savePositions]);

  const counts = useMemo(() => {
    if (!graph) return { nodes: 0, edges: 0 };
    let nodes = 0;
    let edges = 0;
    graph.forEachNode((key, attributes) => {
      if (isNodeShown(attributes, key, filter)) nodes += 1;
    });
    graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
      if (isEdgeShown(attributes, filter) && isNodeShown(sourceAttributes, source, filter) && isNodeShown(targetAttributes, target, filter)) edges += 1;
    });
    return { nodes, edges };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version is not read but stands for the graph changing in place, which must count again.
  }, [graph, filter, version]);

  const nodeOptions = useMemo(
    () =>
      graph
        ? graph
            .mapNodes((key, attributes) => ({ value: key, label: `${attributes.label} · ${kindLabels[attributes.kind]}`, degree: attributes.degree }))
            .sort((a, b) => b.degree - a.degree)
            .map(({ value, label }) => ({ value, label }))
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version is not read but stands for nodes added to the graph in place.
    [graph, version],
  );

  const total = slice.data?.total ?? { nodes: 0, edges: 0 };
  const empty = slice.data !== undefined && total.nodes === 0;
  const selectedNode = selection?.kind === 'node' && graph?.hasNode(selection.key) ? selection.key : null;
  const selectedEdge = selection?.kind === 'edge' && graph?.hasEdge(selection.key) ? selection.key : null;

  return (
    <div className={viewLayout.view} data-testid="view-graph">
      <div className={viewLayout.main}>
        <GraphToolbar
          handle={handle}
          dark={dark}
          searchRef={searchRef}
          layoutRunning={layoutRunning}
          onToggleLayout={() => (layoutRunning ? stopLayout() : startLayout())}
          onFit={fit}
          onLink={() => dispatch({ type: 'draftLink', draft: {} })}
          onPickNode={revealNode}
        />
        <div className={classes.stageWrap}>
          <div ref={containerRef} className={classes.stage} data-testid="graph-canvas" />
          {linking ? (
            <svg className={classes.linkLine} aria-hidden>
              <line x1={linking.x} y1={linking.y} x2={linking.toX} y2={linking.toY} stroke="#e8590c" strokeWidth={2} strokeDasharray="6 4" />
            </svg>
          ) : null}
          {empty ? (
            <div className={classes.empty}>
              <EmptyState
                size="sm"
                icon={<IconTopologyStar3 size={28} stroke={1.5} />}
                title="No graph yet"
                description="Documents and the people, organisations and places they mention appear here when you import. Links appear when you select a passage in the reader and choose “Link…”, or Shift-drag from one node to another."
                data-testid="graph-empty"
              />
            </div>
          ) : null}
          {!slice.data && !slice.isError ? (
            <Group className={classes.overlayTopLeft} gap={6}>
              <Loader size="xs" />
              <Text size="xs" c="dimmed">
                Loading the case graph…
              </Text>
            </Group>
          ) : null}
          {slice.isError ? (
            <Text className={classes.overlayTopLeft} size="sm" c="red">
              The graph could not be loaded: {slice.error.message}
            </Text>
          ) : null}
          {graph && !empty ? (
            <Group className={classes.overlayTopLeft} gap={6}>
              <Badge variant="default" radius="sm" size="lg" data-testid="graph-counts">
                Showing {counts.nodes.toLocaleString()} of {total.nodes.toLocaleString()} nodes · {counts.edges.toLocaleString()} of{' '}
                {total.edges.toLocaleString()} edges
              </Badge>
              {graph.order < total.nodes ? (
                <Badge variant="light" color="yellow" radius="sm" size="lg">
                  Large case: the {graph.order.toLocaleString()} best connected; search or expand for the rest
                </Badge>
              ) : null}
              {layoutRunning ? (
                <Badge variant="light" radius="sm" size="lg" leftSection={<Loader size={10} />}>
                  Layout running
                </Badge>
              ) : null}
            </Group>
          ) : null}
          {graph && !empty ? <Legend dark={dark} communities={communities} /> : null}
          {handle && graph && !empty ? <Overview sigma={handle.sigma} graph={graph} filter={filter} dark={dark} version={version} running={layoutRunning} /> : null}
        </div>
      </div>
      <ScrollArea className={`${viewLayout.side} ${classes.side}`} type="auto" data-testid="graph-side">
        <div className={classes.sideSection} data-testid="graph-selection">
          {selectedNode && graph ? (
            <NodeInspector
              nodeKey={selectedNode}
              attributes={graph.getNodeAttributes(selectedNode)}
              shownDegree={graph.degree(selectedNode)}
              score={scores && centrality !== 'degree' ? { name: centralityLabels[centrality], value: scores.get(selectedNode) ?? 0 } : null}
              community={communities?.get(selectedNode) ?? null}
              actions={{
                onFocus: () => focusNode(selectedNode),
                onExpand: () => dispatch({ type: 'expand', key: selectedNode }),
                onEgo: (depth) => dispatch({ type: 'ego', ego: egoNetwork(graph, filter, selectedNode, depth) }),
                onPathFrom: () => dispatch({ type: 'pathEnds', from: selectedNode, to: state.pathEnds.to }),
                onHide: () => dispatch({ type: 'hide', key: selectedNode }),
                onLinkFrom: () => dispatch({ type: 'draftLink', draft: { from: nodeChoice(graph, selectedNode) } }),
                onOpenLink: (link: Link) => {
                  const key = `link:${link.id}`;
                  if (graph.hasEdge(key)) dispatch({ type: 'select', selection: { kind: 'edge', key } });
                  else dispatch({ type: 'draftLink', draft: { link } });
                },
              }}
            />
          ) : selectedEdge && graph ? (
            <EdgeInspector
              attributes={graph.getEdgeAttributes(selectedEdge)}
              sourceKey={graph.source(selectedEdge)}
              sourceLabel={graph.getNodeAttribute(graph.source(selectedEdge), 'label')}
              targetLabel={graph.getNodeAttribute(graph.target(selectedEdge), 'label')}
              onEditLink={(link) => dispatch({ type: 'draftLink', draft: { link } })}
              onDeleted={() => dispatch({ type: 'select', selection: null })}
              onAssert={() =>
                dispatch({ type: 'draftLink', draft: { from: nodeChoice(graph, graph.source(selectedEdge)), to: nodeChoice(graph, graph.target(selectedEdge)) } })
              }
            />
          ) : (
            <Text size="sm" c="dimmed">
              Click a node or an edge to see it here; an asserted link shows its evidence. Double-click a node to expand its neighbours, drag it to
              pin it, Shift-drag to another node to link them. <Kbd>/</Kbd> searches, <Kbd>F</Kbd> fits, <Kbd>L</Kbd> runs the layout.
            </Text>
          )}
        </div>
        <GraphAnalytics
          graph={graph}
          state={state}
          dispatch={dispatch}
          nodeOptions={nodeOptions}
          onFindPath={runPath}
          onColourByCommunity={(on) => dispatch({ type: 'communities', communities: on && graph ? findCommunities(graph, filter) : null })}
          onFocusNode={focusNode}
        />
        <GraphFilters filter={filter} onChange={(next) => dispatch({ type: 'filter', filter: next })} />
      </ScrollArea>
      <LinkModal
        draft={linkDraft}
        onClose={() => dispatch({ type: 'draftLink', draft: null })}
        onSaved={(link) =>
          window.setTimeout(() => graph?.hasEdge(`link:${link.id}`) && dispatch({ type: 'select', selection: { kind: 'edge', key: `link:${link.id}` } }), 300)
        }
      />
    </div>
  );
}

function savePositionsOnLeave(handle: ReturnType<typeof useSigma>, save: () => void): void {
  if (handle?.layout.isRunning()) {
    handle.layout.stop();
    save();
  }
}
