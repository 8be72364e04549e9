/**
 * The graph exports read back by real parsers: GraphML by graphology-graphml plus the rules
 * networkx's and igraph's readers enforce, GEXF by graphology-gexf. (No networkx or igraph here:
 * there is no PyPI on these machines, so their rules are written out below.)
 */
import { JSDOM } from 'jsdom';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseGexf } from 'graphology-gexf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/rpc';
import { seedLinkCase } from '../../../tests/support/seedCase';
import { useTempDirs } from '../../../tests/support/tempDir';
import { runCli } from './program';

const tempDir = useTempDirs();

/** A seeded case with one asserted, dated, graded link and one undirected link. */
async function linkedCase() {
  const seeded = await seedLinkCase(tempDir());
  const { engine, pashinyan, azerbaijan, documentId, start, end } = seeded;
  const from = `entity:${pashinyan!.id}`;
  const to = `entity:${azerbaijan!.id}`;
  await engine.handlers['links.create'](
    parseInput('links.create', { from, to, relation: 'accuses', evidence: [{ documentId, start, end }], dateStart: '2024-03', reliability: 'B', credibility: 2 }),
  );
  await engine.handlers['links.create'](parseInput('links.create', { from: to, to: from, relation: 'negotiates with', directed: false }));
  await engine.handlers['documents.update'](parseInput('documents.update', { id: documentId, publishedAt: '2024-03-14' }));
  const graph = await engine.handlers['graph.export']({ format: 'csv' });
  engine.dispose();
  return { ...seeded, from, to, nodes: graph.nodes, edges: graph.edges };
}

const GRAPHML_TYPES = new Set(['boolean', 'int', 'long', 'float', 'double', 'string']);

/**
 * The GraphML rules networkx's read_graphml and igraph's reader apply: every key declared once with
 * `for` and a known `attr.type`; data only under keys declared for its element; no edge whose
 * `directed` disagrees with `edgedefault` (networkx refuses the file); node ids unique; every edge end
 * a node. Answers the problems found.
 */
function graphmlProblems(text: string): string[] {
  const problems: string[] = [];
  const document = new JSDOM(text, { contentType: 'application/xml' }).window.document;
  if (document.getElementsByTagName('parsererror').length > 0) return ['not well-formed XML'];
  const root = document.documentElement;
  if (root.localName !== 'graphml' || root.namespaceURI !== 'http://graphml.graphdrawing.org/xmlns') problems.push('root is not graphml in its namespace');
  const keys = new Map<string, string>();
  for (const key of root.getElementsByTagName('key')) {
    const id = key.getAttribute('id') ?? '';
    if (keys.has(id)) problems.push(`key ${id} declared twice`);
    const domain = key.getAttribute('for') ?? 'all';
    if (!['node', 'edge', 'graph', 'all'].includes(domain)) problems.push(`key ${id} for="${domain}"`);
    if (!GRAPHML_TYPES.has(key.getAttribute('attr.type') ?? '')) problems.push(`key ${id} attr.type="${key.getAttribute('attr.type')}"`);
    if (!key.getAttribute('attr.name')) problems.push(`key ${id} has no attr.name`);
    keys.set(id, domain);
  }
  const graphs = root.getElementsByTagName('graph');
  if (graphs.length !== 1) problems.push(`${graphs.length} graphs`);
  const edgeDefault = graphs[0]?.getAttribute('edgedefault');
  if (edgeDefault !== 'directed' && edgeDefault !== 'undirected') problems.push(`edgedefault="${edgeDefault}"`);
  const nodeIds = new Set<string>();
  for (const node of root.getElementsByTagName('node')) {
    const id = node.getAttribute('id') ?? '';
    if (nodeIds.has(id)) problems.push(`node ${id} twice`);
    nodeIds.add(id);
  }
  for (const data of root.getElementsByTagName('data')) {
    const domain = keys.get(data.getAttribute('key') ?? '');
    const owner = data.parentElement?.localName ?? '';
    if (!domain) problems.push(`data under undeclared key ${data.getAttribute('key')}`);
    else if (domain !== 'all' && domain !== owner) problems.push(`data ${data.getAttribute('key')} (for ${domain}) on a ${owner}`);
  }
  for (const edge of root.getElementsByTagName('edge')) {
    const directed = edge.getAttribute('directed');
    if (directed !== null && directed !== String(edgeDefault === 'directed')) problems.push(`edge ${edge.getAttribute('id')} directed=${directed} in a ${edgeDefault} graph`);
    for (const end of ['source', 'target']) if (!nodeIds.has(edge.getAttribute(end) ?? '')) problems.push(`edge ${edge.getAttribute('id')} ${end} is no node`);
  }
  return problems;
}

