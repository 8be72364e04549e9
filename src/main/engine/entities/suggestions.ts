/**
 * Stores extraction's suggestions: each mention joins the entity it names — found by gazetteer place,
 * by folded alias (case and diacritics), or by spelling skeleton (transliteration) — or starts a new
 * suggested entity. A span that already has a mention (confirmed, suggested or rejected) is left
 * alone, so running extraction again never undoes the analyst's review.
 */
import type { Database } from 'better-sqlite3';
import { foldText, spellingSkeleton } from '../../../shared/textFolding';
import { statement } from '../case/statements';
import { distanceKm } from '../geo/resolve';
import type { PlaceLookup } from './store';
import { addAlias, createEntity } from './store';
import type { PlaceChoice } from '../extract/pipeline';
import type { CaseName, EnrichedMention } from './enrich';
import { liveMention } from './liveMentions';
import { rawAttributes } from './attributes';
import { documentDateOf } from '../claims/reading';
import { storeReading } from '../claims/store';
import { examplesInEffect } from '../learning/examples';
import { redrawingOf } from '../learning/layer';
import type { CaseKnowledge, DocumentFindings, EntityAnalyzer } from './finder';
import { DocumentFinder } from './finder';
import type { TimeMention } from '../reading/time';

export type { EntityAnalyzer } from './finder';
export { paragraphEnd } from './finder';

/** Skeletons this short merge unrelated names too easily (Ali, Aly), so they are not trusted alone. */
const MIN_SKELETON_LENGTH = 6;
/**
 * Two spellings of one place ("Kalbajar", "Kelbajar") can resolve to two gazetteer entries a few km
 * apart (the town and its district); within this distance, a place spelt alike is the same entity.
 */
const SAME_PLACE_KM = 30;

/** The location entity spelt like `name` (by skeleton) placed within SAME_PLACE_KM of `place`, if any. */
function nearbyPlaceSpeltAlike(db: Database, name: string, place: PlaceChoice): number | null {
  const skeleton = spellingSkeleton(name);
  if (skeleton.length < 4) return null;
  const rows = statement(
    db,
    `SELECT DISTINCT a.entity_id, p.lat, p.lon FROM entity_aliases a JOIN entities e ON e.id = a.entity_id JOIN places p ON p.entity_id = e.id
     WHERE a.skeleton = ? AND e.kind = 'location' ORDER BY a.entity_id`,
  ).all(skeleton) as { entity_id: number; lat: number; lon: number }[];
  return rows.find((row) => distanceKm(row.lat, row.lon, place.lat, place.lon) <= SAME_PLACE_KM)?.entity_id ?? null;
}

/** A one-word name: a lone surname or a village, which the tagger mixes up. */
const isOneWord = (name: string): boolean => !/\s/.test(name.trim());

/** Mentions that make a location without coordinates a place the case knows (a village the gazetteer lacks). */
const KNOWN_PLACE_MENTIONS = 3;

/** Whether a location has coordinates, and its unrejected mentions counted up to one past KNOWN_PLACE_MENTIONS. */
function placeStanding(db: Database, entityId: number): { placed: boolean; mentions: number } {
  if (statement(db, 'SELECT 1 FROM places WHERE entity_id = ?').get(entityId)) return { placed: true, mentions: 0 };
  const { count } = statement(
    db,
    `SELECT count(*) AS count FROM (SELECT 1 FROM mentions WHERE entity_id = ? AND ${liveMention()} LIMIT ${KNOWN_PLACE_MENTIONS + 1})`,
  ).get(entityId) as { count: number };
  return { placed: false, mentions: count };
}

/** A location entity that is placed, or named as a place often enough to trust. */
function isKnownPlace(db: Database, entityId: number): boolean {
  const { placed, mentions } = placeStanding(db, entityId);
  return placed || mentions >= KNOWN_PLACE_MENTIONS;
}

/**
 * Whether the location just mentioned has become a known place with this mention: created with a
 * place, or unplaced and now at KNOWN_PLACE_MENTIONS mentions. Only then can earlier one-word
 * "people" of its name join it; later ones join on arrival (knownPlaceNamed). Checked this way, a
 * large import does not query for every mention of every place.
 */
function becameKnownPlace(db: Database, entityId: number, created: boolean): boolean {
  const { placed, mentions } = placeStanding(db, entityId);
  return placed ? created : mentions === KNOWN_PLACE_MENTIONS;
}

/** The case's known place (isKnownPlace) written `name` (case and diacritics folded), if any. */
function knownPlaceNamed(db: Database, name: string): number | null {
  const rows = statement(
    db,
    `SELECT DISTINCT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
     WHERE a.folded = ? AND e.kind = 'location' ORDER BY e.id`,
  ).all(foldText(name)) as { entity_id: number }[];
  return rows.find((row) => isKnownPlace(db, row.entity_id))?.entity_id ?? null;
}

