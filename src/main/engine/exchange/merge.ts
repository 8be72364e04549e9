/**
 * Merging a colleague's case into the open one. Documents join by the SHA-256 of their original
 * (or of their text when they have none); entities by a gazetteer place or a shared name of the
 * same kind, and pairs that only look alike (same name, other kind; same spelling skeleton; same
 * name, other place) are added apart and listed for the analyst. Tags, notes, links with their
 * evidence, mentions, drawings and briefings come along, each recorded with the merge it came from.
 * What is already here is never changed. The whole merge is one undoable step: undo takes out
 * every row it added (kept aside in merge_stash) and redo puts them back.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { MergeReport } from '../../../shared/exchange';
import { foldText, spellingSkeleton } from '../../../shared/textFolding';
import { DossierError } from '../../../shared/errors';
import { openCaseFile } from '../case/caseFile';
import type { CaseFileOptions } from '../case/caseFile';
import { recordHistory } from '../case/history';
import { reversible } from '../case/reversible';
import { statement } from '../case/statements';
import { getCaseMeta } from '../case/meta';
import { nextEntityId } from '../entities/repository';
import { caseUid } from './identity';

type Row = Record<string, unknown>;
type Key = number | readonly (number | string)[];

/** Every table a merge adds to, parents before children, with the columns that name one row. */
const TABLES: readonly { name: string; key: readonly string[] }[] = [
  { name: 'document_blobs', key: ['id'] },
  { name: 'documents', key: ['id'] },
  { name: 'tags', key: ['id'] },
  { name: 'entities', key: ['id'] },
  { name: 'places', key: ['entity_id'] },
  { name: 'entity_aliases', key: ['entity_id', 'alias'] },
  { name: 'document_tags', key: ['document_id', 'tag_id'] },
  { name: 'mentions', key: ['id'] },
  { name: 'notes', key: ['id'] },
  { name: 'links', key: ['id'] },
  { name: 'link_evidence', key: ['id'] },
  { name: 'map_features', key: ['id'] },
  { name: 'map_feature_entities', key: ['feature_id', 'entity_id'] },
  { name: 'map_feature_documents', key: ['feature_id', 'document_id'] },
  { name: 'briefings', key: ['id'] },
];

class Added {
  readonly rows: Record<string, Key[]> = {};
  add(table: string, key: Key): void {
    (this.rows[table] ??= []).push(key);
  }
  count(table: string): number {
    return this.rows[table]?.length ?? 0;
  }
}

const grade = (reliability: string | null, credibility: number | null): string => `${reliability ?? '-'}${credibility ?? '-'}`;
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Merges the case at `sourcePath` into `db`. The source is opened read-only and never written.
 * Answers the report, which is also kept in the case (case_merges).
 */
export function mergeCase(db: Database, sourcePath: string, options: CaseFileOptions & { analyst?: string } = {}): MergeReport {
  const source = openCaseFile(sourcePath, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), readOnly: true });
  try {
    return db.transaction(() => mergeFrom(db, source.db, source.path, options.analyst ?? null))();
  } finally {
    source.db.close();
  }
}

