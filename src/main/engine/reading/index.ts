/**
 * The reading layer (issue #12): who says what (claims), who did what to whom, where and when
 * (events), and typed links between entities (relations), read from a text by English rules over
 * the entity tokenizer and the entity mentions. Linear in the text; nothing is loaded until used.
 */
import type { Extractor } from '../extract/index';
import type { AnalyzedMention, EntityPipeline } from '../extract/pipeline';
import type { MentionInput } from './document';
import { prepareDocument } from './document';
import type { Relation } from './relations';
import { findRelations } from './relations';

export type { EntityRef, MentionInput, QuotedSpan, TextSpan } from './document';
export type { Relation, RelationType } from './relations';

export interface ReadOptions {
  /** The document's date (ISO YYYY-MM-DD), the anchor of relative times ("on Wednesday"). */
  readonly documentDate?: string;
  /**
   * Where entity mentions come from: the extractor (`loadExtractor`), or the entity pipeline
   * (`createEntityPipeline`), whose person names group spellings ("Pashinian" → "Nikol Pashinián").
   */
  readonly extractor?: Extractor | EntityPipeline;
  /** Mentions already found (a case's confirmed mentions, gold spans); used instead of the extractor. */
  readonly mentions?: readonly MentionInput[];
}

/** What the reading layer found in one text; every span is UTF-16 offsets into that text. */
export interface Reading {
  readonly relations: Relation[];
}

function mentionsFor(text: string, options: ReadOptions): readonly MentionInput[] {
  if (options.mentions) return options.mentions;
  const extractor = options.extractor;
  if (!extractor) throw new Error('readText needs an extractor (loadExtractor or createEntityPipeline) or the mentions.');
  if ('analyze' in extractor) return extractor.analyze(text) satisfies AnalyzedMention[];
  return extractor.extract(text);
}

/** Reads `text`: its times, claims, events and suggested relations. */
export function readText(text: string, options: ReadOptions): Reading {
  const document = prepareDocument(text, mentionsFor(text, options));
  return { relations: findRelations(document) };
}
