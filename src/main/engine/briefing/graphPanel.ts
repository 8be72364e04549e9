/** The briefing's relationship graph panel: nodes laid out and scaled to the page. */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { GraphEdge, GraphNode } from './content';

export interface GraphPanel {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly (GraphNode & { readonly x: number; readonly y: number; readonly radius: number })[];
  readonly edges: readonly (GraphEdge & { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number })[];
}

/**
 * Places the graph as the analyst left it in the graph view when every node has a saved position;
 * otherwise lays it out with ForceAtlas2 from a circle (deterministic: the same case gives the same
 * figure). Then fits it into the panel with room for labels.
 */
export function graphPanel(nodes: readonly GraphNode[], edges: readonly GraphEdge[], width: number, height: number): GraphPanel {
  const graph = new Graph<{ x: number; y: number; size: number }>({ multi: true, type: 'undirected' });
  const saved = nodes.length > 0 && nodes.every((node) => node.position !== null);
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, nodes.length);
    // Sigma's graph y grows upwards, the page's downwards.
    const start = saved ? { x: node.position!.x, y: -node.position!.y } : { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 };
    graph.addNode(node.key, { ...start, size: 1 + Math.log2(1 + node.mentions) });
  });
  for (const edge of edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  if (graph.size > 0 && !saved) {
    forceAtlas2.assign(graph, { iterations: 300, settings: { ...forceAtlas2.inferSettings(graph), gravity: 1.5, adjustSizes: true, barnesHutOptimize: false } });
  }
  const xs = graph.mapNodes((_key, attributes) => attributes.x);
  const ys = graph.mapNodes((_key, attributes) => attributes.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Labels run to the right of their dots: more room there.
  const margin = { left: 16, right: 120, y: 24 };
  const scale = Math.min((width - margin.left - margin.right) / Math.max(1, maxX - minX), (height - 2 * margin.y) / Math.max(1, maxY - minY));
  const at = (key: string): { x: number; y: number } => {
    const attributes = graph.getNodeAttributes(key);
    return {
      x: margin.left + (width - margin.left - margin.right) / 2 + (attributes.x - (minX + maxX) / 2) * scale,
      y: height / 2 + (attributes.y - (minY + maxY) / 2) * scale,
    };
  };
  const maxMentions = Math.max(1, ...nodes.map((node) => node.mentions));
  return {
    width,
    height,
    nodes: nodes.map((node) => ({ ...node, ...at(node.key), radius: 3 + 7 * Math.sqrt(node.mentions / maxMentions) })),
    edges: edges
      .filter((edge) => graph.hasNode(edge.source) && graph.hasNode(edge.target))
      .map((edge) => {
        const [from, to] = [at(edge.source), at(edge.target)];
        return { ...edge, x1: from.x, y1: from.y, x2: to.x, y2: to.y };
      }),
  };
}
