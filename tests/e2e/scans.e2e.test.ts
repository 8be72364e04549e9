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
});
