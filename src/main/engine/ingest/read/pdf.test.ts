import { describe, expect, it } from 'vitest';
import { fixture, readOne, refusal } from './fixtures';
import { joinPages, parsePdfDate } from './pdf';

describe('PDF', () => {
  it('reads the text of each page with where each page starts, and the document info', async () => {
    const document = await readOne(fixture('two-pages.pdf'));
    expect(document.kind).toBe('pdf');
    expect(document.title).toBe('Quarterly border report');
    expect(document.author).toBe('Analysis Unit');
    expect(document.publishedAt).toBe('2021-06-01T10:20:30Z');
    expect(document.meta.pages).toBe(2);
    expect(document.pageStarts).toHaveLength(2);
    const [first, second] = document.pageStarts as [number, number];
    expect(first).toBe(0);
    expect(document.text.slice(first, second)).toBe('Page one: the incident near Armudlu.\nSoldiers withdrew after emergency measures.\n- 1 -\n\n');
    expect(document.text.slice(second)).toBe('Page two: the demarcation commission.\nTalks continue in Moscow.\n- 2 -');
  });

  it('refuses an encrypted PDF, saying to remove the password', async () => {
    expect((await refusal(fixture('encrypted.pdf'))).message).toBe('encrypted.pdf is encrypted; remove the password and import it again');
  });

  it('refuses a damaged PDF and a file that only claims to be one', async () => {
    expect((await refusal(fixture('truncated.pdf'))).message).toMatch(/^truncated\.pdf is damaged or not really a PDF \(.+\); check the file$/);
    const fake = await refusal({ name: 'fake.pdf', bytes: new TextEncoder().encode('This is not a PDF at all.') });
    expect(fake.message).toMatch(/^fake\.pdf .*; check the file/);
  });

  it('finds a PDF by its content whatever its name', async () => {
    const { bytes } = fixture('two-pages.pdf');
    expect((await readOne({ name: 'download', bytes })).kind).toBe('pdf');
  });

  it('joins pages with a blank line, giving empty pages an offset too', () => {
    expect(joinPages(['one', '', 'three'])).toEqual({ text: 'one\n\nthree', pageStarts: [0, 3, 5] });
    expect(joinPages(['', 'two'])).toEqual({ text: 'two', pageStarts: [0, 0] });
  });

  it('parses PDF dates', () => {
    expect(parsePdfDate("D:20210601102030+04'00'")).toBe('2021-06-01T06:20:30Z');
    expect(parsePdfDate('D:20210601102030Z')).toBe('2021-06-01T10:20:30Z');
    expect(parsePdfDate('D:20210601')).toBe('2021-06-01');
    expect(parsePdfDate('yesterday')).toBeNull();
    expect(parsePdfDate(null)).toBeNull();
  });
});
