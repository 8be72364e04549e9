/**
 * The investigation graph: documents, actors and places with their mention, co-occurrence and
 * asserted edges, drawn by sigma (WebGL) and laid out by ForceAtlas2 in a worker. Search, expand,
 * filter, analyse (shortest path, centralities, communities, ego networks), read a link's
 * evidence, assert links by Shift-dragging between nodes, and export.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Divider,
  EmptyState,
  Group,
  Kbd,
  Loader,
  Menu,
  MultiSelect,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  IconDownload,
  IconFocusCentered,
  IconLink,
  IconPlayerPause,
  IconPlayerPlay,
  IconRoute,
  IconSearch,
  IconTopologyStar3,
  IconX,
} from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EdgeType, Link, NodeKind } from '../../../../shared/graph';
import { NodeKinds, SourceReliabilities } from '../../../../shared/graph';
import { call } from '../../api/client';
import type { GraphRequest } from '../../components/navigation';
import { usePeriod } from '../../components/period';
import { notifyError } from '../cases/useCaseCommands';
import { useTags } from '../documents/queries';
import type { Centrality, CaseGraphModel, GraphFilter } from './graphModel';
import {
  buildGraph,
  communities as findCommunities,
  communityPalette,
  defaultFilter,
  edgeColor,
  egoNetwork,
  isEdgeShown,
  isNodeShown,
  kindColors,
  kindLabels,
  pathEdges,
  shortestPath,
  sizeBy,
  syncSlice,
} from './graphModel';
import { EdgeInspector, NodeInspector } from './GraphInspector';
import type { LinkDraft, NodeChoice } from './LinkModal';
import { LinkModal } from './LinkModal';
import { Overview } from './Overview';
import { useGraphSlice } from './queries';
import type { ViewState } from './useSigma';
import { nodeShapes, paint, useSigma } from './useSigma';
import classes from './graph.module.css';

type Selection = { kind: 'node'; key: string } | { kind: 'edge'; key: string } | null;

interface PathResult {
  readonly from: string;
  readonly to: string;
  readonly nodes: readonly string[] | null;
  readonly edges: readonly string[];
}

const centralityLabels: Record<Centrality, string> = { degree: 'degree', betweenness: 'betweenness', pagerank: 'PageRank' };

/** How long the layout runs by itself on a graph that has no saved positions. */
const FIRST_LAYOUT_MS = 3_500;

