/**
 * The sigma renderer and the ForceAtlas2 worker over the view's graphology graph. What the view
 * highlights or hides lives in a ref the reducers read, so changing it costs one refresh and no
 * rebuild. Fluid by design on software WebGL: edges hide while the camera moves, labels are drawn
 * by priority (larger nodes first, a label grid), and the layout runs off the main thread.
 */
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { extremityArrow, layerFill, layerPlain, pathLine, pathLoop, sdfCircle, sdfDiamond, sdfSquare, sdfTriangle } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { NodeKind } from '../../../../shared/graph';
import type { CaseGraphModel, EdgeAttributes, GraphFilter, NodeAttributes } from './graphModel';
import { communityPalette, isEdgeShown, isNodeShown } from './graphModel';

/** What the reducers draw differently; held in a ref, applied with `refresh`. */
export interface ViewState {
  filter: GraphFilter;
  /** Nodes to bring forward (a path, an ego network); the rest fade. Null: no focus. */
  focusNodes: ReadonlySet<string> | null;
  focusEdges: ReadonlySet<string> | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  communities: ReadonlyMap<string, number> | null;
  dark: boolean;
}

export const nodeShapes: Readonly<Record<NodeKind, string>> = {
  document: 'square',
  person: 'circle',
  organization: 'triangle',
  location: 'diamond',
  other: 'circle',
};

const FADED = { light: '#dee2e6', dark: '#373a40' };

function nodeReducer(state: ViewState, key: string, attributes: NodeAttributes): Partial<NodeDisplayData> {
  if (!isNodeShown(attributes, key, state.filter)) return { visibility: 'hidden' };
  const display: Partial<NodeDisplayData> = {
    shape: nodeShapes[attributes.kind],
    labelColor: state.dark ? '#c1c2c5' : '#212529',
    backdropColor: state.dark ? '#25262b' : '#ffffff',
    // Suggested entities are the machine's guess: muted, as everywhere else.
    opacity: attributes.status === 'suggested' ? 0.6 : 1,
  };
  if (state.communities) display.color = communityPalette[state.communities.get(key) ?? -1] ?? (state.dark ? '#5c5f66' : '#adb5bd');
  if (state.focusNodes) {
    if (state.focusNodes.has(key)) {
      display.labelVisibility = 'visible';
      display.zIndex = 1;
      display.opacity = 1;
    } else {
      display.color = state.dark ? FADED.dark : FADED.light;
      display.labelVisibility = 'hidden';
    }
  }
  if (key === state.selectedNode) {
    display.highlighted = true;
    display.labelVisibility = 'visible';
    display.zIndex = 2;
    display.opacity = 1;
  }
  return display;
}

function edgeReducer(state: ViewState, key: string, attributes: EdgeAttributes, source: NodeAttributes, target: NodeAttributes, ends: [string, string]): Partial<EdgeDisplayData> {
  if (!isEdgeShown(attributes, state.filter) || !isNodeShown(source, ends[0], state.filter) || !isNodeShown(target, ends[1], state.filter)) {
    return { visibility: 'hidden' };
  }
  const display: Partial<EdgeDisplayData> = {};
  if (attributes.edgeType === 'link') {
    display.head = attributes.directed ? 'arrow' : 'none';
    display.label = attributes.relation;
    display.labelColor = state.dark ? '#ffc078' : '#d9480f';
    // A link that cites nothing is drawn pale: asserted, but not yet supported.
    if (attributes.evidence === 0) display.color = state.dark ? '#8f5a2b' : '#ffc9a0';
  } else {
    display.label = null;
  }
  if (state.focusEdges) {
    if (state.focusEdges.has(key)) {
      display.color = state.dark ? '#ff8787' : '#e03131';
      display.size = Math.max(attributes.size, 3);
      display.zIndex = 2;
    } else {
      display.color = state.dark ? FADED.dark : FADED.light;
    }
  }
  if (key === state.selectedEdge) {
    display.color = state.dark ? '#74c0fc' : '#1c7ed6';
    display.size = Math.max(attributes.size, 3.5);
    display.zIndex = 3;
  }
  return display;
}

export interface SigmaHandle {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  readonly layout: FA2LayoutSupervisor;
}

/**
 * Mounts sigma on the container for this graph (remounting when the graph object changes), with
 * the layout worker; `viewState` is read at each refresh.
 */
export function useSigma(
  container: RefObject<HTMLDivElement | null>,
  graph: CaseGraphModel | null,
  viewState: RefObject<ViewState>,
): SigmaHandle | null {
  const [handle, setHandle] = useState<SigmaHandle | null>(null);
  const stateRef = useRef(viewState);
  stateRef.current = viewState;

  useEffect(() => {
    const element = container.current;
    if (!element || !graph) return;
    const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, element, {
      primitives: {
        nodes: { shapes: [sdfCircle(), sdfSquare({ cornerRadius: 0.15 }), sdfTriangle({ cornerRadius: 0.1 }), sdfDiamond()], layers: [layerFill()] },
        edges: { paths: [pathLine(), pathLoop()], extremities: [extremityArrow()], layers: [layerPlain()] },
      },
      settings: {
        // Node sizes in pixels, as the legend and the size-by controls mean them.
        itemSizesReference: 'screen',
        hideEdgesOnMove: true,
        renderEdgeLabels: true,
        enableEdgeEvents: true,
        enableNodeDrag: true,
        labelRenderedSizeThreshold: 7,
        labelDensity: 0.6,
        labelGridCellSize: 90,
        minCameraRatio: 0.02,
        maxCameraRatio: 8,
        stagePadding: 24,
      },
      nodeReducer: (key, _data, attributes) => nodeReducer(stateRef.current.current, key, attributes),
      edgeReducer: (key, _data, attributes, _state, _graphState, model) => {
        const [source, target] = model.extremities(key);
        return edgeReducer(stateRef.current.current, key, attributes, model.getNodeAttributes(source), model.getNodeAttributes(target), [source, target]);
      },
    });
    // For the benchmark (npm run bench:graph): when the first frame of this graph is on screen.
    sigma.once('afterRender', () => performance.mark('dossier:graph-first-frame', { detail: { nodes: graph.order, edges: graph.size } }));
    const settings = inferSettings(graph);
    const layout = new FA2LayoutSupervisor(graph, {
      settings: { ...settings, barnesHutOptimize: graph.order > 500, slowDown: 2 + Math.log10(Math.max(10, graph.order)) },
      getEdgeWeight: null,
    });
    setHandle({ sigma, layout });
    return () => {
      setHandle(null);
      layout.kill();
      sigma.kill();
    };
  }, [container, graph]);

  return handle;
}