function mergeFrom(db: Database, src: Database, sourcePath: string, analyst: string | null): MergeReport {
  const sourceUid = caseUid(src);
  const sourceTitle = getCaseMeta(src).title;
  const now = new Date().toISOString();
  const added = new Added();
  const mergeId = Number(
    statement(db, "INSERT INTO case_merges (source_uid, source_title, source_path, analyst, merged_at, report) VALUES (?, ?, ?, ?, ?, '{}')").run(
      sourceUid,
      sourceTitle,
      sourcePath,
      analyst,
      now,
    ).lastInsertRowid,
  );
  const provenance = statement(db, 'INSERT OR IGNORE INTO merge_provenance (merge_id, item_kind, item_id, source_item_id, action) VALUES (?, ?, ?, ?, ?)');
  const remember = (kind: string, id: number, sourceId: number, action: 'added' | 'joined') => provenance.run(mergeId, kind, id, sourceId, action);
  const conflicts: MergeReport['conflicts'] = [];
  const doubtful: MergeReport['doubtful'] = [];

  // Tags, by name.
  const tagMap = new Map<number, number>();
  let tagsJoined = 0;
  for (const tag of src.prepare('SELECT id, name, color, created_at FROM tags ORDER BY id').all() as Row[]) {
    const existing = statement(db, 'SELECT id FROM tags WHERE name = ?').get(tag['name']) as { id: number } | undefined;
    if (existing) {
      tagMap.set(tag['id'] as number, existing.id);
      tagsJoined += 1;
      remember('tag', existing.id, tag['id'] as number, 'joined');
      continue;
    }
    const id = Number(statement(db, 'INSERT INTO tags (name, color, created_at) VALUES (?, ?, ?)').run(tag['name'], tag['color'], tag['created_at']).lastInsertRowid);
    tagMap.set(tag['id'] as number, id);
    added.add('tags', id);
    remember('tag', id, tag['id'] as number, 'added');
  }

  // Documents, by the SHA-256 of the original, or of the text for a document with none.
  const documentMap = new Map<number, number>();
  let documentsJoined = 0;
  const byBlob = statement(db, 'SELECT d.id FROM documents d JOIN document_blobs b ON b.id = d.blob_id WHERE b.sha256 = ? ORDER BY d.id LIMIT 1');
  let blobless: Map<string, number> | null = null;
  const findBlobless = (text: string): number | undefined => {
    blobless ??= new Map(
      (statement(db, 'SELECT id, text FROM documents WHERE blob_id IS NULL ORDER BY id DESC').all() as { id: number; text: string }[]).map((row) => [sha256(row.text), row.id]),
    );
    return blobless.get(sha256(text));
  };
  const documentRows = src.prepare(
    `SELECT d.*, b.sha256 AS blob_sha256, b.size AS blob_size, b.bytes AS blob_bytes FROM documents d LEFT JOIN document_blobs b ON b.id = d.blob_id ORDER BY d.id`,
  );
  const insertDocument = statement(
    db,
    `INSERT INTO documents (parent_id, blob_id, kind, title, author, source, published_at, language, file_name, imported_at, size, text, html, page_starts, meta, fingerprint, search_names)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFts = statement(db, 'INSERT INTO documents_fts (rowid, title, text, search_names) VALUES (?, ?, ?, ?)');
  for (const row of documentRows.iterate() as IterableIterator<Row>) {
    const sourceId = row['id'] as number;
    const blobSha = row['blob_sha256'] as string | null;
    const existing = blobSha ? (byBlob.get(blobSha) as { id: number } | undefined)?.id : findBlobless(row['text'] as string);
    if (existing !== undefined) {
      documentMap.set(sourceId, existing);
      documentsJoined += 1;
      remember('document', existing, sourceId, 'joined');
      continue;
    }
    let blobId: number | null = null;
    if (blobSha) {
      const known = statement(db, 'SELECT id FROM document_blobs WHERE sha256 = ?').get(blobSha) as { id: number } | undefined;
      if (known) blobId = known.id;
      else {
        blobId = Number(statement(db, 'INSERT INTO document_blobs (sha256, size, bytes) VALUES (?, ?, ?)').run(blobSha, row['blob_size'], row['blob_bytes']).lastInsertRowid);
        added.add('document_blobs', blobId);
      }
    }
    const parent = row['parent_id'] === null ? null : (documentMap.get(row['parent_id'] as number) ?? null);
    const meta = JSON.stringify({ ...(JSON.parse(row['meta'] as string) as Row), mergedFrom: { case: sourceTitle, caseUid: sourceUid, documentId: sourceId } });
    const id = Number(
      insertDocument.run(
        parent,
        blobId,
        row['kind'],
        row['title'],
        row['author'],
        row['source'],
        row['published_at'],
        row['language'],
        row['file_name'],
        row['imported_at'],
        row['size'],
        row['text'],
        row['html'],
        row['page_starts'],
        meta,
        row['fingerprint'],
        row['search_names'],
      ).lastInsertRowid,
    );
    insertFts.run(id, row['title'], row['text'], row['search_names']);
    documentMap.set(sourceId, id);
    added.add('documents', id);
    remember('document', id, sourceId, 'added');
  }

  for (const row of src.prepare('SELECT document_id, tag_id FROM document_tags').iterate() as IterableIterator<{ document_id: number; tag_id: number }>) {
    const documentId = documentMap.get(row.document_id);
    const tagId = tagMap.get(row.tag_id);
    if (documentId === undefined || tagId === undefined) continue;
    if (statement(db, 'INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (?, ?)').run(documentId, tagId).changes > 0) added.add('document_tags', [documentId, tagId]);
  }

  const entityMap = mergeEntities(db, src, added, remember, doubtful, conflicts, now);

  // Mentions: a span already marked here keeps what the analyst here said of it.
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

  // Notes, by document, span and text.
  let notesJoined = 0;
  for (const row of src.prepare('SELECT * FROM notes ORDER BY id').iterate() as IterableIterator<Row>) {
    const documentId = documentMap.get(row['document_id'] as number);
    if (documentId === undefined) continue;
    const existing = statement(db, 'SELECT id FROM notes WHERE document_id = ? AND start = ? AND end = ? AND body = ?').get(documentId, row['start'], row['end'], row['body']) as
      | { id: number }
      | undefined;
    if (existing) {
      notesJoined += 1;
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
    remember('note', id, row['id'] as number, 'added');
  }

  // Links, by their ends, relation and direction; their evidence by document and span.
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

  // Drawings, by kind, geometry and label.
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

  // Briefings: their entity, document and note choices renumbered into this case.
  let briefingsJoined = 0;
  const noteMap = new Map(
    (db.prepare('SELECT item_id, source_item_id FROM merge_provenance WHERE merge_id = ? AND item_kind = ?').all(mergeId, 'note') as { item_id: number; source_item_id: number }[]).map(
      (row) => [row.source_item_id, row.item_id],
    ),
  );
  for (const row of src.prepare('SELECT * FROM briefings ORDER BY id').iterate() as IterableIterator<Row>) {
    const spec = remapBriefing(JSON.parse(row['spec'] as string) as Row, { entityIds: entityMap, documentIds: documentMap, noteIds: noteMap });
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

  const report: MergeReport = {
    mergeId,
    source: { title: sourceTitle, uid: sourceUid, path: sourcePath },
    sameCase: sourceUid === caseUid(db),
    joined: {
      documents: documentsJoined,
      entities: entityMap.size - added.count('entities'),
      tags: tagsJoined,
      notes: notesJoined,
      links: linksJoined,
      drawings: drawingsJoined,
      briefings: briefingsJoined,
    },
    added: {
      documents: added.count('documents'),
      entities: added.count('entities'),
      aliases: added.count('entity_aliases'),
      tags: added.count('tags'),
      notes: added.count('notes'),
      mentions: added.count('mentions'),
      links: added.count('links'),
      evidence: added.count('link_evidence'),
      drawings: added.count('map_features'),
      briefings: added.count('briefings'),
    },
    conflicts,
    doubtful,
    changed: Object.values(added.rows).some((keys) => keys.length > 0),
  };
  if (!report.changed) {
    // Nothing came in (the same case, or one merged before): the case stays exactly as it was.
    statement(db, 'DELETE FROM case_merges WHERE id = ?').run(mergeId);
    return { ...report, mergeId: null };
  }
  statement(db, 'UPDATE case_merges SET report = ? WHERE id = ?').run(JSON.stringify(report), mergeId);
  recordHistory(db, 'exchange.merge', { mergeId, title: sourceTitle, rows: added.rows }, { undoable: true });
  return report;
}

interface TargetEntity {
  id: number;
  kind: string;
  gazetteerId: string | null;
}

/** Joins or adds the source's entities; answers source id -> id here. */
function mergeEntities(
  db: Database,
  src: Database,
  added: Added,
  remember: (kind: string, id: number, sourceId: number, action: 'added' | 'joined') => unknown,
  doubtful: MergeReport['doubtful'],
  conflicts: MergeReport['conflicts'],
  now: string,
): Map<number, number> {
  const byFolded = new Map<string, TargetEntity[]>();
  const bySkeleton = new Map<string, TargetEntity[]>();
  const byPlace = new Map<string, TargetEntity>();
  const index = (entity: TargetEntity, folded: string, skeleton: string) => {
    if (!byFolded.get(folded)?.some((known) => known.id === entity.id)) byFolded.set(folded, [...(byFolded.get(folded) ?? []), entity]);
    if (skeleton && !bySkeleton.get(skeleton)?.some((known) => known.id === entity.id)) bySkeleton.set(skeleton, [...(bySkeleton.get(skeleton) ?? []), entity]);
    if (entity.gazetteerId && !byPlace.has(`${entity.kind}:${entity.gazetteerId}`)) byPlace.set(`${entity.kind}:${entity.gazetteerId}`, entity);
  };
  const targetRows = db
    .prepare(
      `SELECT e.id, e.kind, p.gazetteer_id AS gazetteerId, a.folded, a.skeleton FROM entities e JOIN entity_aliases a ON a.entity_id = e.id
       LEFT JOIN places p ON p.entity_id = e.id ORDER BY e.status = 'confirmed' DESC, e.id`,
    )
    .all() as (TargetEntity & { folded: string; skeleton: string })[];
  const targets = new Map<number, TargetEntity>();
  for (const row of targetRows) {
    const entity = targets.get(row.id) ?? { id: row.id, kind: row.kind, gazetteerId: row.gazetteerId };
    targets.set(row.id, entity);
    index(entity, row.folded, row.skeleton);
  }

  const map = new Map<number, number>();
  const sourceEntities = src
    .prepare(
      `SELECT e.*, (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases, p.lat, p.lon, p.gazetteer_id, p.country, p.admin1,
         p.precision, p.confidence, p.candidates
       FROM entities e LEFT JOIN places p ON p.entity_id = e.id ORDER BY e.id`,
    )
    .all() as Row[];
  for (const row of sourceEntities) {
    const sourceId = row['id'] as number;
    const kind = row['kind'] as string;
    const aliases = [...new Set([row['name'] as string, ...(JSON.parse(row['aliases'] as string) as string[])])];
    const folded = aliases.map(foldText);
    const gazetteerId = row['gazetteer_id'] as string | null;

    let match: TargetEntity | undefined = gazetteerId ? byPlace.get(`${kind}:${gazetteerId}`) : undefined;
    let placeClash: TargetEntity | undefined;
    if (!match) {
      for (const candidate of folded.flatMap((key) => byFolded.get(key) ?? [])) {
        if (candidate.kind !== kind) continue;
        if (gazetteerId && candidate.gazetteerId && candidate.gazetteerId !== gazetteerId) {
          placeClash ??= candidate;
          continue;
        }
        match = candidate;
        break;
      }
    }
    if (match) {
      map.set(sourceId, match.id);
      remember('entity', match.id, sourceId, 'joined');
      for (const alias of aliases) {
        const result = statement(db, 'INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded, skeleton) VALUES (?, ?, ?, ?)').run(match.id, alias, foldText(alias), spellingSkeleton(alias));
        if (result.changes > 0) {
          added.add('entity_aliases', [match.id, alias]);
          index(match, foldText(alias), spellingSkeleton(alias));
        }
      }
      continue;
    }

    // Added apart; a pair that only looks alike is listed for the analyst to decide.
    const lookalike =
      placeClash ??
      folded.flatMap((key) => byFolded.get(key) ?? []).find((candidate) => candidate.kind !== kind) ??
      aliases.flatMap((alias) => bySkeleton.get(spellingSkeleton(alias)) ?? []).find((candidate) => candidate.kind === kind);
    const id = nextEntityId(db);
    statement(db, 'INSERT INTO entities (id, kind, subtype, name, status, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      kind,
      row['subtype'],
      row['name'],
      row['status'],
      row['attributes'],
      row['created_at'] ?? now,
      row['updated_at'] ?? now,
    );
    added.add('entities', id);
    remember('entity', id, sourceId, 'added');
    const entity: TargetEntity = { id, kind, gazetteerId };
    for (const alias of aliases) {
      statement(db, 'INSERT INTO entity_aliases (entity_id, alias, folded, skeleton) VALUES (?, ?, ?, ?)').run(id, alias, foldText(alias), spellingSkeleton(alias));
      added.add('entity_aliases', [id, alias]);
      index(entity, foldText(alias), spellingSkeleton(alias));
    }
    if (row['lat'] !== null && row['lat'] !== undefined) {
      statement(
        db,
        'INSERT INTO places (entity_id, lat, lon, gazetteer_id, country, admin1, precision, confidence, candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(id, row['lat'], row['lon'], gazetteerId, row['country'], row['admin1'], row['precision'], row['confidence'], row['candidates']);
      added.add('places', id);
    }
    map.set(sourceId, id);
    if (lookalike) {
      const reason = lookalike === placeClash ? 'same name, different place' : lookalike.kind !== kind ? `same name, but a ${lookalike.kind} here` : 'names spelled alike';
      doubtful.push({ entityId: lookalike.id, addedEntityId: id, name: row['name'] as string, reason });
      if (lookalike === placeClash) conflicts.push({ kind: 'entity', message: `"${String(row['name'])}" is placed differently in the two cases; both were kept (entities ${lookalike.id} and ${id}).` });
    }
  }
  return map;
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

// Undo and redo: the merge's rows set aside in merge_stash, and put back in the same order.

type Stored = Record<string, unknown>;

function encodeRow(row: Row): Stored {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, Buffer.isBuffer(value) ? { $base64: value.toString('base64') } : value]));
}

function decodeRow(row: Stored): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      value && typeof value === 'object' && '$base64' in value ? Buffer.from((value as { $base64: string }).$base64, 'base64') : value,
    ]),
  );
}

function whereKey(key: readonly string[]): string {
  return key.map((column) => `${column} = ?`).join(' AND ');
}

function keyValues(key: Key): readonly (number | string)[] {
  return typeof key === 'number' ? [key] : key;
}

function takeOut(db: Database, mergeId: number, rows: Readonly<Record<string, Key[]>>): void {
  let seq = (statement(db, 'SELECT coalesce(max(seq), 0) AS n FROM merge_stash WHERE merge_id = ?').get(mergeId) as { n: number }).n;
  const stash = statement(db, 'INSERT INTO merge_stash (merge_id, seq, table_name, row) VALUES (?, ?, ?, ?)');
  for (const table of [...TABLES].reverse()) {
    const select = db.prepare(`SELECT * FROM ${table.name} WHERE ${whereKey(table.key)}`);
    const remove = db.prepare(`DELETE FROM ${table.name} WHERE ${whereKey(table.key)}`);
    // Newest first, so that a document goes before the one it was found in (which would take it along).
    for (const key of [...(rows[table.name] ?? [])].reverse()) {
      const row = select.get(...keyValues(key)) as Row | undefined;
      if (!row) continue;
      stash.run(mergeId, (seq += 1), table.name, JSON.stringify(encodeRow(row)));
      if (table.name === 'documents') {
        statement(db, "INSERT INTO documents_fts (documents_fts, rowid, title, text, search_names) VALUES ('delete', ?, ?, ?, ?)").run(row['id'], row['title'], row['text'], row['search_names']);
      }
      remove.run(...keyValues(key));
    }
  }
}

function putBack(db: Database, mergeId: number): void {
  const stored = statement(db, 'SELECT table_name, row FROM merge_stash WHERE merge_id = ? ORDER BY seq DESC').all(mergeId) as { table_name: string; row: string }[];
  for (const { table_name: table, row: text } of stored) {
    if (!TABLES.some((known) => known.name === table)) throw new DossierError('corrupt', `The merge's saved rows name a table "${table}" that a merge never writes; the case may be damaged.`);
    const row = decodeRow(JSON.parse(text) as Stored);
    const columns = Object.keys(row);
    if (!columns.every((column) => /^[a-z_0-9]+$/.test(column))) throw new DossierError('corrupt', `The merge's saved rows for ${table} are damaged.`);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((column) => row[column]));
    if (table === 'documents') statement(db, 'INSERT INTO documents_fts (rowid, title, text, search_names) VALUES (?, ?, ?, ?)').run(row['id'], row['title'], row['text'], row['search_names']);
  }
  statement(db, 'DELETE FROM merge_stash WHERE merge_id = ?').run(mergeId);
}

const KeySchema = z.union([z.number(), z.array(z.union([z.number(), z.string()]))]);

export const exchangeReversibles = {
  'exchange.merge': reversible({
    payload: z.object({ mergeId: z.number(), title: z.string(), rows: z.record(z.string(), z.array(KeySchema)) }),
    describe: (p) => `merge of "${p.title}"`,
    undo: (db, p) => takeOut(db, p.mergeId, p.rows),
    redo: (db, p) => putBack(db, p.mergeId),
  }),
};
