import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import type { DossierSession } from './harness';
import { createCase as createCaseIn, selectPassage as selectPassageIn, useDossier } from './harness';

const fixtures = join(projectRoot, 'tests', 'fixtures');
const seedArticle = join(fixtures, 'border-incident-article.txt');

let session: DossierSession;

useDossier('doc-', (launched) => {
  session = launched;
});

const createCase = (title: string): Promise<void> => createCaseIn(session, title);

/**
 * Drags a file over the window as the operating system does (dragenter, dragover with a
 * DataTransfer holding a real File), optionally pausing for a screenshot of the overlay, then drops it.
 */
async function dropFile(name: string, bytes: Buffer, screenshot?: string): Promise<void> {
  const { page } = session;
  await page.evaluate(
    ({ name: fileName, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], fileName, { type: 'text/plain' }));
      const target =
        document.querySelector('[data-testid="documents-empty"]') ?? document.querySelector('[data-testid="document-list"]') ?? document.body;
      const fire = (type: string) => target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      fire('dragenter');
      fire('dragover');
      (window as unknown as { __drop: () => void }).__drop = () => fire('drop');
    },
    { name, data: [...bytes] },
  );
  // The overlay shows while files hover over the window.
  await page.getByTestId('drop-overlay').getByText('Drop files to import').waitFor();
  if (screenshot) await session.screenshot(screenshot);
  await page.evaluate(() => (window as unknown as { __drop: () => void }).__drop());
  await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
}

const selectPassage = (passage: string): Promise<void> => selectPassageIn(session, passage);

