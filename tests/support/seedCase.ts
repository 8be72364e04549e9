/**
 * The seed article in a new case, with its actors and places written here as data: they go in through
 * the engine's own functions (`storeSuggestions`, as extraction stores what it finds), not through the
 * tagger, so retraining the model cannot change what the tests built on this start from.
 */
import { join } from 'node:path';
import type { PlaceOption } from '../../src/shared/entities';
import { createEngine } from '../../src/main/engine/engine';
import type { EnrichedMention } from '../../src/main/engine/entities/enrich';
import { storeSuggestions } from '../../src/main/engine/entities/suggestions';
import { projectRoot } from './built';

export const SEED_ARTICLE = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');
/** Pashinyan's words the link Pashinyan —accuses→ Azerbaijan cites. */
export const SEED_QUOTE = 'totally unacceptable';

const place = (id: string, name: string, lat: number, lon: number, country: string, featureCode: string): PlaceOption => ({
  id,
  name,
  lat,
  lon,
  country,
  admin1: '',
  featureCode,
});

/** Who and where the seed article names: each spelling, the entity it names, and for a place where it is (GeoNames). */
const SEED_NAMES: readonly { text: string; type: 'person' | 'organization' | 'location'; name: string; place?: PlaceOption; role?: string; affiliation?: string }[] = [
  { text: 'Nikol Pashinián', type: 'person', name: 'Nikol Pashinyan', role: 'Prime Minister', affiliation: 'Armenia' },
  { text: 'Pashinian', type: 'person', name: 'Nikol Pashinyan' },
  { text: 'Ilham Aliyev', type: 'person', name: 'Ilham Aliyev', role: 'President', affiliation: 'Azerbaijan' },
  { text: 'Azerbaijani Ministry of Defense', type: 'organization', name: 'Azerbaijani Ministry of Defense' },
  { text: 'Azerbaijan', type: 'location', name: 'Azerbaijan', place: place('geonames:587116', 'Azerbaijan', 40.5, 47.5, 'AZ', 'PCLI') },
  { text: 'Armenia', type: 'location', name: 'Armenia', place: place('geonames:174982', 'Armenia', 40.25, 45, 'AM', 'PCLI') },
  { text: 'Kalbajar', type: 'location', name: 'Kalbajar', place: place('geonames:586523', 'Kalbajar', 40.09806, 46.03889, 'AZ', 'PPLA2') },
  { text: 'Yerevan', type: 'location', name: 'Yerevan', place: place('geonames:616052', 'Yerevan', 40.18111, 44.51361, 'AM', 'PPLC'), role: 'government' },
  { text: 'Russia', type: 'location', name: 'Russia', place: place('geonames:2017370', 'Russia', 60, 100, 'RU', 'PCLI') },
  { text: 'Nagorno-Karabakh', type: 'location', name: 'Nagorno-Karabakh', place: place('geonames:10346', 'Nagorno-Karabakh', 39.85, 46.75, 'AZ', 'RGN') },
  { text: 'Armudlu', type: 'location', name: 'Armudlu' },
  { text: 'Armenian', type: 'location', name: 'Armenia', role: 'affiliation' },
  { text: 'Azerbaijani', type: 'location', name: 'Azerbaijan', role: 'affiliation' },
  { text: 'Baku', type: 'location', name: 'Baku', place: place('geonames:587084', 'Baku', 40.37767, 49.89201, 'AZ', 'PPLC'), role: 'government' },
];

/**
 * Every whole-word occurrence of the seed names in `text` (the longest name wins where two overlap), in the
 * order of the list above: entities are created in that order, so their ids do not depend on the text.
 */
function seedMentions(text: string): EnrichedMention[] {
  const taken: { start: number; end: number }[] = [];
  const mentions: (EnrichedMention & { order: number })[] = [];
  for (const seed of [...SEED_NAMES].sort((a, b) => b.text.length - a.text.length)) {
    for (let start = text.indexOf(seed.text); start >= 0; start = text.indexOf(seed.text, start + 1)) {
      const end = start + seed.text.length;
      if (/[\p{L}\p{N}]/u.test(text[end] ?? '') || /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) continue;
      if (taken.some((span) => span.start < end && start < span.end)) continue;
      taken.push({ start, end });
      mentions.push({
        order: SEED_NAMES.indexOf(seed),
        start,
        end,
        text: seed.text,
        type: seed.type,
        entity: { name: seed.name },
        ...(seed.role ? { role: seed.role } : {}),
        ...(seed.affiliation ? { affiliation: seed.affiliation } : {}),
        ...(seed.place ? { place: { ...seed.place, confidence: 0.9, candidates: [seed.place] } } : {}),
      });
    }
  }
  return mentions.sort((a, b) => a.order - b.order || a.start - b.start).map(({ order: _order, ...mention }) => mention);
}

/** The seed article in a new case at `path`, its actors and places stored as suggestions from the data above. */
export async function seedDataCase(path: string, title = 'Seed') {
  const engine = createEngine();
  await engine.handlers['cases.create']({ path, title });
  await engine.startImport([{ path: SEED_ARTICLE }], { extract: false }).finished;
  const page = await engine.handlers['documents.list']({ sort: 'importedAt', direction: 'desc', offset: 0, limit: 10 });
  const documentId = page.rows[0]!.id;
  const text = (await engine.handlers['documents.get']({ id: documentId })).text;
  const db = engine.currentCase()!.db;
  db.transaction(() => storeSuggestions(db, documentId, seedMentions(text)))();
  return { engine, handlers: engine.handlers, path, documentId, text };
}

/** The seed case with what tests of links need: the two ends and the cited passage. */
export async function seedLinkCase(dir: string) {
  const path = join(dir, 'seed.dossier');
  const { engine, documentId, text } = await seedDataCase(path, 'Border graph');
  const [pashinyan] = await engine.handlers['entities.list']({ search: 'Pashinyan' });
  const azerbaijan = (await engine.handlers['entities.list']({ search: 'Azerbaijan' })).find((entity) => entity.name === 'Azerbaijan');
  const start = text.indexOf(SEED_QUOTE);
  return { dir, path, engine, pashinyan, azerbaijan, documentId, start, end: start + SEED_QUOTE.length };
}
