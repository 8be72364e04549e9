import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../shared/rpc';
import { projectRoot } from '../../../../tests/support/built';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { createEngine } from '../engine';

const tempDir = useTempDirs();
const seedPath = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');

async function seedCase() {
  const engine = createEngine();
  const path = join(tempDir(), 'reading.dossier');
  await engine.handlers['cases.create'](parseInput('cases.create', { path, title: 'Reading' }));
  const report = await engine.startImport([{ path: seedPath }]).finished;
  const documentId = report.imported[0]!.documentId;
  return { engine, documentId, text: readFileSync(seedPath, 'utf8') };
}

describe('reading a case', () => {
  it('finds the times of an undated document, and resolves them when the analyst sets its date; undo un-resolves them', async () => {
    const { engine, documentId } = await seedCase();
    const before = await engine.handlers['times.list']({ documentId });
    const wednesday = before.find((time) => time.text.includes('Wednesday'))!;
    expect(wednesday).toMatchObject({ value: null, anchor: 'document' });
    expect(before.find((time) => time.text === '2020')).toMatchObject({ value: '2020', precision: 'year' });

    await engine.handlers['documents.update'](parseInput('documents.update', { id: documentId, publishedAt: '2021-06-02' }));
    const after = await engine.handlers['times.list']({ documentId });
    expect(after.find((time) => time.text.includes('Wednesday'))).toMatchObject({ value: '2021-06-02', precision: 'day' });
    expect(after.find((time) => time.text.includes('Tuesday'))).toMatchObject({ value: '2021-06-01', precision: 'day' });
    expect(after.find((time) => time.text.includes('November 10'))).toMatchObject({ value: '2020-11-10' });
    expect(after.find((time) => /mid-May/.test(time.text))).toMatchObject({ value: '2021-05', precision: 'month', approximate: true });

    await engine.handlers['history.undo']({});
    const undone = await engine.handlers['times.list']({ documentId });
    expect(undone.find((time) => time.text.includes('Wednesday'))).toMatchObject({ value: null });
    engine.dispose();
  });
});

describe('claims, events and competing accounts of the seed article', () => {
  it('finds the ministry\'s and Pashinyan\'s accounts, the entry near Armudlu, and sets the two side by side', async () => {
    const { engine, documentId } = await seedCase();
    await engine.handlers['documents.update'](parseInput('documents.update', { id: documentId, publishedAt: '2021-06-02' }));
    const claims = await engine.handlers['claims.list']({ documentId });
    const ministry = claims.find((claim) => /Ministry of Defense/.test(claim.speaker.name) && claim.content.text.includes('about 40'));
    expect(ministry).toBeDefined();
    expect(ministry!.speaker.entityId).not.toBeNull();
    const pashinyan = claims.find((claim) => /Pashinyan/.test(claim.speaker.name) && claim.content.text.includes('technical work'));
    expect(pashinyan).toBeDefined();

    const events = await engine.handlers['events.list']({ documentId });
    const entry = events.find((event) => event.trigger.text === 'entered');
    expect(entry).toMatchObject({ type: 'movement', place: { name: 'Armudlu' } });
    expect(events.some((event) => event.type === 'capture')).toBe(true);

    const accounts = await engine.handlers['claims.accounts']({});
    const group = accounts.find((candidate) => candidate.claims.some((claim) => claim.id === ministry!.id));
    expect(group).toBeDefined();
    expect(group!.claims.some((claim) => /Pashinyan/.test(claim.speaker.name))).toBe(true);

    // The timeline holds the event, dated by its document when the text gives it no own date, and mid-May as a month.
    const timeline = await engine.handlers['timeline.items']({});
    expect(timeline.items.some((item) => item.kind === 'event' && item.label.includes('entered'))).toBe(true);
    engine.dispose();
  });

  it('reviews a claim with undo, and confirms a suggested relation as an asserted link that one undo takes back', async () => {
    const { engine, documentId } = await seedCase();
    const [claim] = await engine.handlers['claims.list']({ documentId });
    expect(claim).toBeDefined();
    await engine.handlers['claims.review']({ id: claim!.id, status: 'rejected' });
    expect((await engine.handlers['claims.list']({ documentId })).some((candidate) => candidate.id === claim!.id)).toBe(false);
    await engine.handlers['history.undo']({});
    expect((await engine.handlers['claims.list']({ documentId })).find((candidate) => candidate.id === claim!.id)?.status).toBe('suggested');

    const relations = await engine.handlers['relations.list']({ documentId });
    expect(relations.length).toBeGreaterThan(0);
    const relation = relations[0]!;
    const confirmed = await engine.handlers['relations.confirm']({ id: relation.id, reliability: 'B', credibility: 2 });
    expect(confirmed).toMatchObject({ status: 'confirmed' });
    const links = await engine.handlers['links.list']({});
    const link = links.find((candidate) => candidate.id === confirmed.linkId)!;
    expect(link).toMatchObject({ reliability: 'B', credibility: 2 });
    expect(link.evidence[0]).toMatchObject({ documentId, start: relation.evidence.start, end: relation.evidence.end });
    await engine.handlers['history.undo']({});
    expect((await engine.handlers['relations.list']({ documentId })).find((candidate) => candidate.id === relation.id)).toMatchObject({ status: 'suggested', linkId: null });
    await engine.handlers['history.redo']({});
    expect((await engine.handlers['relations.list']({ documentId })).find((candidate) => candidate.id === relation.id)).toMatchObject({ status: 'confirmed' });
    engine.dispose();
  });
});

describe('dating claims again', () => {
  it('gives a claim the same date whether its document was dated on import or dated later by the analyst', async () => {
    // Constructed: the second claim's speaker ("he") is named a sentence before its own time.
    const text = 'The Azerbaijani Ministry of Defense said on Monday that the road near Armudlu was closed.\n\nOn Tuesday he stressed that the road would stay closed.\n';
    const dated = createEngine();
    const dir = tempDir();
    const named = join(dir, 'road-2021-06-02.txt');
    writeFileSync(named, text);
    const undated = join(dir, 'road.txt');
    writeFileSync(undated, text);
    await dated.handlers['cases.create'](parseInput('cases.create', { path: join(dir, 'dated.dossier'), title: 'Dated' }));
    const datedReport = await dated.startImport([{ path: named }]).finished;
    const onImport = await dated.handlers['claims.list']({ documentId: datedReport.imported[0]!.documentId });
    dated.dispose();

    const engine = createEngine();
    await engine.handlers['cases.create'](parseInput('cases.create', { path: join(dir, 'undated.dossier'), title: 'Undated' }));
    const documentId = (await engine.startImport([{ path: undated }]).finished).imported[0]!.documentId;
    await engine.handlers['documents.update'](parseInput('documents.update', { id: documentId, publishedAt: '2021-06-02' }));
    const later = await engine.handlers['claims.list']({ documentId });
    engine.dispose();
    const dates = (claims: typeof later) => claims.map((claim) => [claim.content.start, claim.date?.value ?? null]);
    expect(dates(onImport)).toEqual([
      [expect.any(Number), '2021-05-31'],
      [expect.any(Number), '2021-06-01'],
    ]);
    expect(dates(later)).toEqual(dates(onImport));
  });
});
