/**
 * Merging two real case files: the colleague's holds the seed article with its reading (times,
 * claims, events, relations), which the analyst's case lacks; the analyst's holds an analyst's list
 * naming "Nagorno-Karabakh" and "Ilham Aliyev" as organisations, so the merge has look-alike pairs to review.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import type { Engine } from '../engine';
import { seedReadingCase } from '../../../../tests/support/seedReading';
import { projectRoot } from '../../../../tests/support/built';
import { useTempDirs } from '../../../../tests/support/tempDir';

const tempDir = useTempDirs();

const READING_TABLES = ['time_mentions', 'claims', 'events', 'relation_suggestions'] as const;

async function buildCases(dir: string): Promise<{ into: string; from: string }> {
  const into = join(dir, 'mine.dossier');
  const from = join(dir, 'colleague.dossier');
  const engine = createEngine();
  await engine.handlers['cases.create']({ path: from, title: 'Colleague' });
  await seedReadingCase(engine);
  await engine.handlers['cases.create']({ path: into, title: 'Mine' });
  await engine.startImport([{ path: join(projectRoot, 'tests', 'fixtures', 'article.html') }]).finished;
  const list = join(dir, 'actors.csv');
  writeFileSync(list, 'Full name,Category\nNagorno-Karabakh,organization\nIlham Aliyev,organization\n');
  const preview = await engine.handlers['exchange.previewCsv']({ path: list, kind: 'entities' });
  expect(preview.guessed).toEqual({ name: 'Full name', type: 'Category' });
  expect((await engine.handlers['exchange.importCsv']({ path: list, kind: 'entities', mapping: preview.guessed })).added).toBe(2);
  engine.dispose();
  return { into, from };
}

/** The reading rows of the seed article in a case file, with their entities named, to compare across cases. */
function readingOf(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  const seed = (db.prepare("SELECT id FROM documents WHERE title LIKE 'Azerbaijan denounces%'").get() as { id: number } | undefined)?.id ?? -1;
  const name = "(SELECT name FROM entities WHERE id = %)";
  const rows = {
    time_mentions: db.prepare('SELECT start, end, text, value, precision FROM time_mentions WHERE document_id = ? ORDER BY start').all(seed),
    claims: db.prepare(`SELECT speaker_text, ${name.replace('%', 'speaker_entity_id')} AS speaker, cue_text, stance, status FROM claims WHERE document_id = ? ORDER BY content_start`).all(seed),
    events: db
      .prepare(
        `SELECT type, trigger_text, ${name.replace('%', "arguments ->> '$.agent.entityId'")} AS agent, ${name.replace('%', "arguments ->> '$.patient.entityId'")} AS patient,
           (SELECT cue_text FROM claims c WHERE c.id = events.claim_id) AS claim FROM events WHERE document_id = ? ORDER BY trigger_start`,
      )
      .all(seed),
    relation_suggestions: db
      .prepare(
        `SELECT relation, ${name.replace('%', 'source_entity_id')} AS source, ${name.replace('%', 'target_entity_id')} AS target,
           ${name.replace('%', "source ->> '$.entityId'")} AS sourceEnd FROM relation_suggestions WHERE document_id = ? ORDER BY evidence_start, relation`,
      )
      .all(seed),
  };
  db.close();
  return rows;
}

async function opened(path: string): Promise<Engine> {
  const engine = createEngine();
  await engine.handlers['cases.open']({ path });
  return engine;
}

