import { describe, expect, it } from 'vitest';
import type { SeededReading } from '../support/seedReading';
import { seedReadingCase } from '../support/seedReading';
import type { DossierSession } from './harness';
import { createCase, useDossier } from './harness';

let session: DossierSession;
let keys: SeededReading['keys'];

useDossier('timeline-', (launched) => {
  session = launched;
});

/** A case with the seed article read (dated 2 June 2021), open on the Timeline view. */
async function openSeededTimeline(title: string): Promise<void> {
  const { page } = session;
  await createCase(session, title);
  ({ keys } = await seedReadingCase(session.engine));
  // The sixth rail item; its shortcut comes from the rail order.
  await page.keyboard.press('Control+6');
  await page.getByTestId('timeline-view').waitFor();
  await item(keys.entered).waitFor();
}

const item = (key: string) => session.page.locator(`[data-testid="timeline-item"][data-key="${key}"]`);
/** The item's mark or bar (its label may run under the inspector). */
const shape = (key: string) => item(key).locator('path, circle, rect[data-testid="timeline-bar"]').first();

async function box(key: string) {
  const found = await shape(key).boundingBox();
  if (!found) throw new Error(`${key} is not drawn`);
  return found;
}

/** Zooms in on May and June with the wheel, which zooms about the pointer, so days are wide enough to measure. */
async function zoomToArticle(): Promise<void> {
  const { page } = session;
  // Four notches of 400 zoom by 2^3.2; zooming about p keeps p and puts the article's day at about 70% of the band.
  const fitted = await box(keys.midMay);
  const article = await box(keys.ministryClaim);
  const axisBand = (await page.getByTestId('timeline-axis-band').boundingBox())!;
  const factor = 2 ** 3.2;
  const target = axisBand.x + axisBand.width * 0.7;
  const about = Math.min(axisBand.x + axisBand.width - 2, (factor * (article.x + article.width / 2) - target) / (factor - 1));
  await page.mouse.move(about, fitted.y + fitted.height / 2);
  for (let step = 0; step < 4; step += 1) await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await box(keys.midMay)).width).toBeGreaterThan(fitted.width * 4);
}

