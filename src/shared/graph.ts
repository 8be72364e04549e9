/**
 * The investigation graph: asserted links with their evidence and grading, and the graph of
 * documents, actors and places the graph view and the exports read. Schemas for the contract.
 */
import { z } from 'zod';
import { EntityStatuses, EntityTypes } from './entities';

const id = z.number().int().positive();

/** The starter set of relation types; an analyst may type any other. */
export const RelationTypes = [
  'member of',
  'commands',
  'located in',
  'accuses',
  'denies',
  'meets',
  'controls',
  'attacked',
  'negotiates with',
] as const;

/** Admiralty (NATO) grading: how reliable the source is, A (completely) to F (cannot be judged). */
export const SourceReliabilities = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const sourceReliabilityLabels: Readonly<Record<(typeof SourceReliabilities)[number], string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};
/** Admiralty (NATO) grading: how credible the information is, 1 (confirmed) to 6 (cannot be judged). */
export const InformationCredibilities = [1, 2, 3, 4, 5, 6] as const;
export const informationCredibilityLabels: Readonly<Record<(typeof InformationCredibilities)[number], string>> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** A node of the graph: an entity ("entity:12") or a document ("document:7"). */
export const NodeKeySchema = z
  .string()
  .regex(/^(entity|document):[1-9]\d{0,15}$/, 'a node is "entity:ID" or "document:ID"');
export type NodeKey = `entity:${number}` | `document:${number}`;

export function nodeKey(kind: 'entity' | 'document', nodeId: number): NodeKey {
  return `${kind}:${nodeId}`;
}

/** Splits a node key; null for anything that is not one. */
export function parseNodeKey(key: string): { kind: 'entity' | 'document'; id: number } | null {
  const match = /^(entity|document):(\d+)$/.exec(key);
  return match ? { kind: match[1] as 'entity' | 'document', id: Number(match[2]) } : null;
}

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

/** A cited passage: the evidence for a link. */
export const EvidenceInputSchema = z
  .object({ documentId: id, start: z.number().int().min(0), end: z.number().int().min(1) })
  .strict()
  .refine((evidence) => evidence.end > evidence.start, 'evidence needs a passage: end must come after start');

