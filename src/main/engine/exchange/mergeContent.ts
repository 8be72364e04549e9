/**
 * What a merge carries along with documents and entities: mentions, notes, links with their
 * evidence, drawings and briefings. Each joins its match here or is added with its provenance; what
 * is already here is never changed, and a disagreement is reported as a conflict.
 */
import { statement } from '../case/statements';
import type { MergeContext, Row } from './mergeContext';

const grade = (reliability: string | null, credibility: number | null): string => `${reliability ?? '-'}${credibility ?? '-'}`;

/** Mentions in the merged documents; a span already marked here keeps what the analyst here said of it. */
export function mergeMentions(context: MergeContext): void {
  const { db, src, added, conflicts, documents: documentMap, entities: entityMap } = context;
  let mentionConflicts = 0;
  const insertMention = statement(
    db,
    'INSERT OR IGNORE INTO mentions (document_id, entity_id, start, end, text, type, role, status, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const row of src.prepare('SELECT * FROM mentions ORDER BY id').iterate() as IterableIterator<Row>) {
    const documentId = documentMap.get(row['document_id'] as number);
    if (documentId === undefined) continue;
    const entityId = row['entity_id'] === null ? null : (entityMap.get(row['entity_id'] as number) ?? null);
    const result = insertMention.run(documentId, entityId, row['start'], row['end'], row['text'], row['type'], row['role'], row['status'], row['origin']);
    if (result.changes > 0) {
      added.add('mentions', Number(result.lastInsertRowid));
      continue;
    }
    const here = statement(db, 'SELECT entity_id, status FROM mentions WHERE document_id = ? AND start = ? AND end = ?').get(documentId, row['start'], row['end']) as
      | { entity_id: number | null; status: string }
      | undefined;
    if (here && (here.entity_id !== entityId || here.status !== row['status'])) mentionConflicts += 1;
  }
  if (mentionConflicts > 0) conflicts.push({ kind: 'mention', message: `${mentionConflicts} mentions are marked differently in the two cases; this case's marking was kept.` });
}

/** Notes, joined by document, span and text; answers how many joined. */
export function mergeNotes(context: MergeContext): number {
  const { db, src, added, remember, documents: documentMap } = context;
  let notesJoined = 0;
  for (const row of src.prepare('SELECT * FROM notes ORDER BY id').iterate() as IterableIterator<Row>) {
    const documentId = documentMap.get(row['document_id'] as number);
    if (documentId === undefined) continue;
    const existing = statement(db, 'SELECT id FROM notes WHERE document_id = ? AND start = ? AND end = ? AND body = ?').get(documentId, row['start'], row['end'], row['body']) as
      | { id: number }
      | undefined;
    if (existing) {
      notesJoined += 1;
      context.notes.set(row['id'] as number, existing.id);
      remember('note', existing.id, row['id'] as number, 'joined');
      continue;
    }
    const id = Number(
      statement(db, 'INSERT INTO notes (document_id, start, end, quote, body, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        documentId,
        row['start'],
        row['end'],
        row['quote'],
        row['body'],
        row['color'],
        row['created_at'],
        row['updated_at'],
      ).lastInsertRowid,
    );
    added.add('notes', id);
    context.notes.set(row['id'] as number, id);
    remember('note', id, row['id'] as number, 'added');
  }
  return notesJoined;
}

