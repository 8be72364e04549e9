/**
 * The case graph as files other tools read: GraphML (networkx, igraph, Gephi, Cytoscape, yEd), GEXF
 * (Gephi, with dates for its timeline) and CSV nodes and edges. Every node and edge carries its type, status and weight so it can be filtered downstream.
 * One writer a format, chosen by name, so that more formats sit beside these.
 */
import { dayBound } from '../../../shared/dates';
import type { Database } from 'better-sqlite3';
import type { ExportFormat, GraphEdge, GraphExport, GraphNode } from '../../../shared/graph';
import type { CaseGraph } from './caseGraph';
import { loadCaseGraph } from './caseGraph';

const writers: Record<ExportFormat, (graph: CaseGraph, title: string) => GraphExport['files']> = {
  graphml: (graph, title) => [{ suffix: '.graphml', mimeType: 'application/graphml+xml', content: toGraphml(graph, title) }],
  gexf: (graph, title) => [{ suffix: '.gexf', mimeType: 'application/gexf+xml', content: toGexf(graph, title) }],
  csv: (graph) => [
    { suffix: '-nodes.csv', mimeType: 'text/csv', content: nodesCsv(graph.nodes) },
    { suffix: '-edges.csv', mimeType: 'text/csv', content: edgesCsv(graph.edges) },
  ],
};

/** The whole case graph (suggested entities and co-occurrences too) in one format. */
export function exportGraph(db: Database, format: ExportFormat, title: string): GraphExport {
  const graph = loadCaseGraph(db, { cooccurrence: true, minCooccurrence: 1 });
  return { files: writers[format](graph, title), nodes: graph.nodes.length, edges: graph.edges.length };
}

// XML 1.0 cannot hold most control characters even escaped; documents sometimes do.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

interface Attribute<T> {
  readonly id: string;
  readonly type: 'string' | 'int' | 'double' | 'boolean';
  readonly value: (item: T) => string | number | boolean | null;
}

const nodeAttributes: readonly Attribute<GraphNode>[] = [
  { id: 'label', type: 'string', value: (node) => node.label },
  { id: 'kind', type: 'string', value: (node) => node.kind },
  { id: 'status', type: 'string', value: (node) => node.status },
  { id: 'degree', type: 'int', value: (node) => node.degree },
  { id: 'date', type: 'string', value: (node) => node.date },
  { id: 'x', type: 'double', value: (node) => node.x },
  { id: 'y', type: 'double', value: (node) => node.y },
];

const edgeAttributes: readonly Attribute<GraphEdge>[] = [
  { id: 'type', type: 'string', value: (edge) => edge.type },
  { id: 'status', type: 'string', value: (edge) => edge.status },
  { id: 'weight', type: 'double', value: (edge) => edge.weight },
  { id: 'relation', type: 'string', value: (edge) => edge.relation },
  { id: 'directed', type: 'boolean', value: (edge) => edge.directed },
  { id: 'evidence', type: 'int', value: (edge) => edge.evidence },
  { id: 'reliability', type: 'string', value: (edge) => edge.reliability },
  { id: 'credibility', type: 'int', value: (edge) => edge.credibility },
  { id: 'date_start', type: 'string', value: (edge) => edge.dateStart },
  { id: 'date_end', type: 'string', value: (edge) => edge.dateEnd },
];

function dataElements<T>(item: T, attributes: readonly Attribute<T>[], prefix: string): string {
  let out = '';
  for (const attribute of attributes) {
    const value = attribute.value(item);
    if (value === null) continue;
    out += `<data key="${prefix}_${attribute.id}">${xml(String(value))}</data>`;
  }
  return out;
}

/**
 * GraphML with typed keys, as one directed graph. The case mixes directed links with undirected
 * mentions and co-occurrences, but a GraphML reader such as networkx refuses a graph whose edges
 * disagree with its `edgedefault` (and igraph and Gephi ignore the per-edge `directed` attribute),
 * so every edge is written source to target and the `directed` data says whether the direction
 * means anything.
 */
