/** Briefings: what the analyst composes from the case and exports as a PDF. */
import { z } from 'zod';

const id = z.number().int().positive();
const title = z.string().trim().max(200).optional();

/** The sections a briefing can hold, in the order the analyst puts them. */
export const BriefingSectionSchema = z.discriminatedUnion('kind', [
  /** Key actors: a table of people and organisations (chosen ones, or the case's most mentioned confirmed ones). */
  z.object({ kind: z.literal('actors'), title, entityIds: z.array(id).max(500).optional() }).strict(),
  /** Places: a map panel of the case's located places (chosen ones, or all confirmed and suggested). */
  z.object({ kind: z.literal('places'), title, entityIds: z.array(id).max(2_000).optional() }).strict(),
  /** Relationships: a graph panel of the actors and places and the links between them. */
  z.object({ kind: z.literal('relationships'), title }).strict(),
  /** Chronology: events read in the documents (not rejected), dated links, and the chosen documents (or all dated ones), in date order. */
  z.object({ kind: z.literal('chronology'), title, documentIds: z.array(id).max(5_000).optional() }).strict(),
  /** Competing accounts: claims that disagree about the same event or actors, side by side with their sources and grading. */
  z.object({ kind: z.literal('accounts'), title }).strict(),
  /** Quoted excerpts: the analyst's notes on passages (chosen ones, or all), each quote cited. */
  z.object({ kind: z.literal('excerpts'), title, noteIds: z.array(id).max(2_000).optional() }).strict(),
  /** Free text by the analyst (Markdown). */
  z.object({ kind: z.literal('notes'), title, text: z.string().max(100_000) }).strict(),
]);
export type BriefingSection = z.infer<typeof BriefingSectionSchema>;
export type BriefingSectionKind = BriefingSection['kind'];

export const PageSizes = ['A4', 'LETTER'] as const;

/** What the analyst writes and picks; the case supplies the rest when the briefing is exported. */
export const BriefingSpecSchema = z
  .object({
    title: z.string().trim().min(1, 'a briefing needs a title').max(300),
    /** Handling or classification marking, shown in every page's header and footer. */
    marking: z.string().trim().max(200),
    author: z.string().trim().max(200),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'),
    /** Bottom line up front / executive summary, in Markdown. */
    summary: z.string().max(100_000),
    pageSize: z.enum(PageSizes),
    sections: z.array(BriefingSectionSchema).max(50),
  })
  .strict();
export type BriefingSpec = z.infer<typeof BriefingSpecSchema>;

export const BriefingSchema = BriefingSpecSchema.extend({ id, updatedAt: z.string() });
export type Briefing = z.infer<typeof BriefingSchema>;

export const BriefingSummarySchema = z.object({ id, title: z.string(), date: z.string(), updatedAt: z.string() });

/** The result of an export: where the PDF went and what it holds. */
export const BriefingExportSchema = z.object({ path: z.string(), pages: z.number().int(), bytes: z.number().int() });
export type BriefingExport = z.infer<typeof BriefingExportSchema>;

export const sectionTitles: Readonly<Record<BriefingSectionKind, string>> = {
  actors: 'Key actors',
  places: 'Places',
  relationships: 'Relationships',
  chronology: 'Chronology',
  accounts: 'Competing accounts',
  excerpts: 'Quoted excerpts',
  notes: 'Analyst notes',
};

/** A briefing of the whole case, for a first export or the CLI without --briefing. */
export function defaultBriefing(caseTitle: string, today: string): BriefingSpec {
  return {
    title: caseTitle,
    marking: 'UNCLASSIFIED // FOR OFFICIAL USE',
    author: '',
    date: today,
    summary: '',
    pageSize: 'A4',
    sections: [{ kind: 'actors' }, { kind: 'places' }, { kind: 'relationships' }, { kind: 'chronology' }, { kind: 'accounts' }, { kind: 'excerpts' }],
  };
}
