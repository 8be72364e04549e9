import { describe, expect, it } from 'vitest';
import { cleanText } from './clean';
import { fixture } from './fixtures';

const SEED_TITLE = 'Azerbaijan denounces an alleged invasion of the Armenian military into its territory';

describe('cleanText', () => {
  it('keeps the seed article’s title line once, drops "Similar Posts" and keeps both spellings of Pashinian', () => {
    const raw = new TextDecoder().decode(fixture('border-incident-article.txt').bytes);
    expect(raw.split(SEED_TITLE).length - 1).toBe(3);
    const text = cleanText(raw, SEED_TITLE);
    expect(text.startsWith(`${SEED_TITLE}\n\nThe government of Azerbaijan`)).toBe(true);
    expect(text.split(SEED_TITLE).length - 1).toBe(1);
    expect(text).not.toContain('Similar Posts');
    expect(text).toContain('Pashinián');
    expect(text).toContain('Pashinian agreed');
    expect(text).toContain('“emergency measures”');
    expect(text.endsWith('but declared itself independent.')).toBe(true);
    expect(text).not.toMatch(/\n{3}/);
  });

  it('normalises line endings and white space and keeps at most one blank line', () => {
    expect(cleanText('  First\tline  with   spaces \r\nsecond\u00a0line\r\r\r\n\n\nThird\u2028fourth\f  ')).toBe(
      'First line with spaces\nsecond line\n\nThird\nfourth',
    );
  });

  it('removes control characters and invisible marks but not letters, quotes or diacritics', () => {
    expect(cleanText('Ağ\u00addam\u200b “Xankəndi” ‘Şuşa’ \u0003end\u0007')).toBe('Ağdam “Xankəndi” ‘Şuşa’ end');
  });

  it('drops title repeats wherever they are, but only whole lines and only for real titles', () => {
    const title = 'Talks resume after the border incident';
    expect(cleanText(`${title}\nBody one.\n${title.toUpperCase()}\nBody two mentions ${title}.`, title)).toBe(
      `${title}\nBody one.\nBody two mentions ${title}.`,
    );
    // A short title is a heading that may legitimately recur.
    expect(cleanText('Notes\nA\nNotes\nB', 'Notes')).toBe('Notes\nA\nNotes\nB');
  });

  it('drops trailing blocks of site boilerplate, repeatedly', () => {
    const article = 'Headline of the story\n\nThe first paragraph of the article says something important.';
    const text = `${article}\n\nShare this:\nTwitter\nFacebook\n\nRelated Posts\nAnother story\nYet another story\n\nTags: Armenia, Azerbaijan`;
    expect(cleanText(text)).toBe(article);
    expect(cleanText(`${article}\nYou may also like…\nA\nB`)).toBe(article);
  });

  it('keeps a "Read more" that is followed by the article itself', () => {
    const paragraph = 'A long paragraph of real article text that goes on well past any link title, '.repeat(3).trim();
    const text = `Lead paragraph.\nRead more\n${paragraph}\n${paragraph}`;
    expect(cleanText(text)).toBe(text);
    expect(cleanText('Read more')).toBe('Read more');
  });
});
