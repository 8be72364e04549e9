/**
 * A scanned document's new reading put in place of the old, in one transaction and one undo step:
 * the text, page starts, OCR layer and confidence replaced; notes, reviewed mentions, link evidence
 * and reviewed claims, events and relations carried over where their words are found again (and
 * named when they are not); machine suggestions dropped and read again from the new text.
 */
import type { Database } from 'better-sqlite3';
import type { LostAnchor } from '../../../shared/ocr';
import { statement } from '../case/statements';
import { redateDocument } from '../claims/reading';
import { replaceDocumentText } from '../documents/repository';
import { analyzeText } from '../documents/textAnalysis';
import { deleteUnusedSuggestedEntities } from '../entities/repository';
import type { CaseExtraction } from '../entities/suggestions';
import { languageOfScan } from '../ingest/read/image';
import type { ExtractedDocument } from '../ingest/types';
import type { Span } from './anchors';
import { findAnchor, findShift } from './anchors';
import type { StoredRow } from './textState';
import { captureTextState, insertRow, mentionedEntities, recordRerun } from './textState';

/** The keys of a document's meta that describe its text as read; a new reading replaces them all. */
const READING_KEYS = ['pages', 'ocrPages', 'ocrLanguages', 'ocrConfidence', 'ocrEngine', 'ocrWords', 'extraction'];

export interface ReplaceOutcome {
  readonly kept: number;
  readonly lost: LostAnchor[];
  readonly suggested: number;
  readonly confidence: number | null;
}

/** Past the end of any text: where a mention waits while the others move. */
const PARKED = 2 ** 40;

interface StoredDocument {
  title: string;
  text: string;
  meta: string;
  language: string | null;
}

/**
 * Puts `reading` (the document's file read again) in place of the document's text, in one
 * transaction recorded as one undoable step.
 */