/** Links, joined by their ends, relation and direction, with their evidence; answers how many joined. */
export function mergeLinks(context: MergeContext): number {
  const { db, src, added, remember, conflicts, sourceTitle, documents: documentMap, entities: entityMap } = context;
  let linksJoined = 0;
  let linksLeft = 0;
  const endOf = (kind: string, id: number): number | undefined => (kind === 'entity' ? entityMap.get(id) : documentMap.get(id));
  for (const row of src.prepare('SELECT * FROM links ORDER BY id').iterate() as IterableIterator<Row>) {
    const from = endOf(row['from_kind'] as string, row['from_id'] as number);
    const to = endOf(row['to_kind'] as string, row['to_id'] as number);
    if (from === undefined || to === undefined || (row['from_kind'] === row['to_kind'] && from === to)) {
      linksLeft += 1;
      continue;
    }
    const existing = statement(
      db,
      'SELECT id, reliability, credibility FROM links WHERE from_kind = ? AND from_id = ? AND to_kind = ? AND to_id = ? AND relation = ? AND directed = ?',
    ).get(row['from_kind'], from, row['to_kind'], to, row['relation'], row['directed']) as { id: number; reliability: string | null; credibility: number | null } | undefined;
    let linkId: number;
    if (existing) {
      linkId = existing.id;
      linksJoined += 1;
      remember('link', linkId, row['id'] as number, 'joined');
      if (existing.reliability !== row['reliability'] || existing.credibility !== row['credibility']) {
        conflicts.push({
          kind: 'link',
          message: `"${String(row['relation'])}" link ${linkId} is graded ${grade(existing.reliability, existing.credibility)} here and ${grade(row['reliability'] as string | null, row['credibility'] as number | null)} in "${sourceTitle}"; this case's grading was kept.`,
        });
      }
    } else {
      linkId = Number(
        statement(
          db,
          `INSERT INTO links (from_kind, from_id, to_kind, to_id, relation, directed, date_start, date_end, reliability, credibility, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(row['from_kind'], from, row['to_kind'], to, row['relation'], row['directed'], row['date_start'], row['date_end'], row['reliability'], row['credibility'], row['note'], row['created_at'], row['updated_at'])
          .lastInsertRowid,
      );
      added.add('links', linkId);
      remember('link', linkId, row['id'] as number, 'added');
    }
    context.links.set(row['id'] as number, linkId);
    for (const evidence of src.prepare('SELECT * FROM link_evidence WHERE link_id = ? ORDER BY id').all(row['id']) as Row[]) {
      const documentId = documentMap.get(evidence['document_id'] as number);
      if (documentId === undefined) continue;
      const known = statement(db, 'SELECT 1 FROM link_evidence WHERE link_id = ? AND document_id = ? AND start = ? AND end = ?').get(linkId, documentId, evidence['start'], evidence['end']);
      if (known) continue;
      const id = Number(
        statement(db, 'INSERT INTO link_evidence (link_id, document_id, start, end, quote) VALUES (?, ?, ?, ?, ?)').run(linkId, documentId, evidence['start'], evidence['end'], evidence['quote'])
          .lastInsertRowid,
      );
      added.add('link_evidence', id);
    }
  }
  if (linksLeft > 0) conflicts.push({ kind: 'link', message: `${linksLeft} links of "${sourceTitle}" name an entity or document that is deleted there; they were left out.` });
  return linksJoined;
}

/** Drawings, joined by kind, geometry and label, with their tags; answers how many joined. */
export function mergeDrawings(context: MergeContext): number {
  const { db, src, added, remember, documents: documentMap, entities: entityMap } = context;
  let drawingsJoined = 0;
  for (const row of src.prepare('SELECT * FROM map_features ORDER BY id').iterate() as IterableIterator<Row>) {
    const existing = statement(db, 'SELECT id FROM map_features WHERE kind = ? AND geometry = ? AND label = ?').get(row['kind'], row['geometry'], row['label']) as { id: number } | undefined;
    let featureId: number;
    if (existing) {
      featureId = existing.id;
      drawingsJoined += 1;
      remember('drawing', featureId, row['id'] as number, 'joined');
    } else {
      featureId = Number(
        statement(db, 'INSERT INTO map_features (kind, geometry, label, color, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          row['kind'],
          row['geometry'],
          row['label'],
          row['color'],
          row['note'],
          row['created_at'],
          row['updated_at'],
        ).lastInsertRowid,
      );
      added.add('map_features', featureId);
      remember('drawing', featureId, row['id'] as number, 'added');
    }
    for (const link of src.prepare('SELECT entity_id FROM map_feature_entities WHERE feature_id = ?').all(row['id']) as { entity_id: number }[]) {
      const entityId = entityMap.get(link.entity_id);
      if (entityId !== undefined && statement(db, 'INSERT OR IGNORE INTO map_feature_entities (feature_id, entity_id) VALUES (?, ?)').run(featureId, entityId).changes > 0) {
        added.add('map_feature_entities', [featureId, entityId]);
      }
    }
    for (const link of src.prepare('SELECT document_id FROM map_feature_documents WHERE feature_id = ?').all(row['id']) as { document_id: number }[]) {
      const documentId = documentMap.get(link.document_id);
      if (documentId !== undefined && statement(db, 'INSERT OR IGNORE INTO map_feature_documents (feature_id, document_id) VALUES (?, ?)').run(featureId, documentId).changes > 0) {
        added.add('map_feature_documents', [featureId, documentId]);
      }
    }
  }
  return drawingsJoined;
}

/** Briefings, with their choices renumbered into this case; answers how many joined. */
export function mergeBriefings(context: MergeContext): number {
  const { db, src, added, remember, conflicts, sourceTitle, documents: documentMap, entities: entityMap } = context;
  let briefingsJoined = 0;
  for (const row of src.prepare('SELECT * FROM briefings ORDER BY id').iterate() as IterableIterator<Row>) {
    const spec = remapBriefing(JSON.parse(row['spec'] as string) as Row, { entityIds: entityMap, documentIds: documentMap, noteIds: context.notes });
    const text = JSON.stringify(spec);
    const sameTitle = statement(db, 'SELECT id, spec FROM briefings WHERE title = ?').all(row['title']) as { id: number; spec: string }[];
    const same = sameTitle.find((briefing) => briefing.spec === text);
    if (same) {
      briefingsJoined += 1;
      remember('briefing', same.id, row['id'] as number, 'joined');
      continue;
    }
    let title = row['title'] as string;
    if (sameTitle.length > 0) {
      title = `${title} (from ${sourceTitle})`;
      spec['title'] = title;
      conflicts.push({ kind: 'briefing', message: `Both cases have a briefing "${String(row['title'])}"; the one from "${sourceTitle}" was added as "${title}".` });
    }
    const id = Number(
      statement(db, 'INSERT INTO briefings (title, spec, created_at, updated_at) VALUES (?, ?, ?, ?)').run(title, JSON.stringify(spec), row['created_at'], row['updated_at']).lastInsertRowid,
    );
    added.add('briefings', id);
    remember('briefing', id, row['id'] as number, 'added');
  }
  return briefingsJoined;
}

function remapBriefing(spec: Row, maps: Readonly<Record<string, ReadonlyMap<number, number>>>): Row {
  const sections = (spec['sections'] as Row[] | undefined)?.map((section) => {
    const copy: Row = { ...section };
    for (const [key, map] of Object.entries(maps)) {
      if (Array.isArray(copy[key])) copy[key] = (copy[key] as number[]).flatMap((id) => (map.has(id) ? [map.get(id)!] : []));
    }
    return copy;
  });
  return { ...spec, ...(sections ? { sections } : {}) };
}
