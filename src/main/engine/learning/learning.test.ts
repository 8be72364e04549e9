import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/tempDir';
import type { Mention } from '../../../shared/entities';
import type { RescoreProgress } from '../../../shared/learning';
import { createEngine } from '../engine';

const tempDir = useTempDirs();

/** A short report naming a person, a village and an organisation; `n` makes each one a different document. */
const report = (n: number): string =>
  `Report ${n}. Nikol Pashinyan travelled to Kalbajar on day ${n} of the visit, where rebels had held the road.\n` +
  `The Azerbaijani Ministry of Defense said on day ${n} that Nikol Pashinyan had not been invited.\n`;

/** A real engine on a real case file, with the documents it imports and a way to wait for a re-score. */
async function openCase() {
  const dir = tempDir();
  let rescored: (progress: RescoreProgress) => void = () => undefined;
  const engine = createEngine({
    emit: (event, payload) => {
      if (event === 'learning.rescoreFinished') rescored(payload as RescoreProgress);
    },
  });
  await engine.handlers['cases.create']({ path: join(dir, 'learning.dossier'), title: 'Learning' });
  let count = 0;
  const importText = async (text: string): Promise<number> => {
    const file = join(dir, `text-${(count += 1)}.txt`);
    writeFileSync(file, text);
    const imported = (await engine.startImport([{ path: file }]).finished).imported[0];
    expect(imported).toBeTruthy();
    return imported!.documentId;
  };
  const importReport = (n: number): Promise<number> => importText(report(n));
  const mentions = async (documentId: number, text: string): Promise<Mention[]> =>
    (await engine.handlers['mentions.forDocument']({ documentId })).filter((mention) => mention.text === text && mention.status !== 'rejected');
  const rescore = async (): Promise<RescoreProgress> => {
    const done = new Promise<RescoreProgress>((resolve) => (rescored = resolve));
    await engine.handlers['learning.rescore']({});
    return done;
  };
  return { engine, importText, importReport, mentions, rescore };
}

