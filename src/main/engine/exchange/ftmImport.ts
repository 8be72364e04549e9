/**
 * Bringing FollowTheMoney entity lines (an Aleph export, `ftm` output, a colleague's Dossier
 * export) into the open case: people, organisations and other legal entities, addresses with
 * coordinates as places, documents with their text, and mentions found again in that text. All
 * of it arrives suggested, for the analyst to review. Each line is checked against the FtM model;
 * a line that does not fit is reported by number and skipped.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { Model, defaultModel } from '@alephdata/followthemoney';
import type { Entity } from '@alephdata/followthemoney';
import type { EntityType } from '../../../shared/entities';
import { DossierError } from '../../../shared/errors';
import type { FtmImportReport } from '../../../shared/exchange';
import { recordHistory } from '../case/history';
import { statement } from '../case/statements';
import { findDocumentBySha256, insertDocument, storeBlob } from '../documents/repository';
import { findEntityByName, insertEntity } from './entityStore';

let model: Model | null = null;
/** The FollowTheMoney model bundled with @alephdata/followthemoney, loaded once. */
export function ftmModel(): Model {
  return (model ??= new Model(defaultModel));
}

const MAX_LINE_ERRORS = 200;

function values(entity: Entity, property: string): string[] {
  return entity.schema.hasProperty(property) ? entity.getProperty(property).map(String).filter((value) => value.trim() !== '') : [];
}

function kindOf(entity: Entity): EntityType | null {
  if (entity.schema.isA('Person')) return 'person';
  if (entity.schema.isA('Organization')) return 'organization';
  if (entity.schema.isA('Address')) return 'location';
  if (entity.schema.isA('LegalEntity')) return 'other';
  return null;
}

function isoPrefix(value: string | undefined): string | null {
  return value ? (/^\d{4}(-\d{2}(-\d{2})?)?/.exec(value)?.[0] ?? null) : null;
}

/** Reads the lines of an FtM file: one entity a line, or a JSON array of them. */
function readEntities(path: string): { line: number; raw: unknown }[] {
  const text = readFileSync(path, 'utf8');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const list = JSON.parse(trimmed) as unknown[];
    return list.map((raw, index) => ({ line: index + 1, raw }));
  }
  return text.split(/\r?\n/).flatMap((line, index) => {
    if (!line.trim()) return [];
    try {
      return [{ line: index + 1, raw: JSON.parse(line) as unknown }];
    } catch {
      return [{ line: index + 1, raw: undefined }];
    }
  });
}

