import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '.';

describe('migration 10 (exchange)', () => {
  it('gives an existing case a lasting identity and keeps its data, and adds the merge tables', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 'memory', 9);
    db.prepare("INSERT INTO case_meta (id, title, created_at, updated_at) VALUES (1, 'Border incident', 'now', 'now')").run();
    db.prepare("INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES (4, 'person', 'Nikol Pashinyan', 'now', 'now')").run();
    migrate(db, 'memory', 10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    const { uid } = db.prepare('SELECT uid FROM case_identity').get() as { uid: string };
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(db.prepare('SELECT name FROM entities WHERE id = 4').get()).toEqual({ name: 'Nikol Pashinyan' });
    // One identity a case; provenance and stash rows go with their merge.
    expect(() => db.prepare("INSERT INTO case_identity (singleton, uid) VALUES (2, 'x')").run()).toThrow(/CHECK/);
    const merge = db
      .prepare("INSERT INTO case_merges (source_uid, source_title, source_path, merged_at, report) VALUES ('u', 'Colleague', '/c.dossier', 'now', '{}')")
      .run().lastInsertRowid;
    db.prepare("INSERT INTO merge_provenance (merge_id, item_kind, item_id, source_item_id, action) VALUES (?, 'entity', 4, 9, 'added')").run(merge);
    db.prepare("INSERT INTO merge_stash (merge_id, seq, table_name, row) VALUES (?, 1, 'entities', '{}')").run(merge);
    expect(() => db.prepare("INSERT INTO merge_provenance (merge_id, item_kind, item_id, source_item_id, action) VALUES (?, 'ghost', 1, 1, 'added')").run(merge)).toThrow(/CHECK/);
    db.prepare('DELETE FROM case_merges WHERE id = ?').run(merge);
    expect(db.prepare('SELECT count(*) AS n FROM merge_provenance').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM merge_stash').get()).toEqual({ n: 0 });
  });
});
