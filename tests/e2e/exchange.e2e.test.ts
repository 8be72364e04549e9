/**
 * File ▸ Import list (CSV)… and File ▸ Merge case… in the real renderer over a real engine: the
 * column mapping with its preview and per-row errors, the merge report, the review of look-alike
 * pairs by keyboard with undo, the reminder that brings the review back, and the clear refusals
 * (a foreign SQLite file, the open case itself, a case merged before).
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/engine';
import { projectRoot } from '../support/built';
import { seedReadingCase } from '../support/seedReading';
import type { DossierSession } from './harness';
import { createCase, useDossier } from './harness';

let session: DossierSession;

useDossier('exchange-', (launched) => {
  session = launched;
});

/** A colleague's case file holding the seed article with its reading. */
async function colleagueCase(): Promise<string> {
  const path = join(session.dir, 'colleague.dossier');
  const other = createEngine();
  await other.handlers['cases.create']({ path, title: 'Colleague' });
  await seedReadingCase(other);
  other.dispose();
  return path;
}

/** Imports an analyst's list through the CSV dialog, as the menu starts it. */
async function importList(path: string): Promise<void> {
  session.nextOpenPath = path;
  await session.emit('menu.command', { command: 'exchange.importList' });
  await session.page.getByTestId('csv-mapping').waitFor();
}

async function merge(path: string): Promise<void> {
  session.nextOpenPath = path;
  await session.emit('menu.command', { command: 'exchange.merge' });
}

