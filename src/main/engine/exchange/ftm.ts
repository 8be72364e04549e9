/**
 * The case as FollowTheMoney entities, one JSON object a line, as `alephclient write-entities` and
 * the `ftm` tools read them (and as OpenAleph stores them): people and organisations, places as
 * Address entities with coordinates, documents with their text, mentions (Mention, resolved to the
 * entity), links (UnknownLink, with Documentation entities tying each cited document to the link's
 * subject) and analyst notes (Note). Entities carry `proof`: the documents that evidence them.
 */
import type { CaseContent, ContentDocument, ContentEntity } from './caseContent';

export interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Record<string, string[]>;
}

const DOCUMENT_MIME: Readonly<Record<string, string>> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  email: 'message/rfc822',
  newswire: 'text/plain',
};

function properties(values: Record<string, readonly (string | number | null | undefined)[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(values)) {
    const kept = [...new Set(list.filter((value): value is string | number => value !== null && value !== undefined && value !== '').map(String))];
    if (kept.length > 0) out[name] = kept;
  }
  return out;
}

/** A FollowTheMoney date: the 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' prefix of a value, or null. */
function ftmDate(value: string | null): string | null {
  return value ? (/^\d{4}(-\d{2}(-\d{2})?)?/.exec(value)?.[0] ?? null) : null;
}

function entitySchema(entity: ContentEntity): string {
  if (entity.kind === 'person') return 'Person';
  if (entity.kind === 'organization') return 'Organization';
  if (entity.kind === 'location') return 'Address';
  return 'LegalEntity';
}

function documentSchema(document: ContentDocument): string {
  if (document.kind === 'newswire' || document.kind === 'html') return 'Article';
  if (document.kind === 'email') return 'Email';
  return 'Document';
}

