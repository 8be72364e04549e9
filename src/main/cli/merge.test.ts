/**
 * Merging two real case files built from the fixtures that share a document and its entities:
 * what joins, what is added with its provenance, idempotence (itself, twice) and undo/redo.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/rpc';
import type { MergeReport } from '../../shared/exchange';
import { createEngine } from '../engine/engine';
import { SEED_ARTICLE, SEED_QUOTE } from '../../../tests/support/seedCase';
import { projectRoot } from '../../../tests/support/built';
import { useTempDirs } from '../../../tests/support/tempDir';
import { runCli } from './program';

const tempDir = useTempDirs();
const fixture = (name: string) => join(projectRoot, 'tests', 'fixtures', name);

/** Row counts of everything a merge touches, and the history, to see what changed. */
function snapshot(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  const tables = ['documents', 'document_blobs', 'entities', 'entity_aliases', 'places', 'mentions', 'tags', 'document_tags', 'notes', 'links', 'link_evidence', 'map_features', 'map_feature_entities', 'briefings', 'history', 'case_merges'];
  const counts = Object.fromEntries(tables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));
  counts['search'] = (db.prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'Kalbajar'").get() as { n: number }).n;
  db.close();
  return counts;
}

async function buildCases(dir: string) {
  const into = join(dir, 'mine.dossier');
  const from = join(dir, 'colleague.dossier');
  const engine = createEngine();
  await engine.handlers['cases.create']({ path: into, title: 'Mine' });
  await engine.startImport([{ path: SEED_ARTICLE }, { path: fixture('article.html') }]).finished;

  await engine.handlers['cases.create']({ path: from, title: 'Colleague' });
  await engine.startImport([{ path: SEED_ARTICLE }, { path: fixture('notes.md') }, { path: fixture('message.eml') }]).finished;
  const page = await engine.handlers['documents.list']({ search: SEED_QUOTE, sort: 'relevance', direction: 'desc', offset: 0, limit: 5 });
  const documentId = page.rows[0]!.id;
  const text = (await engine.handlers['documents.get']({ id: documentId })).text;
  const start = text.indexOf(SEED_QUOTE);
  const [pashinyan] = await engine.handlers['entities.list']({ search: 'Pashinyan' });
  const azerbaijan = (await engine.handlers['entities.list']({ search: 'Azerbaijan' })).find((entity) => entity.name === 'Azerbaijan')!;
  await engine.handlers['entities.setStatus']({ ids: [pashinyan!.id], status: 'confirmed' });
  await engine.handlers['tags.apply'](parseInput('tags.apply', { tag: { name: 'source/official' }, documentIds: [documentId], action: 'add' }));
  await engine.handlers['notes.create'](parseInput('notes.create', { documentId, start, end: start + SEED_QUOTE.length, body: 'Colleague: strongest wording.' }));
  await engine.handlers['links.create'](
    parseInput('links.create', { from: `entity:${pashinyan!.id}`, to: `entity:${azerbaijan.id}`, relation: 'accuses', evidence: [{ documentId, start, end: start + SEED_QUOTE.length }], reliability: 'B', credibility: 2 }),
  );
  await engine.handlers['map.createDrawing'](
    parseInput('map.createDrawing', { geometry: { type: 'Point', coordinates: [46.1, 40.1] }, label: 'Checkpoint', color: '#d9480f', note: '', entityIds: [azerbaijan.id], documentIds: [documentId] }),
  );
  const draft = await engine.handlers['briefings.draft']({});
  await engine.handlers['briefings.save'](parseInput('briefings.save', { spec: { ...draft, title: 'Weekly' } }));
  engine.dispose();
  return { into, from };
}

async function merge(into: string, from: string): Promise<MergeReport> {
  const out: string[] = [];
  const code = await runCli(['merge', into, from, '--json', '--analyst', 'A. Analyst'], { out: (text) => out.push(text), err: (text) => out.push(text) });
  expect(out.join('').startsWith('{') ? '' : out.join('')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join('')) as MergeReport;
}

