import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import type { DossierSession } from './harness';
import { createCase, useDossier } from './harness';

const seedArticle = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');

let session: DossierSession;

useDossier('learn-', (launched) => {
  session = launched;
});

describe('learning from review, end to end', () => {
  it('shows what the case learned, re-scores suggestions with it, and resets it undoably', async () => {
    const { page, engine } = session;
    await createCase(session, 'Learning case');
    session.nextImportPaths = [seedArticle];
    await page.getByRole('button', { name: 'Import…' }).first().click();
    await page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: /Azerbaijan denounces/ }).waitFor();

    // The analyst's review, through the same channels the reader uses: two rejections, a type correction, a passage marked.
    const { id: documentId } = engine.currentCase()!.db.prepare('SELECT id FROM documents').get() as { id: number };
    const mentions = await engine.handlers['mentions.forDocument']({ documentId });
    const azerbaijan = mentions.filter((mention) => mention.text === 'Azerbaijan' && mention.status === 'suggested');
    expect(azerbaijan.length).toBeGreaterThanOrEqual(3);
    for (const mention of azerbaijan.slice(0, 2)) await engine.handlers['mentions.setStatus']({ id: mention.id, status: 'rejected' });
    const kalbajar = mentions.find((mention) => mention.text === 'Kalbajar');
    await engine.handlers['mentions.relink']({ id: kalbajar!.id, type: 'organization' });
    const text = (engine.currentCase()!.db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
    const passage = 'the international community';
    await engine.handlers['mentions.create']({ documentId, start: text.indexOf(passage), end: text.indexOf(passage) + passage.length, type: 'organization' });

    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    await page.getByRole('button', { name: 'Learned…' }).click();
    const dialog = page.getByRole('dialog', { name: 'What this case has learned' });
    await dialog.getByTestId('learning-stopped').getByText('Azerbaijan').waitFor();
    await dialog.getByTestId('learning-corrected').getByText('Place → Organisation').waitFor();
    await dialog.getByTestId('learning-added').getByText(passage).waitFor();
    // Marked once, a name in lower case waits for a second mark before it is looked for everywhere.
    await dialog.getByTestId('learning-added').getByText('Organisation; found once marked twice').waitFor();
    await dialog.getByText('Patterns across names').waitFor();
    await dialog.getByText('Where names begin and end').waitFor();
    await dialog.getByTestId('learning-counts').getByText(/Learned from 4 reviews: 0 accepted, 2 rejected, 1 retyped, 0 merged,\s+1 marked by hand/).waitFor();
    await session.screenshot('learn-01-learned');

    // Re-scoring takes the other unreviewed "Azerbaijan" suggestions away, as one undo step.
    await dialog.getByRole('button', { name: /Re-score \d+ unreviewed suggestions/ }).click();
    await page.getByText(/suggestions added and \d+ removed in 1 documents/).waitFor();
    await session.screenshot('learn-02-rescored');
    const live = async (): Promise<number> =>
      (await engine.handlers['mentions.forDocument']({ documentId })).filter((mention) => mention.text === 'Azerbaijan' && mention.status === 'suggested').length;
    expect(await live()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(live).toBe(azerbaijan.length - 2);

    // Reset, then undo it: what was learned comes back.
    await page.getByRole('button', { name: 'Learned…' }).click();
    await dialog.getByRole('button', { name: 'Reset what was learned' }).click();
    await dialog.getByTestId('learning-counts').getByText(/Learned from 0 reviews/).waitFor();
    await expect.poll(() => dialog.getByText('None yet.').count()).toBe(6);
    await session.screenshot('learn-03-reset');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await engine.handlers['learning.summary']({})).examples).toBe(4);
    await page.getByRole('button', { name: 'Learned…' }).click();
    await dialog.getByTestId('learning-stopped').getByText('Azerbaijan').waitFor();
  });
});