/** Imports an FtM file into the case; one transaction, recorded in history. */
export function importFtm(db: Database, path: string): FtmImportReport {
  const name = basename(path);
  let lines: { line: number; raw: unknown }[];
  try {
    lines = readEntities(path);
  } catch (error) {
    throw new DossierError('invalid-input', `${name} could not be read as FollowTheMoney JSON (${(error as Error).message}); export it again as entity lines.`);
  }
  const errors: { line: number; message: string }[] = [];
  const entities: { line: number; entity: Entity }[] = [];
  for (const { line, raw } of lines) {
    if (!raw || typeof raw !== 'object' || typeof (raw as { schema?: unknown }).schema !== 'string' || typeof (raw as { id?: unknown }).id !== 'string') {
      errors.push({ line, message: 'not a FollowTheMoney entity ({"id", "schema", "properties"})' });
      continue;
    }
    try {
      entities.push({ line, entity: ftmModel().getEntity(raw as Parameters<Model['getEntity']>[0]) });
    } catch (error) {
      errors.push({ line, message: (error as Error).message });
    }
  }
  const report = { entitiesAdded: 0, entitiesJoined: 0, documentsAdded: 0, documentsJoined: 0, mentionsAdded: 0, skipped: {} as Record<string, number> };
  const byFtmId = new Map<string, { kind: 'entity' | 'document'; id: number }>();
  db.transaction(() => {
    const now = new Date().toISOString();
    for (const { entity } of entities) {
      const kind = kindOf(entity);
      if (!kind) continue;
      const names = [...values(entity, 'name'), ...values(entity, 'full')];
      const primary = names[0] ?? entity.getCaption();
      if (!primary) continue;
      const aliases = [...names.slice(1), ...values(entity, 'alias'), ...values(entity, 'previousName'), ...values(entity, 'weakAlias')];
      const existing = findEntityByName(db, kind, [primary]);
      if (existing !== null) {
        byFtmId.set(entity.id, { kind: 'entity', id: existing });
        report.entitiesJoined += 1;
        continue;
      }
      const lat = Number(values(entity, 'latitude')[0]);
      const lon = Number(values(entity, 'longitude')[0]);
      const placed = kind === 'location' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && values(entity, 'latitude').length > 0;
      const id = insertEntity(db, {
        kind,
        name: primary,
        aliases,
        status: 'suggested',
        attributes: { role: values(entity, 'position')[0] ?? values(entity, 'description')[0] ?? null, notes: values(entity, 'notes')[0] ?? null },
        place: placed ? { lat, lon, country: values(entity, 'country')[0]?.toUpperCase() ?? null } : null,
      });
      byFtmId.set(entity.id, { kind: 'entity', id });
      report.entitiesAdded += 1;
    }
    for (const { entity } of entities) {
      if (!entity.schema.isA('Document')) continue;
      const text = values(entity, 'bodyText').join('\n\n') || values(entity, 'translatedText').join('\n\n');
      const title = values(entity, 'title')[0] ?? values(entity, 'fileName')[0] ?? entity.getCaption() ?? entity.id;
      const bytes = Buffer.from(text || title, 'utf8');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const existing = findDocumentBySha256(db, sha256);
      if (existing !== null) {
        byFtmId.set(entity.id, { kind: 'document', id: existing });
        report.documentsJoined += 1;
        continue;
      }
      const source = values(entity, 'sourceUrl')[0] ?? values(entity, 'publisher')[0] ?? null;
      const { id } = insertDocument(db, {
        parentId: null,
        blobId: storeBlob(db, sha256, bytes),
        kind: 'text',
        title,
        author: values(entity, 'author')[0] ?? null,
        source,
        publishedAt: isoPrefix(values(entity, 'publishedAt')[0] ?? values(entity, 'date')[0] ?? values(entity, 'authoredAt')[0]),
        language: null,
        fileName: values(entity, 'fileName')[0] ?? null,
        importedAt: now,
        size: bytes.length,
        text: text || title,
        html: null,
        pageStarts: null,
        meta: { ftm: { id: entity.id, schema: entity.schema.name, file: name } },
      });
      byFtmId.set(entity.id, { kind: 'document', id });
      report.documentsAdded += 1;
    }
    // A Mention names an entity in a document; the first place its name appears there becomes a suggested mention.
    for (const { entity } of entities) {
      if (kindOf(entity) || entity.schema.isA('Document')) continue;
      if (!entity.schema.isA('Mention')) {
        report.skipped[entity.schema.name] = (report.skipped[entity.schema.name] ?? 0) + 1;
        continue;
      }
      const document = byFtmId.get(values(entity, 'document')[0] ?? '');
      const resolved = byFtmId.get(values(entity, 'resolved')[0] ?? '');
      if (document?.kind !== 'document' || resolved?.kind !== 'entity') continue;
      const { text } = statement(db, 'SELECT text FROM documents WHERE id = ?').get(document.id) as { text: string };
      const kind = (statement(db, 'SELECT kind FROM entities WHERE id = ?').get(resolved.id) as { kind: EntityType }).kind;
      for (const mentionName of values(entity, 'name')) {
        const start = text.indexOf(mentionName);
        if (start < 0) continue;
        const inserted = statement(
          db,
          "INSERT OR IGNORE INTO mentions (document_id, entity_id, start, end, text, type, status, origin) VALUES (?, ?, ?, ?, ?, ?, 'suggested', 'auto')",
        ).run(document.id, resolved.id, start, start + mentionName.length, mentionName, kind);
        report.mentionsAdded += inserted.changes;
      }
    }
    recordHistory(db, 'exchange.importFtm', { file: name, ...report, errors: errors.length });
  })();
  return { file: name, ...report, errors: errors.slice(0, MAX_LINE_ERRORS), errorCount: errors.length };
}
