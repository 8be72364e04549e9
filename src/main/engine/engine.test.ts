import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/support/tempDir';
import { SCHEMA_VERSION } from './case/migrations';
import { createEngine } from './engine';

const tempDir = useTempDirs();

describe('engine', () => {
  it('creates, edits, closes and reopens a case, keeping the recent list in its state folder', async () => {
    const dir = tempDir();
    const engine = createEngine({ stateDir: join(dir, 'state') });
    const path = join(dir, 'border.dossier');

    const created = await engine.handlers['cases.create']({ path, title: 'Border incident' });
    expect(created).toMatchObject({ path, title: 'Border incident', schemaVersion: SCHEMA_VERSION, counts: { documents: 0, entities: 0, links: 0 } });

    const updated = await engine.handlers['cases.update']({ title: 'Kalbajar sector', description: 'Who fired first?' });
    expect(updated).toMatchObject({ title: 'Kalbajar sector', description: 'Who fired first?' });
    await engine.handlers['cases.close']({});
    expect(await engine.handlers['cases.current']({})).toBeNull();

    // A second engine (the app after a restart) sees the same recent list.
    const restarted = createEngine({ stateDir: join(dir, 'state') });
    const recent = await restarted.handlers['cases.recent']({});
    expect(recent).toEqual([expect.objectContaining({ path, title: 'Kalbajar sector', exists: true })]);
    const reopened = await restarted.handlers['cases.open']({ path });
    expect(reopened.title).toBe('Kalbajar sector');
    restarted.dispose();

    // The edit is in history with what it replaced.
    const db = new Database(path, { readonly: true });
    const entries = db.prepare("SELECT payload FROM history WHERE operation = 'case.update'").all() as { payload: string }[];
    db.close();
    expect(entries.map((entry) => JSON.parse(entry.payload) as unknown)).toEqual([
      {
        before: { title: 'Border incident', description: '' },
        after: { title: 'Kalbajar sector', description: 'Who fired first?' },
      },
    ]);
  });

  it('refuses edits when no case is open', async () => {
    const engine = createEngine();
    await expect(async () => engine.handlers['cases.update']({ title: 'x' })).rejects.toThrow(/No case is open/);
  });

  it('keeps the open case when opening another file fails', async () => {
    const dir = tempDir();
    const engine = createEngine();
    const path = join(dir, 'good.dossier');
    await engine.handlers['cases.create']({ path, title: 'Good' });
    await expect(async () => engine.handlers['cases.open']({ path: join(dir, 'missing.dossier') })).rejects.toThrow(/does not exist/);
    expect((await engine.handlers['cases.current']({}))?.title).toBe('Good');
    engine.dispose();
  });

  it('marks recent cases whose file has gone, and forgets them on request', async () => {
    const dir = tempDir();
    const engine = createEngine({ stateDir: dir });
    const gone = join(dir, 'gone.dossier');
    await engine.handlers['cases.create']({ path: gone, title: 'Gone' });
    await engine.handlers['cases.close']({});
    const { rmSync } = await import('node:fs');
    rmSync(gone);
    expect(await engine.handlers['cases.recent']({})).toEqual([expect.objectContaining({ path: gone, exists: false })]);
    expect(await engine.handlers['cases.forgetRecent']({ path: gone })).toEqual([]);
  });
});
