/**
 * Analysts' own lists as CSV: entities (name, type, aliases, lat, lon, notes) and links (source,
 * target, relation, date, grading). The header names the columns (any order, any case; a mapping
 * renames the analyst's own headers); each row that cannot be used is reported with its line
 * number and why, and the rest come in, as one transaction. What the analyst listed is confirmed.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EntityType } from '../../../shared/entities';
import { DossierError } from '../../../shared/errors';
import type { CsvImportReport, CsvListKind, CsvPreview, RowError } from '../../../shared/exchange';
import { recordAudit } from '../case/history';
import { statement } from '../case/statements';
import { foldText } from '../../../shared/textFolding';
import { findEntityByName, insertEntity } from './entityStore';
import { addAlias } from '../entities/store';

/** Splits CSV text (RFC 4180: quotes, doubled quotes, line breaks inside quotes) into rows with their first line numbers. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const delimiter = detectDelimiter(text);
  const body = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index += 1;
      cells.push(cell);
      if (cells.some((value) => value.trim() !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else cell += char;
  }
  cells.push(cell);
  if (cells.some((value) => value.trim() !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.sort((left, right) => right[1] - left[1])[0]![0];
}

const COLUMNS: Readonly<Record<CsvListKind, { required: readonly string[]; optional: readonly string[] }>> = {
  entities: { required: ['name'], optional: ['type', 'aliases', 'lat', 'lon', 'notes'] },
  links: { required: ['source', 'target', 'relation'], optional: ['date', 'grading', 'directed', 'notes'] },
};

const TYPES: Readonly<Record<string, EntityType>> = {
  person: 'person',
  people: 'person',
  individual: 'person',
  organization: 'organization',
  organisation: 'organization',
  org: 'organization',
  location: 'location',
  place: 'location',
  other: 'other',
};

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** What each column means, for the mapping step. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  name: 'The entity\'s name',
  type: 'person, organization, location or other',
  aliases: 'Other names, separated by ; or |',
  lat: 'Latitude (places only)',
  lon: 'Longitude (places only)',
  notes: 'Free text',
  source: 'Name of the entity the link starts at',
  target: 'Name of the entity the link goes to',
  relation: 'What the link says (e.g. commands)',
  date: 'YYYY, YYYY-MM, YYYY-MM-DD or START/END',
  grading: 'Admiralty grading, e.g. B2',
  directed: 'no / false for an undirected link',
};

/** Headers that usually mean one of our columns, most likely first (compared without case, spaces or punctuation). */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  name: ['name', 'fullname', 'entity', 'entityname', 'label', 'title'],
  type: ['type', 'kind', 'category', 'schema', 'entitytype'],
  aliases: ['aliases', 'alias', 'aka', 'alsoknownas', 'othernames', 'alternatenames', 'variants'],
  lat: ['lat', 'latitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x'],
  notes: ['notes', 'note', 'description', 'comment', 'comments', 'remarks'],
  source: ['source', 'from', 'subject', 'sourcename', 'actor'],
  target: ['target', 'to', 'object', 'targetname'],
  relation: ['relation', 'relationship', 'predicate', 'linktype', 'label', 'type'],
  date: ['date', 'when', 'daterange', 'period', 'start'],
  grading: ['grading', 'grade', 'admiralty', 'reliability', 'confidence'],
  directed: ['directed', 'direction'],
};

const normalHeader = (header: string): string => foldText(header).replace(/[^\p{L}\p{N}]+/gu, '');

/** For each of our columns, the file's header that looks like it, each header used once. */
export function guessMapping(kind: CsvListKind, headers: readonly string[]): Record<string, string> {
  const normal = headers.map(normalHeader);
  const used = new Set<number>();
  const guessed: Record<string, string> = {};
  for (const field of [...COLUMNS[kind].required, ...COLUMNS[kind].optional]) {
    const synonyms = SYNONYMS[field] ?? [field];
    let index = synonyms.map((synonym) => normal.findIndex((header, at) => header === synonym && !used.has(at))).find((at) => at >= 0) ?? -1;
    if (index < 0) index = normal.findIndex((header, at) => !used.has(at) && header.length > 2 && synonyms.some((synonym) => synonym.length > 2 && header.includes(synonym)));
    if (index < 0) continue;
    used.add(index);
    guessed[field] = headers[index]!;
  }
  return guessed;
}