/** Builds the entities; `id` makes the deterministic ids. */
export function toFtm(content: CaseContent, id: (kind: string, key: string | number) => string): FtmEntity[] {
  const out: FtmEntity[] = [];
  const entityId = (entity: number) => id('ftm-entity', entity);
  const documentId = (document: number) => id('ftm-document', document);
  const kinds = new Map(content.entities.map((entity) => [entity.id, entity.kind]));
  const known = new Set(content.entities.map((entity) => entity.id));
  const documents = new Set(content.documents.map((document) => document.id));

  // Documents that evidence an entity: its confirmed mentions and the passages its links cite.
  const proof = new Map<number, Set<number>>();
  const addProof = (entity: number, document: number) => proof.set(entity, (proof.get(entity) ?? new Set()).add(document));
  for (const mention of content.mentions) if (mention.confirmed) addProof(mention.entityId, mention.documentId);
  for (const link of content.links) {
    for (const end of [link.from, link.to]) {
      if (end.startsWith('entity:')) for (const evidence of link.evidence) addProof(Number(end.slice(7)), evidence.documentId);
    }
  }

  for (const entity of content.entities) {
    const place = entity.kind === 'location' ? entity.place : null;
    out.push({
      id: entityId(entity.id),
      schema: entitySchema(entity),
      properties: properties({
        name: [entity.name],
        alias: entity.aliases,
        description: [entity.role],
        notes: [entity.notes, entity.affiliation ? `Affiliation: ${entity.affiliation}` : null],
        proof: [...(proof.get(entity.id) ?? [])].filter((document) => documents.has(document)).map(documentId),
        keywords: [`dossier:${entity.status}`, entity.subtype],
        createdAt: [ftmDate(entity.createdAt)],
        modifiedAt: [ftmDate(entity.updatedAt)],
        ...(entity.kind === 'location'
          ? { full: [entity.name], latitude: [place?.lat], longitude: [place?.lon], country: [place?.country?.toLowerCase()] }
          : {}),
      }),
    });
  }

  const mentionedBy = new Map<number, { people: string[]; companies: string[]; locations: string[] }>();
  for (const mention of content.mentions) {
    const names = mentionedBy.get(mention.documentId) ?? { people: [], companies: [], locations: [] };
    const kind = kinds.get(mention.entityId);
    const target = kind === 'person' ? names.people : kind === 'organization' ? names.companies : kind === 'location' ? names.locations : null;
    target?.push(...mention.texts);
    mentionedBy.set(mention.documentId, names);
  }
  for (const document of content.documents) {
    const mentioned = mentionedBy.get(document.id);
    out.push({
      id: documentId(document.id),
      schema: documentSchema(document),
      properties: properties({
        title: [document.title],
        fileName: [document.fileName ?? document.title],
        bodyText: [document.text],
        author: [document.author],
        publishedAt: [ftmDate(document.publishedAt)],
        date: [ftmDate(document.publishedAt)],
        mimeType: [DOCUMENT_MIME[document.kind]],
        fileSize: [document.size],
        sourceUrl: document.source && /^https?:\/\//.test(document.source) ? [document.source] : [],
        publisher: document.source && !/^https?:\/\//.test(document.source) ? [document.source] : [],
        keywords: document.sha256 ? [`sha256:${document.sha256}`] : [],
        peopleMentioned: mentioned?.people ?? [],
        companiesMentioned: mentioned?.companies ?? [],
        locationMentioned: mentioned?.locations ?? [],
        createdAt: [ftmDate(document.importedAt)],
      }),
    });
  }

  for (const mention of content.mentions) {
    if (!known.has(mention.entityId) || !documents.has(mention.documentId)) continue;
    const kind = kinds.get(mention.entityId);
    out.push({
      id: id('ftm-mention', `${mention.entityId}:${mention.documentId}`),
      schema: 'Mention',
      properties: properties({
        name: mention.texts,
        document: [documentId(mention.documentId)],
        // Mention.resolved takes a legal entity; a place is named and typed, not resolved.
        resolved: kind === 'location' ? [] : [entityId(mention.entityId)],
        detectedSchema: [entitySchema({ kind } as ContentEntity)],
      }),
    });
  }

  const endId = (end: string): string | null => {
    const [kind, raw] = end.split(':');
    const number = Number(raw);
    if (kind === 'entity') return known.has(number) ? entityId(number) : null;
    return documents.has(number) ? documentId(number) : null;
  };
  for (const link of content.links) {
    const subject = endId(link.from);
    const object = endId(link.to);
    if (!subject || !object) continue;
    const grading = link.reliability || link.credibility ? `${link.reliability ?? ''}${link.credibility ?? ''}` : null;
    const linkId = id('ftm-link', link.id);
    out.push({
      id: linkId,
      schema: 'UnknownLink',
      properties: properties({
        subject: [subject],
        object: [object],
        role: [link.relation],
        startDate: [ftmDate(link.dateStart)],
        endDate: [ftmDate(link.dateEnd)],
        description: [link.note, ...link.evidence.map((evidence) => `"${evidence.quote}" (${evidence.documentTitle})`)],
        summary: [grading ? `Grading ${grading}` : null, link.directed ? null : 'undirected'],
        recordId: [`link:${link.id}`],
      }),
    });
    for (const evidence of link.evidence) {
      if (!documents.has(evidence.documentId) || !link.from.startsWith('entity:')) continue;
      out.push({
        id: id('ftm-evidence', evidence.id),
        schema: 'Documentation',
        properties: properties({ document: [documentId(evidence.documentId)], entity: [subject], role: [`evidence: ${link.relation}`], summary: [evidence.quote] }),
      });
    }
  }

  for (const note of content.notes) {
    if (!documents.has(note.documentId)) continue;
    out.push({
      id: id('ftm-note', note.id),
      schema: 'Note',
      properties: properties({ entity: [documentId(note.documentId)], description: [note.body], summary: [note.quote], createdAt: [ftmDate(note.createdAt)] }),
    });
  }
  return out;
}
