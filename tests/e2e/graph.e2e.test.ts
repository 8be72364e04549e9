import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import type { DossierSession } from './harness';
import { createCase, selectPassage, useDossier } from './harness';

const seedArticle = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');

let session: DossierSession;

useDossier('graph-', (launched) => {
  session = launched;
});

async function importArticle(): Promise<void> {
  const { page } = session;
  session.nextImportPaths = [seedArticle];
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: /Azerbaijan denounces/ }).waitFor();
}

/** Picks an option of a searchable select by typing part of its name. */
async function pick(label: string | RegExp, typed: string, option: RegExp, scope = session.page.getByRole('dialog')): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  if (typed) await input.fill(typed);
  await session.page.getByRole('option', { name: option }).first().click();
}

describe('graph, end to end', () => {
  it('links Pashinyan —accuses→ Azerbaijan from the reader, finds the path in the graph and reads the evidence', async () => {
    const { page } = session;
    await createCase(session, 'Border graph');

    // Before any import the graph says how it fills.
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.getByTestId('graph-empty').getByText(/appear here when you import/).waitFor();
    await page.getByRole('button', { name: 'Documents', exact: true }).click();

    await importArticle();
    await page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: /Azerbaijan denounces/ }).click();
    // Once the text and its mentions are drawn (drawing them anew would drop the selection).
    await page.getByTestId('reader').locator('[data-mention]').first().waitFor();
    await selectPassage(session, 'totally unacceptable');
    await page.getByTestId('link-passage-button').click();
    const dialog = page.getByRole('dialog', { name: 'Link' });
    await dialog.getByText('totally unacceptable').waitFor();
    await pick('From', 'Pashinyan', /^Nikol Pashinyan · Person/);
    await pick('To', 'Azerbaijan', /^Azerbaijan · Place/);
    await dialog.getByLabel('Relation', { exact: true }).fill('accuses');
    await dialog.getByLabel('Date, or start of range').fill('2021-05-27');
    await pick('Source reliability', '', /^B — Usually reliable/);
    await pick('Information credibility', '', /^2 — Probably true/);
    await page.mouse.move(0, 0);
    await session.screenshot('graph-01-link-from-reader');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const [link] = await session.engine.handlers['links.list']({});
    expect(link).toMatchObject({ fromLabel: 'Nikol Pashinyan', toLabel: 'Azerbaijan', relation: 'accuses', reliability: 'B', credibility: 2 });
    expect(link!.evidence.map((evidence) => evidence.quote)).toEqual(['totally unacceptable']);

    // The graph: the case's nodes, laid out once and kept.
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    const counts = page.getByTestId('graph-counts');
    await counts.getByText(/^Showing \d+ of \d+ nodes/).waitFor();
    const total = await session.engine.handlers['graph.load']({ limit: 2000, cooccurrence: true, minCooccurrence: 1 });
    expect(await counts.textContent()).toContain(`of ${total.total.nodes} nodes`);
    await page.getByText('Layout running').waitFor({ state: 'detached', timeout: 15_000 });

    // Shortest path from Pashinyan to Azerbaijan: one step, the asserted link.
    const side = page.getByTestId('graph-side');
    await pick('Path from', 'Pashinyan', /^Nikol Pashinyan · Person/, side);
    await pick('Path to', 'Azerbaijan', /^Azerbaijan · Place/, side);
    await side.getByRole('button', { name: 'Find path' }).click();
    const steps = page.getByTestId('path-steps');
    await steps.getByText('1 step:').waitFor();
    await steps.getByRole('button', { name: 'Edge accuses' }).click();

    // The evidence panel: the relation, its grading, and the quote with its document.
    const details = page.getByTestId('link-details');
    await details.getByTestId('link-relation').getByText('accuses').waitFor();
    await details.getByText(/^B2 · usually reliable, probably true/).waitFor();
    await details.getByTestId('evidence-quote').getByText('totally unacceptable').waitFor();
    await details.getByText(/Azerbaijan denounces/).waitFor();
    await page.waitForTimeout(400);
    await session.screenshot('graph-02-path-and-evidence');

    // Size by betweenness and colour by community: the analytics run over what is shown.
    await side.getByText('Betweenness').click();
    await side.getByRole('switch', { name: /Colour by community/ }).check();
    await side.getByText(/Colour by community \(Louvain\): \d+ found/).waitFor();
    await page.waitForTimeout(300);
    await session.screenshot('graph-03-communities');

    // One click from the quote to the passage in the reader.
    await details.getByRole('button', { name: 'Open the passage' }).click();
    await page.getByTestId('reader').waitFor();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('totally unacceptable');

    // Undo withdraws the link; the graph no longer has it.
    await page.keyboard.press('Control+z');
    await page.getByText(/Undone: link "Nikol Pashinyan" accuses "Azerbaijan"/).waitFor();
    expect(await session.engine.handlers['links.list']({})).toEqual([]);
  });

  it('opens a node from the entity page, expands it and shows the graph in the dark theme', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await createCase(session, 'Dark graph');
    await importArticle();
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.getByTestId('graph-counts').waitFor();
    await page.getByText('Layout running').waitFor({ state: 'detached', timeout: 15_000 });

    // Search focuses a node and the inspector shows it.
    await page.getByPlaceholder('Find a node (/)').fill('Aliyev');
    await page.getByRole('option', { name: /^Ilham Aliyev · Person/ }).click();
    const inspector = page.getByTestId('node-inspector');
    await inspector.getByTestId('node-title').getByText('Ilham Aliyev').waitFor();
    await inspector.getByRole('button', { name: 'Show ego network' }).click();
    await page.waitForTimeout(500);
    await session.screenshot('graph-04-dark-ego');

    // From the inspector to the entity page and back.
    await inspector.getByRole('button', { name: 'Entity page' }).click();
    await page.getByTestId('entity-panel').getByTestId('entity-name').getByText('Ilham Aliyev').waitFor();
  });
});
