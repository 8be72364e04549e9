/**
 * What the CLI prints comes partly from files (names, titles, e-mail subjects, tags): a control
 * character there could clear the screen or rewrite what was printed, and a bidi override could
 * make a line read other than it is. Both are printed as visible escapes instead.
 */

// C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides, isolates and marks.
// Matching control characters is the point of this expression.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unsafe character written as \uXXXX. */
export function safeForTerminal(text: string): string {
  return text.replace(UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A one-line message for an error that is not a DossierError; SQLite's own errors said in words. */
export function describeUnexpected(error: unknown): string {
  const raw = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  // better-sqlite3 reports extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED…): the primary code says enough.
  const code = typeof raw === 'string' ? (/^SQLITE_(?:BUSY|LOCKED|READONLY|CORRUPT|FULL)(?=_|$)/.exec(raw)?.[0] ?? raw) : raw;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'the case is busy: another Dossier is writing to it. Try again when it has finished.';
  if (code === 'SQLITE_FULL') return 'the disk is full, so the change was not saved (the case is as it was before it). Free some space and try again.';
  if (code === 'SQLITE_READONLY') return 'the case is open read-only (its file, folder or disk cannot be written), so nothing in it was changed. Copy it to a folder you can write to, and change the copy.';
  if (code === 'SQLITE_IOERR' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR'))) return `the disk reported an error (${message}); check the disk and try again.`;
  if (code === 'SQLITE_CORRUPT') return 'the case is damaged; run "dossier check" on it and restore it from a backup.';
  return `unexpected failure: ${message.split('\n')[0]} (run again with --debug for details)`;
}
