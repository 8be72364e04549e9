import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import { pdfInfo, pdfText } from '../support/poppler';
import type { DossierSession } from './harness';
import { createCase, useDossier } from './harness';

const seedArticle = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');

let session: DossierSession;

useDossier('brief-', (launched) => {
  session = launched;
});

describe('briefing, end to end', () => {
  it('composes a briefing of the seed case, saves it, exports the PDF and offers to open it', async () => {
    const { page } = session;
    await createCase(session, 'Kalbajar border incident');
    session.nextImportPaths = [seedArticle];
    await page.getByRole('button', { name: 'Import…' }).first().click();
    await page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: /Azerbaijan denounces/ }).waitFor();

    await page.keyboard.press('Control+5');
    const view = page.getByTestId('view-briefing');
    await view.getByLabel('Title', { exact: true }).fill('Kalbajar incursion claims, July 2021');
    await view.getByLabel('Marking').fill('RESTRICTED // TRAINING');
    await view.getByLabel('Author').fill('Desk analyst');
    await view
      .getByLabel('Bottom line up front')
      .fill('**Bottom line:** Baku says about 40 Armenian soldiers crossed near Armudlu (Kəlbəcər); Yerevan says they worked on its own side.');
    await view.getByRole('button', { name: 'Add section' }).click();
    await page.getByRole('menuitem', { name: 'Analyst notes' }).click();
    await view.getByPlaceholder('Your assessment, in Markdown').fill('Both claims are unverified; no third-party source yet.');
    // The notes section moves up to follow the actors.
    const sections = view.getByTestId('briefing-sections');
    await sections.getByRole('button', { name: 'Move up' }).last().click();
    await sections.getByRole('button', { name: 'Move up' }).last().click();
    await sections.getByRole('button', { name: 'Move up' }).nth(4).click();
    await view.getByTestId('briefing-unsaved').waitFor();
    await session.screenshot('brief-01-composer');

    await page.keyboard.press('Control+s');
    await view.getByTestId('briefing-unsaved').waitFor({ state: 'detached' });
    await view.getByTestId('briefing-list').getByText('Kalbajar incursion claims, July 2021').waitFor();
    const [stored] = await session.engine.handlers['briefings.list']({});
    expect(stored?.title).toBe('Kalbajar incursion claims, July 2021');

    await view.getByRole('button', { name: 'Export PDF…' }).click();
    await page.getByText('Briefing exported').waitFor();
    const exported = join(session.dir, 'Kalbajar incursion claims, July 2021.pdf');
    expect(existsSync(exported)).toBe(true);
    const info = pdfInfo(exported);
    expect(info.pages).toBeGreaterThanOrEqual(7);
    for (let pageNumber = 1; pageNumber <= info.pages; pageNumber += 1) expect(pdfText(exported, pageNumber)).toContain('RESTRICTED // TRAINING');
    const text = pdfText(exported);
    expect(text).toContain('Kəlbəcər');
    expect(text).toContain('Nikol Pashinyan');
    expect(text).toContain('Both claims are unverified');
    await view.getByTestId('briefing-exported').getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => session.openedPaths).toEqual([exported]);
    await session.screenshot('brief-02-exported');
  });
});
