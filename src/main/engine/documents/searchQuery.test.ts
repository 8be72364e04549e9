import { describe, expect, it } from 'vitest';
import { findHighlights, parseSearch } from './searchQuery';

describe('parseSearch', () => {
  it('matches a word by itself or by its spelling skeleton', () => {
    expect(parseSearch('Kelbajar').match).toBe('("Kelbajar" OR search_names : "kalbajar")');
  });

  it('joins terms typed side by side with AND', () => {
    expect(parseSearch('cocoa argentina').match).toBe('("cocoa" OR search_names : "jojoa") AND ("argentina" OR search_names : "argantina")');
    expect(parseSearch('(Baku) "prime minister"').match).toBe('( ("Baku" OR search_names : "baku") ) AND "prime minister"');
  });

  it('passes phrases, operators, prefixes, NEAR and fields through in FTS5 syntax', () => {
    expect(parseSearch('"Nikol Pashinian" AND mines').match).toBe('"Nikol Pashinian" AND ("mines" OR search_names : "minas")');
    expect(parseSearch('Armen*').match).toBe('("Armen" * OR search_names : "arman" *)');
    expect(parseSearch('title:border').match).toBe('title : "border"');
    expect(parseSearch('title: "border incident"').match).toBe('title : "border incident"');
    expect(parseSearch('NEAR(soldiers mines, 10)').match).toBe('NEAR("soldiers" "mines", 10)');
    expect(parseSearch('(Baku OR Yerevan) NOT Moscow').match).toBe(
      '( ("Baku" OR search_names : "baku") OR ("Yerevan" OR search_names : "iaravan") ) NOT ("Moscow" OR search_names : "mosjow")',
    );
  });

  it('reads hyphenated and possessive words as phrases, the way the index splits them', () => {
    expect(parseSearch('Nagorno-Karabakh').match).toBe('"Nagorno Karabakh"');
    expect(parseSearch("Russia's").match).toBe('"Russia s"');
  });

  it('keeps the positive terms for highlighting, not the negated ones', () => {
    expect(parseSearch('border NOT mines').terms).toEqual([{ words: ['border'], prefix: false }]);
  });

  it.each([
    ['"unbalanced', /missing its closing quote/],
    ['(border', /"\(" is missing its "\)"/],
    ['border)', /"\)" without its "\("/],
    ['NOT mines', /NOT needs a term before it/],
    ['border AND', /ends with an operator/],
    ['OR border', /OR needs a term on each side/],
    ['author:smith', /no field "author:"; you can search title: or text:/],
    ['NEAR(border)', /NEAR needs at least two terms/],
    ['   ', /nothing to search for/],
    ['title:', /title: must be followed/],
  ])('explains what is wrong with %j', (query, message) => {
    expect(() => parseSearch(query)).toThrow(message);
  });
});

describe('findHighlights', () => {
  const text = 'Armenian Prime Minister Nikol Pashinián said… Pashinian agreed. Kəlbəcər region; Kalbajar.';

  it('finds words whatever their diacritics or transliteration', () => {
    const spans = findHighlights(text, parseSearch('pashinian').terms).map(({ start, end }) => text.slice(start, end));
    expect(spans).toEqual(['Pashinián', 'Pashinian']);
    const places = findHighlights(text, parseSearch('Kelbajar').terms).map(({ start, end }) => text.slice(start, end));
    expect(places).toEqual(['Kəlbəcər', 'Kalbajar']);
  });

  it('finds phrases and prefixes', () => {
    const spans = findHighlights(text, parseSearch('"prime minister" Armen*').terms).map(({ start, end }) => text.slice(start, end));
    expect(spans).toEqual(['Armenian', 'Prime Minister']);
  });
});

describe('search limits', () => {
  it('refuses a search of more prefix terms or terms than the limits allow, saying which limit', () => {
    const prefixes = Array.from({ length: 600 }, (_, index) => `w${index}*`).join(' ');
    expect(() => parseSearch(prefixes)).toThrow(/it has 600 terms, and a search may have up to 64 \(maxTerms\)/);
    expect(() => parseSearch('a* b* c* d* e* f* g* h* i*')).toThrow(/it has 9 prefix terms \(word\*\), and a search may have up to 8 \(maxPrefixTerms\); write more of those words in full/);
    expect(() => parseSearch('NEAR(a* b* c* d* e* f* g* h* i*, 5)')).toThrow(/maxPrefixTerms/);
    expect(() => parseSearch('x'.repeat(20_000))).toThrow(/Dossier searches for up to 10000 \(maxQueryCharacters\)/);
    expect(parseSearch('a* b* c* d* e* f* g* h*').terms).toHaveLength(8);
  });
});
