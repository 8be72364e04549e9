/** The patterns across names and the edge conventions a case learns, as the Learned… modal shows them, and re-scoring with them. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DossierSession } from './harness';
import { createCase, useDossier } from './harness';

let session: DossierSession;

useDossier('learn-patterns-', (launched) => {
  session = launched;
});

const texts = [
  'The Dutch government and the Swedish navy met French diplomats in Oslo on Monday. President Obama spoke to Chancellor Merkel there.',
  'Polish soldiers and Danish officers joined the Italian envoy near Kiev. Prime Minister Rutte met Minister Lavrov and General Petraeus.',
];

describe('patterns learned from review, end to end', () => {
  it('shows demonyms retyped across documents as a pattern and titles taken in as an edge convention, and re-scores with them', async () => {
    const { page, engine } = session;
    await createCase(session, 'Patterns case');
    session.nextImportPaths = texts.map((text, index) => {
      const file = join(session.dir, `briefing-${index + 1}.txt`);
      writeFileSync(file, text);
      return file;
    });
    await page.getByRole('button', { name: 'Import…' }).first().click();
    const db = engine.currentCase()!.db;
    await expect.poll(() => (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(2);
    const idOf = (index: number): number => (db.prepare('SELECT id FROM documents WHERE text LIKE ?').get(`${texts[index]!.slice(0, 20)}%`) as { id: number }).id;
    const suggestion = async (index: number, text: string): Promise<number> =>
      (await engine.handlers['mentions.forDocument']({ documentId: idOf(index) })).find((mention) => mention.text === text && mention.status === 'suggested')!.id;

    // The analyst's review: demonyms retyped in both documents, two people redrawn to take in their titles.
    for (const demonym of ['Dutch', 'Swedish', 'French']) await engine.handlers['mentions.relink']({ id: await suggestion(0, demonym), type: 'other' });
    await engine.handlers['mentions.relink']({ id: await suggestion(1, 'Polish'), type: 'other' });
    for (const [name, titled] of [['Obama', 'President Obama'], ['Merkel', 'Chancellor Merkel']] as const) {
      await engine.handlers['mentions.setStatus']({ id: await suggestion(0, name), status: 'rejected' });
      await engine.handlers['mentions.create']({ documentId: idOf(0), start: texts[0]!.indexOf(titled), end: texts[0]!.indexOf(titled) + titled.length, type: 'person' });
    }

    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    await page.getByRole('button', { name: 'Learned…' }).click();
    const dialog = page.getByRole('dialog', { name: 'What this case has learned' });
    await dialog.getByTestId('learning-patterns').getByText('Demonyms suggested as places').waitFor();
    await dialog.getByTestId('learning-patterns').getByText('Other (4 of 4 names)').waitFor();
    await dialog.getByTestId('learning-edges').getByText('Person: take in a title before the name').waitFor();
    await dialog.getByTestId('learning-counts').getByText(/1 pattern decides names no review named/).waitFor();
    await session.screenshot('learn-patterns-01-learned');

    // Re-scoring: the other document's demonyms are no places any more, and its people come with their titles.
    await dialog.getByRole('button', { name: /Re-score \d+ unreviewed suggestions/ }).click();
    await page.getByText(/suggestions added and \d+ removed in \d+ documents?/).waitFor();
    const live = async (): Promise<string[]> =>
      (await engine.handlers['mentions.forDocument']({ documentId: idOf(1) })).filter((mention) => mention.status === 'suggested').map((mention) => `${mention.text}:${mention.type}`);
    expect(await live()).toEqual(expect.arrayContaining(['Prime Minister Rutte:person', 'Minister Lavrov:person', 'General Petraeus:person']));
    expect((await live()).filter((name) => /^(?:Danish|Italian):/u.test(name))).toEqual([]);
  });
});
