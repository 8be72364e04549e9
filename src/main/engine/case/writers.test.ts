import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { applyTag } from '../documents/actions';
import { createCaseFile } from './caseFile';
import { onWaitingForWriter } from './writers';

const tempDir = useTempDirs();

/** Another process that takes the case's write lock, says "locked", and holds it for `ms`. */
function holdWriteLock(casePath: string, ms: number) {
  const driver = createRequire(__filename).resolve('better-sqlite3');
  const script = `
    const Database = require(${JSON.stringify(driver)});
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO tags (name, color, created_at) VALUES ('held', 'gray', '2026-01-01T00:00:00Z')").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
    db.exec('COMMIT');
    db.close();`;
  return spawn(process.execPath, ['-e', script, casePath], { stdio: ['ignore', 'pipe', 'inherit'] });
}

describe('two writers', () => {
  it('waits for the other writer to commit, says it is waiting, and then writes', async () => {
    const casePath = join(tempDir(), 'shared.dossier');
    const { db } = createCaseFile(casePath, 'Shared');
    const other = holdWriteLock(casePath, 1500);
    await once(other.stdout, 'data');
    const waits: string[] = [];
    const stop = onWaitingForWriter((name) => waits.push(name));
    try {
      // Without waiting this failed at once: the write lock is taken.
      const tag = applyTag(db, { name: 'mine' }, [], 'add');
      expect(tag.name).toBe('mine');
    } finally {
      stop();
    }
    expect(waits).toEqual(['shared.dossier']);
    const names = (db.prepare('SELECT name FROM tags ORDER BY name').all() as { name: string }[]).map((row) => row.name);
    expect(names).toEqual(['held', 'mine']);
    await once(other, 'exit');
    db.close();
  });
});