/**
 * A one-word "person" the case knows as a place is that place ("Sotk", "Vardenis", "Zar"): the tagger
 * reads an unknown village's name as a surname. Earlier such suggestions join the place when it arrives;
 * a person the analyst confirmed, or a mention they reviewed, is left alone.
 */
function absorbPeopleNamedLike(db: Database, placeEntityId: number, name: string): void {
  if (!isOneWord(name)) return;
  const people = statement(
    db,
    `SELECT DISTINCT e.id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
     WHERE a.folded = ? AND e.kind = 'person' AND e.status = 'suggested'`,
  ).all(foldText(name)) as { id: number }[];
  for (const { id } of people) {
    const names = statement(db, 'SELECT alias FROM entity_aliases WHERE entity_id = ?').all(id) as { alias: string }[];
    if (names.some(({ alias }) => !isOneWord(alias))) continue;
    statement(db, "UPDATE mentions SET entity_id = ?, type = 'location' WHERE entity_id = ? AND status = 'suggested' AND origin = 'auto'").run(placeEntityId, id);
    if (!statement(db, 'SELECT 1 FROM mentions WHERE entity_id = ?').get(id)) statement(db, 'DELETE FROM entities WHERE id = ?').run(id);
  }
}

function findEntity(db: Database, mention: EnrichedMention): number | null {
  if (mention.entityId !== undefined) return mention.entityId;
  if (mention.place) {
    const byPlace = statement(db, 'SELECT entity_id FROM places WHERE gazetteer_id = ? ORDER BY entity_id LIMIT 1').get(mention.place.id) as
      | { entity_id: number }
      | undefined;
    if (byPlace) return byPlace.entity_id;
    const alike = nearbyPlaceSpeltAlike(db, mention.entity.name, mention.place);
    if (alike !== null) return alike;
  }
  const name = mention.entity.name;
  const byFolded = statement(
    db,
    'SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.folded = ? AND e.kind = ? ORDER BY e.id LIMIT 1',
  ).get(foldText(name), mention.type) as { entity_id: number } | undefined;
  if (byFolded) return byFolded.entity_id;
  const skeleton = spellingSkeleton(name);
  if (skeleton.length < MIN_SKELETON_LENGTH || mention.place) return null;
  const bySkeleton = statement(
    db,
    'SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.skeleton = ? AND e.kind = ? ORDER BY e.id LIMIT 1',
  ).get(skeleton, mention.type) as { entity_id: number } | undefined;
  return bySkeleton?.entity_id ?? null;
}

/** Role and affiliation a mention says of its entity; a place's role (affiliation, government) is the mention's own. */
function attributesOf(mention: EnrichedMention): Record<string, string> {
  if (mention.type === 'location') return {};
  return { ...(mention.role ? { role: mention.role } : {}), ...(mention.affiliation ? { affiliation: mention.affiliation } : {}) };
}

/** Fills in what a suggested entity did not know yet; the analyst's own values are never replaced. */
function learnAttributes(db: Database, entityId: number, mention: EnrichedMention): void {
  const learned = attributesOf(mention);
  if (Object.keys(learned).length === 0) return;
  const row = statement(db, 'SELECT attributes FROM entities WHERE id = ?').get(entityId) as { attributes: string } | undefined;
  if (!row) return;
  const current = rawAttributes(row.attributes);
  const missing = Object.entries(learned).filter(([key]) => typeof current[key] !== 'string' || !current[key]);
  if (missing.length === 0) return;
  statement(db, 'UPDATE entities SET attributes = ? WHERE id = ?').run(JSON.stringify({ ...current, ...Object.fromEntries(missing) }), entityId);
}

/** The gazetteer place a mention was resolved to, as a new entity takes it. */
function placeLookupOf(mention: EnrichedMention): PlaceLookup | undefined {
  const { place } = mention;
  return place ? { chosen: place, confidence: place.confidence, candidates: place.candidates } : undefined;
}

const capitalNames = new WeakMap<Database, Set<number>>();

/**
 * The suggestions of a case whose names have no small letter ("NEW YORK"), found once per open case and kept up as
 * suggestions are stored: a mention written in small letters renames them, and asking only for these spares an
 * update for every mention stored.
 */
function namedInCapitals(db: Database): Set<number> {
  let ids = capitalNames.get(db);
  if (!ids) {
    const rows = statement(db, "SELECT id FROM entities WHERE status = 'suggested' AND name = upper(name) AND name <> lower(name)").all() as { id: number }[];
    ids = new Set(rows.map((row) => row.id));
    capitalNames.set(db, ids);
  }
  return ids;
}

