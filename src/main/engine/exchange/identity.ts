/** A case's lasting identity and the name-based UUIDs (RFC 4122 version 5) derived from it for exports. */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { statement } from '../case/statements';

/** Dossier's own namespace for name-based UUIDs (itself a UUIDv5 of "dossier" in the URL namespace). */
export const DOSSIER_NAMESPACE = uuidV5('https://dossier.invalid/ns', '6ba7b811-9dad-11d1-80b4-00c04fd430c8');

/** UUID version 5: SHA-1 of the namespace's bytes and the name, with the version and variant bits set. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The case's UUID, made once by schema v10. A case file copied to a colleague keeps it, so both
 * copies export the same ids and a merge can tell it is the same case.
 */
export function caseUid(db: Database): string {
  const row = statement(db, 'SELECT uid FROM case_identity WHERE singleton = 1').get() as { uid: string } | undefined;
  if (row) return row.uid;
  // Only a hand-made file lacks the row; its creation time is the next most lasting thing about it.
  const meta = statement(db, 'SELECT created_at FROM case_meta WHERE id = 1').get() as { created_at: string } | undefined;
  return uuidV5(`case:${meta?.created_at ?? ''}`, DOSSIER_NAMESPACE);
}

/** Makes ids for one case's exported objects: the same object of the same case gets the same id at every export. */
export function idMaker(db: Database): (kind: string, key: string | number) => string {
  const namespace = uuidV5(`case:${caseUid(db)}`, DOSSIER_NAMESPACE);
  return (kind, key) => uuidV5(`${kind}:${key}`, namespace);
}
