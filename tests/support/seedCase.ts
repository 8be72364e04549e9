/** The seed article in a new case, with what tests of links need: the two ends and the cited passage. */
import { join } from 'node:path';
import { createEngine } from '../../src/main/engine/engine';
import { projectRoot } from './built';

export const SEED_ARTICLE = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');
/** Pashinyan's words the link Pashinyan —accuses→ Azerbaijan cites. */
export const SEED_QUOTE = 'totally unacceptable';

/** Imports the seed article into a new case in `dir`; the ids are undefined when extraction missed them. */
export async function seedLinkCase(dir: string) {
  const path = join(dir, 'seed.dossier');
  const engine = createEngine();
  await engine.handlers['cases.create']({ path, title: 'Border graph' });
  await engine.startImport([{ path: SEED_ARTICLE }]).finished;
  const [pashinyan] = await engine.handlers['entities.list']({ search: 'Pashinyan' });
  const azerbaijan = (await engine.handlers['entities.list']({ search: 'Azerbaijan' })).find((entity) => entity.name === 'Azerbaijan');
  const page = await engine.handlers['documents.list']({ sort: 'importedAt', direction: 'desc', offset: 0, limit: 10 });
  const documentId = page.rows[0]!.id;
  const text = (await engine.handlers['documents.get']({ id: documentId })).text;
  const start = text.indexOf(SEED_QUOTE);
  return { dir, path, engine, pashinyan, azerbaijan, documentId, start, end: start + SEED_QUOTE.length };
}