export function GraphView({ request = null }: { request?: GraphRequest | null }) {
  const dark = useComputedColorScheme('light') === 'dark';
  const [expanded, setExpanded] = useState<string[]>([]);
  const slice = useGraphSlice(expanded);
  const [graph, setGraph] = useState<CaseGraphModel | null>(null);
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>(null);
  // The view mounts when shown, so the period brushed on the timeline is its date filter's start.
  const { period } = usePeriod();
  const [filter, setFilter] = useState<GraphFilter>(() => (period ? { ...defaultFilter, from: period.from, to: period.to } : defaultFilter));
  const [centrality, setCentrality] = useState<Centrality>('degree');
  const [scores, setScores] = useState<Map<string, number> | null>(null);
  const [communities, setCommunities] = useState<Map<string, number> | null>(null);
  const [path, setPath] = useState<PathResult | null>(null);
  const [pathEnds, setPathEnds] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [ego, setEgo] = useState<ReadonlySet<string> | null>(null);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [linkDraft, setLinkDraft] = useState<LinkDraft | null>(null);
  const [linking, setLinking] = useState<{ from: string; x: number; y: number; toX: number; toY: number } | null>(null);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
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
    // Only the slice's arrival matters here; the view and sizes have effects of their own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
      setSelection({ kind: 'node', key });
      const display = handle.sigma.getNodeDisplayData(key);
      if (display) void handle.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: Math.min(handle.sigma.getCamera().getState().ratio, 0.5) }, { duration: 400 });
    },
    [handle, graph],
  );

  /** Shows a node that may not be loaded yet: expanded in from the case, then focused. */
  const revealNode = useCallback(
    (key: string) => {
      if (graph?.hasNode(key)) {
        focusNode(key);
        return;
      }
      setExpanded((current) => (current.includes(key) ? current : [...current, key]));
      setPendingFocus(key);
    },
    [graph, focusNode],
  );

  useEffect(() => {
    if (pendingFocus && graph?.hasNode(pendingFocus) && handle) {
      setPendingFocus(null);
      // Once sigma has indexed the new node.
      window.setTimeout(() => focusNode(pendingFocus), 50);
    }
  }, [pendingFocus, graph, handle, version, focusNode]);

  const handledRequest = useRef<number | null>(null);
  useEffect(() => {
    if (!request || !handle || handledRequest.current === request.nonce) return;
    handledRequest.current = request.nonce;
    revealNode(request.nodeKey);
  }, [request, handle, revealNode]);

  // Sigma's pointer events: select, expand, pin on drag, Shift-drag to link.
  const linkingRef = useRef(linking);
  linkingRef.current = linking;
  useEffect(() => {
    if (!handle || !graph) return;
    const { sigma, layout } = handle;
    let resumeLayout = false;
    sigma.on('clickNode', ({ node }) => setSelection({ kind: 'node', key: node }));
    sigma.on('clickEdge', ({ edge }) => setSelection({ kind: 'edge', key: edge }));
    sigma.on('clickStage', () => setSelection(null));
    sigma.on('doubleClickNode', (payload) => {
      payload.preventSigmaDefault();
      setExpanded((current) => (current.includes(payload.node) ? current : [...current, payload.node]));
    });
    sigma.on('downNode', (payload) => {
      const original = payload.event.original;
      if (!('shiftKey' in original) || !original.shiftKey) return;
      payload.preventSigmaDefault();
      const { x, y } = sigma.graphToViewport(graph.getNodeAttributes(payload.node));
      setLinking({ from: payload.node, x, y, toX: x, toY: y });
    });
    sigma.on('moveBody', ({ event }) => {
      const current = linkingRef.current;
      if (current) setLinking({ ...current, toX: event.x, toY: event.y });
    });
    sigma.on('upNode', ({ node }) => {
      const current = linkingRef.current;
      if (!current) return;
      setLinking(null);
      if (node === current.from) return;
      const choice = (key: string): NodeChoice => ({ key, label: graph.getNodeAttribute(key, 'label'), kind: graph.getNodeAttribute(key, 'kind') });
      setLinkDraft({ from: choice(current.from), to: choice(node) });
    });
    sigma.on('upStage', () => setLinking(null));
    sigma.on('nodeDragStart', () => {
      resumeLayout = layout.isRunning();
      if (resumeLayout) layout.stop();
    });
    sigma.on('nodeDragEnd', ({ node }) => {
      // A node put somewhere by hand stays there: pinned, and the layout works around it.
      graph.setNodeAttribute(node, 'fixed', true);
      if (resumeLayout) layout.start();
      else savePositions();
    });
    return () => {
      for (const event of ['clickNode', 'clickEdge', 'clickStage', 'doubleClickNode', 'downNode', 'moveBody', 'upNode', 'upStage', 'nodeDragStart', 'nodeDragEnd'] as const) {
        sigma.removeAllListeners(event);
      }
    };
  }, [handle, graph, savePositions]);

  const fit = useCallback(() => void handle?.sigma.getCamera().reset({ duration: 300 }), [handle]);

  const runPath = useCallback(
    (from: string | null, to: string | null) => {
      if (!graph || !from || !to) return;
      const nodes = shortestPath(graph, filter, from, to);
      setEgo(null);
      setPath({ from, to, nodes, edges: nodes ? pathEdges(graph, nodes, filter) : [] });
      if (!nodes) notifications.show({ color: 'gray', message: 'These two are not connected through what is shown. Expand nodes or loosen the filters.' });
    },
    [graph, filter],
  );

  const toggleCommunities = (on: boolean) => {
    if (!graph) return;
    setCommunities(on ? findCommunities(graph, filter) : null);
  };

  const exportFile = async (format: 'graphml' | 'csv') => {
    try {
      const exported = await call('graph.export', { format });
      for (const file of exported.files) download(new Blob([file.content], { type: file.mimeType }), `graph${file.suffix}`);
      notifications.show({ message: `Exported ${exported.nodes.toLocaleString()} nodes and ${exported.edges.toLocaleString()} edges as ${format === 'csv' ? 'CSV' : 'GraphML'}.` });
    } catch (error) {
      notifyError('Could not export the graph', error);
    }
  };

  const exportPng = () => {
    if (!handle) return;
    const { sigma } = handle;
    // The WebGL buffer is only readable right after a frame is drawn.
    sigma.once('afterRender', () => {
      const source = sigma.getStageCanvas();
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.fillStyle = dark ? '#1a1b1e' : '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(source, 0, 0);
      canvas.toBlob((blob) => blob && download(blob, 'graph.png'), 'image/png');
    });
    sigma.refresh();
  };

  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['F', fit],
    ['L', () => (layoutRunning ? stopLayout() : startLayout())],
    [
      'Escape',
      () => {
        setSelection(null);
        setPath(null);
        setEgo(null);
      },
    ],
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
    // version: the graph changed in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, filter, version]);

  const nodeOptions = useMemo(
    () =>
      graph
        ? graph
            .mapNodes((key, attributes) => ({ value: key, label: `${attributes.label} · ${kindLabels[attributes.kind]}`, degree: attributes.degree }))
            .sort((a, b) => b.degree - a.degree)
            .map(({ value, label }) => ({ value, label }))
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, version],
  );

  const total = slice.data?.total ?? { nodes: 0, edges: 0 };
  const empty = slice.data !== undefined && total.nodes === 0;
  const selectedNode = selection?.kind === 'node' && graph?.hasNode(selection.key) ? selection.key : null;
  const selectedEdge = selection?.kind === 'edge' && graph?.hasEdge(selection.key) ? selection.key : null;

  return (
    <div className={classes.view} data-testid="view-graph">
      <div className={classes.main}>
        <Group className={classes.toolbar} gap="xs" wrap="nowrap">
          <NodeSearch inputRef={searchRef} onPick={revealNode} />
          <Tooltip label={`${layoutRunning ? 'Stop' : 'Run'} the ForceAtlas2 layout (L)`}>
            <Button
              size="xs"
              variant={layoutRunning ? 'filled' : 'default'}
              leftSection={layoutRunning ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />}
              onClick={() => (layoutRunning ? stopLayout() : startLayout())}
              disabled={!handle}
            >
              {layoutRunning ? 'Stop layout' : 'Layout'}
            </Button>
          </Tooltip>
          <Tooltip label="Zoom to fit (F)">
            <ActionIcon variant="default" size="md" aria-label="Zoom to fit" onClick={fit}>
              <IconFocusCentered size={16} />
            </ActionIcon>
          </Tooltip>
          <Button size="xs" variant="default" leftSection={<IconLink size={14} />} onClick={() => setLinkDraft({})}>
            Link…
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} ml="auto">
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>The whole case graph</Menu.Label>
              <Menu.Item onClick={() => void exportFile('graphml')}>GraphML (Gephi, Cytoscape)</Menu.Item>
              <Menu.Item onClick={() => void exportFile('csv')}>CSV nodes and edges</Menu.Item>
              <Menu.Label>This view</Menu.Label>
              <Menu.Item onClick={exportPng}>PNG image</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
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
      <ScrollArea className={classes.side} type="auto" data-testid="graph-side">
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
                onExpand: () => setExpanded((current) => (current.includes(selectedNode) ? current : [...current, selectedNode])),
                onEgo: (depth) => {
                  setPath(null);
                  setEgo(egoNetwork(graph, filter, selectedNode, depth));
                },
                onPathFrom: () => setPathEnds({ from: selectedNode, to: pathEnds.to }),
                onHide: () => {
                  setFilter({ ...filter, hidden: new Set([...filter.hidden, selectedNode]) });
                  setSelection(null);
                },
                onLinkFrom: () =>
                  setLinkDraft({ from: { key: selectedNode, label: graph.getNodeAttribute(selectedNode, 'label'), kind: graph.getNodeAttribute(selectedNode, 'kind') } }),
                onOpenLink: (link: Link) => {
                  const key = `link:${link.id}`;
                  if (graph.hasEdge(key)) setSelection({ kind: 'edge', key });
                  else setLinkDraft({ link });
                },
              }}
            />
          ) : selectedEdge && graph ? (
            <EdgeInspector
              attributes={graph.getEdgeAttributes(selectedEdge)}
              sourceKey={graph.source(selectedEdge)}
              sourceLabel={graph.getNodeAttribute(graph.source(selectedEdge), 'label')}
              targetLabel={graph.getNodeAttribute(graph.target(selectedEdge), 'label')}
              onEditLink={(link) => setLinkDraft({ link })}
              onDeleted={() => setSelection(null)}
              onAssert={() => {
                const choice = (key: string): NodeChoice => ({ key, label: graph.getNodeAttribute(key, 'label'), kind: graph.getNodeAttribute(key, 'kind') });
                setLinkDraft({ from: choice(graph.source(selectedEdge)), to: choice(graph.target(selectedEdge)) });
              }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              Click a node or an edge to see it here; an asserted link shows its evidence. Double-click a node to expand its neighbours, drag it to
              pin it, Shift-drag to another node to link them. <Kbd>/</Kbd> searches, <Kbd>F</Kbd> fits, <Kbd>L</Kbd> runs the layout.
            </Text>
          )}
        </div>
        <Stack className={classes.sideSection} gap="xs">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Shortest path
          </Text>
          <Select
            size="xs"
            label="From"
            placeholder="Pick a node"
            searchable
            limit={50}
            data={nodeOptions}
            value={pathEnds.from}
            onChange={(value) => setPathEnds({ ...pathEnds, from: value })}
            aria-label="Path from"
          />
          <Select
            size="xs"
            label="To"
            placeholder="Pick a node"
            searchable
            limit={50}
            data={nodeOptions}
            value={pathEnds.to}
            onChange={(value) => setPathEnds({ ...pathEnds, to: value })}
            aria-label="Path to"
          />
          <Group gap="xs">
            <Button size="xs" leftSection={<IconRoute size={14} />} disabled={!pathEnds.from || !pathEnds.to} onClick={() => runPath(pathEnds.from, pathEnds.to)}>
              Find path
            </Button>
            {path || ego ? (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconX size={14} />}
                onClick={() => {
                  setPath(null);
                  setEgo(null);
                }}
              >
                Clear highlight
              </Button>
            ) : null}
          </Group>
          {path?.nodes && graph ? (
            <PathSteps graph={graph} path={path} onNode={(key) => focusNode(key)} onEdge={(key) => setSelection({ kind: 'edge', key })} />
          ) : null}
          {ego ? (
            <Text size="xs" c="dimmed">
              Ego network: {ego.size.toLocaleString()} nodes highlighted.
            </Text>
          ) : null}
        </Stack>
        <Stack className={classes.sideSection} gap="xs">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Analytics
          </Text>
          <Text size="xs">Size nodes by</Text>
          <SegmentedControl
            size="xs"
            value={centrality}
            onChange={(value) => setCentrality(value)}
            data={[
              { value: 'degree', label: 'Degree' },
              { value: 'betweenness', label: 'Betweenness' },
              { value: 'pagerank', label: 'PageRank' },
            ]}
          />
          <Switch
            size="xs"
            label={communities ? `Colour by community (Louvain): ${new Set(communities.values()).size} found` : 'Colour by community (Louvain)'}
            checked={communities !== null}
            onChange={(event) => toggleCommunities(event.currentTarget.checked)}
          />
        </Stack>
        <FilterPanel filter={filter} onChange={setFilter} />
      </ScrollArea>
      <LinkModal
        draft={linkDraft}
        onClose={() => setLinkDraft(null)}
        onSaved={(link) => window.setTimeout(() => graph?.hasEdge(`link:${link.id}`) && setSelection({ kind: 'edge', key: `link:${link.id}` }), 300)}
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

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Finds any node of the case by name or title, loaded or not. */
function NodeSearch({ inputRef, onPick }: { inputRef: React.RefObject<HTMLInputElement | null>; onPick: (key: string) => void }) {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 150);
  const found = useQuery({
    queryKey: ['graph', 'search', debounced],
    queryFn: () => call('graph.search', { text: debounced.slice(0, 200), limit: 20 }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      ref={inputRef}
      size="xs"
      w={280}
      placeholder="Find a node (/)"
      aria-label="Find a node"
      leftSection={<IconSearch size={14} />}
      searchable
      searchValue={text}
      onSearchChange={setText}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.trim() ? 'Nothing by that name' : 'Type a name or a title'}
      data={(found.data ?? []).map((node) => ({ value: node.key, label: `${node.label} · ${kindLabels[node.kind]}` }))}
      value={null}
      onChange={(key) => {
        if (!key) return;
        onPick(key);
        setText('');
      }}
    />
  );
}

