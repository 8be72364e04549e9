import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../shared/rpc';
import { seedLinkCase, SEED_QUOTE } from '../../../../tests/support/seedCase';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { migrate } from '../case/migrations';

const tempDir = useTempDirs();
const QUOTE = SEED_QUOTE;

/** The seed article in a new case, with the ids the tests need. */
async function seedCase() {
  const seeded = await seedLinkCase(tempDir());
  const { pashinyan, azerbaijan, ...rest } = seeded;
  expect(pashinyan && azerbaijan && seeded.start >= 0).toBeTruthy();
  return { ...rest, pashinyanId: pashinyan!.id, azerbaijanId: azerbaijan!.id };
}

describe('schema v5 (links)', () => {
  it('migrates a v4 case with an entity and a document, and then holds links with cited passages', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 'memory', 4);
    db.prepare("INSERT INTO documents (kind, title, imported_at, text) VALUES ('text', 'Seed', 'now', 'Baku accused Yerevan.')").run();
    db.prepare("INSERT INTO entities (kind, name, created_at, updated_at) VALUES ('location', 'Baku', 'now', 'now')").run();
    migrate(db, 'memory', 5);
    expect(db.prepare('SELECT name FROM entities').get()).toEqual({ name: 'Baku' });
    db.prepare(
      "INSERT INTO links (from_kind, from_id, to_kind, to_id, relation, reliability, credibility, created_at, updated_at) VALUES ('entity', 1, 'document', 1, 'accuses', 'B', 2, 'now', 'now')",
    ).run();
    db.prepare("INSERT INTO link_evidence (link_id, document_id, start, end, quote) VALUES (1, 1, 0, 4, 'Baku')").run();
    expect(() =>
      db.prepare("INSERT INTO links (from_kind, from_id, to_kind, to_id, relation, reliability, created_at, updated_at) VALUES ('entity', 1, 'entity', 2, 'x', 'G', 'now', 'now')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO links (from_kind, from_id, to_kind, to_id, relation, created_at, updated_at) VALUES ('entity', 1, 'entity', 1, 'x', 'now', 'now')").run(),
    ).toThrow(/CHECK/);
    // Withdrawing a link takes its citations with it.
    db.prepare('DELETE FROM links').run();
    expect(db.prepare('SELECT count(*) AS n FROM link_evidence').get()).toEqual({ n: 0 });
  });
});

describe('links with evidence', () => {
  it('links Pashinyan —accuses→ Azerbaijan citing "totally unacceptable": the evidence round-trips, and undo and redo replay it', async () => {
    const { engine, pashinyanId, azerbaijanId, documentId, start, end } = await seedCase();
    // Through the contract's dispatcher, as the renderer calls it.
    const dispatch = createDispatcher(engine.handlers);
    const created = await dispatch('links.create', {
      from: `entity:${pashinyanId}`,
      to: `entity:${azerbaijanId}`,
      relation: 'accuses',
      dateStart: '2021-05-26',
      reliability: 'B',
      credibility: 2,
      note: 'Says the incursion claim is a pretext.',
      evidence: [{ documentId, start, end }],
    });
    expect(created.ok).toBe(true);
    const link = (created as { ok: true; value: { id: number } }).value;
    const stored = await engine.handlers['links.get']({ id: link.id });
    expect(stored).toMatchObject({
      from: `entity:${pashinyanId}`,
      to: `entity:${azerbaijanId}`,
      fromLabel: 'Nikol Pashinyan',
      toLabel: 'Azerbaijan',
      relation: 'accuses',
      directed: true,
      dateStart: '2021-05-26',
      dateEnd: null,
      reliability: 'B',
      credibility: 2,
    });
    expect(stored.evidence).toEqual([
      expect.objectContaining({ documentId, start, end, quote: QUOTE, documentTitle: expect.stringMatching(/Azerbaijan denounces/) as unknown }),
    ]);

    // The graph carries the edge with its relation and evidence count.
    const graph = await engine.handlers['graph.load']({ limit: 2000, cooccurrence: true, minCooccurrence: 1 });
    const edge = graph.edges.find((candidate) => candidate.linkId === link.id);
    expect(edge).toMatchObject({ source: `entity:${pashinyanId}`, target: `entity:${azerbaijanId}`, type: 'link', status: 'asserted', relation: 'accuses', evidence: 1 });
    expect(graph.edges.some((candidate) => candidate.type === 'mention' && candidate.target === `entity:${pashinyanId}`)).toBe(true);
    expect(graph.edges.some((candidate) => candidate.type === 'cooccurrence' && candidate.status === 'suggested')).toBe(true);
    expect((await engine.handlers['links.list']({ node: `entity:${azerbaijanId}` })).map((candidate) => candidate.id)).toEqual([link.id]);
    expect((await engine.handlers['cases.current']({}))?.counts.links).toBe(1);

    // Undo withdraws it with its citation; redo brings both back as they were.
    expect(await engine.handlers['history.undo']({})).toMatchObject({ operation: 'links.change', description: 'link "Nikol Pashinyan" accuses "Azerbaijan"' });
    expect(() => engine.handlers['links.get']({ id: link.id })).toThrow(/no link/);
    await engine.handlers['history.redo']({});
    expect(await engine.handlers['links.get']({ id: link.id })).toEqual(stored);

    // An edit that cites nothing more and then withdraws the citation: a link without evidence is allowed.
    const edited = await engine.handlers['links.update']({ id: link.id, removeEvidence: [stored.evidence[0]!.id], credibility: 3 });
    expect(edited.evidence).toEqual([]);
    await engine.handlers['history.undo']({});
    expect(await engine.handlers['links.get']({ id: link.id })).toEqual(stored);
    engine.dispose();
  });

  it('refuses bad links with messages that say what to fix', async () => {
    const { engine, pashinyanId, documentId } = await seedCase();
    const dispatch = createDispatcher(engine.handlers);
    const answer = async (input: unknown) => {
      const result = await dispatch('links.create', input);
      return result.ok ? 'ok' : result.error.message;
    };
    expect(await answer({ from: `entity:${pashinyanId}`, to: `entity:${pashinyanId}`, relation: 'meets' })).toMatch(/two different nodes/);
    expect(await answer({ from: `entity:${pashinyanId}`, to: 'entity:999999', relation: 'meets' })).toMatch(/no entity 999999/);
    expect(await answer({ from: `entity:${pashinyanId}`, to: `document:${documentId}`, relation: '' })).toMatch(/needs a relation/);
    expect(await answer({ from: `entity:${pashinyanId}`, to: `document:${documentId}`, relation: 'x', reliability: 'G' })).toMatch(/reliability/);
    expect(await answer({ from: `entity:${pashinyanId}`, to: `document:${documentId}`, relation: 'x', dateStart: '2021-06', dateEnd: '2021-05' })).toMatch(
      /end after it starts/,
    );
    expect(
      await answer({ from: `entity:${pashinyanId}`, to: `document:${documentId}`, relation: 'x', evidence: [{ documentId, start: 0, end: 10_000_000 }] }),
    ).toMatch(/runs past the end/);
    expect(await answer({ from: 'person:1', to: `document:${documentId}`, relation: 'x' })).toMatch(/"entity:ID" or "document:ID"/);
    engine.dispose();
  });
});
