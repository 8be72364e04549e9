#!/usr/bin/env node
// Prints a case's rows per table and a hash of what an import writes (timestamps left out), so that two
// imports of the same files can be compared after a change meant to alter speed only.
//   node scripts/case-digest.mjs CASE.dossier
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const path = process.argv[2];
if (!path) {
  console.error('usage: node scripts/case-digest.mjs CASE.dossier');
  process.exit(2);
}
const db = new Database(path, { readonly: true });
// Every column but the import's clock.
const tables = {
  documents: 'id, parent_id, blob_id, kind, title, author, source, published_at, language, file_name, size, text, html, page_starts, meta, fingerprint, near_duplicate_of, search_names',
  document_blobs: 'id, sha256, size',
  entities: 'id, kind, subtype, name, status, attributes',
  entity_aliases: 'entity_id, alias, folded, skeleton',
  mentions: '*',
  places: '*',
  time_mentions: '*',
  claims: '*',
  events: '*',
  relation_suggestions: '*',
  history: 'id, operation, payload, state, undoable',
};
let all = createHash('sha256');
for (const [table, columns] of Object.entries(tables)) {
  const hash = createHash('sha256');
  let rows = 0;
  const order = table === 'entity_aliases' ? 'entity_id, alias' : 'rowid';
  for (const row of db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${order}`).raw().iterate()) {
    hash.update(JSON.stringify(row));
    hash.update('\n');
    rows += 1;
  }
  const digest = hash.digest('hex');
  all.update(`${table}:${digest}\n`);
  console.log(`${table.padEnd(22)} ${String(rows).padStart(8)}  ${digest.slice(0, 16)}`);
}
// The search index answers the same: the documents (and their order by rank) that a few words find.
const search = createHash('sha256');
for (const word of ['oil', 'bank', 'tokyo', 'wheat', 'opec', 'merger', 'kalbajar']) {
  search.update(JSON.stringify(db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank, rowid').raw().all(word)));
}
const searched = search.digest('hex');
all.update(`search:${searched}\n`);
console.log(`${'(search results)'.padEnd(22)} ${''.padStart(8)}  ${searched.slice(0, 16)}`);
console.log(`${'all'.padEnd(22)} ${''.padStart(8)}  ${all.digest('hex').slice(0, 16)}`);
