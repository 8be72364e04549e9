import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, migrate, migrations } from '.';

describe('migrations', () => {
  it('are numbered 1..N in order with unique names', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(new Set(migrations.map((migration) => migration.name)).size).toBe(migrations.length);
    expect(SCHEMA_VERSION).toBe(migrations.length);
  });

  it('v1 (initial): from an empty database to case metadata and history', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory', 0);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    migrate(db, 'memory', 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare("INSERT INTO case_meta (id, title, created_at, updated_at) VALUES (1, 'Border incident', 'now', 'now')").run();
    db.prepare("INSERT INTO history (operation, at, payload) VALUES ('case.create', 'now', '{\"a\":1}')").run();
    expect(db.prepare('SELECT title, description FROM case_meta').get()).toEqual({ title: 'Border incident', description: '' });
    // There is one case per file, and history holds JSON only; STRICT refuses the wrong types.
    expect(() => db.prepare("INSERT INTO case_meta (id, title, created_at, updated_at) VALUES (2, 'x', 'n', 'n')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO history (operation, at, payload) VALUES ('x', 'now', 'not json')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO history (operation, at, payload) VALUES (x'00', 'now', '{}')").run()).toThrow(/cannot store BLOB value in TEXT column/);
  });

  it('runs each step once, however often migrate is called', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory');
    migrate(db, 'memory');
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual(
      migrations.map((migration) => ({ version: migration.version, name: migration.name })),
    );
  });
});
