/**
 * The case as one STIX 2.1 bundle, for OpenCTI and other threat-intelligence tools: people and
 * organisations as identities, placed locations as locations, links as relationships (evidence in
 * the description, Admiralty grading in `x_dossier_grading` and as STIX confidence), analyst notes
 * as notes, and the case as a report that refers to everything, with its documents as external
 * references (title and SHA-256). Ids are UUIDv5 of the case and the object, so a re-export keeps them.
 */
import type { ContentDocument, CaseContent, ContentEntity } from './caseContent';
import type { Link } from '../../../shared/graph';

export type StixObject = Record<string, unknown> & { readonly type: string; readonly id: string };

export interface StixBundle {
  readonly type: 'bundle';
  readonly id: string;
  readonly objects: readonly StixObject[];
}

export interface StixExport {
  readonly bundle: StixBundle;
  /** What could not be said in STIX, for the user: places with no coordinates, links to documents. */
  readonly left: { readonly unplacedLocations: number; readonly documentLinks: number };
}

/** STIX's Admiralty credibility mapping (STIX 2.1 appendix on confidence scales); 6 cannot be judged. */
const ADMIRALTY_CONFIDENCE: Readonly<Record<number, number>> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10 };
const IDENTITY_CLASS: Readonly<Record<string, string>> = { person: 'individual', organization: 'organization', other: 'unknown' };

/** An RFC 3339 UTC timestamp with milliseconds, as STIX wants, from an ISO string. */
export function stixTimestamp(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** The first or last instant of a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' period. */
export function periodBound(value: string, end: boolean): string | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) - 1 : end ? 11 : 0;
  if (!end) return new Date(Date.UTC(year, month, match[3] ? Number(match[3]) : 1)).toISOString();
  const next = match[3] ? Date.UTC(year, month, Number(match[3]) + 1) : Date.UTC(year, month + 1, 1);
  return new Date(next - 1).toISOString();
}

/** A STIX relationship_type: lower-case ASCII letters, digits and hyphens. */
export function relationshipType(relation: string): string {
  const slug = relation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'related-to';
}

function documentReference(document: ContentDocument, description?: string): Record<string, unknown> {
  return {
    source_name: 'dossier-document',
    external_id: `document:${document.id}`,
    description: description ?? document.title,
    ...(document.source && /^https?:\/\//.test(document.source) ? { url: document.source } : {}),
    ...(document.sha256 ? { hashes: { 'SHA-256': document.sha256 } } : {}),
  };
}

/** Drops absent values: STIX properties are either present with a value or not there at all. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as T;
}

/** Builds the bundle; `id` makes the deterministic UUIDs. */
export function toStix(content: CaseContent, id: (kind: string, key: string | number) => string): StixExport {
  const objects: StixObject[] = [];
  const entityIds = new Map<number, string>();
  const documents = new Map(content.documents.map((document) => [document.id, document]));
  let unplacedLocations = 0;
  let documentLinks = 0;

  const common = (type: string, key: string | number, created: string, modified: string) => ({
    type,
    spec_version: '2.1',
    id: `${type}--${id(type, key)}`,
    created: stixTimestamp(created),
    modified: stixTimestamp(modified < created ? created : modified),
  });

  for (const entity of content.entities) {
    const object = entityObject(entity, common);
    if (!object) {
      unplacedLocations += 1;
      continue;
    }
    entityIds.set(entity.id, object.id);
    objects.push(object);
  }

  for (const link of content.links) {
    const from = link.from.startsWith('entity:') ? entityIds.get(Number(link.from.slice(7))) : undefined;
    const to = link.to.startsWith('entity:') ? entityIds.get(Number(link.to.slice(7))) : undefined;
    if (!from || !to) {
      documentLinks += 1;
      continue;
    }
    objects.push(relationshipObject(link, from, to, documents, common));
  }

  const report = common('report', content.uid, content.createdAt, content.updatedAt);
  for (const note of content.notes) {
    const document = documents.get(note.documentId);
    objects.push(
      compact({
        ...common('note', note.id, note.createdAt, note.updatedAt),
        abstract: note.quote.slice(0, 200),
        content: note.body || note.quote,
        object_refs: [report.id],
        external_references: document ? [documentReference(document, `${document.title}, characters ${note.start}-${note.end}: "${note.quote}"`)] : [],
      }),
    );
  }

  objects.push(
    compact({
      ...report,
      name: content.title,
      description: content.description,
      published: stixTimestamp(content.updatedAt),
      report_types: ['threat-report'],
      object_refs: objects.map((object) => object.id),
      external_references: content.documents.map((document) => documentReference(document)),
    }),
  );
  return { bundle: { type: 'bundle', id: `bundle--${id('bundle', content.uid)}`, objects }, left: { unplacedLocations, documentLinks } };
}

type Common = (type: string, key: string | number, created: string, modified: string) => StixObject;

function entityObject(entity: ContentEntity, common: Common): StixObject | null {
  const custom = {
    x_dossier_id: `entity:${entity.id}`,
    x_dossier_status: entity.status,
    x_dossier_aliases: entity.aliases,
    x_dossier_subtype: entity.subtype,
  };
  if (entity.kind === 'location') {
    // A STIX location needs coordinates, a country or a region; a place the gazetteer did not find has none.
    if (!entity.place) return null;
    return compact({
      ...common('location', entity.id, entity.createdAt, entity.updatedAt),
      name: entity.name,
      description: entity.notes,
      latitude: entity.place.lat,
      longitude: entity.place.lon,
      country: entity.place.country,
      ...custom,
      x_dossier_gazetteer_id: entity.place.gazetteerId,
    });
  }
  const description = [entity.role, entity.affiliation ? `Affiliation: ${entity.affiliation}` : null, entity.notes].filter(Boolean).join('\n');
  return compact({
    ...common('identity', entity.id, entity.createdAt, entity.updatedAt),
    name: entity.name,
    description,
    identity_class: IDENTITY_CLASS[entity.kind] ?? 'unknown',
    roles: entity.role ? [entity.role] : [],
    ...custom,
  });
}

function relationshipObject(link: Link, source: string, target: string, documents: ReadonlyMap<number, ContentDocument>, common: Common): StixObject {
  const evidence = link.evidence.map((item) => `"${item.quote}" (${item.documentTitle}${item.publishedAt ? `, ${item.publishedAt.slice(0, 10)}` : ''})`);
  const description = [link.note, ...evidence].filter(Boolean).join('\n');
  const start = link.dateStart ? periodBound(link.dateStart, false) : null;
  const stop = link.dateEnd ? periodBound(link.dateEnd, true) : link.dateStart ? periodBound(link.dateStart, true) : null;
  const cited = [...new Set(link.evidence.map((item) => item.documentId))].flatMap((documentId) => {
    const document = documents.get(documentId);
    return document ? [documentReference(document)] : [];
  });
  return compact({
    ...common('relationship', link.id, link.createdAt, link.updatedAt),
    relationship_type: relationshipType(link.relation),
    source_ref: source,
    target_ref: target,
    description,
    start_time: start,
    stop_time: start && stop && stop > start ? stop : null,
    confidence: link.credibility ? ADMIRALTY_CONFIDENCE[link.credibility] : undefined,
    external_references: cited,
    x_dossier_relation: link.relation,
    x_dossier_directed: link.directed,
    x_dossier_grading: link.reliability || link.credibility ? `${link.reliability ?? ''}${link.credibility ?? ''}` : null,
  });
}
