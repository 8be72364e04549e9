/** Documents, tags, notes and imports: the schemas the contract uses for them. */
import { z } from 'zod';
import { ImportOcrSchema } from './ocr';
import { emptyInput, hexColor as color, id } from './schemas';

/** What a document was made from. */
export const DocumentKinds = ['text', 'markdown', 'html', 'pdf', 'docx', 'email', 'newswire'] as const;
export type DocumentKind = (typeof DocumentKinds)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'a date is written YYYY-MM-DD (optionally with a time)');
export const MAX_TAG_NAME_LENGTH = 120;
export const tagName = z
  .string()
  .trim()
  .min(1, 'a tag needs a name')
  .max(MAX_TAG_NAME_LENGTH)
  .transform((name) => name.split('/').map((part) => part.trim()).filter(Boolean).join('/'))
  .refine((name) => name.length > 0, 'a tag needs a name');

/** One row of the documents list. */
export const DocumentRowSchema = z.object({
  id,
  title: z.string(),
  kind: z.enum(DocumentKinds),
  author: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  importedAt: z.string(),
  fileName: z.string().nullable(),
  size: z.number().int(),
  parentId: id.nullable(),
  nearDuplicateOf: id.nullable(),
  tagIds: z.array(id),
  noteCount: z.number().int(),
  /** For a document read by OCR: the mean confidence of its recognised words, 0–100; null otherwise. */
  ocrConfidence: z.number().nullable(),
  /** With a search: the best passage, hits wrapped in \u0002 … \u0003. */
  snippet: z.string().nullable(),
});
export type DocumentRow = z.infer<typeof DocumentRowSchema>;

export const SortFields = ['title', 'publishedAt', 'importedAt', 'kind', 'size', 'ocrConfidence', 'relevance'] as const;
export type SortField = (typeof SortFields)[number];

/** Which documents to list: a search, filters, an order and a window of rows. */
export const DocumentQuerySchema = z
  .object({
    search: z.string().max(2000).optional(),
    tagIds: z.array(id).max(100).optional(),
    kinds: z.array(z.enum(DocumentKinds)).optional(),
    publishedFrom: isoDate.optional(),
    publishedTo: isoDate.optional(),
    sort: z.enum(SortFields).default('importedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type DocumentQuery = z.input<typeof DocumentQuerySchema>;

export const DocumentPageSchema = z.object({ total: z.number().int(), rows: z.array(DocumentRowSchema) });
export type DocumentPage = z.infer<typeof DocumentPageSchema>;

export const NoteSchema = z.object({
  id,
  documentId: id,
  documentTitle: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string(),
  body: z.string(),
  color: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

/** Everything the reader shows about one document. */
export const DocumentDetailSchema = DocumentRowSchema.omit({ snippet: true }).extend({
  language: z.string().nullable(),
  sha256: z.string().nullable(),
  /** The stored plain text; every offset (notes, mentions, evidence) points into it. */
  text: z.string(),
  /** Sanitized HTML for display, when the original had formatting. */
  html: z.string().nullable(),
  /** For PDFs: the offset in `text` where each page starts (page 1 first). */
  pageStarts: z.array(z.number().int()).nullable(),
  /** Extra metadata from the source: e-mail headers, newswire places and people, PDF info. */
  meta: z.record(z.string(), z.unknown()),
  children: z.array(z.object({ id, title: z.string(), kind: z.enum(DocumentKinds) })),
  notes: z.array(NoteSchema),
  /** Spans in `text` that match the search the reader was opened with. */
  highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const DocumentPatchSchema = z
  .object({
    id,
    title: z.string().trim().min(1, 'a document needs a title').max(1000).optional(),
    author: z.string().trim().max(500).nullable().optional(),
    source: z.string().trim().max(2000).nullable().optional(),
    publishedAt: isoDate.nullable().optional(),
    language: z.string().trim().max(20).nullable().optional(),
  })
  .strict();

export const TagSchema = z.object({ id, name: z.string(), color: z.string(), count: z.number().int() });
export type Tag = z.infer<typeof TagSchema>;

/** Where documents come from: a path on disk, or bytes (a file dropped into a browser window). */
export const ImportSourceSchema = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ name: z.string().min(1).max(1024), bytes: z.instanceof(Uint8Array) }).strict(),
]);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

export const ImportFailureSchema = z.object({ file: z.string(), reason: z.string() });
export const ImportReportSchema = z.object({
  jobId: z.number().int(),
  imported: z.array(z.object({ file: z.string(), documentId: id, title: z.string(), nearDuplicateOf: id.nullable() })),
  duplicates: z.array(z.object({ file: z.string(), existingDocumentId: id })),
  failed: z.array(ImportFailureSchema),
  cancelled: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ImportProgressSchema = z.object({
  jobId: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
  current: z.string().nullable(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

/** The channels of documents, tags and notes, joined with every other domain's in api.ts. */
export const documentChannels = {
  /** Starts a background import; progress and the final report arrive as events. */
  'documents.import': {
    input: z.object({ sources: z.array(ImportSourceSchema).min(1).max(100_000), ocr: ImportOcrSchema.optional() }).strict(),
    output: z.object({ jobId: z.number().int() }),
  },
  'documents.cancelImport': { input: z.object({ jobId: z.number().int() }).strict(), output: z.null() },
  'documents.list': { input: DocumentQuerySchema, output: DocumentPageSchema },
  'documents.get': {
    input: z.object({ id, search: z.string().max(2000).optional() }).strict(),
    output: DocumentDetailSchema,
  },
  'documents.update': { input: DocumentPatchSchema, output: DocumentDetailSchema },

  'tags.list': { input: emptyInput, output: z.array(TagSchema) },
  'tags.create': { input: z.object({ name: tagName, color: color.optional() }).strict(), output: TagSchema },
  'tags.update': {
    input: z.object({ id, name: tagName.optional(), color: color.optional() }).strict(),
    output: TagSchema,
  },
  /** Moves every document of `sourceId` to `targetId` and removes the source tag. */
  'tags.merge': { input: z.object({ sourceId: id, targetId: id }).strict(), output: TagSchema },
  'tags.delete': { input: z.object({ id }).strict(), output: z.null() },
  /** Adds or removes a tag (by id, or by name, created if new) on many documents at once. */
  'tags.apply': {
    input: z
      .object({
        tag: z.union([z.object({ id }).strict(), z.object({ name: tagName }).strict()]),
        documentIds: z.array(id).min(1).max(100_000),
        action: z.enum(['add', 'remove']),
      })
      .strict(),
    output: TagSchema,
  },

  'notes.list': { input: z.object({ documentId: id.optional() }).strict(), output: z.array(NoteSchema) },
  'notes.create': {
    input: z
      .object({
        documentId: id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        body: z.string().max(20_000).default(''),
        color: color.optional(),
      })
      .strict()
      .refine((note) => note.end > note.start, 'a note needs a passage: end must come after start'),
    output: NoteSchema,
  },
  'notes.update': {
    input: z.object({ id, body: z.string().max(20_000).optional(), color: color.nullable().optional() }).strict(),
    output: NoteSchema,
  },
  'notes.delete': { input: z.object({ id }).strict(), output: z.null() },
} as const;