describe('documents, end to end', () => {
  it('imports by drag and drop, tags, searches, reads, annotates, undoes, and imports with the dialog', async () => {
    const { page } = session;
    await createCase('Border incident');

    // An empty case teaches how to import.
    await page.getByTestId('documents-empty').getByText('Drag files here, or Import…').waitFor();
    await session.screenshot('doc-01-empty-case');

    // Drag the seed article onto the window.
    await dropFile('border-incident-article.txt', readFileSync(seedArticle), 'doc-01b-drop-overlay');
    const list = page.getByRole('grid', { name: 'Documents' });
    const articleRow = list.getByRole('row', { name: /Azerbaijan denounces an alleged invasion/ });
    await articleRow.waitFor();
    await page.getByTestId('import-summary').getByText('1 imported · 0 duplicates · 0 failed').waitFor();
    await page.getByTestId('case-counts').getByText(/^1 document ·/).waitFor();
    await session.screenshot('doc-02-imported');

    // Tag it source/media from the row's context menu.
    await articleRow.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Add tag…' }).click();
    const tagDialog = page.getByRole('dialog', { name: 'Tag 1 document' });
    await tagDialog.getByRole('combobox', { name: 'Tag', exact: true }).fill('source/media');
    await tagDialog.getByRole('button', { name: 'Add tag' }).click();
    await tagDialog.waitFor({ state: 'hidden' });
    await articleRow.getByText('source/media').waitFor();
    await page.getByRole('tree', { name: 'Tags' }).getByText('media').waitFor();

    // Search: the row shows a snippet with the hit marked (accents folded: Pashinián matches).
    await page.getByRole('textbox', { name: 'Search documents' }).fill('pashinian');
    const snippet = list.getByTestId('snippet').first();
    await snippet.locator('mark').first().waitFor();
    expect((await snippet.locator('mark').allTextContents()).map((hit) => hit.toLowerCase())).toEqual(
      expect.arrayContaining([expect.stringMatching(/^pashini[aá]n$/)]),
    );
    await session.screenshot('doc-03-search');

    // Open it: the reader marks the hits in the text, Pashinián among them.
    await list.getByRole('row', { name: /Azerbaijan denounces/ }).click();
    const reader = page.getByTestId('reader');
    await reader.getByTestId('reader-title').getByText('Azerbaijan denounces an alleged invasion').waitFor();
    await reader.locator('mark[data-hit]', { hasText: 'Pashinián' }).first().waitFor();
    await session.screenshot('doc-04-reader-hit');

    // Select a passage and add a note on it.
    const passage = 'about 40';
    await selectPassage(passage);
    await page.getByTestId('add-note').click();
    await page.getByPlaceholder('What matters about this passage?').fill('Number of soldiers per the Azerbaijani MoD; unverified.');
    await page.getByRole('button', { name: 'Save note' }).click();
    const noteMark = reader.locator('[data-note]', { hasText: passage });
    await noteMark.waitFor();
    const notes = session.engine.handlers['notes.list']({});
    const [stored] = await Promise.resolve(notes);
    expect(stored).toMatchObject({ quote: passage, body: 'Number of soldiers per the Azerbaijani MoD; unverified.' });
    const detail = await session.engine.handlers['documents.get']({ id: stored!.documentId });
    expect(detail.text.slice(stored!.start, stored!.end)).toBe(passage);
    await noteMark.click();
    await page.getByTestId('note-popover').getByText('unverified').waitFor();
    await session.screenshot('doc-05-note');
    await page.keyboard.press('Escape');
    await page.getByTestId('note-popover').waitFor({ state: 'hidden' });

    // Ctrl+Z (focus outside text fields) undoes the note.
    await page.getByRole('grid', { name: 'Documents' }).focus();
    await page.keyboard.press('Control+z');
    await page.getByText(/^Undone: /).waitFor();
    await noteMark.waitFor({ state: 'detached' });
    expect(await session.engine.handlers['notes.list']({})).toEqual([]);

    // Import a second file with the Import… button and the (stand-in) dialog.
    await page.getByRole('textbox', { name: 'Search documents' }).fill('');
    session.nextImportPaths = [join(fixtures, 'notes.md')];
    await page.getByRole('button', { name: 'Import…' }).first().click();
    await page.getByTestId('case-counts').getByText(/^2 documents/).waitFor();
    await page.getByTestId('document-total').getByText('2 documents').waitFor();
    expect(await list.getByTestId('document-row').count()).toBe(2);

    // A query the engine cannot read says why, under the box, and the list stays.
    await page.getByRole('textbox', { name: 'Search documents' }).fill('"unbalanced');
    await page.getByText(/could not be read/).waitFor();
    expect(await list.getByTestId('document-row').count()).toBe(2);
    await session.screenshot('doc-06-bad-query');
  });

  it('reads in the dark theme', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await createCase('Dark reading');
    await dropFile('border-incident-article.txt', readFileSync(seedArticle));
    const list = page.getByRole('grid', { name: 'Documents' });
    await list.getByRole('row', { name: /Azerbaijan denounces/ }).waitFor();
    await page.getByRole('textbox', { name: 'Search documents' }).fill('Kalbajar');
    await list.getByTestId('snippet').locator('mark').first().waitFor();
    await list.getByRole('row', { name: /Azerbaijan denounces/ }).click();
    await page.getByTestId('reader').locator('mark[data-hit]').first().waitFor();
    const addTag = page.getByRole('combobox', { name: 'Add tag' });
    await addTag.fill('source/official');
    await addTag.press('Enter');
    await page.getByTestId('reader-tags').getByText('source/official').waitFor();
    await selectPassage('Armudlu');
    await page.getByTestId('add-note').click();
    await page.getByPlaceholder('What matters about this passage?').fill('Village named in both ministries’ statements.');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('reader').locator('[data-note]', { hasText: 'Armudlu' }).waitFor();
    await page.getByTestId('inspector').getByRole('tab', { name: 'Notes (1)' }).click();
    await page.getByTestId('inspector').getByTestId('note-list').getByText('Village named').waitFor();
    await session.screenshot('doc-07-reader-dark');

    // The search syntax is one click away; right-click offers what applies to the row.
    await page.getByRole('button', { name: 'Search syntax' }).click();
    await page.getByText('within 5 words of each other').waitFor();
    await session.screenshot('doc-07b-search-help-dark');
    await page.keyboard.press('Escape');
    await list.getByRole('row', { name: /Azerbaijan denounces/ }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Remove tag…' }).waitFor();
    await session.screenshot('doc-07c-row-menu-dark');
  });

  it('pages through a long list, selects with the keyboard, bulk-tags, filters by tag and reports failed imports', async () => {
    const { page } = session;
    await createCase('Long list');
    // 650 documents: more than three windows of the list, imported through the real engine.
    const count = 650;
    const sources = Array.from({ length: count }, (_, index) => {
      const number = String(index + 1).padStart(4, '0');
      return { name: `memo-${number}.txt`, bytes: Buffer.from(`Memo ${number}\n\nConvoy sighted near Goris, report number ${number}.`) };
    });
    await session.engine.handlers['documents.import']({ sources });
    const list = page.getByRole('grid', { name: 'Documents' });
    await page.getByTestId('document-total').getByText(`${count} documents`).waitFor();
    expect(await list.getAttribute('aria-rowcount')).toBe(String(count));
    // Only the rows in view are in the page.
    expect(await list.getByTestId('document-row').count()).toBeLessThan(80);

    // Scrolling to the end fetches the last window: the oldest import is last.
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await list.getByRole('row', { name: 'Memo 0001' }).waitFor();
    await session.screenshot('doc-08-long-list-end');

    // Keyboard: Home, down twice, Enter opens the third newest.
    await list.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('reader-title').getByText(`Memo ${String(count - 2).padStart(4, '0')}`).waitFor();

    // Ctrl+A selects all 650 (most not even loaded), and "Tag selected…" tags them all.
    await page.keyboard.press('Control+a');
    await page.getByTestId('document-total').getByText(`${count} selected`).waitFor();
    await page.getByRole('button', { name: /^Tag 650 selected/ }).click();
    const tagDialog = page.getByRole('dialog', { name: `Tag ${count} documents` });
    await tagDialog.getByRole('combobox', { name: 'Tag', exact: true }).fill('batch/goris');
    await tagDialog.getByRole('button', { name: 'Add tag' }).click();
    await tagDialog.waitFor({ state: 'hidden' });
    const tree = page.getByRole('tree', { name: 'Tags' });
    await tree.getByRole('treeitem', { name: /goris/ }).getByText('650').waitFor();

    // One more document without the tag; clicking the tag in the tree filters the list to its 650.
    session.nextImportPaths = [join(fixtures, 'notes.md')];
    await page.keyboard.press('Control+i');
    await page.getByTestId('document-total').getByText(`${count + 1} documents`).waitFor();
    await tree.getByText('goris').click();
    await page.getByTestId('document-total').getByText(`${count} documents`).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('document-total').getByText(`${count + 1} documents`).waitFor();
    await session.screenshot('doc-09-tagged');

    // Sorting by a header; renaming a tag from its menu.
    await page.getByRole('columnheader', { name: 'Sort by title' }).click();
    await expect.poll(() => list.getByTestId('document-row').first().getAttribute('aria-label')).toBe('Field notes from Kalbajar');
    await tree.getByRole('button', { name: 'Actions for tag batch/goris' }).click();
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename tag' });
    await rename.getByLabel('Name').fill('batch/goris-convoys');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await tree.getByText('goris-convoys').waitFor();
    await list.getByRole('row', { name: 'Memo 0001' }).getByText('batch/goris-convoys').waitFor();

    // The status bar follows an import's progress (a progress event as the engine sends it).
    await session.emit('import.progress', { jobId: 9999, done: 120, total: 480, current: 'reuters/reut2-004.sgm', imported: 118, duplicates: 1, failed: 1 });
    const status = page.getByTestId('import-status');
    await status.getByText('Importing 120 / 480').waitFor();
    await status.getByText('reuters/reut2-004.sgm').waitFor();
    await status.getByRole('button', { name: 'Cancel' }).waitFor();
    await session.screenshot('doc-10-import-progress');
    await session.emit('import.finished', { jobId: 9999, imported: [], duplicates: [], failed: [], cancelled: true });
    await status.waitFor({ state: 'detached' });

    // Failures and duplicates: the notification offers the report, which says what and why.
    session.nextImportPaths = ['encrypted.pdf', 'empty.txt', 'notes.md', 'message.eml'].map((name) => join(fixtures, name));
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('button', { name: 'Show report' }).click();
    const report = page.getByRole('dialog', { name: 'Import report' });
    const failed = report.getByRole('table', { name: 'Files that failed' });
    await failed.getByRole('row', { name: /empty\.txt.*is empty/ }).waitFor();
    await failed.getByRole('cell', { name: /encrypted\.pdf$/ }).waitFor();
    await report.getByRole('table', { name: 'Duplicate files' }).getByRole('cell', { name: /notes\.md$/ }).waitFor();
    await session.screenshot('doc-11-import-report');
  });

  it('reads a PDF page by page, with its metadata in the inspector', async () => {
    const { page } = session;
    await createCase('PDF reading');
    session.nextImportPaths = [join(fixtures, 'two-pages.pdf')];
    await page.getByRole('button', { name: 'Import…' }).first().click();
    const row = page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: 'Quarterly border report' });
    await row.click();
    const reader = page.getByTestId('reader');
    await reader.getByTestId('reader-title').getByText('Quarterly border report').waitFor();
    await expect.poll(() => reader.getByTestId('page-divider').allTextContents()).toEqual(['Page 1', 'Page 2']);
    await reader.getByText('Page two: the demarcation commission.').waitFor();
    await expect.poll(() => page.getByTestId('inspector').getByLabel('Author').inputValue()).toBe('Analysis Unit');
    await session.screenshot('doc-13-pdf');
  });

  it('opens the demo case from the start screen', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Open demo case' }).click();
    await page.getByTestId('case-title').waitFor();
    const list = page.getByRole('grid', { name: 'Documents' });
    await list.getByTestId('document-row').first().waitFor();
    expect(await list.getByTestId('document-row').count()).toBeGreaterThan(2);
    await list.getByTestId('document-row').first().click();
    await page.getByTestId('reader-title').waitFor();
    const tabs = page.getByTestId('view-documents').locator('label');
    await tabs.filter({ hasText: /^Notes$/ }).click();
    await page.getByTestId('case-notes').waitFor();
    await tabs.filter({ hasText: /^Documents$/ }).click();
    await session.screenshot('doc-12-demo-case');
  });

  it('reads an imported web page with scripts, event handlers and remote images: nothing runs, nothing is fetched', async () => {
    const { page } = session;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await createCase('Hostile HTML');
    await dropFile('article.html', readFileSync(join(fixtures, 'article.html')));
    const row = page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: /Border talks resume/ });
    await row.click();
    const reader = page.getByTestId('reader');
    await reader.getByText('Negotiators from Armenia and Azerbaijan met on Friday', { exact: false }).waitFor();
    // The article's own script would have set window.stolen, written a paragraph or raised an alert.
    expect(await page.evaluate(() => 'stolen' in window)).toBe(false);
    expect(await reader.getByText('injected paragraph').count()).toBe(0);
    expect(await page.locator('img[src^="http"], iframe, form[action], link[href^="http"]').count()).toBe(0);
    expect(await page.locator('[onerror], [onclick]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    // And the stored copy is clean too: the sanitized HTML keeps the text, not the scripts.
    const stored = await session.engine.handlers['documents.get']({ id: 1 });
    expect(stored.html).not.toMatch(/<script|onerror|onclick|<iframe|<form|https:\/\/tracker/i);
    expect(stored.text).toContain('The defence ministry in Baku said about 40 soldiers had crossed the line');
    await session.screenshot('doc-14-hostile-html');
    // afterEach fails the test if the page asked for any remote address.
  });
});