describe('learning from review', () => {
  it('stops a name rejected twice, keeps a corrected type, finds a marked name (one in lower case once marked twice), and forgets it all on reset (undoably)', async () => {
    const { engine, importReport, mentions } = await openCase();
    const first = await importReport(1);
    const second = await importReport(2);
    // What extraction suggests before any review: the tests below would prove nothing without these.
    const [pashinyan] = await mentions(first, 'Nikol Pashinyan');
    const [kalbajar] = await mentions(first, 'Kalbajar');
    expect(pashinyan).toMatchObject({ type: 'person', status: 'suggested' });
    expect(kalbajar).toMatchObject({ type: 'location' });
    expect(await mentions(first, 'rebels')).toEqual([]);

    await engine.handlers['mentions.setStatus']({ id: pashinyan!.id, status: 'rejected' });
    await engine.handlers['mentions.setStatus']({ id: (await mentions(second, 'Nikol Pashinyan'))[0]!.id, status: 'rejected' });
    await engine.handlers['mentions.relink']({ id: kalbajar!.id, type: 'organization' });
    const text = report(1);
    await engine.handlers['mentions.create']({ documentId: first, start: text.indexOf('rebels'), end: text.indexOf('rebels') + 'rebels'.length, type: 'organization' });
    // A name in lower case marked once is not looked for yet: words like "our" would be found everywhere.
    expect((await engine.handlers['learning.summary']({})).added).toEqual([{ name: 'rebels', type: 'organization', found: false }]);
    const secondText = report(2);
    await engine.handlers['mentions.create']({ documentId: second, start: secondText.indexOf('rebels'), end: secondText.indexOf('rebels') + 'rebels'.length, type: 'organization' });

    const summary = await engine.handlers['learning.summary']({});
    expect(summary.stopped).toEqual([{ name: 'Nikol Pashinyan', times: 2 }]);
    expect(summary.corrected).toEqual([{ name: 'Kalbajar', from: 'location', to: 'organization' }]);
    expect(summary.added).toEqual([{ name: 'rebels', type: 'organization', found: true }]);
    expect(summary.counts).toMatchObject({ reject: 2, retype: 1, mark: 2 });

    const third = await importReport(3);
    expect(await mentions(third, 'Nikol Pashinyan')).toEqual([]);
    expect((await mentions(third, 'Kalbajar')).map((mention) => mention.type)).toEqual(['organization']);
    expect((await mentions(third, 'rebels')).map((mention) => [mention.type, mention.status])).toEqual([['organization', 'suggested']]);

    expect((await engine.handlers['learning.reset']({})).examples).toBe(0);
    const fourth = await importReport(4);
    expect((await mentions(fourth, 'Nikol Pashinyan')).map((mention) => mention.type)).toEqual(['person', 'person']);
    expect((await mentions(fourth, 'Kalbajar')).map((mention) => mention.type)).toEqual(['location']);
    expect(await mentions(fourth, 'rebels')).toEqual([]);

    // Undoing the reset brings back what was learned; undoing a review unlearns what it taught.
    expect((await engine.handlers['history.undo']({}))?.description).toBe('forget what 5 reviews taught');
    expect((await engine.handlers['learning.summary']({})).stopped).toHaveLength(1);
    await engine.handlers['history.undo']({});
    await engine.handlers['history.undo']({});
    await engine.handlers['history.undo']({});
    await engine.handlers['history.undo']({});
    const undone = await engine.handlers['learning.summary']({});
    expect(undone.stopped).toEqual([]);
    expect(undone.rejectedOnce).toEqual([{ name: 'Nikol Pashinyan', times: 1 }]);
    engine.dispose();
  });

  it('re-scores unreviewed suggestions with what it learned, as one undo step', async () => {
    const { engine, importReport, mentions, rescore } = await openCase();
    const first = await importReport(1);
    const second = await importReport(2);
    const third = await importReport(3);
    const before = await mentions(third, 'Nikol Pashinyan');
    expect(before).toHaveLength(2);
    for (const documentId of [first, second]) {
      await engine.handlers['mentions.setStatus']({ id: (await mentions(documentId, 'Nikol Pashinyan'))[0]!.id, status: 'rejected' });
    }
    // The other, unreviewed "Nikol Pashinyan" of the first two documents goes too; reviewed ones stay as they are.
    const progress = await rescore();
    expect(progress).toMatchObject({ done: 3, total: 3, cancelled: false });
    expect(progress.removed).toBeGreaterThanOrEqual(4);
    expect(await mentions(third, 'Nikol Pashinyan')).toEqual([]);
    const rejected = (await engine.handlers['mentions.forDocument']({ documentId: first })).filter((mention) => mention.status === 'rejected');
    expect(rejected).toHaveLength(1);

    const undo = await engine.handlers['history.undo']({});
    expect(undo?.operation).toBe('learning.rescore');
    expect((await mentions(third, 'Nikol Pashinyan')).map(({ id, type, status }) => ({ id, type, status }))).toEqual(
      before.map(({ id, type, status }) => ({ id, type, status })),
    );
    await engine.handlers['history.redo']({});
    expect(await mentions(third, 'Nikol Pashinyan')).toEqual([]);
    engine.dispose();
  });

  it('learns patterns across names and where names begin, applies them to names no review named, and forgets them on reset and undo', async () => {
    const { engine, importText: importTextOf, rescore } = await openCase();
    const texts = [
      'The Dutch government and the Swedish navy met French diplomats in Oslo on Monday. President Obama spoke to Chancellor Merkel there.',
      'Polish soldiers and Danish officers joined the Italian envoy near Kiev. Prime Minister Rutte met Minister Lavrov and General Petraeus.',
      'A Hungarian court and the Finnish parliament met in Vienna. Colonel Gaddafi and President Putin were not there; Senator McCain was.',
    ];
    const ids: number[] = [];
    const importText = (index: number): Promise<number> => importTextOf(texts[index]!);
    ids.push(await importText(0), await importText(1));
    const live = async (documentId: number): Promise<string[]> =>
      (await engine.handlers['mentions.forDocument']({ documentId })).filter((mention) => mention.status !== 'rejected').map((mention) => `${mention.text}:${mention.type}`);
    // What extraction suggests before any review: demonyms as places, people without their titles.
    expect(await live(ids[1]!)).toEqual(expect.arrayContaining(['Polish:location', 'Danish:location', 'Italian:location', 'Rutte:person']));

    // The analyst retypes four demonyms to 'other', and redraws two people to take in their titles.
    const first = texts[0]!;
    const suggestions = await engine.handlers['mentions.forDocument']({ documentId: ids[0]! });
    const suggestion = (text: string): Mention => suggestions.find((mention) => mention.text === text)!;
    for (const demonym of ['Dutch', 'Swedish', 'French']) await engine.handlers['mentions.relink']({ id: suggestion(demonym).id, type: 'other' });
    // A habit shows in more than one document.
    const polish = (await engine.handlers['mentions.forDocument']({ documentId: ids[1]! })).find((mention) => mention.text === 'Polish')!;
    await engine.handlers['mentions.relink']({ id: polish.id, type: 'other' });
    for (const [name, titled] of [['Obama', 'President Obama'], ['Merkel', 'Chancellor Merkel']] as const) {
      await engine.handlers['mentions.setStatus']({ id: suggestion(name).id, status: 'rejected' });
      await engine.handlers['mentions.create']({ documentId: ids[0]!, start: first.indexOf(titled), end: first.indexOf(titled) + titled.length, type: 'person' });
    }

    const summary = await engine.handlers['learning.summary']({});
    expect(summary.patterns).toEqual([{ kind: 'class', value: 'demonym', suggested: 'location', verdict: 'other', names: 4, of: 4 }]);
    expect(summary.edges).toEqual([{ suggested: 'person', side: 'before', change: 'add', words: 'a title', type: 'person', corrections: 2, against: 0 }]);
    // A rejection redrawn as a mark said where the name ends, not that it is no name.
    expect(summary.rejectedOnce).toEqual([]);
    // Two reviewed documents are too few to check the context model on (three folds): it is set aside.
    expect(summary.contextInUse).toBe(false);

    // A new document: demonyms no review named are not suggested as places, and people come with their titles.
    ids.push(await importText(2));
    const third = await live(ids[2]!);
    expect(third).toEqual(expect.arrayContaining(['Vienna:location', 'Colonel Gaddafi:person', 'President Putin:person', 'Senator McCain:person']));
    expect(third.filter((name) => /Hungarian|Finnish/u.test(name))).toEqual([]);

    // Re-scoring applies them to the unreviewed document; undo puts its suggestions back.
    const before = await live(ids[1]!);
    await rescore();
    const after = await live(ids[1]!);
    expect(after).toEqual(expect.arrayContaining(['Prime Minister Rutte:person', 'Minister Lavrov:person', 'General Petraeus:person', 'Kiev:location']));
    expect(after.filter((name) => /^(?:Danish|Italian):/u.test(name))).toEqual([]);
    await engine.handlers['history.undo']({});
    expect(await live(ids[1]!)).toEqual(before);

    // Reset forgets the patterns and conventions; undoing it brings them back; undoing a redrawing leaves one name, too few for a convention.
    const reset = await engine.handlers['learning.reset']({});
    expect([reset.patterns, reset.edges]).toEqual([[], []]);
    await engine.handlers['history.undo']({});
    expect((await engine.handlers['learning.summary']({})).edges).toHaveLength(1);
    await engine.handlers['history.undo']({});
    await engine.handlers['history.undo']({});
    const undone = await engine.handlers['learning.summary']({});
    expect(undone.edges).toEqual([]);
    expect(undone.patterns).toHaveLength(1);
    engine.dispose();
  });

  it('leaves a name the analyst typed both ways to its context, and a convention as often undone as followed unlearned', async () => {
    const { engine, importReport, importText, mentions } = await openCase();
    const reports = [await importReport(1), await importReport(2), await importReport(3)];
    // "Kalbajar" is an organisation twice and a place once: the name alone no longer says which.
    for (const documentId of reports.slice(0, 2)) await engine.handlers['mentions.relink']({ id: (await mentions(documentId, 'Kalbajar'))[0]!.id, type: 'organization' });
    await engine.handlers['mentions.setStatus']({ id: (await mentions(reports[2]!, 'Kalbajar'))[0]!.id, status: 'confirmed' });
    expect((await engine.handlers['learning.summary']({})).corrected).toEqual([]);
    expect((await mentions(await importReport(4), 'Kalbajar')).map((mention) => mention.type)).toEqual(['location']);

    // Two people redrawn with their titles, one accepted without: not yet the analyst's convention.
    const text = 'President Obama spoke to Chancellor Merkel in Oslo. Prime Minister Rutte listened.';
    const documentId = await importText(text);
    for (const [name, titled] of [['Obama', 'President Obama'], ['Merkel', 'Chancellor Merkel']] as const) {
      await engine.handlers['mentions.setStatus']({ id: (await mentions(documentId, name))[0]!.id, status: 'rejected' });
      await engine.handlers['mentions.create']({ documentId, start: text.indexOf(titled), end: text.indexOf(titled) + titled.length, type: 'person' });
    }
    expect((await engine.handlers['learning.summary']({})).edges).toHaveLength(1);
    await engine.handlers['mentions.setStatus']({ id: (await mentions(documentId, 'Rutte'))[0]!.id, status: 'confirmed' });
    expect((await engine.handlers['learning.summary']({})).edges).toEqual([]);
    engine.dispose();
  });

  it('counts a convention by sightings too: three people redrawn with their titles against one accepted without, four times, is no convention', async () => {
    const { engine, importText, mentions } = await openCase();
    const text =
      'President Obama spoke to Chancellor Merkel and Colonel Gaddafi in Oslo. Prime Minister Rutte listened.\n' +
      'Prime Minister Rutte nodded.\nPrime Minister Rutte left early.\nPrime Minister Rutte came back.';
    const documentId = await importText(text);
    const rutte = await mentions(documentId, 'Rutte');
    expect(rutte).toHaveLength(4);
    await engine.handlers['mentions.setStatus']({ id: rutte[0]!.id, status: 'confirmed' });
    for (const [name, titled] of [['Obama', 'President Obama'], ['Merkel', 'Chancellor Merkel'], ['Gaddafi', 'Colonel Gaddafi']] as const) {
      await engine.handlers['mentions.setStatus']({ id: (await mentions(documentId, name))[0]!.id, status: 'rejected' });
      await engine.handlers['mentions.create']({ documentId, start: text.indexOf(titled), end: text.indexOf(titled) + titled.length, type: 'person' });
    }
    // Three names redrawn against one accepted as drawn, once: a convention.
    expect((await engine.handlers['learning.summary']({})).edges).toEqual([{ suggested: 'person', side: 'before', change: 'add', words: 'a title', type: 'person', corrections: 3, against: 1 }]);
    // Every "Prime Minister Rutte" accepted as drawn: still three names against one, but three sightings against four.
    for (const mention of rutte.slice(1)) await engine.handlers['mentions.setStatus']({ id: mention.id, status: 'confirmed' });
    expect((await engine.handlers['learning.summary']({})).edges).toEqual([]);
    engine.dispose();
  });
});
