import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, GraphSlice, NodeKey, NodeKind } from '../../../../shared/graph';
import type { GraphFilter } from './graphModel';
import { buildGraph, communities, defaultFilter, egoNetwork, isEdgeShown, isNodeShown, pathEdges, shortestPath, sizeBy } from './graphModel';

function node(key: NodeKey, kind: NodeKind = 'person', extra: Partial<GraphNode> = {}): GraphNode {
  return { key, label: key, kind, status: 'confirmed', degree: 0, date: null, tags: [], x: null, y: null, pinned: false, ...extra };
}

function edge(source: NodeKey, target: NodeKey, type: GraphEdge['type'] = 'cooccurrence', extra: Partial<GraphEdge> = {}): GraphEdge {
  return {
    key: `${type}:${source}:${target}`,
    source,
    target,
    type,
    status: type === 'link' ? 'asserted' : 'suggested',
    weight: 1,
    linkId: type === 'link' ? 1 : null,
    relation: type === 'link' ? 'accuses' : null,
    directed: type === 'link',
    evidence: 0,
    reliability: null,
    credibility: null,
    dateStart: null,
    dateEnd: null,
    ...extra,
  };
}

function slice(nodes: GraphNode[], edges: GraphEdge[]): GraphSlice {
  return { nodes, edges, total: { nodes: nodes.length, edges: edges.length } };
}

const filter = (patch: Partial<GraphFilter> = {}): GraphFilter => ({ ...defaultFilter, ...patch });

/** Two triangles joined by one bridge (3–4), and a node on its own. */
const twoTriangles = slice(
  [1, 2, 3, 4, 5, 6, 7].map((id) => node(`entity:${id}`)),
  [
    edge('entity:1', 'entity:2'),
    edge('entity:2', 'entity:3'),
    edge('entity:1', 'entity:3'),
    edge('entity:3', 'entity:4'),
    edge('entity:4', 'entity:5'),
    edge('entity:5', 'entity:6'),
    edge('entity:4', 'entity:6'),
  ],
);

describe('the graph model', () => {
  it('finds the shortest path over what is shown, ignoring direction, and none to a node apart', () => {
    const graph = buildGraph(twoTriangles);
    expect(shortestPath(graph, filter(), 'entity:1', 'entity:6')).toEqual(['entity:1', 'entity:3', 'entity:4', 'entity:6']);
    expect(shortestPath(graph, filter(), 'entity:6', 'entity:1')).toEqual(['entity:6', 'entity:4', 'entity:3', 'entity:1']);
    expect(shortestPath(graph, filter(), 'entity:1', 'entity:7')).toBeNull();
    // Hiding the bridge's end cuts the path.
    expect(shortestPath(graph, filter({ hidden: new Set(['entity:4']) }), 'entity:1', 'entity:6')).toBeNull();
  });

  it('walks a path along the asserted link where there is one', () => {
    const graph = buildGraph(
      slice(
        [node('entity:1'), node('entity:2')],
        [edge('entity:1', 'entity:2'), edge('entity:2', 'entity:1', 'link')],
      ),
    );
    const [step] = pathEdges(graph, ['entity:1', 'entity:2'], filter());
    expect(graph.getEdgeAttribute(step!, 'edgeType')).toBe('link');
    // With links filtered out, the suggestion carries the step.
    const [suggested] = pathEdges(graph, ['entity:1', 'entity:2'], filter({ edgeTypes: new Set(['cooccurrence']) }));
    expect(graph.getEdgeAttribute(suggested!, 'edgeType')).toBe('cooccurrence');
  });

  it('puts each triangle in a community of its own, the same way every time', () => {
    const graph = buildGraph(twoTriangles);
    const found = communities(graph, filter());
    expect(found.get('entity:1')).toBe(found.get('entity:2'));
    expect(found.get('entity:2')).toBe(found.get('entity:3'));
    expect(found.get('entity:4')).toBe(found.get('entity:5'));
    expect(found.get('entity:5')).toBe(found.get('entity:6'));
    expect(found.get('entity:1')).not.toBe(found.get('entity:4'));
    expect(communities(buildGraph(twoTriangles), filter())).toEqual(found);
    expect(communities(graph, filter({ kinds: new Set(['document']) })).size).toBe(0);
  });

  it('gathers an ego network to the depth asked, over what is shown', () => {
    const graph = buildGraph(twoTriangles);
    expect([...egoNetwork(graph, filter(), 'entity:4', 1)].sort()).toEqual(['entity:3', 'entity:4', 'entity:5', 'entity:6']);
    expect([...egoNetwork(graph, filter(), 'entity:4', 2)].sort()).toEqual(['entity:1', 'entity:2', 'entity:3', 'entity:4', 'entity:5', 'entity:6']);
    expect([...egoNetwork(graph, filter(), 'entity:7', 3)]).toEqual(['entity:7']);
    expect(egoNetwork(graph, filter({ hidden: new Set(['entity:4']) }), 'entity:4', 1).size).toBe(0);
  });

  it('sizes nodes by centrality: the bridge ends score highest on betweenness', () => {
    const graph = buildGraph(twoTriangles);
    const scores = sizeBy(graph, filter(), 'betweenness');
    const top = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([key]) => key).sort();
    expect(top).toEqual(['entity:3', 'entity:4']);
    expect(graph.getNodeAttribute('entity:3', 'size')).toBeGreaterThan(graph.getNodeAttribute('entity:1', 'size'));
    expect(sizeBy(graph, filter(), 'degree').get('entity:4')).toBe(3);
  });

  it('filters documents by date and tag, suggestions by review, and links by grading', () => {
    const document = node('document:1', 'document', { date: '2024-03-05', tags: [2] });
    const attributes = buildGraph(slice([document], [])).getNodeAttributes('document:1');
    expect(isNodeShown(attributes, 'document:1', filter())).toBe(true);
    expect(isNodeShown(attributes, 'document:1', filter({ from: '2024-04-01' }))).toBe(false);
    expect(isNodeShown(attributes, 'document:1', filter({ to: '2024-03' }))).toBe(true);
    expect(isNodeShown(attributes, 'document:1', filter({ tags: new Set([3]) }))).toBe(false);
    const suggested = buildGraph(slice([node('entity:1', 'person', { status: 'suggested' })], [])).getNodeAttributes('entity:1');
    expect(isNodeShown(suggested, 'entity:1', filter({ confirmedOnly: true }))).toBe(false);

    const graded = buildGraph(
      slice([node('entity:1'), node('entity:2')], [edge('entity:1', 'entity:2', 'link', { reliability: 'C' })]),
    );
    const link = graded.getEdgeAttributes(graded.edges()[0]!);
    expect(isEdgeShown(link, filter({ minReliability: 'B' }))).toBe(false);
    expect(isEdgeShown(link, filter({ minReliability: 'D' }))).toBe(true);
  });
});