/** Stores one document's suggestions; call it inside the document's import transaction. */
export function storeSuggestions(db: Database, documentId: number, mentions: readonly EnrichedMention[]): number {
  const now = new Date().toISOString();
  const capitals = namedInCapitals(db);
  let stored = 0;
  for (const suggested of mentions) {
    if (suggested.type === 'other') continue;
    const taken = statement(db, 'SELECT 1 FROM mentions WHERE document_id = ? AND start = ? AND end = ?').get(documentId, suggested.start, suggested.end);
    if (taken) continue;
    const place = suggested.type === 'person' && suggested.entityId === undefined && isOneWord(suggested.entity.name) ? knownPlaceNamed(db, suggested.entity.name) : null;
    const mention: EnrichedMention = place === null ? suggested : { ...suggested, type: 'location', entityId: place, role: undefined };
    const found = findEntity(db, mention);
    const entityId = found ?? createEntity(db, { name: mention.entity.name, type: mention.type, status: 'suggested', attributes: attributesOf(mention), place: placeLookupOf(mention) }, now);
    if (found !== null) {
      learnAttributes(db, entityId, mention);
      // A suggestion first met in capitals (a dateline's "NEW YORK", a headline) takes the name as running text writes it.
      if (capitals.has(entityId) && /\p{Ll}/u.test(mention.entity.name)) {
        const renamed = statement(db, "UPDATE entities SET name = ? WHERE id = ? AND status = 'suggested' AND name = upper(name) AND lower(name) = lower(?)").run(
          mention.entity.name,
          entityId,
          mention.entity.name,
        );
        if (renamed.changes > 0) capitals.delete(entityId);
      }
    } else if (!/\p{Ll}/u.test(mention.entity.name)) capitals.add(entityId);
    addAlias(db, entityId, mention.text);
    statement(db, 'INSERT INTO mentions (document_id, entity_id, start, end, text, type, role) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      documentId,
      entityId,
      mention.start,
      mention.end,
      mention.text,
      mention.type,
      mention.role ?? null,
    );
    if (mention.type === 'location' && becameKnownPlace(db, entityId, found === null)) absorbPeopleNamedLike(db, entityId, mention.text);
    stored += 1;
  }
  return stored;
}

/** The analyst's confirmed names, found in every document extracted afterwards. */
function confirmedNames(db: Database): CaseName[] {
  return statement(
    db,
    `SELECT a.entity_id AS entityId, a.alias, e.kind AS type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
     WHERE e.status = 'confirmed'`,
  ).all() as CaseName[];
}

/**
 * One extraction pass over a case; the case's confirmed names and what its review taught (the
 * learned layer) are read once, when it starts.
 */
export class CaseExtraction {
  /** What the pass knows of the case, as rows: a worker that finds for this pass is given them. */
  readonly known: CaseKnowledge;
  private readonly finder: DocumentFinder;

  constructor(
    private readonly db: Database,
    analyzer: EntityAnalyzer,
  ) {
    const examples = examplesInEffect(db);
    this.known = { caseNames: confirmedNames(db), examples, redrawing: redrawingOf(db, examples) };
    this.finder = new DocumentFinder(analyzer, this.known);
  }

  /** What extraction suggests in a text (already cut to the extraction limit), as the case has learned to suggest it; nothing is stored. */
  suggestions(text: string): EnrichedMention[] {
    return this.finder.suggestions(text);
  }

  /** What extraction finds in a document (`documentDate` YYYY-MM-DD; `times` from `findTimes`, when asked already), for `store`; nothing is stored. */
  find(fullText: string, documentDate: string | undefined, times?: readonly TimeMention[]): DocumentFindings {
    return this.finder.find(fullText, documentDate, times);
  }

  /** The times the reading layer would find in a document, for `find` (see DocumentFinder.findTimes). */
  findTimes(fullText: string, documentDate: string | undefined): TimeMention[] | undefined {
    return this.finder.findTimes(fullText, documentDate);
  }

  /**
   * Extracts one document and stores its suggestions, then reads it (times, claims, events,
   * relations) against the names just stored; call it inside the document's transaction.
   */
  suggest(documentId: number, fullText: string): number {
    return this.store(documentId, fullText, this.finder.find(fullText, documentDateOf(this.db, documentId)));
  }

  /** Stores what was found in a document (here or by a worker given `known`); call it inside the document's transaction. */
  store(documentId: number, fullText: string, findings: DocumentFindings): number {
    const { readLength } = findings;
    if (readLength < fullText.length) {
      const note = `Names, places, times and claims were looked for in the first ${readLength.toLocaleString('en-US')} of its ${fullText.length.toLocaleString('en-US')} characters (the limit maxCharacters of extraction); the whole text is searchable.`;
      statement(this.db, "UPDATE documents SET meta = json_set(meta, '$.extraction', ?) WHERE id = ?").run(note, documentId);
    }
    const stored = storeSuggestions(this.db, documentId, findings.mentions);
    return findings.reading ? stored + storeReading(this.db, documentId, findings.reading) : stored;
  }
}