export function toGraphml(graph: CaseGraph, title: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const attribute of nodeAttributes) {
    lines.push(`  <key id="n_${attribute.id}" for="node" attr.name="${attribute.id}" attr.type="${attribute.type}"/>`);
  }
  for (const attribute of edgeAttributes) {
    lines.push(`  <key id="e_${attribute.id}" for="edge" attr.name="${attribute.id}" attr.type="${attribute.type}"/>`);
  }
  lines.push(`  <graph id="${xml(title)}" edgedefault="directed">`);
  for (const node of graph.nodes) lines.push(`    <node id="${node.key}">${dataElements(node, nodeAttributes, 'n')}</node>`);
  for (const edge of graph.edges) {
    lines.push(`    <edge id="${xml(edge.key)}" source="${edge.source}" target="${edge.target}">${dataElements(edge, edgeAttributes, 'e')}</edge>`);
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** A GEXF date: the day of a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD[...]' value, or null. */
function gexfDate(value: string | null, end = false): string | null {
  return value ? dayBound(value, end ? 'last' : 'first') : null;
}

function gexfAttributeType(type: Attribute<unknown>['type']): string {
  return type === 'int' ? 'integer' : type;
}

function gexfAttributes<T>(item: T, attributes: readonly Attribute<T>[], skip: ReadonlySet<string>): string {
  let out = '';
  for (const attribute of attributes) {
    if (skip.has(attribute.id)) continue;
    const value = attribute.value(item);
    if (value === null) continue;
    out += `<attvalue for="${attribute.id}" value="${xml(String(value))}"/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : '';
}

function spell(start: string | null, end: string | null): string {
  return `${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}`;
}

/**
 * GEXF 1.3 for Gephi: each edge typed directed or undirected (GEXF allows a mixed graph), and
 * dated documents and links carry `start`/`end` so Gephi's timeline can play the case. A
 * document's mention edges start on its date.
 */
export function toGexf(graph: CaseGraph, title: string): string {
  const skipNode = new Set(['label']);
  const skipEdge = new Set(['weight']);
  const documentDates = new Map(graph.nodes.map((node) => [node.key, gexfDate(node.date)]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>Dossier</creator><description>${xml(title)}</description></meta>`,
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    '    <attributes class="node">',
    ...nodeAttributes
      .filter((attribute) => !skipNode.has(attribute.id))
      .map((attribute) => `      <attribute id="${attribute.id}" title="${attribute.id}" type="${gexfAttributeType(attribute.type)}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...edgeAttributes
      .filter((attribute) => !skipEdge.has(attribute.id))
      .map((attribute) => `      <attribute id="${attribute.id}" title="${attribute.id}" type="${gexfAttributeType(attribute.type)}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of graph.nodes) {
    lines.push(`      <node id="${node.key}" label="${xml(node.label)}"${spell(gexfDate(node.date), null)}>${gexfAttributes(node, nodeAttributes, skipNode)}</node>`);
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of graph.edges) {
    const start = edge.type === 'mention' ? (documentDates.get(edge.source) ?? documentDates.get(edge.target) ?? null) : gexfDate(edge.dateStart);
    const end = edge.type === 'link' ? gexfDate(edge.dateEnd, true) : null;
    lines.push(
      `      <edge id="${xml(edge.key)}" source="${edge.source}" target="${edge.target}" type="${edge.directed ? 'directed' : 'undirected'}" weight="${edge.weight}"` +
        `${edge.relation ? ` label="${xml(edge.relation)}"` : ''}${spell(start, end)}>${gexfAttributes(edge, edgeAttributes, skipEdge)}</edge>`,
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet; a quote mark defuses it.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function toCsv<T>(rows: readonly T[], columns: readonly Attribute<T>[]): string {
  const lines = [columns.map((column) => column.id).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function nodesCsv(nodes: readonly GraphNode[]): string {
  return toCsv(nodes, [{ id: 'id', type: 'string', value: (node) => node.key }, ...nodeAttributes]);
}

export function edgesCsv(edges: readonly GraphEdge[]): string {
  return toCsv(edges, [
    { id: 'id', type: 'string', value: (edge) => edge.key },
    { id: 'source', type: 'string', value: (edge) => edge.source },
    { id: 'target', type: 'string', value: (edge) => edge.target },
    ...edgeAttributes,
  ]);
}
