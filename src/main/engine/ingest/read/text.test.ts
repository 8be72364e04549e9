import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../types';
import { fixture, readOne, refusal } from './fixtures';
import { decodeText } from './text';

describe('plain text', () => {
  it('reads the seed article with its title, cleaned text and language', async () => {
    const document = await readOne(fixture('border-incident-article.txt'));
    expect(document.kind).toBe('text');
    expect(document.title).toBe('Azerbaijan denounces an alleged invasion of the Armenian military into its territory');
    expect(document.text.split(document.title).length - 1).toBe(1);
    expect(document.text).not.toContain('Similar Posts');
    expect(document.text).toContain('Pashinián');
    expect(document.text).toContain('Pashinian');
    expect(document.language).toBe('en');
    expect(document.html).toBeNull();
    expect(document.meta).toEqual({ encoding: 'utf-8' });
  });

  it('decodes UTF-16LE with a byte order mark', async () => {
    const document = await readOne(fixture('utf16le-bom.txt'));
    expect(document.text).toBe('Zürich – Ağdam, Xankəndi and Şuşa: “quoted” text in UTF-16.\nSecond line: ĳ ß ø ğ ə.');
    expect(document.meta.encoding).toBe('utf-16le');
  });

  it('decodes Windows-1251 Russian', async () => {
    const document = await readOne(fixture('windows-1251.txt'));
    expect(document.title).toBe('Министерство обороны сообщило о ситуации на границе.');
    expect(document.text).toContain('Ереван и Баку продолжают переговоры');
    expect(document.text).toContain('ёлка и съезд');
    expect(document.meta.encoding).toBe('windows-1251');
    expect(document.language).toBe('ru');
  });

  it('decodes Windows-1252 smart quotes, dashes and the euro sign', async () => {
    const document = await readOne(fixture('windows-1252.txt'));
    expect(document.text).toContain('was “deeply flawed” and the committee’s findings were ‘premature’.');
    expect(document.text).toContain('Café owners in Québec paid €12 — or more — for the licence; naïve');
    expect(document.meta.encoding).toBe('windows-1252');
  });

  it('decodes Latin-1', async () => {
    const document = await readOne(fixture('latin-1.txt'));
    expect(document.text).toBe("Les élèves de l'école à Genève ont reçu leurs diplômes.\nÜber die Straße gehen.");
    expect(document.language).toBe('fr');
  });

  it('decodes UTF-8 with a BOM and UTF-16BE without one', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Xankəndi')]);
    expect(decodeText(withBom, 'a.txt')).toEqual({ text: 'Xankəndi', encoding: 'utf-8' });
    const utf16be = new Uint8Array(Buffer.from('Plain ASCII text in big-endian UTF-16', 'utf16le').swap16());
    expect(decodeText(utf16be, 'b.txt')).toEqual({ text: 'Plain ASCII text in big-endian UTF-16', encoding: 'utf-16be' });
  });

  it('reads Markdown with front matter as its title, author and date', async () => {
    const document = await readOne(fixture('notes.md'));
    expect(document.kind).toBe('markdown');
    expect(document.title).toBe('Field notes from Kalbajar');
    expect(document.author).toBe('A. Analyst');
    expect(document.publishedAt).toBe('2021-05-14');
    expect(document.text.startsWith('# Field notes\n\nThe convoy passed')).toBe(true);
    expect(document.text).not.toContain('title:');
  });

  it('takes a Markdown title from its first heading when there is no front matter', async () => {
    const document = await readOne({ name: 'plan.md', bytes: new TextEncoder().encode('\n\n## The plan  \n\nStep one.') });
    expect(document.title).toBe('The plan');
    // Too little text to tell its language.
    expect(document.language).toBeNull();
  });

  it('cuts a long first line to a title of about 200 characters', async () => {
    const line = 'word '.repeat(100).trim();
    const document = await readOne({ name: 'long.txt', bytes: new TextEncoder().encode(line) });
    expect(document.title.length).toBeLessThanOrEqual(201);
    expect(document.title.endsWith('…')).toBe(true);
    expect(document.text).toBe(line);
  });

  it('refuses binary junk, empty files and blank files, naming the file', async () => {
    expect((await refusal(fixture('junk.txt'))).message).toBe('junk.txt is not text (it looks like binary data); check the file');
    expect((await refusal(fixture('empty.txt'))).message).toBe('empty.txt is empty (0 bytes); nothing to import');
    expect((await refusal({ name: 'blank.txt', bytes: new TextEncoder().encode(' \n\t\r\n ') })).message).toBe(
      'blank.txt has no text (only blank space); nothing to import',
    );
    const controls = new Uint8Array(200).map((_, index) => (index % 3 === 0 ? 1 : 65));
    expect((await refusal({ name: 'controls.txt', bytes: controls })).message).toContain('controls.txt is not text');
  });

  it('refuses a file over the size limit, saying the limit and what to do', async () => {
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 1024 };
    const error = await refusal({ name: '/home/analyst/big.txt', bytes: new Uint8Array(3 * 1024).fill(65) }, limits);
    expect(error.message).toBe('big.txt is 3 KB; Dossier imports files up to 1 KB; split it first');
  });
});