function readCsvFile(path: string, kind: CsvListKind): { file: string; header: { line: number; cells: string[] }; data: { line: number; cells: string[] }[] } {
  const file = basename(path);
  let rows: { line: number; cells: string[] }[];
  try {
    rows = parseCsv(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DossierError('not-found', `${file} could not be read (${(error as Error).message}).`);
  }
  const [header, ...data] = rows;
  if (!header) throw new DossierError('invalid-input', `${file} is empty; it needs a header row (${COLUMNS[kind].required.join(', ')}, ...).`);
  return { file, header, data };
}

/** The file's header, first rows and a guessed mapping, for the app's column-mapping step. */
export function previewCsvList(path: string, kind: CsvListKind): CsvPreview {
  const { file, header, data } = readCsvFile(path, kind);
  const headers = header.cells.map((cell) => cell.trim());
  return {
    file,
    kind,
    headers,
    rows: data.slice(0, 8).map((row) => headers.map((_, index) => (row.cells[index] ?? '').trim())),
    total: data.length,
    fields: [
      ...COLUMNS[kind].required.map((field) => ({ field, required: true, description: DESCRIPTIONS[field] ?? '' })),
      ...COLUMNS[kind].optional.map((field) => ({ field, required: false, description: DESCRIPTIONS[field] ?? '' })),
    ],
    guessed: guessMapping(kind, headers),
  };
}

/** Imports an entity or link list into the case. `mapping` maps our column names to the file's headers. */
export function importCsvList(db: Database, path: string, kind: CsvListKind, mapping: Readonly<Record<string, string>> = {}): CsvImportReport {
  const { file, header, data } = readCsvFile(path, kind);
  const headers = header.cells.map((cell) => cell.trim().toLowerCase());
  const columnIndex = (column: string): number => headers.indexOf((mapping[column] ?? column).trim().toLowerCase());
  const missing = COLUMNS[kind].required.filter((column) => columnIndex(column) < 0);
  if (missing.length > 0) {
    throw new DossierError(
      'invalid-input',
      `${file} has no column ${missing.map((column) => `"${mapping[column] ?? column}"`).join(', ')}; its header is "${header.cells.join(', ')}". ` +
        `Rename the columns or map them (e.g. --map ${missing[0]}=YOUR_HEADER).`,
    );
  }
  const value = (cells: readonly string[], column: string): string => {
    const index = columnIndex(column);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  const errors: RowError[] = [];
  let added = 0;
  let joined = 0;
  db.transaction(() => {
    for (const { line, cells } of data) {
      const message = kind === 'entities' ? entityRow(db, (column) => value(cells, column)) : linkRow(db, (column) => value(cells, column));
      if (message === 'added') added += 1;
      else if (message === 'joined') joined += 1;
      else errors.push({ line, message });
    }
    recordAudit(db, 'exchange.importCsv', { file, kind, added, joined, errors: errors.length });
  })();
  return { file, kind, rows: data.length, added, joined, errors };
}

/** One entity row: 'added', 'joined' or why it could not be used. */
function entityRow(db: Database, get: (column: string) => string): string {
  const name = get('name');
  if (!name) return 'no name';
  const typeText = get('type').toLowerCase();
  const type = typeText ? TYPES[typeText] : 'other';
  if (!type) return `type "${get('type')}" is not one of person, organization, location, other`;
  const [latText, lonText] = [get('lat'), get('lon')];
  if ((latText === '') !== (lonText === '')) return 'give both lat and lon, or neither';
  const lat = Number(latText.replace(',', '.'));
  const lon = Number(lonText.replace(',', '.'));
  const placed = latText !== '';
  if (placed && (!Number.isFinite(lat) || lat < -90 || lat > 90)) return `lat "${latText}" is not a latitude (-90 to 90)`;
  if (placed && (!Number.isFinite(lon) || lon < -180 || lon > 180)) return `lon "${lonText}" is not a longitude (-180 to 180)`;
  if (placed && type !== 'location') return `coordinates are for places; "${name}" is a ${type}`;
  const aliases = get('aliases').split(/[;|]/).map((alias) => alias.trim()).filter(Boolean);
  const existing = findEntityByName(db, type, [name]);
  if (existing !== null) {
    for (const alias of aliases) addAlias(db, existing, alias);
    return 'joined';
  }
  insertEntity(db, { kind: type, name, aliases, status: 'confirmed', attributes: { notes: get('notes') || null }, place: placed ? { lat, lon } : null });
  return 'added';
}

/** The one entity a name in a link list means, of any kind; or why there is none. */
function entityNamed(db: Database, name: string): number | string {
  const rows = statement(db, 'SELECT DISTINCT entity_id AS id FROM entity_aliases WHERE folded = ? LIMIT 3').all(foldText(name)) as { id: number }[];
  if (rows.length === 0) return `no entity is called "${name}"; add it to the entity list first`;
  if (rows.length > 1) return `"${name}" names ${rows.length} entities (ids ${rows.map((row) => row.id).join(', ')}); merge them or use a name only one has`;
  return rows[0]!.id;
}

/** One link row: 'added', 'joined' or why it could not be used. */
function linkRow(db: Database, get: (column: string) => string): string {
  const source = entityNamed(db, get('source'));
  if (typeof source === 'string') return get('source') ? `source: ${source}` : 'no source';
  const target = entityNamed(db, get('target'));
  if (typeof target === 'string') return get('target') ? `target: ${target}` : 'no target';
  if (source === target) return 'source and target are the same entity';
  const relation = get('relation');
  if (!relation || relation.length > 100) return relation ? 'relation is longer than 100 characters' : 'no relation';
  const [start, end = start] = get('date') ? get('date').split('/').map((part) => part.trim()) : [];
  if (start !== undefined && (!DATE.test(start) || !DATE.test(end!))) return `date "${get('date')}" is not YYYY, YYYY-MM, YYYY-MM-DD or START/END`;
  if (start !== undefined && end! < start) return `date "${get('date')}" ends before it starts`;
  const grading = get('grading').toUpperCase().replace(/\s+/g, '');
  const gradingMatch = /^([A-F])?([1-6])?$/.exec(grading);
  if (!gradingMatch) return `grading "${get('grading')}" is not Admiralty (a letter A-F and a digit 1-6, e.g. B2)`;
  const directedText = get('directed').toLowerCase();
  const directed = !['false', 'no', '0', 'undirected'].includes(directedText);
  const exists = statement(db, "SELECT 1 FROM links WHERE from_kind = 'entity' AND from_id = ? AND to_kind = 'entity' AND to_id = ? AND relation = ?").get(source, target, relation);
  if (exists) return 'joined';
  const now = new Date().toISOString();
  statement(
    db,
    `INSERT INTO links (from_kind, from_id, to_kind, to_id, relation, directed, date_start, date_end, reliability, credibility, note, created_at, updated_at)
     VALUES ('entity', ?, 'entity', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(source, target, relation, directed ? 1 : 0, start ?? null, start === end ? null : (end ?? null), gradingMatch[1] ?? null, gradingMatch[2] ? Number(gradingMatch[2]) : null, get('notes'), now, now);
  return 'added';
}
