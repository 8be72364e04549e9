/**
 * What a briefing says, as plain data: actors, places, relationships, a chronology, competing
 * accounts and quoted excerpts, every statement citing its document by an endnote number, so the
 * PDF layout only lays out. gather.ts fills it in from the case.
 */
import type { BriefingSpec } from '../../../shared/briefing';
import type { EntityType } from '../../../shared/entities';
import type { Drawing } from '../../../shared/map';

/** One cited source: a document, as the endnote list gives it. */
export interface Endnote {
  readonly number: number;
  readonly documentId: number;
  readonly title: string;
  readonly author: string | null;
  readonly source: string | null;
  readonly date: string | null;
  readonly location: string | null;
}

export interface ActorRow {
  readonly name: string;
  readonly type: EntityType;
  readonly role: string | null;
  readonly affiliation: string | null;
  readonly mentions: number;
  readonly documents: number;
  readonly notes: readonly number[];
}

export interface PlacePin {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly confirmed: boolean;
  readonly mentions: number;
  readonly subtype: string | null;
}

/** One of the analyst's map drawings, as the map panel draws it. */
export type MapDrawing = Pick<Drawing, 'kind' | 'geometry' | 'label' | 'color'>;

export interface GraphNode {
  readonly key: string;
  readonly label: string;
  readonly type: EntityType;
  readonly mentions: number;
  /** Where the graph view left it, when it did. */
  readonly position: { readonly x: number; readonly y: number } | null;
}

export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  /** Documents both are named in, for a co-occurrence; 1 for an asserted link. */
  readonly weight: number;
  readonly relation: string | null;
  readonly grading: string | null;
  readonly notes: readonly number[];
}

export interface ChronologyEntry {
  readonly date: string;
  readonly text: string;
  readonly notes: readonly number[];
}

/** One speaker's side of a dispute, as the briefing sets it beside the others. */
export interface AccountEntry {
  readonly speaker: string;
  readonly stance: string;
  readonly quote: string;
  readonly date: string | null;
  readonly grading: string | null;
  readonly reviewed: boolean;
  readonly note: number;
}

export interface Excerpt {
  readonly quote: string;
  readonly comment: string;
  readonly note: number;
}

export type SectionContent =
  | { readonly kind: 'actors'; readonly title: string; readonly rows: readonly ActorRow[] }
  | { readonly kind: 'places'; readonly title: string; readonly pins: readonly PlacePin[]; readonly drawings: readonly MapDrawing[] }
  | { readonly kind: 'relationships'; readonly title: string; readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] }
  | { readonly kind: 'chronology'; readonly title: string; readonly entries: readonly ChronologyEntry[] }
  | {
      readonly kind: 'accounts';
      readonly title: string;
      readonly groups: readonly { readonly topic: string; readonly sides: readonly { readonly side: string; readonly accounts: readonly AccountEntry[] }[] }[];
    }
  | { readonly kind: 'excerpts'; readonly title: string; readonly excerpts: readonly Excerpt[] }
  | { readonly kind: 'notes'; readonly title: string; readonly text: string };

export interface BriefingContent {
  readonly spec: BriefingSpec;
  readonly caseTitle: string;
  readonly sections: readonly SectionContent[];
  readonly endnotes: readonly Endnote[];
}
