import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import type { DossierSession } from './harness';
import { createCase as createCaseIn, selectPassage, useDossier } from './harness';

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
    for (const name of ['Nikol Pashinyan', 'Ilham Aliyev', 'Yerevan']) await row(name).waitFor();
    await expect.poll(() => row('Yerevan').getByText('Suggested').count()).toBe(1);

    // Select two rows and confirm them together.
    await row('Nikol Pashinyan').getByRole('checkbox').check();
    await row('Ilham Aliyev').getByRole('checkbox').check();
    await page.getByTestId('entity-selection').getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByText('Confirmed: 2 entities').waitFor();
    await row('Nikol Pashinyan').getByText('Confirmed').waitFor();
    await row('Ilham Aliyev').getByText('Confirmed').waitFor();
    await expect.poll(() => row('Yerevan').getByText('Suggested').count()).toBe(1);
    const confirmed = await session.engine.handlers['entities.list']({ status: 'confirmed' });
    expect(confirmed.map((entity) => entity.name).sort()).toEqual(['Ilham Aliyev', 'Nikol Pashinyan']);

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

  it('opens an entity page, follows a mention into the reader, marks a passage by hand, merges and undoes', async () => {
    const { page } = session;
    await createCase('Entity pages');
    await importArticle();
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    const table = page.getByRole('table', { name: 'Entities' });
    const panel = page.getByTestId('entity-panel');

    // The entity page: canonical name, both spellings, role and affiliation read from the text.
    await table.getByRole('button', { name: 'Open Nikol Pashinyan' }).click();
    await panel.getByTestId('entity-name').getByText('Nikol Pashinyan').waitFor();
    await panel.getByTestId('entity-aliases').getByText('Nikol Pashinián').waitFor();
    await panel.getByTestId('entity-aliases').getByText('Pashinian').waitFor();
    await expect.poll(() => panel.getByLabel('Role').inputValue()).toBe('Prime Minister');
    expect(await panel.getByLabel('Affiliation').inputValue()).toBe('Armenia');
    const kwic = panel.getByTestId('entity-kwic');
    await kwic.getByText('Nikol Pashinián', { exact: true }).waitFor();
    await panel.getByLabel('Notes').fill('Agreed the November 2020 ceasefire with Aliyev and Russia.');
    await panel.getByLabel('Role').click();
    const [pashinyan] = await session.engine.handlers['entities.list']({ search: 'Pashinyan' });
    await expect
      .poll(async () => (await session.engine.handlers['entities.get']({ id: pashinyan!.id })).attributes.notes)
      .toBe('Agreed the November 2020 ceasefire with Aliyev and Russia.');
    await session.screenshot('ent-04-entity-page');

    // A place: where it is, and the gazetteer's other candidates.
    await table.getByRole('button', { name: 'Open Kalbajar' }).click();
    await panel.getByTestId('entity-coordinates').waitFor();
    await panel.getByRole('button', { name: 'Candidates' }).click();
    await panel.getByTestId('place-candidates').getByRole('button').first().waitFor();
    await session.screenshot('ent-05-place-candidates');

    // A mention line opens the document at that mention.
    await table.getByRole('button', { name: 'Open Nikol Pashinyan' }).click();
    await kwic.getByText('Nikol Pashinián', { exact: true }).click();
    const popover = page.getByTestId('mention-popover');
    await popover.getByText('Nikol Pashinyan').waitFor();
    await popover.getByTestId('mention-role').getByText('Prime Minister').waitFor();
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });

    // Select a passage and mark it as an organisation.
    await selectPassage(session, 'tripartite border demarcation commission');
    await page.getByTestId('mark-entity-button').click();
    const mark = page.getByTestId('mark-entity');
    await mark.getByText('Organisation', { exact: true }).click();
    await mark.getByLabel('New entity named').fill('Tripartite border demarcation commission');
    await session.screenshot('ent-06-mark-entity');
    await mark.getByRole('button', { name: 'Mark' }).click();
    const reader = page.getByTestId('reader');
    const marked = reader.locator('[data-mention]', { hasText: 'tripartite border demarcation commission' });
    await marked.waitFor();
    expect(await marked.getAttribute('data-entity-type')).toBe('organization');
    expect(await marked.getAttribute('data-mention-status')).toBe('confirmed');

    // Merge Yerevan into Armenia from the table, then undo with Ctrl+Z.
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    await table.getByRole('row', { name: 'Tripartite border demarcation commission', exact: true }).waitFor();
    await table.getByRole('row', { name: 'Yerevan', exact: true }).getByRole('checkbox').check();
    await table.getByRole('row', { name: 'Armenia', exact: true }).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge entities' });
    await dialog.getByLabel(/^Armenia/).check();
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await table.getByRole('row', { name: 'Yerevan', exact: true }).waitFor({ state: 'detached' });
    await panel.getByTestId('entity-aliases').getByText('Yerevan').waitFor();
    await page.keyboard.press('Control+z');
    await table.getByRole('row', { name: 'Yerevan', exact: true }).waitFor();
    const names = (await session.engine.handlers['entities.list']({})).map((entity) => entity.name);
    expect(names).toEqual(expect.arrayContaining(['Yerevan', 'Armenia', 'Tripartite border demarcation commission']));

    // A GeoNames country extract places the village the bundled gazetteer lacks.
    await table.getByRole('button', { name: 'Open Armudlu' }).click();
    await panel.getByText('Not placed: no gazetteer place matched').waitFor();
    await page.getByRole('button', { name: 'Gazetteer…' }).click();
    const gazetteer = page.getByRole('dialog', { name: 'Gazetteer' });
    await gazetteer.getByTestId('gazetteer-empty').waitFor();
    session.nextOpenPath = join(fixtures, 'geonames-AZ-sample.txt');
    await gazetteer.getByRole('button', { name: 'Add GeoNames extract…' }).click();
    await gazetteer.getByTestId('gazetteer-extracts').getByText('geonames-AZ-sample.txt').waitFor();
    await page.getByText(/1 of the case's places now placed/).waitFor();
    await session.screenshot('ent-07-gazetteer');
    await gazetteer.getByRole('button', { name: 'Close' }).click();
    await panel.getByTestId('entity-coordinates').getByText('40.1700, 45.8100').waitFor();
  });
});

