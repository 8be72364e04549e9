import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExtractOutcome, IngestFile } from '../types';
import { DEFAULT_LIMITS } from '../types';
import { fixture, refusal } from './fixtures';
import { readFile } from './index';

function members(outcome: ExtractOutcome): readonly IngestFile[] {
  if (outcome.type !== 'container') throw new Error('expected an archive');
  return outcome.members;
}

/** The offset of the first central directory record, where a test edits what an entry declares. */
function centralRecord(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 0; offset + 4 <= bytes.length; offset++) if (view.getUint32(offset, true) === 0x02014b50) return offset;
  throw new Error('no central directory');
}

describe('zip', () => {
  it('returns the files of an archive as members, without folders or macOS litter', async () => {
    const found = members(await readFile(fixture('bundle.zip')));
    expect(found.map((member) => member.name)).toEqual(['bundle.zip/readme.txt', 'bundle.zip/folder/note.md', 'bundle.zip/inner.zip']);
    expect(new TextDecoder().decode(found[0]!.bytes)).toBe('The bundle holds one note and one nested archive.\n');
  });

  it('reads a nested archive one level deeper, and refuses it past the depth limit', async () => {
    const inner = members(await readFile(fixture('bundle.zip'))).find((member) => member.name.endsWith('inner.zip'))!;
    const deep = members(await readFile(inner, DEFAULT_LIMITS, 1));
    expect(deep.map((member) => member.name)).toEqual(['bundle.zip/inner.zip/deep.txt']);
    const error = await refusal(inner, DEFAULT_LIMITS, DEFAULT_LIMITS.maxArchiveDepth);
    expect(error.message).toBe('bundle.zip/inner.zip is an archive nested 3 deep; Dossier opens archives nested up to 3 deep; unpack it first');
  });

  it('refuses archives over tiny limits for entries, bytes and depth', async () => {
    const bundle = fixture('bundle.zip');
    const entries = await refusal(bundle, { ...DEFAULT_LIMITS, maxArchiveEntries: 2 });
    expect(entries.message).toBe('bundle.zip holds more than 2 files; Dossier imports archives of up to 2 files; split it first');
    const bytes = await refusal(bundle, { ...DEFAULT_LIMITS, maxArchiveBytes: 100 });
    expect(bytes.message).toBe('bundle.zip expands to more than 100 bytes; Dossier stopped reading it (possible zip bomb)');
    await refusal(bundle, { ...DEFAULT_LIMITS, maxArchiveDepth: 0 });
  });

  it('stops a zip bomb early on its expansion ratio', async () => {
    const error = await refusal(fixture('ratio-bomb.zip'));
    expect(error.message).toBe('ratio-bomb.zip expands more than 200 times its packed size (zeros.txt); Dossier stopped reading it (possible zip bomb)');
  });

  it('counts the bytes it inflates, not the sizes an archive declares', async () => {
    const bytes = zipSync({ 'small.txt': new Uint8Array(100_000).fill(97) });
    // Claim 10 bytes: the declared total passes every limit, the real one must not.
    new DataView(bytes.buffer).setUint32(centralRecord(bytes) + 24, 10, true);
    const error = await refusal({ name: 'liar.zip', bytes });
    expect(error.message).toBe('liar.zip expands to more than the size it declares (small.txt); Dossier stopped reading it (possible zip bomb)');

    const honest = zipSync({ 'a.txt': new Uint8Array(3000).fill(97), 'b.txt': new Uint8Array(3000).fill(98) });
    await refusal({ name: 'honest.zip', bytes: honest }, { ...DEFAULT_LIMITS, maxArchiveBytes: 5000 });
  });

  it('refuses damaged and password-protected archives', async () => {
    const { bytes } = fixture('bundle.zip');
    const cut = await refusal({ name: 'cut.zip', bytes: bytes.slice(0, bytes.length - 40) });
    expect(cut.message).toMatch(/^cut\.zip is damaged or not really a zip archive \(.+\); check the file$/);

    const locked = zipSync({ 'secret.txt': new TextEncoder().encode('secret') });
    const flags = centralRecord(locked) + 8;
    locked[flags] = (locked[flags] ?? 0) | 1;
    expect((await refusal({ name: 'locked.zip', bytes: locked })).message).toBe(
      'locked.zip is password-protected (secret.txt); unpack it with its password and import the files',
    );
  });

  it('keeps member names inside the archive', async () => {
    const bytes = zipSync({ '../../etc/passwd': new TextEncoder().encode('x'), 'a\\b.txt': new TextEncoder().encode('y') });
    expect(members(await readFile({ name: 'evil.zip', bytes })).map((member) => member.name)).toEqual(['evil.zip/etc/passwd', 'evil.zip/a/b.txt']);
  });
});