export const EvidenceSchema = z.object({
  id,
  documentId: id,
  documentTitle: z.string(),
  publishedAt: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** What the analyst says about a link; shared by create and update. */
const linkFields = {
  relation: z.string().trim().min(1, 'a link needs a relation, e.g. "accuses"').max(100, 'a relation has at most 100 characters'),
  directed: z.boolean(),
  dateStart: isoDate.nullable(),
  dateEnd: isoDate.nullable(),
  reliability: z.enum(SourceReliabilities).nullable(),
  credibility: z
    .number()
    .int()
    .refine((value) => value >= 1 && value <= 6, 'information credibility is 1 to 6')
    .nullable(),
  note: z.string().max(20_000),
};

export const LinkCreateSchema = z
  .object({
    from: NodeKeySchema,
    to: NodeKeySchema,
    relation: linkFields.relation,
    directed: linkFields.directed.default(true),
    dateStart: linkFields.dateStart.default(null),
    dateEnd: linkFields.dateEnd.default(null),
    reliability: linkFields.reliability.default(null),
    credibility: linkFields.credibility.default(null),
    note: linkFields.note.default(''),
    evidence: z.array(EvidenceInputSchema).max(100).default([]),
  })
  .strict()
  .refine((link) => link.from !== link.to, 'a link joins two different nodes')
  .refine((link) => !link.dateStart || !link.dateEnd || link.dateStart <= link.dateEnd, 'a date range must end after it starts');

export const LinkPatchSchema = z
  .object({
    id,
    relation: linkFields.relation.optional(),
    directed: linkFields.directed.optional(),
    dateStart: linkFields.dateStart.optional(),
    dateEnd: linkFields.dateEnd.optional(),
    reliability: linkFields.reliability.optional(),
    credibility: linkFields.credibility.optional(),
    note: linkFields.note.optional(),
    /** Cites more passages. */
    addEvidence: z.array(EvidenceInputSchema).max(100).optional(),
    /** Withdraws cited passages by their evidence id. */
    removeEvidence: z.array(id).max(100).optional(),
  })
  .strict();

export const LinkSchema = z.object({
  id,
  from: NodeKeySchema,
  to: NodeKeySchema,
  fromLabel: z.string(),
  toLabel: z.string(),
  relation: z.string(),
  directed: z.boolean(),
  dateStart: z.string().nullable(),
  dateEnd: z.string().nullable(),
  reliability: z.enum(SourceReliabilities).nullable(),
  credibility: z.number().int().nullable(),
  note: z.string(),
  evidence: z.array(EvidenceSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Link = z.infer<typeof LinkSchema>;

export const NodeKinds = ['document', ...EntityTypes] as const;
export type NodeKind = (typeof NodeKinds)[number];

export const GraphNodeSchema = z.object({
  key: NodeKeySchema,
  label: z.string(),
  kind: z.enum(NodeKinds),
  /** An entity's review state; documents are always "confirmed". */
  status: z.enum(EntityStatuses),
  /** Edges in the whole case graph, counted before any filter. */
  degree: z.number().int(),
  /** Publication date (documents) or null. */
  date: z.string().nullable(),
  /** A document's tags (ids); none for entities. */
  tags: z.array(z.number().int()),
  x: z.number().nullable(),
  y: z.number().nullable(),
  pinned: z.boolean(),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const EdgeTypes = ['mention', 'cooccurrence', 'link'] as const;
export type EdgeType = (typeof EdgeTypes)[number];
export const EdgeStatuses = ['suggested', 'confirmed', 'asserted'] as const;
export type EdgeStatus = (typeof EdgeStatuses)[number];

export const GraphEdgeSchema = z.object({
  key: z.string(),
  source: NodeKeySchema,
  target: NodeKeySchema,
  type: z.enum(EdgeTypes),
  status: z.enum(EdgeStatuses),
  /** Mentions behind a mention edge, shared windows behind a co-occurrence, 1 for a link. */
  weight: z.number(),
  /** Asserted links only. */
  linkId: id.nullable(),
  relation: z.string().nullable(),
  directed: z.boolean(),
  evidence: z.number().int(),
  reliability: z.enum(SourceReliabilities).nullable(),
  credibility: z.number().int().nullable(),
  dateStart: z.string().nullable(),
  dateEnd: z.string().nullable(),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** Which of the case graph to load: the top of it by degree, or what lies around some nodes. */
export const GraphQuerySchema = z
  .object({
    /** The most nodes to send; the best connected come first. */
    limit: z.number().int().min(1).max(100_000).default(2_000),
    /** Co-occurrence suggestions between entities (in the same passage). */
    cooccurrence: z.boolean().default(true),
    /** Fewer shared passages than this and a co-occurrence is not suggested. */
    minCooccurrence: z.number().int().min(1).max(1_000).default(1),
  })
  .strict();

export const GraphSliceSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  /** The whole case graph, of which this is a part. */
  total: z.object({ nodes: z.number().int(), edges: z.number().int() }),
});
export type GraphSlice = z.infer<typeof GraphSliceSchema>;

export const NodePositionSchema = z
  .object({ key: NodeKeySchema, x: z.number().finite(), y: z.number().finite(), pinned: z.boolean() })
  .strict();

export const ExportFormats = ['graphml', 'gexf', 'csv'] as const;
export type ExportFormat = (typeof ExportFormats)[number];

/** An export as files to write: one for GraphML, nodes and edges for CSV. */
export const GraphExportSchema = z.object({
  files: z.array(z.object({ suffix: z.string(), mimeType: z.string(), content: z.string() })),
  nodes: z.number().int(),
  edges: z.number().int(),
});
export type GraphExport = z.infer<typeof GraphExportSchema>;

const emptyInput = z.object({}).strict();

/** The graph's channels, spread into the engine's in api.ts. */
export const graphChannels = {
  /** Asserts a link between two nodes, citing passages (undoable). */
  'links.create': { input: LinkCreateSchema, output: LinkSchema },
  /** Changes a link's relation, grading, dates, note or citations (undoable). */
  'links.update': { input: LinkPatchSchema, output: LinkSchema },
  /** Withdraws a link and its citations (undoable). */
  'links.delete': { input: z.object({ id }).strict(), output: z.null() },
  'links.get': { input: z.object({ id }).strict(), output: LinkSchema },
  /** The links of a node (either end), or every link of the case; newest first. */
  'links.list': { input: z.object({ node: NodeKeySchema.optional() }).strict(), output: z.array(LinkSchema) },
  /** Relation types to offer: those used in the case, then the starter set. */
  'links.relations': { input: emptyInput, output: z.array(z.string()) },

  /** The case graph the view opens with: all of it, or the best connected part when it is large. */
  'graph.load': { input: GraphQuerySchema, output: GraphSliceSchema },
  /** The neighbours of some nodes, with their edges to the nodes already shown. */
  'graph.expand': {
    input: z
      .object({
        keys: z.array(NodeKeySchema).min(1, 'name a node to expand').max(1_000),
        shown: z.array(NodeKeySchema).max(200_000).default([]),
        cooccurrence: z.boolean().default(true),
        minCooccurrence: z.number().int().min(1).max(1_000).default(1),
      })
      .strict(),
    output: GraphSliceSchema,
  },
  /** Nodes by name or title, best connected first, whether shown or not. */
  'graph.search': {
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: z.array(GraphNodeSchema),
  },
  /** Keeps where nodes are and which are pinned, in the case file. */
  'graph.savePositions': {
    input: z.object({ positions: z.array(NodePositionSchema).max(200_000) }).strict(),
    output: z.object({ saved: z.number().int() }),
  },
  'graph.clearPositions': { input: emptyInput, output: z.null() },
  /** The whole case graph as GraphML or CSV, to save. */
  'graph.export': { input: z.object({ format: z.enum(ExportFormats) }).strict(), output: GraphExportSchema },
} as const;
