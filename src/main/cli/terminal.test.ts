import { describe, expect, it } from 'vitest';
import { describeUnexpected } from './terminal';

function sqliteError(code: string): Error {
  return Object.assign(new Error('database is locked'), { code });
}

describe('describeUnexpected', () => {
  it('says a busy case in words, for extended SQLite codes too', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED_SHAREDCACHE']) {
      expect(describeUnexpected(sqliteError(code))).toBe('the case is busy: another Dossier is writing to it. Try again when it has finished.');
    }
    expect(describeUnexpected(sqliteError('SQLITE_READONLY_DBMOVED'))).toMatch(/^the case is open read-only/);
    expect(describeUnexpected(sqliteError('SQLITE_CORRUPT_VTAB'))).toMatch(/^the case is damaged/);
  });
});