describe('timeline, end to end', () => {
  it('draws events by their precision, brushes a period, sets accounts side by side, confirms a link and undoes a rejected claim', async () => {
    const { page } = session;
    await openSeededTimeline('Border timeline');

    // "entered" (during Tuesday, 1 June) is a day mark; "since mid-May" a bar across the whole of May, faded as approximate.
    expect(await item(keys.entered).getAttribute('data-precision')).toBe('day');
    const midMay = item(keys.midMay);
    expect(await midMay.getAttribute('data-precision')).toBe('month');
    expect(await midMay.locator('rect[data-testid="timeline-bar"]').getAttribute('mask')).toContain('soft');
    await zoomToArticle();
    const may = await box(keys.midMay);
    const tuesday = await box(keys.entered);
    const wednesday = await box(keys.ministryClaim);
    const day = wednesday.x + wednesday.width / 2 - (tuesday.x + tuesday.width / 2);
    expect(day).toBeGreaterThan(0);
    expect(may.width / day).toBeGreaterThan(28);
    expect(may.width / day).toBeLessThan(34);
    // Suggestions are dashed.
    expect(await item(keys.entered).getAttribute('data-status')).toBe('suggested');
    expect(await item(keys.entered).locator('path').getAttribute('stroke-dasharray')).toBeTruthy();
    await page.mouse.move(0, 0);
    await session.screenshot('timeline-01-lanes-light');

    // Selecting an item: the inspector says when, how precisely and from where the date comes.
    await shape(keys.entered).click();
    const inspector = page.getByTestId('timeline-inspector');
    await inspector.getByTestId('inspector-when').getByText('1 June 2021').waitFor();
    await inspector.getByText(/day precision · date from text/).waitFor();
    // The left arrow goes back in time: to "since mid-May", drawn across May.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => item(keys.midMay).getAttribute('aria-pressed')).toBe('true');
    await inspector.getByTestId('inspector-when').getByText('≈ May 2021').waitFor();
    await inspector.getByText(/month precision, approximate/).waitFor();

    // Enter opens the selected claim's passage in the reader (before any review, so the reader's text is settled).
    const zoomed = await box(keys.midMay);
    await shape(keys.technicalWorkClaim).click();
    await page.keyboard.press('Enter');
    await page.getByTestId('reader').waitFor();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('carrying out technical work on sovereign Armenian territory');
    // Back on the timeline, the zoom is as it was.
    await page.keyboard.press('Control+6');
    await item(keys.midMay).waitFor();
    await expect.poll(async () => Math.abs((await box(keys.midMay)).width - zoomed.width)).toBeLessThan(3);

    // Brushing on the axis band, from the first of May to the day of the article: the period chip.
    const monthBar = await box(keys.midMay);
    const articleDay = await box(keys.ministryClaim);
    const band = (await page.getByTestId('timeline-axis-band').boundingBox())!;
    const y = band.y + band.height / 2;
    await page.mouse.move(monthBar.x + day / 2, y);
    await page.mouse.down();
    await page.mouse.move(monthBar.x + monthBar.width / 2, y, { steps: 4 });
    await page.mouse.move(articleDay.x + articleDay.width / 2, y, { steps: 4 });
    await page.mouse.up();
    const chip = page.getByTestId('period-chip');
    await chip.getByText('1 May – 2 Jun 2021').waitFor();
    await page.getByTestId('timeline-period-shade').waitFor();
    await page.mouse.move(0, 0);
    await session.screenshot('timeline-02-period');

    // The graph's date filter starts from the period.
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await expect.poll(() => page.getByLabel('From date').inputValue()).toBe('2021-05-01');
    expect(await page.getByLabel('To date').inputValue()).toBe('2021-06-02');
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    await chip.getByText('1 May – 2 Jun 2021').waitFor();

    // Competing accounts: the ministry's and Pashinyan's claims side by side.
    await page.getByRole('tab', { name: /Competing accounts/ }).click();
    const group = page.getByTestId('account-group').first();
    const ministry = group.locator('[data-testid="account-claim"][data-speaker="Azerbaijani Ministry of Defense"]');
    const pashinyan = group.locator('[data-testid="account-claim"][data-speaker="Nikol Pashinyan"]').filter({ hasText: 'technical work' });
    await ministry.getByText(/about 40/).waitFor();
    await pashinyan.getByText(/technical work/).waitFor();
    const left = (await ministry.boundingBox())!;
    const right = (await pashinyan.boundingBox())!;
    // In columns of their own sides: the two boxes do not overlap horizontally.
    expect(left.x + left.width <= right.x + 1 || right.x + right.width <= left.x + 1).toBe(true);
    const sides = await group.getByTestId('account-side').allTextContents();
    expect(sides.some((side) => /^AZERBAIJAN/i.test(side))).toBe(true);
    expect(sides.some((side) => /^ARMENIA/i.test(side))).toBe(true);
    await expect.poll(() => ministry.getByTestId('stance').textContent()).toBe('accuses');
    await expect.poll(() => pashinyan.getByTestId('stance').textContent()).toBe('denies');
    await page.mouse.move(0, 0);
    await session.screenshot('timeline-03-accounts');

    // Confirming a suggested link (graded B2) asserts a link citing its sentence.
    await page.getByRole('tab', { name: /Suggested links/ }).click();
    const relation = page.getByTestId('relation-row').filter({ hasText: 'Ilham Aliyev' });
    await relation.getByLabel(/^Source reliability/).click();
    await page.getByRole('option', { name: /^B — Usually reliable/ }).click();
    await relation.getByLabel(/^Information credibility/).click();
    await page.getByRole('option', { name: /^2 — Probably true/ }).click();
    await relation.getByRole('button', { name: 'Confirm Nikol Pashinyan communicates with Ilham Aliyev' }).click();
    await relation.getByText('asserted').waitFor();
    await page.mouse.move(0, 0);
    await session.screenshot('timeline-04-suggested-links');
    const links = await session.engine.handlers['links.list']({});
    expect(links).toEqual([expect.objectContaining({ fromLabel: 'Nikol Pashinyan', toLabel: 'Ilham Aliyev', relation: 'communicates with', reliability: 'B', credibility: 2 })]);
    expect(links[0]!.evidence[0]!.quote).toContain('agreed with');

    // Rejecting a claim hides it from the list and the timeline; Ctrl+Z brings it back.
    await page.getByRole('tab', { name: /^Claims/ }).click();
    const claimRow = page.getByTestId('claim-row').filter({ hasText: 'technical work' });
    await claimRow.getByRole('button', { name: 'Reject the claim by Nikol Pashinyan' }).first().click();
    await claimRow.waitFor({ state: 'detached' });
    await item(keys.technicalWorkClaim).waitFor({ state: 'detached' });
    await page.getByTestId('timeline-view').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await claimRow.waitFor();
    await item(keys.technicalWorkClaim).waitFor();
    expect((await session.engine.handlers['claims.list']({})).find((claim) => claim.content.text.includes('technical work'))?.status).toBe('suggested');

    // Keyboard: A accepts the selected claim, drawn solid then.
    await shape(keys.technicalWorkClaim).click();
    await page.keyboard.press('a');
    await expect.poll(() => item(keys.technicalWorkClaim).getAttribute('data-status')).toBe('confirmed');
    expect(await item(keys.technicalWorkClaim).locator('circle').first().getAttribute('stroke-dasharray')).toBeNull();
  });

  it('teaches when empty, and shows lanes by source and the accounts in the dark theme', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await createCase(session, 'Dark timeline');
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByTestId('timeline-empty').getByText(/appear here when documents are read/).waitFor();

    ({ keys } = await seedReadingCase(session.engine));
    // A fresh look at the case, as after any import.
    await page.getByRole('button', { name: 'Documents', exact: true }).click();
    await page.getByRole('button', { name: 'Timeline', exact: true }).click();
    await item(keys.entered).waitFor();
    await page.getByText('By source').click();
    await page.locator('[data-testid="timeline-lane"][data-lane="Nikol Pashinyan"]').waitFor();
    await shape(keys.midMay).click();
    await page.mouse.move(0, 0);
    await session.screenshot('timeline-05-dark-by-source');
    await page.getByRole('tab', { name: /Competing accounts/ }).click();
    await page.getByTestId('account-claim').first().waitFor();
    await session.screenshot('timeline-06-dark-accounts');

    // Who really speaks, and how far to trust it: the entity picker and the Admiralty grading.
    await page.getByRole('tab', { name: /^Claims/ }).click();
    const captured = page.getByTestId('claim-row').filter({ hasText: 'captured six' });
    await captured.getByRole('button', { name: /^Change the speaker of/ }).click();
    const picker = page.locator('input').and(page.getByLabel('Who says this?'));
    await picker.fill('Ministry');
    await page.getByRole('option', { name: /^Azerbaijani Ministry of Defense · Organisation/ }).click();
    await captured.getByText('Azerbaijani Ministry of Defense').waitFor();
    await captured.getByLabel(/^Source reliability/).click();
    await page.getByRole('option', { name: /^C — Fairly reliable/ }).click();
    await expect
      .poll(async () => (await session.engine.handlers['claims.list']({})).find((claim) => claim.content.text.includes('captured six')))
      .toMatchObject({ speaker: { name: 'Azerbaijani Ministry of Defense' }, reliability: 'C' });
    await page.mouse.move(0, 0);
    await session.screenshot('timeline-07-dark-claims');
  });
});
