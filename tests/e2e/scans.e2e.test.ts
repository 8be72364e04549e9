import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import type { DossierSession } from './harness';
import { createCase, useDossier } from './harness';

const fixtures = join(projectRoot, 'tests', 'fixtures');

let session: DossierSession;

useDossier('scan-', (launched) => {
  session = launched;
});

describe('scanned documents, end to end', () => {
  it('imports a scan by OCR, shows its confidence, and toggles between its text and its page with word boxes', async () => {
    const { page } = session;
    await createCase(session, 'Scans');
    session.nextImportPaths = [join(fixtures, 'scan-paragraph.png')];
    await page.getByRole('button', { name: 'Import…' }).first().click();
    await page.getByTestId('document-total').getByText('1 document').waitFor();

    // Search for a word that exists only in the picture, and open the hit.
    await page.getByRole('textbox', { name: 'Search documents' }).fill('Kalbajar');
    const list = page.getByRole('grid', { name: 'Documents' });
    await list.getByTestId('document-row').first().click();
    const reader = page.getByTestId('reader');
    await reader.getByTestId('scan-toggle').waitFor();
    expect(await reader.getByTestId('ocr-confidence').textContent()).toMatch(/^OCR \d+%$/);
    await reader.getByTestId('reader-text').getByText(/Armudlu/).first().waitFor();
    await session.screenshot('scan-01-text');

    await reader.getByText('Page image').click();
    await reader.getByTestId('scan-view').locator('img').waitFor();
    await expect.poll(() => reader.getByTestId('scan-view').locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1400);
    // Every word has its box; the search hit is one of them.
    await expect.poll(() => reader.locator('[data-ocr-word]').count()).toBeGreaterThan(30);
    const hit = reader.locator('[data-ocr-word="Kalbajar"]');
    expect(await hit.count()).toBe(1);
    const box = await hit.boundingBox();
    const picture = await reader.getByTestId('scan-view').locator('img').boundingBox();
    expect(box!.x).toBeGreaterThan(picture!.x + picture!.width / 2);
    await session.screenshot('scan-02-page-with-word-boxes');
    expect(session.remoteRequests).toEqual([]);
  });

  it('shows each scan’s OCR confidence in the list, and reads a scan again with other languages as one undoable step', async () => {
    const { page } = session;
    await createCase(session, 'Scans again');
    session.nextImportPaths = [join(fixtures, 'scan-two-pages.tif'), join(fixtures, 'scan-paragraph.png'), join(fixtures, 'notes.md')];
    await page.getByRole('button', { name: 'Import…' }).first().click();
    await page.getByTestId('document-total').getByText('3 documents').waitFor();

    // Sorted by confidence, the scans come first and the typed document, which has none, last.
    const list = page.getByRole('grid', { name: 'Documents' });
    await list.getByRole('columnheader', { name: 'Sort by OCR confidence' }).click();
    const rows = list.getByTestId('document-row');
    await expect.poll(() => rows.nth(2).getAttribute('aria-label')).toMatch(/notes|Notes/);
    expect(await rows.nth(0).getByTestId('ocr-confidence').textContent()).toMatch(/^OCR \d+%$/);
    expect(await rows.nth(2).getByTestId('ocr-confidence').count()).toBe(0);
    await session.screenshot('scan-03-list-with-confidence');

    await list.getByRole('row', { name: /Page one/ }).click();
    const reader = page.getByTestId('reader');
    await reader.getByTestId('scan-toggle').waitFor();
    await reader.getByRole('button', { name: 'Read again…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Its pages were read as').waitFor();
    await dialog.getByTestId('ocr-languages').click();
    await page.getByRole('option', { name: 'Russian (rus)' }).click();
    await dialog.getByText('Its pages were read as').click();
    await session.screenshot('scan-04-read-again-dialog');

    await dialog.getByRole('button', { name: 'Read again' }).click();
    await dialog.getByTestId('ocr-rerun-report').waitFor({ timeout: 120_000 });
    expect(await dialog.getByTestId('ocr-rerun-report').textContent()).toMatch(/^engOCR \d+%→ eng\+rusOCR \d+%/);
    await session.screenshot('scan-05-read-again-report');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await reader.getByText('read by OCR (eng+rus), 2 pages').waitFor();

    // One undo puts the old reading back.
    await page.getByTestId('document-list').focus();
    await page.keyboard.press('Control+z');
    await reader.getByText('read by OCR (eng), 2 pages').waitFor();
    expect(session.remoteRequests).toEqual([]);
  });
});