function PathSteps({ graph, path, onNode, onEdge }: { graph: CaseGraphModel; path: PathResult; onNode: (key: string) => void; onEdge: (key: string) => void }) {
  const nodes = path.nodes ?? [];
  return (
    <Stack gap={2} data-testid="path-steps">
      <Text size="xs" c="dimmed">
        {nodes.length - 1} step{nodes.length === 2 ? '' : 's'}:
      </Text>
      {nodes.map((key, index) => {
        const edge = index > 0 ? path.edges[index - 1] : undefined;
        const attributes = edge ? graph.getEdgeAttributes(edge) : null;
        return (
          <Stack key={key} gap={0}>
            {edge && attributes ? (
              <UnstyledButton className={classes.pathStep} onClick={() => onEdge(edge)} aria-label={`Edge ${edgeLabel(attributes.edgeType, attributes.relation)}`}>
                <Text size="xs" c={attributes.edgeType === 'link' ? 'orange.7' : 'dimmed'} pl="md">
                  ↓ {edgeLabel(attributes.edgeType, attributes.relation)}
                  {attributes.edgeType === 'link' ? ` · ${attributes.evidence} cited` : ''}
                </Text>
              </UnstyledButton>
            ) : null}
            <UnstyledButton className={classes.pathStep} onClick={() => onNode(key)}>
              <Group gap={6} wrap="nowrap">
                <span className={classes.legendShape} style={{ background: kindColors[graph.getNodeAttribute(key, 'kind')], borderRadius: '50%' }} />
                <Text size="sm" truncate>
                  {graph.getNodeAttribute(key, 'label')}
                </Text>
              </Group>
            </UnstyledButton>
          </Stack>
        );
      })}
    </Stack>
  );
}

