import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import type { DossierSession } from './harness';
import { createCase as createCaseIn, useDossier } from './harness';

const fixtures = join(projectRoot, 'tests', 'fixtures');
const seedArticle = join(fixtures, 'border-incident-article.txt');

let session: DossierSession;

useDossier('ent-', (launched) => {
  session = launched;
});

const createCase = (title: string): Promise<void> => createCaseIn(session, title);

async function importArticle(): Promise<void> {
  const { page } = session;
  session.nextImportPaths = [seedArticle];
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: /Azerbaijan denounces/ }).waitFor();
}

describe('entities, end to end', () => {
  it('reviews the suggested entities, confirms two, and accepts or rejects mentions in the reader', async () => {
    const { page } = session;
    await createCase('Border actors');

    // Before any import, the view says where entities come from.
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    await page.getByTestId('entities-empty').getByText(/Entities appear when you import documents/).waitFor();
    await page.getByRole('button', { name: 'Documents', exact: true }).click();

    await importArticle();
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    const table = page.getByRole('table', { name: 'Entities' });
    const row = (name: string) => table.getByRole('row', { name, exact: true });
    for (const name of ['Nikol Pashinián', 'Ilham Aliyev', 'Yerevan']) await row(name).waitFor();
    await expect.poll(() => row('Yerevan').getByText('Suggested').count()).toBe(1);

    // Select two rows and confirm them together.
    await row('Nikol Pashinián').getByRole('checkbox').check();
    await row('Ilham Aliyev').getByRole('checkbox').check();
    await page.getByTestId('entity-selection').getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByText('Confirmed: 2 entities').waitFor();
    await row('Nikol Pashinián').getByText('Confirmed').waitFor();
    await row('Ilham Aliyev').getByText('Confirmed').waitFor();
    await expect.poll(() => row('Yerevan').getByText('Suggested').count()).toBe(1);
    const confirmed = await session.engine.handlers['entities.list']({ status: 'confirmed' });
    expect(confirmed.map((entity) => entity.name).sort()).toEqual(['Ilham Aliyev', 'Nikol Pashinián']);

    await expect.poll(() => table.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await page.waitForTimeout(250); // the checkboxes' fade
    await session.screenshot('ent-01-table');

    // Filters: places only, then a search.
    await page.getByText('Place', { exact: true }).click();
    await row('Yerevan').waitFor();
    await row('Ilham Aliyev').waitFor({ state: 'detached' });
    await page.getByText('Place', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Search entities' }).fill('aliyev');
    await row('Ilham Aliyev').waitFor();
    await row('Yerevan').waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Search entities' }).fill('');
    await row('Yerevan').waitFor();

    // The reader underlines mentions by type: dashed while suggested (confirming an entity does
    // not accept its mentions for the analyst), solid once accepted.
    await page.getByRole('button', { name: 'Documents', exact: true }).click();
    await page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: /Azerbaijan denounces/ }).click();
    const reader = page.getByTestId('reader');
    const aliyev = reader.locator('[data-mention]', { hasText: 'Ilham Aliyev' }).first();
    await aliyev.waitFor();
    expect(await aliyev.getAttribute('data-entity-type')).toBe('person');
    expect(await aliyev.getAttribute('data-mention-status')).toBe('suggested');
    expect(await aliyev.evaluate((element) => getComputedStyle(element).textDecorationStyle)).toBe('dashed');
    await aliyev.click();
    const popover = page.getByTestId('mention-popover');
    await popover.getByText('Ilham Aliyev').waitFor();
    await popover.getByRole('button', { name: 'Accept' }).click();
    await popover.waitFor({ state: 'hidden' });
    await expect.poll(() => aliyev.getAttribute('data-mention-status')).toBe('confirmed');
    expect(await aliyev.evaluate((element) => getComputedStyle(element).textDecorationStyle)).toBe('solid');
    const yerevan = reader.locator('[data-mention]', { hasText: /^Yerevan$/ }).first();
    expect(await yerevan.getAttribute('data-entity-type')).toBe('location');
    // Out of the way of the text for the screenshot: the notifications so far, and the pointer.
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('.mantine-Notification-root button').forEach((button) => button.click()));
    await page.mouse.move(0, 400);
    await aliyev.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await session.screenshot('ent-02-reader-mentions');

    // Click Yerevan: the popover names the entity; Reject takes the underline away.
    const before = await reader.locator('[data-mention]', { hasText: /^Yerevan$/ }).count();
    await yerevan.click();
    await popover.getByText('Yerevan').first().waitFor();
    await popover.getByText('Place').waitFor();
    await popover.getByRole('button', { name: 'Reject' }).click();
    await popover.waitFor({ state: 'hidden' });
    await expect.poll(() => reader.locator('[data-mention]', { hasText: /^Yerevan$/ }).count()).toBe(before - 1);
    const documentId = (await session.engine.handlers['documents.list']({ sort: 'importedAt', direction: 'desc', offset: 0, limit: 10 })).rows[0]?.id ?? 0;
    const mentions = await session.engine.handlers['mentions.forDocument']({ documentId });
    expect(mentions.filter((mention) => mention.text === 'Yerevan' && mention.status === 'rejected')).toHaveLength(1);
  });

  it('renames an entity and shows the table in the dark theme', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await createCase('Dark actors');
    await importArticle();
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    const table = page.getByRole('table', { name: 'Entities' });
    await table.getByRole('row', { name: 'Yerevan', exact: true }).waitFor();
    await table.getByRole('button', { name: 'Actions for Ilham Aliyev' }).click();
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename entity' });
    await dialog.getByLabel('Name').fill('Ilham Heydar oglu Aliyev');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await table.getByRole('row', { name: 'Ilham Heydar oglu Aliyev', exact: true }).waitFor();
    await table.getByRole('row', { name: 'Yerevan', exact: true }).getByRole('checkbox').check();
    await session.screenshot('ent-03-table-dark');
  });
});