describe('merging a case with a reading layer and look-alike entities', () => {
  it('carries the added document\'s times, claims, events and relations with their entities renumbered, and undo takes them out', async () => {
    const { into, from } = await buildCases(tempDir());
    const theirs = readingOf(from);
    for (const table of READING_TABLES) expect([table, theirs[table]!.length > 0]).toEqual([table, true]);
    expect(readingOf(into)['claims']).toEqual([]);

    const engine = await opened(into);
    const before = (await engine.handlers['timeline.items']({})).items;
    const report = await engine.handlers['exchange.merge']({ path: from });
    expect(report.added).toMatchObject({ documents: 1, times: theirs['time_mentions']!.length, claims: theirs['claims']!.length, events: theirs['events']!.length });
    expect(report.added.relations).toBe(theirs['relation_suggestions']!.length);
    engine.dispose();
    // The same rows, speaking of entities of the same names: the ids were renumbered, not copied.
    expect(readingOf(into)).toEqual(theirs);
    expect(theirs['claims']!.some((claim) => (claim as { speaker: string | null }).speaker !== null)).toBe(true);

    const undoing = await opened(into);
    await undoing.handlers['history.undo']({});
    expect((await undoing.handlers['timeline.items']({})).items).toEqual(before);
    await undoing.handlers['history.redo']({});
    expect((await undoing.handlers['timeline.items']({})).items.length).toBeGreaterThan(before.length);
    expect((await undoing.handlers['cases.check']({})).ok).toBe(true);
    undoing.dispose();
    expect(readingOf(into)).toEqual(theirs);
  });

  it('keeps the doubtful pairs and the analyst\'s decisions with the merge, each decision undoable', async () => {
    const { into, from } = await buildCases(tempDir());
    const engine = await opened(into);
    // The open case itself: nothing to merge, nothing recorded.
    expect(await engine.handlers['exchange.merge']({ path: into })).toMatchObject({ changed: false, sameCase: true, mergeId: null });
    const report = await engine.handlers['exchange.merge']({ path: from });
    const names = report.doubtful.map((pair) => pair.name).sort();
    expect(names).toEqual(['Ilham Aliyev', 'Nagorno-Karabakh']);
    engine.dispose();

    // Closed and opened again: the pairs wait, each side described for the review screen.
    const again = await opened(into);
    const pending = await again.handlers['exchange.doubtful']({});
    expect(pending.map((pair) => pair.name).sort()).toEqual(names);
    const karabakh = pending.find((pair) => pair.name === 'Nagorno-Karabakh')!;
    expect(karabakh).toMatchObject({ reason: 'same name, but an organization here', decision: null, sourceTitle: 'Colleague' });
    expect(karabakh.here).toMatchObject({ name: 'Nagorno-Karabakh', type: 'organization', mentions: 0, sample: null });
    expect(karabakh.added).toMatchObject({ name: 'Nagorno-Karabakh', type: 'location' });
    expect(karabakh.added!.mentions).toBeGreaterThan(0);
    expect(karabakh.added!.sample!.text).toMatch(/Nagorno-Karabakh/);
    expect(karabakh.added!.sample!.documentTitle).toMatch(/^Azerbaijan denounces/);
    const addedMentions = karabakh.added!.mentions;

    // Same: the added entity goes into the one here, with its mentions; one undo takes both back.
    const merged = await again.handlers['exchange.decide']({ mergeId: karabakh.mergeId, addedEntityId: karabakh.addedEntityId, decision: 'same' });
    expect(merged).toMatchObject({ decision: 'same', added: null });
    expect(merged.here!.mentions).toBe(addedMentions);
    expect((await again.handlers['exchange.doubtful']({})).map((pair) => pair.name)).toEqual(['Ilham Aliyev']);
    expect(await again.handlers['history.undo']({})).toMatchObject({ operation: 'exchange.decide', description: '"Nagorno-Karabakh": same entity, merged' });
    const undone = (await again.handlers['exchange.doubtful']({ mergeId: karabakh.mergeId })).find((pair) => pair.name === 'Nagorno-Karabakh')!;
    expect(undone).toMatchObject({ decision: null, here: { mentions: 0 }, added: { id: karabakh.addedEntityId, mentions: addedMentions } });
    await again.handlers['history.redo']({});
    expect((await again.handlers['exchange.doubtful']({ mergeId: karabakh.mergeId })).find((pair) => pair.name === 'Nagorno-Karabakh')).toMatchObject({ decision: 'same', added: null });

    // Different: both stay; the decision is kept in the case and undone like any change.
    const aliyev = (await again.handlers['exchange.doubtful']({}))[0]!;
    await again.handlers['exchange.decide']({ mergeId: aliyev.mergeId, addedEntityId: aliyev.addedEntityId, decision: 'different' });
    expect(await again.handlers['exchange.doubtful']({})).toEqual([]);
    again.dispose();
    const reopened = await opened(into);
    expect(await reopened.handlers['exchange.doubtful']({})).toEqual([]);
    const all = await reopened.handlers['exchange.doubtful']({ mergeId: aliyev.mergeId });
    expect(all.map((pair) => [pair.name, pair.decision]).sort()).toEqual([
      ['Ilham Aliyev', 'different'],
      ['Nagorno-Karabakh', 'same'],
    ]);
    expect(await reopened.handlers['history.undo']({})).toMatchObject({ operation: 'exchange.decide' });
    expect((await reopened.handlers['exchange.doubtful']({})).map((pair) => pair.name)).toEqual(['Ilham Aliyev']);
    // Undoing the whole merge leaves nothing to review.
    await reopened.handlers['history.undo']({});
    expect(await reopened.handlers['history.undo']({})).toMatchObject({ operation: 'exchange.merge' });
    expect(await reopened.handlers['exchange.doubtful']({})).toEqual([]);
    expect((await reopened.handlers['cases.check']({})).ok).toBe(true);
    reopened.dispose();
  });
});