describe('exchange, end to end', () => {
  it('maps a CSV list\'s columns, merges a colleague\'s case, reviews its look-alike pairs by keyboard, undoably, and merges nothing twice', async () => {
    const { page } = session;
    const from = await colleagueCase();
    await createCase(session, 'Mine');
    await session.engine.startImport([{ path: join(projectRoot, 'tests', 'fixtures', 'article.html') }]).finished;

    // The analyst's list, with headers of their own and a row that cannot be used.
    const list = join(session.dir, 'actors.csv');
    writeFileSync(list, 'Full name;Category;Also known as;Remarks\nNagorno-Karabakh;organization;NK;Ran by the de facto authorities\nIlham Aliyev;organization;;\nGhost;spaceship;;\n');
    await importList(list);
    const dialog = page.getByRole('dialog', { name: /Import a list: actors\.csv/ });
    await expect.poll(() => dialog.getByLabel('Column for name').inputValue()).toBe('Full name');
    expect(await dialog.getByLabel('Column for type').inputValue()).toBe('Category');
    expect(await dialog.getByLabel('Column for aliases').inputValue()).toBe('Also known as');
    expect(await dialog.getByLabel('Column for notes').inputValue()).toBe('Remarks');
    expect(await dialog.getByTestId('csv-preview').locator('tbody tr').count()).toBe(3);
    await session.screenshot('exchange-csv-mapping');
    await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
    await dialog.getByTestId('csv-result').waitFor();
    expect(await dialog.getByTestId('csv-result').textContent()).toMatch(/2 added · 0 already in the case · 1 left out/);
    expect(await dialog.getByRole('table', { name: 'Rows left out' }).textContent()).toMatch(/4.*type "spaceship" is not one of person, organization, location, other/);
    await session.screenshot('exchange-csv-result');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    // A list of links: switched to links, its headers are guessed too, and a row naming no entity is left out with why.
    const links = join(session.dir, 'links.csv');
    writeFileSync(links, 'From,To,Relationship,When,Grade\nIlham Aliyev,Nagorno-Karabakh,claims,2020-11,B2\nIlham Aliyev,Nobody,meets,,\n');
    await importList(links);
    const linkDialog = page.getByRole('dialog', { name: /Import a list: links\.csv/ });
    await linkDialog.getByText('Links between entities').click();
    await expect.poll(() => linkDialog.getByLabel('Column for source').inputValue()).toBe('From');
    const guessed = await Promise.all(['target', 'relation', 'date', 'grading'].map((field) => linkDialog.getByLabel(`Column for ${field}`).inputValue()));
    expect(guessed).toEqual(['To', 'Relationship', 'When', 'Grade']);
    await session.screenshot('exchange-csv-links-mapping');
    await linkDialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await linkDialog.getByTestId('csv-result').waitFor();
    expect(await linkDialog.getByTestId('csv-result').textContent()).toMatch(/1 added · 0 already in the case · 1 left out[\s\S]*3.*target: no entity is called "Nobody"; add it to the entity list first/);
    await linkDialog.getByRole('button', { name: 'Close', exact: true }).click();

    // The merge: its report, then the review of the two look-alikes.
    await merge(from);
    const report = page.getByTestId('merge-report');
    await report.waitFor();
    expect(await page.getByTestId('merge-counts').textContent()).toMatch(/Claims/);
    await session.screenshot('exchange-merge-report');
    await page.getByRole('button', { name: 'Review 2 pairs' }).click();
    const review = page.getByTestId('doubtful-review');
    await review.waitFor();
    const sides = review.getByTestId('pair-side');
    const selected = review.getByRole('option', { selected: true });
    expect(await selected.textContent()).toMatch(/Nagorno-Karabakh|Ilham Aliyev/);
    const first = (await selected.textContent())!.includes('Nagorno') ? 'Nagorno-Karabakh' : 'Ilham Aliyev';
    expect(await sides.nth(0).textContent()).toMatch(/Organisation[\s\S]*Not mentioned in any document/);
    expect(await sides.nth(1).textContent()).toMatch(/Added from "Colleague"[\s\S]*\d+ in 1 document[\s\S]*Azerbaijan denounces/);
    await session.screenshot('exchange-review');

    // S merges the pair and moves on to the next; Ctrl+Z takes the merge back.
    await page.keyboard.press('s');
    await review.getByRole('option', { name: new RegExp(`${first}.*merged`) }).waitFor();
    await expect.poll(() => selected.textContent()).not.toMatch(first);
    expect(await session.engine.handlers['exchange.doubtful']({})).toHaveLength(1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await session.engine.handlers['exchange.doubtful']({})).length).toBe(2);
    await review.getByRole('option', { name: new RegExp(`^${first}`) }).filter({ hasNotText: 'merged' }).waitFor();
    // D keeps the selected pair apart.
    await page.keyboard.press('d');
    await review.getByRole('option', { name: /kept apart/ }).waitFor();
    await session.screenshot('exchange-review-decided');
    await page.keyboard.press('Escape');

    // One pair still waits: the status bar says so and brings the review back, with only that pair.
    const reminder = page.getByTestId('review-status');
    await expect.poll(() => reminder.textContent()).toMatch(/1 look-alike pair to review/);
    await reminder.click();
    await expect.poll(() => review.getByRole('option').count()).toBe(1);
    await page.emulateMedia({ colorScheme: 'dark' });
    await session.screenshot('exchange-review-dark');
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });

    // Merging the same case again brings nothing, and says so.
    await merge(from);
    await page.getByTestId('merge-nothing').waitFor();
    expect(await page.getByTestId('merge-nothing').textContent()).toMatch(/Everything in "Colleague" is already in this case/);
  });

  it('says clearly why a file cannot be merged or read as a list', async () => {
    const { page } = session;
    await createCase(session, 'Mine');
    const foreign = join(session.dir, 'inventory.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    await merge(foreign);
    const error = page.getByTestId('merge-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/inventory\.sqlite was not merged; this case is unchanged.*inventory\.sqlite is an SQLite database of another application, not a Dossier case/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await session.screenshot('exchange-merge-foreign-dark');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.emulateMedia({ colorScheme: 'light' });

    await merge(session.engine.currentCase()!.path);
    await page.getByTestId('merge-nothing').waitFor();
    expect(await page.getByTestId('merge-nothing').textContent()).toMatch(/"Mine" is this case \(or a copy of it\)/);
    await session.screenshot('exchange-merge-itself');
    await page.getByRole('button', { name: 'Close', exact: true }).click();

    // A CSV that is not a list: the preview says what is wrong before anything is imported.
    const empty = join(session.dir, 'empty.csv');
    writeFileSync(empty, '');
    session.nextOpenPath = empty;
    await session.emit('menu.command', { command: 'exchange.importList' });
    await page.getByTestId('csv-error').waitFor();
    expect(await page.getByTestId('csv-error').textContent()).toMatch(/empty\.csv is empty; it needs a header row/);
    expect(await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
  });
});