function edgeLabel(type: EdgeType, relation: string | null): string {
  if (type === 'link') return relation ?? 'link';
  return type === 'mention' ? 'mentions' : 'named together';
}

const edgeTypeLabels: Record<EdgeType, string> = { mention: 'Mentions', cooccurrence: 'Co-occurrence suggestions', link: 'Asserted links' };

function FilterPanel({ filter, onChange }: { filter: GraphFilter; onChange: (filter: GraphFilter) => void }) {
  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };
  return (
    <Stack className={classes.sideSection} gap={6} data-testid="graph-filters">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        Show
      </Text>
      <SimpleGrid cols={2} spacing={4} verticalSpacing={4}>
        {NodeKinds.map((kind: NodeKind) => (
          <Checkbox
            key={kind}
            size="xs"
            label={kindLabels[kind]}
            checked={filter.kinds.has(kind)}
            onChange={(event) => onChange({ ...filter, kinds: toggle(filter.kinds, kind, event.currentTarget.checked) })}
          />
        ))}
      </SimpleGrid>
      <Divider my={2} />
      {(['link', 'mention', 'cooccurrence'] as const).map((type) => (
        <Checkbox
          key={type}
          size="xs"
          label={edgeTypeLabels[type]}
          checked={filter.edgeTypes.has(type)}
          onChange={(event) => onChange({ ...filter, edgeTypes: toggle(filter.edgeTypes, type, event.currentTarget.checked) })}
        />
      ))}
      <Checkbox
        size="xs"
        label="Confirmed entities only"
        checked={filter.confirmedOnly}
        onChange={(event) => onChange({ ...filter, confirmedOnly: event.currentTarget.checked })}
      />
      <TagFilter value={filter.tags} onChange={(tags) => onChange({ ...filter, tags })} />
      <Select
        size="xs"
        label="Links graded at least"
        placeholder="Any grading"
        clearable
        data={SourceReliabilities.slice(0, 5).map((grade) => ({ value: grade, label: `${grade} or better` }))}
        value={filter.minReliability}
        onChange={(value) => onChange({ ...filter, minReliability: (value) ?? null })}
      />
      <Group gap={6} grow>
        <TextInput
          size="xs"
          label="From date"
          placeholder="YYYY-MM-DD"
          value={filter.from ?? ''}
          onChange={(event) => onChange({ ...filter, from: event.currentTarget.value.trim() || null })}
        />
        <TextInput
          size="xs"
          label="To date"
          placeholder="YYYY-MM-DD"
          value={filter.to ?? ''}
          onChange={(event) => onChange({ ...filter, to: event.currentTarget.value.trim() || null })}
        />
      </Group>
      {filter.hidden.size > 0 ? (
        <Button size="xs" variant="subtle" onClick={() => onChange({ ...filter, hidden: new Set() })} w="fit-content">
          Show {filter.hidden.size} hidden node{filter.hidden.size === 1 ? '' : 's'}
        </Button>
      ) : null}
    </Stack>
  );
}