describe('GraphML export', () => {
  it('is one directed graph that networkx and igraph accept, with a directed attribute on each edge, read back whole by a GraphML parser', async () => {
    const { dir, path, from, to, nodes, edges } = await linkedCase();
    const out = join(dir, 'case.graphml');
    expect(await runCli(['export', path, '--format', 'graphml', '--out', out], { out: () => undefined, err: () => undefined })).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(graphmlProblems(text)).toEqual([]);
    expect(text).toContain('edgedefault="directed"');
    expect(text).not.toMatch(/<edge [^>]*directed=/);

    const graph = parseGraphml(Graph, text);
    expect(graph.type).toBe('directed');
    expect(graph.order).toBe(nodes);
    expect(graph.size).toBe(edges);
    expect(graph.getNodeAttribute(from, 'label')).toBe('Nikol Pashinyan');
    expect(graph.getNodeAttribute(from, 'kind')).toBe('person');
    const links = graph.filterEdges((_edge, attributes) => attributes['type'] === 'link');
    expect(links).toHaveLength(2);
    const accuses = links.find((edge) => graph.getEdgeAttribute(edge, 'relation') === 'accuses')!;
    expect([graph.source(accuses), graph.target(accuses)]).toEqual([from, to]);
    expect(graph.getEdgeAttributes(accuses)).toMatchObject({ directed: true, status: 'asserted', reliability: 'B', credibility: 2, date_start: '2024-03', evidence: 1 });
    const negotiates = links.find((edge) => graph.getEdgeAttribute(edge, 'relation') === 'negotiates with')!;
    expect(graph.getEdgeAttribute(negotiates, 'directed')).toBe(false);
    // A document mentions an entity (directed); co-occurrences say their direction means nothing.
    const mentions = graph.filterEdges((_edge, attributes) => attributes['type'] === 'mention');
    const cooccurrences = graph.filterEdges((_edge, attributes) => attributes['type'] === 'cooccurrence');
    expect(mentions.length).toBeGreaterThan(0);
    expect(cooccurrences.length).toBeGreaterThan(0);
    expect(mentions.every((edge) => graph.getEdgeAttribute(edge, 'directed') === true && graph.getSourceAttribute(edge, 'kind') === 'document')).toBe(true);
    expect(cooccurrences.every((edge) => graph.getEdgeAttribute(edge, 'directed') === false)).toBe(true);
  });

  it('flags a mixed graph the way networkx does (the old export)', () => {
    const old = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph id="g" edgedefault="undirected">
      <node id="a"/><node id="b"/><edge id="e" source="a" target="b" directed="true"/></graph></graphml>`;
    expect(graphmlProblems(old)).toEqual(['edge e directed=true in a undirected graph']);
  });
});

describe('GEXF export', () => {
  it('reads back in a GEXF parser with typed edges and dates for the timeline', async () => {
    const { dir, path, from, to, nodes, edges, documentId } = await linkedCase();
    const out = join(dir, 'case.gexf');
    expect(await runCli(['export', path, '--format', 'gexf', '--out', out], { out: () => undefined, err: () => undefined })).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(new JSDOM(text, { contentType: 'application/xml' }).window.document.getElementsByTagName('parsererror')).toHaveLength(0);
    const graph = parseGexf(Graph, text);
    expect(graph.order).toBe(nodes);
    expect(graph.size).toBe(edges);
    expect(graph.getNodeAttribute(from, 'label')).toBe('Nikol Pashinyan');
    const accuses = graph.filterEdges((_edge, attributes) => attributes['relation'] === 'accuses')[0]!;
    expect(graph.isDirected(accuses)).toBe(true);
    expect([graph.source(accuses), graph.target(accuses)]).toEqual([from, to]);
    expect(graph.filterEdges((_edge, attributes) => attributes['relation'] === 'negotiates with').every((edge) => graph.isUndirected(edge))).toBe(true);
    // The link's month is a span Gephi's timeline can play; the document carries its day.
    expect(text).toMatch(/<edge [^>]*label="accuses" start="2024-03-01"/);
    expect(text).toContain(`<node id="document:${documentId}" label="`);
    expect(text).toMatch(new RegExp(`<node id="document:${documentId}"[^>]*start="2024-03-14"`));
    expect(text).toMatch(new RegExp(`<edge id="mention:${documentId}:[^>]*start="2024-03-14"`));
  });
});
