import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '.';

describe('migration 11 (learning)', () => {
  it('keeps an existing case as it was and adds room for what review teaches', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 'memory', 10);
    db.prepare("INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES (4, 'person', 'Nikol Pashinyan', 'now', 'now')").run();
    migrate(db, 'memory', 11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT name FROM entities WHERE id = 4').get()).toEqual({ name: 'Nikol Pashinyan' });
    const insert = db.prepare(
      'INSERT INTO learning_examples (history_id, decision, text, folded, suggested, type, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('reject', 'DOCX', 'docx', 'organization', null, 'now');
    insert.run('retype', 'Kalbajar', 'kalbajar', 'person', 'location', 'now');
    // A rejection has no type; anything else has one; the decisions and types are the engine's own.
    expect(() => insert.run('reject', 'HTML', 'html', 'organization', 'organization', 'now')).toThrow(/CHECK/);
    expect(() => insert.run('accept', 'Baku', 'baku', 'location', null, 'now')).toThrow(/CHECK/);
    expect(() => insert.run('guess', 'Baku', 'baku', 'location', 'location', 'now')).toThrow(/CHECK/);
    expect(() => insert.run('accept', '', '', 'location', 'location', 'now')).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM learning_examples').get()).toEqual({ n: 2 });
  });
});