/** Documents by tag: only those carrying one of the chosen tags stay shown. */
function TagFilter({ value, onChange }: { value: ReadonlySet<number>; onChange: (tags: ReadonlySet<number>) => void }) {
  const tags = useTags();
  if (!tags.data || tags.data.length === 0) return null;
  return (
    <MultiSelect
      size="xs"
      label="Documents tagged"
      placeholder={value.size ? undefined : 'Any tag'}
      searchable
      clearable
      data={tags.data.map((tag) => ({ value: String(tag.id), label: tag.name }))}
      value={[...value].map(String)}
      onChange={(chosen) => onChange(new Set(chosen.map(Number)))}
    />
  );
}

function Legend({ dark, communities }: { dark: boolean; communities: ReadonlyMap<string, number> | null }) {
  const shapeStyle = (kind: NodeKind): React.CSSProperties => {
    const shape = nodeShapes[kind];
    const color = communities ? (dark ? '#909296' : '#868e96') : kindColors[kind];
    if (shape === 'circle') return { background: color, borderRadius: '50%' };
    if (shape === 'square') return { background: color, borderRadius: 2 };
    if (shape === 'triangle') return { background: color, clipPath: 'polygon(50% 0, 100% 100%, 0 100%)' };
    return { background: color, transform: 'rotate(45deg) scale(0.8)' };
  };
  return (
    <Stack className={classes.legend} gap={3} data-testid="graph-legend">
      <Group gap={10}>
        {NodeKinds.filter((kind) => kind !== 'other').map((kind) => (
          <Group key={kind} gap={4} wrap="nowrap">
            <span className={classes.legendShape} style={shapeStyle(kind)} />
            <span>{kindLabels[kind]}</span>
          </Group>
        ))}
      </Group>
      <Group gap={10}>
        <Group gap={4} wrap="nowrap">
          <span className={classes.legendLine} style={{ borderTop: `2.5px solid ${edgeColor('link', 'asserted', dark)}` }} />
          <span>asserted link</span>
        </Group>
        <Group gap={4} wrap="nowrap">
          <span className={classes.legendLine} style={{ borderTop: `1.5px solid ${edgeColor('mention', 'confirmed', dark)}` }} />
          <span>mention</span>
        </Group>
        <Group gap={4} wrap="nowrap">
          <span className={classes.legendLine} style={{ borderTop: `1.5px dashed ${dark ? '#5c5f66' : '#ced4da'}` }} />
          <span>suggested</span>
        </Group>
      </Group>
      {communities ? (
        <Group gap={4}>
          {communityPalette.slice(0, Math.min(communityPalette.length, new Set(communities.values()).size)).map((color, index) => (
            <span key={color} className={classes.legendShape} style={{ background: color, borderRadius: '50%' }} title={`community ${index + 1}`} />
          ))}
          <span>communities, largest first</span>
        </Group>
      ) : null}
    </Stack>
  );
}
