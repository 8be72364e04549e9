/**
 * Merging a colleague's case into the open one. Documents join by the SHA-256 of their original
 * (or of their text when they have none); entities by a gazetteer place or a shared name of the
 * same kind (mergeEntities.ts, which lists look-alike pairs for the analyst); tags, notes, links
 * with their evidence, mentions, drawings and briefings come along (mergeContent.ts), and so does
 * the reading layer of added documents (mergeReading.ts), each recorded with the merge it came
 * from. What is already here is never changed. The whole merge is one undoable step (mergeStash.ts).
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { MergeProgress, MergeReport } from '../../../shared/exchange';
import { DossierError } from '../../../shared/errors';
import { openCaseFile } from '../case/caseFile';
import type { CaseFileOptions } from '../case/caseFile';
import { statement } from '../case/statements';
import { getCaseMeta } from '../case/meta';
import { caseUid } from './identity';
import type { MergeContext, Row } from './mergeContext';
import { mergeBriefings, mergeDrawings, mergeLinks, mergeMentions, mergeNotes } from './mergeContent';
import { mergeEntities } from './mergeEntities';
import { mergeReading } from './mergeReading';
import { AddedRows, recordMerge } from './mergeStash';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface MergeOptions extends CaseFileOptions {
  readonly analyst?: string;
  /** Told how far the merge has got, stage by stage. */
  readonly onProgress?: (progress: MergeProgress) => void;
}

/**
 * Merges the case at `sourcePath` into `db`. The source is opened read-only and never written.
 * Answers the report, which is also kept in the case (case_merges).
 */
export function mergeCase(db: Database, sourcePath: string, options: MergeOptions = {}): MergeReport {
  let source;
  try {
    source = openCaseFile(sourcePath, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), readOnly: true });
  } catch (error) {
    if (error instanceof DossierError && error.code === 'read-only') {
      throw new DossierError('invalid-input', `${sourcePath} is in an older case format; open it in Dossier once (which updates it), then merge it again.`);
    }
    throw error;
  }
  try {
    return db.transaction(() => mergeFrom(db, source.db, source.path, options))();
  } finally {
    source.db.close();
  }
}

function mergeFrom(db: Database, src: Database, sourcePath: string, options: MergeOptions): MergeReport {
  const sourceUid = caseUid(src);
  const sourceTitle = getCaseMeta(src).title;
  const now = new Date().toISOString();
  const mergeId = Number(
    statement(db, "INSERT INTO case_merges (source_uid, source_title, source_path, analyst, merged_at, report) VALUES (?, ?, ?, ?, ?, '{}')").run(
      sourceUid,
      sourceTitle,
      sourcePath,
      options.analyst ?? null,
      now,
    ).lastInsertRowid,
  );
  const provenance = statement(db, 'INSERT OR IGNORE INTO merge_provenance (merge_id, item_kind, item_id, source_item_id, action) VALUES (?, ?, ?, ?, ?)');
  const context: MergeContext = {
    db,
    src,
    mergeId,
    sourceTitle,
    now,
    added: new AddedRows(),
    conflicts: [],
    doubtful: [],
    documents: new Map(),
    entities: new Map(),
    links: new Map(),
    notes: new Map(),
    addedDocuments: new Set(),
    remember: (kind, id, sourceId, action) => void provenance.run(mergeId, kind, id, sourceId, action),
    progress: (stage, done, total) => options.onProgress?.({ stage, done, total }),
  };
  const { added } = context;
  const tags = mergeTags(context);
  const documentsJoined = mergeDocuments(context, tags.map);
  mergeEntities(context);
  context.progress('content', 0, 1);
  mergeMentions(context);
  const notesJoined = mergeNotes(context);
  const linksJoined = mergeLinks(context);
  const drawingsJoined = mergeDrawings(context);
  const briefingsJoined = mergeBriefings(context);
  mergeReading(context);

  const report: MergeReport = {
    mergeId,
    source: { title: sourceTitle, uid: sourceUid, path: sourcePath },
    sameCase: sourceUid === caseUid(db),
    joined: {
      documents: documentsJoined,
      entities: context.entities.size - added.count('entities'),
      tags: tags.joined,
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
      times: added.count('time_mentions'),
      claims: added.count('claims'),
      events: added.count('events'),
      relations: added.count('relation_suggestions'),
    },
    conflicts: context.conflicts,
    doubtful: context.doubtful,
    changed: added.any,
  };
  if (!report.changed) {
    // Nothing came in (the same case, or one merged before): the case stays exactly as it was.
    statement(db, 'DELETE FROM case_merges WHERE id = ?').run(mergeId);
    return { ...report, mergeId: null };
  }
  statement(db, 'UPDATE case_merges SET report = ? WHERE id = ?').run(JSON.stringify(report), mergeId);
  recordMerge(db, mergeId, sourceTitle, added);
  return report;
}

/** Tags, joined by name; answers source id -> id here and how many joined. */
function mergeTags(context: MergeContext): { map: Map<number, number>; joined: number } {
  const { db, src, added } = context;
  const tagMap = new Map<number, number>();
  let tagsJoined = 0;
  for (const tag of src.prepare('SELECT id, name, color, created_at FROM tags ORDER BY id').all() as Row[]) {
    const existing = statement(db, 'SELECT id FROM tags WHERE name = ?').get(tag['name']) as { id: number } | undefined;
    if (existing) {
      tagMap.set(tag['id'] as number, existing.id);
      tagsJoined += 1;
      context.remember('tag', existing.id, tag['id'] as number, 'joined');
      continue;
    }
    const id = Number(statement(db, 'INSERT INTO tags (name, color, created_at) VALUES (?, ?, ?)').run(tag['name'], tag['color'], tag['created_at']).lastInsertRowid);
    tagMap.set(tag['id'] as number, id);
    added.add('tags', id);
    context.remember('tag', id, tag['id'] as number, 'added');
  }

  return { map: tagMap, joined: tagsJoined };
}

/** Documents, joined by the SHA-256 of the original (or of the text for one with none), and their tags; answers how many joined. */
function mergeDocuments(context: MergeContext, tagMap: ReadonlyMap<number, number>): number {
  const { db, src, added, sourceTitle } = context;
  const sourceUid = caseUid(src);
  const documentMap = context.documents;
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
  const documentTotal = (src.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  for (const row of documentRows.iterate() as IterableIterator<Row>) {
    const sourceId = row['id'] as number;
    if (documentMap.size % 200 === 0) context.progress('documents', documentMap.size, documentTotal);
    const blobSha = row['blob_sha256'] as string | null;
    const existing = blobSha ? (byBlob.get(blobSha) as { id: number } | undefined)?.id : findBlobless(row['text'] as string);
    if (existing !== undefined) {
      documentMap.set(sourceId, existing);
      documentsJoined += 1;
      context.remember('document', existing, sourceId, 'joined');
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
    context.remember('document', id, sourceId, 'added');
    context.addedDocuments.add(sourceId);
  }

  for (const row of src.prepare('SELECT document_id, tag_id FROM document_tags').iterate() as IterableIterator<{ document_id: number; tag_id: number }>) {
    const documentId = documentMap.get(row.document_id);
    const tagId = tagMap.get(row.tag_id);
    if (documentId === undefined || tagId === undefined) continue;
    if (statement(db, 'INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (?, ?)').run(documentId, tagId).changes > 0) added.add('document_tags', [documentId, tagId]);
  }
  return documentsJoined;
}
