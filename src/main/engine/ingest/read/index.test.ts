import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../../shared/errors';
import { fixture, refusal } from './fixtures';
import { readFile } from './index';

const FIXTURES = [
  'border-incident-article.txt', 'utf16le-bom.txt', 'windows-1251.txt', 'windows-1252.txt', 'latin-1.txt', 'notes.md',
  'article.html', 'two-pages.pdf', 'memo.docx', 'message.eml', 'archive.mbox', 'bundle.zip', 'reuters-sample.sgm',
];

describe('readFile', () => {
  it('names the supported types for a type it cannot import', async () => {
    const error = await refusal({ name: 'C:\\Users\\analyst\\table.xyz', bytes: new TextEncoder().encode('a,b\n1,2\n') });
    expect(error.message).toBe(
      'table.xyz has a type Dossier cannot import yet (.xyz); supported: .txt, .md, .html, .htm, .pdf, .docx, .eml, .mbox, .zip, Reuters-21578 .sgm and images (.png, .jpg, .tif, .webp)',
    );
  });

  it('says what a known binary format is and what to do, whatever its name', async () => {
    const gif = new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000');
    expect((await refusal({ name: 'scan.txt', bytes: gif })).message).toMatch(/^scan\.txt is a GIF image; save it as PNG to read its text;/);
    // A PNG is read as an image whatever its name; this one is only the start of one.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await refusal({ name: 'scan.txt', bytes: png })).message).toMatch(/^scan\.txt is a damaged PNG image \(the file ends inside its header/);
    const office = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal({ name: 'old.doc', bytes: office })).message).toContain('old.doc is an old Microsoft Office file (.doc, .xls or .msg); save it as .docx or .pdf');
    expect((await refusal({ name: 'locked.docx', bytes: office })).message).toBe('locked.docx is encrypted; remove the password in Word and import it again');
    expect((await refusal({ name: 'sheet.xlsx', bytes: fixture('memo.docx').bytes.slice() })).message).toContain('(.xlsx)');
  });

  it('reads a file without an extension as text', async () => {
    const outcome = await readFile({ name: 'README', bytes: new TextEncoder().encode('Read me first.\nThen the rest.') });
    expect(outcome.type === 'documents' && outcome.documents[0]!.title).toBe('Read me first.');
  });

  it('reads a Node Buffer (what the importer reads from disk) as it reads a Uint8Array, and copies parts out of it', async () => {
    for (const name of FIXTURES) {
      const { bytes } = fixture(name);
      const fromBuffer = await readFile({ name, bytes: Buffer.from(bytes) });
      expect(fromBuffer, name).toEqual(await readFile({ name, bytes }));
      if (fromBuffer.type === 'documents') {
        for (const document of fromBuffer.documents) {
          // A part must not be a view that keeps (and would send along) the whole file.
          if (document.original) expect(document.original.buffer.byteLength).toBe(document.original.length);
        }
      }
    }
  });

  it('never lets a library error escape: damaged copies of every fixture either read or fail with a DossierError', async () => {
    for (const name of FIXTURES) {
      const { bytes } = fixture(name);
      const scrambled = bytes.slice();
      for (let index = Math.floor(bytes.length / 3); index < bytes.length; index += 7) scrambled[index] = (scrambled[index] ?? 0) ^ 0x5a;
      const damaged = [0.05, 0.5, 0.9].map((share) => bytes.slice(0, Math.max(1, Math.floor(bytes.length * share))));
      for (const [variant, broken] of [...damaged, scrambled].entries()) {
        const error: unknown = await readFile({ name, bytes: broken }).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        if (error !== null) {
          expect(error, `${name}, damaged copy ${variant}`).toBeInstanceOf(DossierError);
          // Every message starts with the file's name (an mbox message's with its number).
          expect((error as DossierError).message.startsWith(name)).toBe(true);
          expect((error as DossierError).message.charAt(name.length)).toMatch(/[ #]/);
        }
      }
    }
  });
});
