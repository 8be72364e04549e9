/**
 * The sigma renderer and the ForceAtlas2 worker over the view's graphology graph, and `paint`,
 * which writes what the view highlights or hides into the graph's attributes. Fluid by design on software WebGL: edges hide while the camera moves, labels are drawn
 * by priority (larger nodes first, a label grid), and the layout runs off the main thread.
 */
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { extremityArrow, layerFill, layerPlain, pathLine, pathLoop, sdfCircle, sdfDiamond, sdfSquare, sdfTriangle } from 'sigma/rendering';
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { NodeKind } from '../../../../shared/graph';
import type { CaseGraphModel, EdgeAttributes, GraphFilter, NodeAttributes } from './graphModel';
import { communityPalette, edgeColor, isEdgeShown, isNodeShown, kindColors } from './graphModel';

/** What the view draws differently: filters, highlights, selection, communities, theme. */
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

/**
 * Writes what each node and edge should look like into its attributes, which sigma's styles read.
 * Sigma's reducers would do the same, but a renderer with reducers re-evaluates every item each
 * time the camera starts or stops moving (measured: seconds a frame at 2k nodes on SwiftShader);
 * with attribute-bound styles, moving the camera re-evaluates nothing.
 */
export function paint(graph: CaseGraphModel, state: ViewState): void {
  const shown = new Set<string>();
  graph.updateEachNodeAttributes((key, attributes) => {
    const visible = isNodeShown(attributes, key, state.filter);
    if (visible) shown.add(key);
    let color = state.communities ? (communityPalette[state.communities.get(key) ?? -1] ?? (state.dark ? '#5c5f66' : '#adb5bd')) : kindColors[attributes.kind];
    // Suggested entities are the machine's guess: muted, as everywhere else.
    let opacity = attributes.status === 'suggested' ? 0.6 : 1;
    let forceLabel = false;
    let zIndex = 0;
    if (state.focusNodes) {
      if (state.focusNodes.has(key)) {
        forceLabel = true;
        zIndex = 1;
        opacity = 1;
      } else {
        color = state.dark ? FADED.dark : FADED.light;
      }
    }
    if (key === state.selectedNode) {
      forceLabel = true;
      zIndex = 2;
      opacity = 1;
    }
    return {
      ...attributes,
      color,
      opacity,
      forceLabel,
      zIndex,
      hidden: !visible,
      shape: nodeShapes[attributes.kind],
      labelColor: state.dark ? '#c1c2c5' : '#212529',
      backdropColor: state.dark ? '#25262b' : '#ffffff',
    };
  });
  graph.updateEachEdgeAttributes((key, attributes, source, target) => {
    const visible = shown.has(source) && shown.has(target) && isEdgeShown(attributes, state.filter);
    let color = edgeColor(attributes.edgeType, attributes.status, state.dark);
    let size = attributes.baseSize;
    let zIndex = 0;
    // A link that cites nothing is drawn pale: asserted, but not yet supported.
    if (attributes.edgeType === 'link' && attributes.evidence === 0) color = state.dark ? '#8f5a2b' : '#ffc9a0';
    if (state.focusEdges) {
      if (state.focusEdges.has(key)) {
        color = state.dark ? '#ff8787' : '#e03131';
        size = Math.max(size, 3);
        zIndex = 2;
      } else {
        color = state.dark ? FADED.dark : FADED.light;
      }
    }
    if (key === state.selectedEdge) {
      color = state.dark ? '#74c0fc' : '#1c7ed6';
      size = Math.max(size, 3.5);
      zIndex = 3;
    }
    return {
      ...attributes,
      color,
      size,
      zIndex,
      hidden: !visible,
      head: attributes.edgeType === 'link' && attributes.directed ? 'arrow' : 'none',
      label: attributes.edgeType === 'link' ? attributes.relation : null,
      labelColor: state.dark ? '#ffc078' : '#d9480f',
    };
    // The hint names zIndex so that sigma re-indexes: edges shown or hidden change its programs.
  }, { attributes: ['color', 'size', 'zIndex', 'hidden', 'head', 'label', 'labelColor'] });
}

export interface SigmaHandle {
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  readonly layout: FA2LayoutSupervisor;
}

/** Mounts sigma on the container for this graph (remounting when the graph object changes), with the layout worker. */
export function useSigma(container: RefObject<HTMLDivElement | null>, graph: CaseGraphModel | null): SigmaHandle | null {
  const [handle, setHandle] = useState<SigmaHandle | null>(null);

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
        // Relations are read in the inspector and the path steps: sigma 4.0.4's edge labels came out
        // mirrored on SwiftShader, and fewer labels keep frames short.
        renderEdgeLabels: false,
        enableEdgeEvents: true,
        enableNodeDrag: true,
        labelRenderedSizeThreshold: 7,
        labelDensity: 0.6,
        labelGridCellSize: 90,
        minCameraRatio: 0.02,
        maxCameraRatio: 8,
        stagePadding: 24,
      },
      styles: {
        nodes: [
          DEFAULT_STYLES.nodes,
          {
            shape: { attribute: 'shape', defaultValue: 'circle' },
            opacity: { attribute: 'opacity', defaultValue: 1 },
            zIndex: { attribute: 'zIndex', defaultValue: 0 },
            labelColor: { attribute: 'labelColor', defaultValue: '#212529' },
            backdropColor: { attribute: 'backdropColor', defaultValue: '#ffffff' },
            visibility: { whenData: 'hidden', then: 'hidden', else: 'visible' },
            labelVisibility: { whenData: 'forceLabel', then: 'visible', else: { whenState: 'isHovered', then: 'visible', else: 'auto' } },
          },
        ],
        edges: [
          DEFAULT_STYLES.edges,
          {
            head: { attribute: 'head', defaultValue: 'none' },
            zIndex: { attribute: 'zIndex', defaultValue: 0 },
            labelColor: { attribute: 'labelColor', defaultValue: '#d9480f' },
            visibility: { whenData: 'hidden', then: 'hidden', else: 'visible' },
          },
        ],
      },
    });
    // For the benchmark (npm run bench:graph): sigma's constructor draws the first frame before it returns.
    performance.mark('dossier:graph-first-frame', { detail: { nodes: graph.order, edges: graph.size } });
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