export function replaceReading(db: Database, documentId: number, reading: ExtractedDocument, extraction: CaseExtraction | null): ReplaceOutcome {
  return db.transaction(() => {
    const old = statement(db, 'SELECT title, text, meta, language FROM documents WHERE id = ?').get(documentId) as StoredDocument;
    // The entities extraction will touch are known only once it has run: a first pass, rolled back,
    // tells which, so that the state before holds them as they were (aliases, attributes) too.
    const touched = new Set(mentionedEntities(db, documentId));
    try {
      db.transaction(() => {
        change(db, documentId, old, reading, extraction);
        for (const id of mentionedEntities(db, documentId)) touched.add(id);
        throw new RolledBack();
      })();
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    const before = captureTextState(db, documentId, touched);
    const outcome = change(db, documentId, old, reading, extraction);
    for (const id of mentionedEntities(db, documentId)) touched.add(id);
    const after = captureTextState(db, documentId, touched);
    const languages = { before: languagesOf(JSON.parse(old.meta) as Record<string, unknown>).join('+'), after: languagesOf(reading.meta).join('+') };
    recordRerun(db, { documentId, title: old.title, languages, before, after });
    return outcome;
  })();
}

class RolledBack extends Error {}

/** The OCR languages a document's meta records (eng+rus), as codes. */
function languagesOf(meta: Readonly<Record<string, unknown>>): string[] {
  return typeof meta.ocrLanguages === 'string' ? meta.ocrLanguages.split('+') : [];
}

function change(db: Database, documentId: number, old: StoredDocument, reading: ExtractedDocument, extraction: CaseExtraction | null): ReplaceOutcome {
  const oldMeta = JSON.parse(old.meta) as Record<string, unknown>;
  const meta = Object.fromEntries(Object.entries(oldMeta).filter(([key]) => !READING_KEYS.includes(key)));
  // The language OCR gave is replaced; one the analyst set by hand is theirs.
  const language = old.language === languageOfScan(old.text, languagesOf(oldMeta)) ? reading.language : old.language;
  const { searchNames, fingerprint } = analyzeText(old.title, reading.text);
  replaceDocumentText(db, documentId, {
    text: reading.text,
    pageStarts: reading.pageStarts ? JSON.stringify(reading.pageStarts) : null,
    meta: JSON.stringify({ ...meta, ...reading.meta }),
    language,
    fingerprint,
    searchNames,
  });
  const carry = new Carrier(old.text, reading.text);
  const formerEntities = mentionedEntities(db, documentId);
  moveNotes(db, documentId, carry);
  moveMentions(db, documentId, carry);
  moveEvidence(db, documentId, carry);
  moveReading(db, documentId, carry);
  let suggested = 0;
  if (extraction) suggested = extraction.suggest(documentId, reading.text);
  else redateDocument(db, documentId);
  // Suggested entities named only in the old text would never have been suggested from the new one.
  deleteUnusedSuggestedEntities(db, formerEntities);
  const confidence = typeof reading.meta.ocrConfidence === 'number' ? reading.meta.ocrConfidence : null;
  return { kept: carry.kept, lost: carry.lost, suggested, confidence };
}

/** Finds passages of the old text in the new and keeps count of what was kept and lost. */
class Carrier {
  kept = 0;
  readonly lost: LostAnchor[] = [];

  constructor(
    readonly oldText: string,
    readonly newText: string,
  ) {}

  span(kind: LostAnchor['kind'], start: number, end: number, lostText = this.oldText.slice(start, end)): Span | null {
    const found = findAnchor(this.oldText, this.newText, start, end);
    this.count(kind, found !== null, lostText);
    return found;
  }

  shift(kind: LostAnchor['kind'], spans: readonly Span[], lostText: string): number | null {
    const found = findShift(this.oldText, this.newText, spans);
    this.count(kind, found !== null, lostText);
    return found;
  }

  /** A passage found, but taken by another of its kind: it is lost after all. */
  collided(kind: LostAnchor['kind'], text: string): void {
    this.kept -= 1;
    this.lost.push({ kind, text });
  }

  private count(kind: LostAnchor['kind'], found: boolean, text: string): void {
    if (found) this.kept += 1;
    else this.lost.push({ kind, text: text.replace(/\s+/g, ' ').trim() });
  }
}

function moveNotes(db: Database, documentId: number, carry: Carrier): void {
  const notes = statement(db, 'SELECT id, start, end, body FROM notes WHERE document_id = ? ORDER BY id').all(documentId) as { id: number; start: number; end: number; body: string }[];
  for (const note of notes) {
    const quote = carry.oldText.slice(note.start, note.end);
    const found = carry.span('note', note.start, note.end, note.body.trim() ? `${quote} — ${note.body}` : quote);
    if (found) statement(db, 'UPDATE notes SET start = ?, end = ?, quote = ? WHERE id = ?').run(found.start, found.end, carry.newText.slice(found.start, found.end), note.id);
    else statement(db, 'DELETE FROM notes WHERE id = ?').run(note.id);
  }
}

/** Machine suggestions are read again from the new text; what the analyst reviewed or marked is carried over. */
function moveMentions(db: Database, documentId: number, carry: Carrier): void {
  statement(db, "DELETE FROM mentions WHERE document_id = ? AND status = 'suggested' AND origin = 'auto'").run(documentId);
  const mentions = statement(db, 'SELECT id, start, end FROM mentions WHERE document_id = ? ORDER BY id').all(documentId) as { id: number; start: number; end: number }[];
  const moved: { id: number; span: Span | null }[] = mentions.map((mention) => ({ id: mention.id, span: carry.span('mention', mention.start, mention.end) }));
  // Moved in two steps, so that one mention taking another's old place does not break the one-mention-a-span rule.
  for (const { id } of moved) statement(db, 'UPDATE mentions SET start = start + ?, end = end + ? WHERE id = ?').run(PARKED, PARKED, id);
  const taken = new Set<string>();
  for (const { id, span } of moved) {
    const key = span && `${span.start}:${span.end}`;
    if (!span || taken.has(key!)) {
      if (span) carry.collided('mention', carry.newText.slice(span.start, span.end));
      statement(db, 'DELETE FROM mentions WHERE id = ?').run(id);
      continue;
    }
    taken.add(key!);
    statement(db, 'UPDATE mentions SET start = ?, end = ?, text = ? WHERE id = ?').run(span.start, span.end, carry.newText.slice(span.start, span.end), id);
  }
}

function moveEvidence(db: Database, documentId: number, carry: Carrier): void {
  const rows = statement(db, 'SELECT id, start, end FROM link_evidence WHERE document_id = ? ORDER BY id').all(documentId) as { id: number; start: number; end: number }[];
  for (const row of rows) {
    const found = carry.span('evidence', row.start, row.end);
    if (found) statement(db, 'UPDATE link_evidence SET start = ?, end = ?, quote = ? WHERE id = ?').run(found.start, found.end, carry.newText.slice(found.start, found.end), row.id);
    else statement(db, 'DELETE FROM link_evidence WHERE id = ?').run(row.id);
  }
}

/** The reading layer's tables: which rows the analyst reviewed, where their offsets are, and what to call one that is lost. */
const READING_TABLES = [
  {
    table: 'claims',
    kind: 'claim',
    reviewed: "status <> 'suggested' OR reliability IS NOT NULL OR credibility IS NOT NULL",
    pairs: [['speaker_start', 'speaker_end'], ['cue_start', 'cue_end'], ['content_start', 'content_end']],
    json: [],
    words: (row: StoredRow, text: string) => text.slice(Number(row.content_start), Number(row.content_end)),
  },
  {
    table: 'events',
    kind: 'event',
    reviewed: "status <> 'suggested'",
    pairs: [['trigger_start', 'trigger_end']],
    json: ['arguments'],
    words: (row: StoredRow) => String(row.trigger_text),
  },
  {
    table: 'relation_suggestions',
    kind: 'relation',
    reviewed: "status <> 'suggested'",
    pairs: [['evidence_start', 'evidence_end']],
    json: ['source', 'target', 'cue'],
    words: (row: StoredRow, text: string) => text.slice(Number(row.evidence_start), Number(row.evidence_end)),
  },
] as const;

/**
 * Times and suggested claims, events and relations go (extraction reads them again); a reviewed
 * one is moved whole when its passage is found word for word, and lost otherwise.
 */
function moveReading(db: Database, documentId: number, carry: Carrier): void {
  const reviewed = READING_TABLES.map((table) => db.prepare(`SELECT * FROM ${table.table} WHERE document_id = ? AND (${table.reviewed}) ORDER BY id`).all(documentId) as StoredRow[]);
  for (const table of ['events', 'relation_suggestions', 'claims', 'time_mentions']) db.prepare(`DELETE FROM ${table} WHERE document_id = ?`).run(documentId);
  const keptClaims = new Set<number>();
  READING_TABLES.forEach((table, index) => {
    for (const row of reviewed[index]!) {
      const json = Object.fromEntries(table.json.map((column) => [column, typeof row[column] === 'string' ? (JSON.parse(row[column]) as unknown) : null]));
      const spans: Span[] = [...table.pairs.map(([start, end]) => ({ start: Number(row[start]), end: Number(row[end]) })), ...Object.values(json).flatMap(spansIn)];
      const delta = carry.shift(table.kind, spans, table.words(row, carry.oldText));
      if (delta === null) continue;
      const moved: StoredRow = { ...row };
      for (const [start, end] of table.pairs) {
        moved[start] = Number(row[start]) + delta;
        moved[end] = Number(row[end]) + delta;
      }
      for (const [column, value] of Object.entries(json)) if (value !== null) moved[column] = JSON.stringify(shifted(value, delta));
      // An event keeps its claim only when the claim was kept too.
      if (table.table === 'events' && typeof row.claim_id === 'number' && !keptClaims.has(row.claim_id)) moved.claim_id = null;
      if (!insertRow(db, table.table, moved)) carry.collided(table.kind, table.words(row, carry.oldText));
      else if (table.table === 'claims') keptClaims.add(Number(row.id));
    }
  });
}

/** Every {start, end} in a stored JSON value (an event's arguments, a relation's ends). */
function spansIn(value: unknown): Span[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.start === 'number' && typeof record.end === 'number' ? [{ start: record.start, end: record.end }] : [];
  return [...own, ...Object.values(record).flatMap(spansIn)];
}

function shifted(value: unknown, delta: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, child]) => [key, shifted(child, delta)]));
  if (typeof record.start === 'number' && typeof record.end === 'number') {
    record.start += delta;
    record.end += delta;
  }
  return record;
}
