/**
 * The briefing's sections from the documents and what was read in them: the chronology (documents,
 * events and dated links), the competing accounts, and the analyst's excerpts with their comments.
 */
import type { Database } from 'better-sqlite3';
import type { BriefingSection } from '../../../shared/briefing';
import { sectionTitles } from '../../../shared/briefing';
import type { CaseEvent, DateValue } from '../../../shared/claims';
import { formatDateValue } from '../../../shared/claims';
import { statement } from '../case/statements';
import { competingAccounts } from '../claims/accounts';
import { listEvents } from '../claims/repository';
import type { Citations } from './citations';
import type { SectionContent } from './content';
import { caseLinks } from './entitySections';

const MAX_CHRONOLOGY = 60;

export function chronologySection(db: Database, section: Extract<BriefingSection, { kind: 'chronology' }>, citations: Citations): SectionContent {
  const chosen = section.documentIds && section.documentIds.length > 0 ? section.documentIds : null;
  const rows = statement(
    db,
    `SELECT id, title, published_at FROM documents
     WHERE published_at IS NOT NULL AND parent_id IS NULL ${chosen ? `AND id IN (${chosen.map(() => '?').join(', ')})` : ''}
     ORDER BY published_at, id LIMIT ?`,
  ).all(...(chosen ?? []), MAX_CHRONOLOGY) as { id: number; title: string; published_at: string }[];
  const documents = rows.map((row) => ({ date: row.published_at.slice(0, 10), text: row.title, notes: [citations.cite(row.id)] }));
  // Events read in the documents, with their dates' precision; the analyst's rejections are left out
  // and what they have not reviewed yet says so.
  const events = listEvents(db)
    .map((event) => ({ event, date: event.date ?? documentDate(rows, db, event.documentId) }))
    .filter(({ date }) => date !== null)
    .slice(0, MAX_CHRONOLOGY)
    .map(({ event, date }) => ({
      date: formatDateValue(date!),
      sortKey: date!.value,
      text: `${eventSentence(event)}${event.status === 'confirmed' ? '' : ' (unreviewed)'}`,
      notes: [citations.cite(event.documentId)],
    }));
  // Dated links are events the analyst asserted: they belong in the chronology with their evidence.
  const links = caseLinks(db)
    .filter((link) => link.dateStart)
    .map((link) => ({
      date: link.dateEnd && link.dateEnd !== link.dateStart ? `${link.dateStart!}–${link.dateEnd}` : link.dateStart!,
      // Relations read as verbs ("accuses", "member of"); the bundled fonts have no arrow glyph.
      text: `${link.from} ${link.relation} ${link.to}${link.grading ? ` (graded ${link.grading})` : ''}`,
      notes: link.evidence.map((documentId) => citations.cite(documentId)),
    }));
  return {
    kind: 'chronology',
    title: section.title || sectionTitles.chronology,
    entries: [...documents.map((entry) => ({ ...entry, sortKey: entry.date })), ...links.map((entry) => ({ ...entry, sortKey: entry.date })), ...events]
      .sort((left, right) => left.sortKey.localeCompare(right.sortKey))
      .map(({ sortKey: _sortKey, ...entry }) => entry),
  };
}

function documentDate(rows: readonly { id: number; published_at: string }[], db: Database, documentId: number): DateValue | null {
  const published =
    rows.find((row) => row.id === documentId)?.published_at ??
    (statement(db, 'SELECT published_at FROM documents WHERE id = ?').get(documentId) as { published_at: string | null } | undefined)?.published_at;
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? { value: published.slice(0, 10), precision: 'day', approximate: false, source: 'document' } : null;
}

function eventSentence(event: CaseEvent): string {
  const parts = [event.agent?.name, event.trigger.text, event.patient?.name, event.place ? `near ${event.place.name}` : null].filter(Boolean);
  const sentence = parts.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export function accountsSection(db: Database, section: Extract<BriefingSection, { kind: 'accounts' }>, citations: Citations): SectionContent {
  const groups = competingAccounts(db).slice(0, 20);
  return {
    kind: 'accounts',
    title: section.title || sectionTitles.accounts,
    groups: groups.map((group) => ({
      topic: group.topic,
      sides: group.sides.map(({ side, claimIds }) => ({
        side,
        accounts: group.claims.filter((claim) => claimIds.includes(claim.id)).map((claim) => {
        const quote = claim.content.text.replace(/\s+/g, ' ').trim();
        return {
          speaker: claim.speaker.name,
          stance: claim.stance,
          quote: quote.length > 400 ? `${quote.slice(0, 399)}…` : quote,
          date: claim.date ? formatDateValue(claim.date) : claim.documentDate,
          grading: claim.reliability || claim.credibility ? `${claim.reliability ?? '?'}${claim.credibility ?? '?'}` : null,
          reviewed: claim.status === 'confirmed',
          note: citations.cite(claim.documentId),
        };
        }),
      })),
    })),
  };
}

export function excerptsSection(db: Database, section: Extract<BriefingSection, { kind: 'excerpts' }>, citations: Citations): SectionContent {
  const chosen = section.noteIds && section.noteIds.length > 0 ? section.noteIds : null;
  const rows = statement(
    db,
    `SELECT n.document_id, n.quote, n.body FROM notes n JOIN documents d ON d.id = n.document_id
     ${chosen ? `WHERE n.id IN (${chosen.map(() => '?').join(', ')})` : ''}
     ORDER BY d.published_at, n.document_id, n.start LIMIT 500`,
  ).all(...(chosen ?? [])) as { document_id: number; quote: string; body: string }[];
  return {
    kind: 'excerpts',
    title: section.title || sectionTitles.excerpts,
    excerpts: rows.map((row) => ({ quote: row.quote.replace(/\s+/g, ' ').trim(), comment: row.body, note: citations.cite(row.document_id) })),
  };
}
