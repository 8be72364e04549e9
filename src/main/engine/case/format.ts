/** Facts about the case file format that every layer may need to know. */

/** `PRAGMA application_id` of every Dossier case file: "DSSR" in ASCII. */
export const DOSSIER_APPLICATION_ID = 0x44535352;

/** File name extension of a case file. */
export const CASE_FILE_EXTENSION = '.dossier';

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_LENGTH = 100;

/** What the first 100 bytes of a file say about it, read without opening it as a database. */
export type FileHeader =
  | { kind: 'empty' }
  | { kind: 'not-sqlite' }
  | { kind: 'sqlite'; applicationId: number; userVersion: number; walMode: boolean };

/**
 * Reads the SQLite header (https://www.sqlite.org/fileformat.html#the_database_header):
 * magic at 0, write/read versions at 18/19 (2 means WAL), user_version at 60, application_id at 68.
 */
export function parseHeader(bytes: Uint8Array): FileHeader {
  if (bytes.length === 0) return { kind: 'empty' };
  if (bytes.length < HEADER_LENGTH) return { kind: 'not-sqlite' };
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, SQLITE_MAGIC.length));
  if (magic !== SQLITE_MAGIC) return { kind: 'not-sqlite' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    kind: 'sqlite',
    userVersion: view.getInt32(60),
    applicationId: view.getUint32(68),
    walMode: bytes[18] === 2 || bytes[19] === 2,
  };
}

export const HEADER_BYTES = HEADER_LENGTH;
