import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import type { DossierSession } from './harness';
import { useDossier } from './harness';

let session: DossierSession;

useDossier('', (launched) => {
  session = launched;
});

describe('cases, end to end', () => {
  it('creates a case from the start screen, renames it, closes it and reopens it from the recent list', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'Dossier' }).waitFor();
    await page.getByText('Cases you create or open appear here').waitFor();
    await session.screenshot('01-start-empty');

    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Title').fill('Border incident');
    await page.getByRole('button', { name: 'Create case…' }).click();
    await page.getByTestId('case-title').getByText('Border incident').waitFor();
    expect(existsSync(join(session.dir, 'Border incident.dossier'))).toBe(true);
    await page.getByTestId('view-documents').waitFor();
    await session.screenshot('02-workspace');

    await page.getByRole('button', { name: 'Edit case title and description' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case details' });
    await dialog.getByLabel('Title').fill('Kalbajar sector, September');
    await dialog.getByLabel('Description').fill('Who fired first near Kəlbəcər? Competing claims from Baku and Yerevan.');
    await session.screenshot('03-case-details');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('case-title').getByText('Kalbajar sector, September').waitFor();

    await page.getByRole('button', { name: 'Close case' }).click();
    const recent = page.getByRole('list', { name: 'Recent cases' });
    await recent.waitFor();
    await session.screenshot('04-start-with-recent');
    await recent.getByRole('button', { name: 'Open Kalbajar sector, September' }).click();
    await page.getByTestId('case-title').getByText('Kalbajar sector, September').waitFor();

    // The title really is in the case file, not just on screen.
    const info = await session.engine.handlers['cases.current']({});
    expect(info).toMatchObject({ title: 'Kalbajar sector, September', description: expect.stringContaining('Kəlbəcər') as string });
  });

  it('tells the analyst why a file cannot be opened, and stays on the start screen', async () => {
    const { page } = session;
    const notes = join(session.dir, 'notes.txt');
    writeFileSync(notes, 'Not a case file.');
    session.nextOpenPath = notes;
    await page.getByRole('button', { name: 'Open case…' }).click();
    await page.getByText('notes.txt is not a Dossier case file').waitFor();
    await session.screenshot('05-open-error');
    expect(await page.getByRole('button', { name: 'New case' }).isVisible()).toBe(true);
  });

  it('answers the keyboard and the native menu', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'New case' }).waitFor();
    await page.keyboard.press('Control+n');
    await page.getByRole('dialog', { name: 'New case' }).waitFor();
    await page.getByLabel('Title').fill('Keyboard case');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-title').getByText('Keyboard case').waitFor();
    await page.getByRole('dialog', { name: 'New case' }).waitFor({ state: 'hidden' });

    await page.keyboard.press('Control+3');
    await page.getByTestId('view-graph').waitFor();

    await page.keyboard.press('Control+w');
    await page.getByRole('button', { name: 'New case' }).waitFor();

    // File › Open Recent sends the path; the renderer opens it.
    await session.emit('menu.command', { command: 'case.openPath', path: join(session.dir, 'Keyboard case.dossier') });
    await page.getByTestId('case-title').getByText('Keyboard case').waitFor();
  });

  it('opens a case read-only on request: a banner says so, editing controls are off, and the file is not written', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Title').fill('Evidence copy');
    await page.getByRole('button', { name: 'Create case…' }).click();
    await page.getByTestId('case-title').getByText('Evidence copy').waitFor();
    await page.getByRole('button', { name: 'Close case' }).click();
    const path = join(session.dir, 'Evidence copy.dossier');
    const before = readFileSync(path);

    session.nextOpenPath = path;
    await page.getByRole('button', { name: 'Open read-only…' }).click();
    await page.getByTestId('read-only-banner').waitFor();
    expect(await page.getByRole('button', { name: 'Import…' }).first().isDisabled()).toBe(true);
    // The File menu's Import (and Ctrl+I) say why instead of asking for files.
    await session.emit('menu.command', { command: 'documents.import' });
    await page.getByText('Nothing imported').waitFor();
    await session.screenshot('07-read-only');
    expect(readFileSync(path).equals(before)).toBe(true);

    // The same file opened normally can be edited again.
    await page.getByRole('button', { name: 'Close case' }).click();
    await session.emit('menu.command', { command: 'case.openPath', path });
    await page.getByTestId('case-title').getByText('Evidence copy').waitFor();
    expect(await page.getByTestId('read-only-banner').count()).toBe(0);
  });

  it('checks an opened case in the background and reports a damaged original without repairing it', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Title').fill('Tampered');
    await page.getByRole('button', { name: 'Create case…' }).click();
    await page.getByTestId('case-title').getByText('Tampered').waitFor();
    session.nextImportPaths = [join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt')];
    await page.getByRole('button', { name: 'Import…' }).first().click();
    await page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: /Azerbaijan denounces/ }).waitFor();
    await page.getByRole('button', { name: 'Close case' }).click();
    const path = join(session.dir, 'Tampered.dossier');
    const db = new Database(path);
    db.prepare("UPDATE document_blobs SET bytes = CAST('flipped bytes' AS BLOB)").run();
    db.close();
    const tampered = readFileSync(path);

    await session.emit('menu.command', { command: 'case.openPath', path });
    await page.getByText('This case file is damaged').waitFor();
    await page.getByRole('button', { name: 'Show what is damaged' }).click();
    await page.getByTestId('case-check-report').getByText(/Azerbaijan denounces/).waitFor();
    await session.screenshot('08-case-check');
    expect(readFileSync(path).equals(tampered)).toBe(true);
  });

  it('switches to the dark theme', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.getByRole('button', { name: 'Switch to light theme' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Title').fill('Dark case');
    await page.getByRole('button', { name: 'Create case…' }).click();
    await page.getByTestId('case-title').getByText('Dark case').waitFor();
    await session.screenshot('06-workspace-dark');
  });

  it('lets nothing leave the machine: the page cannot fetch or load remote content', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'New case' }).waitFor();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      // Resolves once the policy has refused both the fetch and the image: waiting on the events, not on a clock.
      const bothRefused = new Promise<void>((resolve) =>
        document.addEventListener('securitypolicyviolation', (event) => {
          violations.push(event.violatedDirective);
          if (['connect-src', 'img-src'].every((directive) => violations.includes(directive))) resolve();
        }),
      );
      let fetched = 'allowed';
      try {
        await fetch('https://example.com/track.gif');
      } catch {
        fetched = 'blocked';
      }
      const image = document.createElement('img');
      image.src = 'https://example.com/pixel.png';
      document.body.append(image);
      await bothRefused;
      return { fetched, violations };
    });
    expect(outcome.fetched).toBe('blocked');
    expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
  });

  it('refuses malformed calls at the boundary with a readable error', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'New case' }).waitFor();
    const results = await page.evaluate(async () => {
      const bridge = window.dossier as unknown as { invoke: (channel: unknown, input: unknown) => Promise<unknown> };
      return Promise.all([
        bridge.invoke('cases.create', { path: 42, title: '' }),
        bridge.invoke('cases.drop', {}),
        bridge.invoke('cases.open', null),
      ]);
    });
    expect(results).toEqual([
      { ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^cases\.create was called with bad input: path: /) as string } },
      { ok: false, error: { code: 'unknown-channel', message: 'There is no channel called cases.drop.' } },
      { ok: false, error: { code: 'invalid-input', message: expect.stringContaining('cases.open') as string } },
    ]);
  });
});