describe('dossier merge', () => {
  it('joins the shared document and entities, adds the rest with provenance, and is idempotent and undoable as one step', async () => {
    const dir = tempDir();
    const { into, from } = await buildCases(dir);
    const before = snapshot(into);
    const theirs = snapshot(from)['documents']!;

    const report = await merge(into, from);
    expect(report.changed).toBe(true);
    expect(report.sameCase).toBe(false);
    expect(report.joined.documents).toBe(1);
    expect(report.added.documents).toBe(theirs - 1);
    expect(report.joined.entities).toBeGreaterThan(0);
    expect(report.added).toMatchObject({ tags: 1, notes: 1, links: 1, evidence: 1, drawings: 1, briefings: 1 });
    const after = snapshot(into);
    expect(after['documents']).toBe(before['documents']! + theirs - 1);
    expect(after['history']).toBe(before['history']! + 1);

    const engine = createEngine();
    await engine.handlers['cases.open']({ path: into });
    const [link] = await engine.handlers['links.list']({});
    expect(link).toMatchObject({ fromLabel: 'Nikol Pashinyan', relation: 'accuses', reliability: 'B', credibility: 2 });
    expect(link!.evidence[0]!.quote).toBe(SEED_QUOTE);
    // The link's ends are the entities that were already here, not copies.
    const pashinyans = (await engine.handlers['entities.list']({ search: 'Pashinyan' })).filter((entity) => entity.type === 'person');
    expect(pashinyans).toHaveLength(1);
    // Provenance: which case each added item came from.
    const db = engine.currentCase()!.db;
    const origin = db.prepare("SELECT m.source_title AS title, m.analyst FROM merge_provenance p JOIN case_merges m ON m.id = p.merge_id WHERE p.item_kind = 'link' AND p.item_id = ?").get(link!.id);
    expect(origin).toEqual({ title: 'Colleague', analyst: 'A. Analyst' });
    const merged = (await engine.handlers['documents.list']({ search: 'Field notes', sort: 'relevance', direction: 'desc', offset: 0, limit: 5 })).rows;
    expect(merged.length).toBeGreaterThan(0);
    engine.dispose();

    // Twice: nothing more. Itself: nothing at all.
    const again = await merge(into, from);
    expect(again.changed).toBe(false);
    expect(again.added).toEqual(Object.fromEntries(Object.keys(again.added).map((key) => [key, 0])));
    expect(snapshot(into)).toEqual(after);
    const itself = await merge(into, into);
    expect(itself).toMatchObject({ changed: false, sameCase: true, mergeId: null });
    expect(snapshot(into)).toEqual(after);

    // One undo takes the whole merge out; redo puts it back, search included.
    const undoing = createEngine();
    await undoing.handlers['cases.open']({ path: into });
    expect(await undoing.handlers['history.undo']({})).toMatchObject({ operation: 'exchange.merge', description: 'merge of "Colleague"' });
    undoing.dispose();
    const undone = snapshot(into);
    for (const table of ['documents', 'document_blobs', 'entities', 'entity_aliases', 'mentions', 'tags', 'notes', 'links', 'link_evidence', 'map_features', 'briefings', 'search']) {
      expect([table, undone[table]]).toEqual([table, before[table]]);
    }
    const redoing = createEngine();
    await redoing.handlers['cases.open']({ path: into });
    expect(await redoing.handlers['history.redo']({})).toMatchObject({ operation: 'exchange.merge' });
    expect((await redoing.handlers['documents.list']({ search: 'Field notes', sort: 'relevance', direction: 'desc', offset: 0, limit: 5 })).total).toBeGreaterThan(0);
    expect((await redoing.handlers['cases.check']({})).ok).toBe(true);
    redoing.dispose();
    const redone = snapshot(into);
    expect({ ...redone, history: 0 }).toEqual({ ...after, history: 0 });
  });

  it('prints a readable report', async () => {
    const dir = tempDir();
    const { into, from } = await buildCases(dir);
    const out: string[] = [];
    expect(await runCli(['merge', into, from], { out: (text) => out.push(text), err: (text) => out.push(text) })).toBe(0);
    expect(out.join('')).toMatch(/Merged "Colleague"[\s\S]*joined: 1 documents, \d+ entities[\s\S]*added: {2}\d+ documents/);
    out.length = 0;
    expect(await runCli(['merge', into, into], { out: (text) => out.push(text), err: (text) => out.push(text) })).toBe(0);
    expect(out.join('')).toMatch(/Nothing to merge from "Mine": it is this case/);
  });
});
