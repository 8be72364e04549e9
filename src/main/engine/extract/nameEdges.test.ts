// Where names begin and end, on real tokens (tokenize) and spans as the tagger gives them.
import { describe, expect, it } from 'vitest';
import { capitalisedStarts, cutAtAddresses, cutAtSmallWords, joinParticles, peopleAfterTitles, saintsAndCities, trimDates } from './nameEdges';
import type { Span } from './nameRules';
import { tokenize } from './tokenize';

function spanOf(text: string, phrase: string, type: Span['type']): Span {
  const tokens = tokenize(text);
  const start = text.indexOf(phrase);
  const first = tokens.starts.findIndex((offset) => offset >= start);
  let end = first;
  while (end < tokens.ends.length && tokens.ends[end]! <= start + phrase.length) end += 1;
  return { first, end, type };
}

const texts = (text: string, spans: readonly Span[]): string[] => {
  const tokens = tokenize(text);
  return spans.map((span) => `${span.type}:${text.slice(tokens.starts[span.first], tokens.ends[span.end - 1])}`);
};

describe('name edges', () => {
  it('cuts an e-mail or web address out of a name and drops a name that is only one', () => {
    const text = 'Claire Warwick c.l.h.warwick@durham.ac.uk Durham University wrote; see https://example.org/Report now.';
    const spans = [spanOf(text, 'Claire Warwick c.l.h.warwick@durham.ac.uk Durham University', 'organization'), spanOf(text, 'https://example.org/Report', 'organization')];
    expect(texts(text, cutAtAddresses(text, tokenize(text), spans))).toEqual(['organization:Claire Warwick', 'organization:Durham University']);
  });

  it('runs a name on over its particles, joining a name tagged after them', () => {
    const text = 'Dumas names Pescheux d\'Herbinville, and later Ursula von der Leyen met Manoel de Oliveira in Lisbon de facto.';
    const tokens = tokenize(text);
    const spans = [
      spanOf(text, 'Pescheux', 'person'),
      spanOf(text, 'Ursula', 'person'),
      spanOf(text, 'Manoel', 'person'),
      spanOf(text, 'Oliveira', 'person'),
      spanOf(text, 'Lisbon', 'location'),
    ];
    expect(texts(text, joinParticles(tokens, spans))).toEqual([
      "person:Pescheux d'Herbinville",
      'person:Ursula von der Leyen',
      'person:Manoel de Oliveira',
      'location:Lisbon',
    ]);
  });

  it('starts an organisation or a place at the first capitalised word of its run, but not over titles, dates or given names, nor in a headline', () => {
    const text = 'He works for Black Robin Freighters now. On Monday Acme Corporation said it. He met Minister Smith Holdings staff. They saw Paul Menzies Hall. Shares in DNA Systems Inc rose sharply on news of the deal.\nPolice Arrest Suspect Near Central Station Today';
    const tokens = tokenize(text);
    const spans = [
      spanOf(text, 'Robin Freighters', 'organization'),
      spanOf(text, 'Acme Corporation', 'organization'),
      spanOf(text, 'Smith Holdings', 'organization'),
      spanOf(text, 'Menzies Hall', 'location'),
      spanOf(text, 'Systems Inc', 'organization'),
      spanOf(text, 'Central Station', 'location'),
    ];
    const tags = new Uint8Array(tokens.words.length);
    for (const span of spans) tags.fill(3, span.first, span.end);
    capitalisedStarts(tokens, tags, spans, (lowered) => lowered === 'minister' || lowered === 'paul');
    expect(texts(text, spans)).toEqual([
      'organization:Black Robin Freighters',
      'organization:Acme Corporation',
      'organization:Smith Holdings',
      'location:Menzies Hall',
      'organization:DNA Systems Inc',
      'location:Central Station',
    ]);
  });

  it('cuts a name at a word in small letters, but not at its particles or connecting words', () => {
    const text = 'Spokesman Roy Halvorsen told Reuters that Hilary of Poitiers, Mohammed al-Hajj Hadid and the Bank of England met in the Basse Casamance area of Southern Senegal.';
    const tokens = tokenize(text);
    const spans = [
      spanOf(text, 'Roy Halvorsen told Reuters', 'person'),
      spanOf(text, 'Hilary of Poitiers', 'person'),
      spanOf(text, 'Mohammed al-Hajj Hadid', 'person'),
      spanOf(text, 'Bank of England', 'organization'),
      spanOf(text, 'Basse Casamance area of Southern Senegal', 'location'),
    ];
    expect(texts(text, cutAtSmallWords(tokens, spans))).toEqual([
      'person:Roy Halvorsen',
      'person:Reuters',
      'person:Hilary of Poitiers',
      'person:Mohammed al-Hajj Hadid',
      'organization:Bank of England',
      'location:Basse Casamance',
      'location:Southern Senegal',
    ]);
  });

  it('cuts the person out of a body read together with a title and a full name, and leaves a body with a title word whole', () => {
    const text = 'He met Federal Reserve Board Chairman Paul Volcker, the Justice Department, Queen Mary College and Foreign Office Minister Tobias Ellwood, not Vice President Mike Pence.';
    const spans = [
      spanOf(text, 'Federal Reserve Board Chairman Paul Volcker', 'organization'),
      spanOf(text, 'Justice Department', 'organization'),
      spanOf(text, 'Queen Mary College', 'organization'),
      spanOf(text, 'Office Minister Tobias Ellwood', 'person'),
      spanOf(text, 'Vice President Mike Pence', 'person'),
    ];
    const titles = new Set(['chairman', 'justice', 'queen', 'minister', 'vice', 'president']);
    const given = (lowered: string): boolean => ['paul', 'mary', 'tobias', 'mike'].includes(lowered);
    const bodyHead = (word: string): boolean => word === 'Office' || word === 'Board';
    expect(texts(text, peopleAfterTitles(tokenize(text), spans, titles, given, bodyHead, () => false))).toEqual([
      'organization:Federal Reserve Board',
      'person:Paul Volcker',
      'organization:Justice Department',
      'organization:Queen Mary College',
      'organization:Foreign Office',
      'person:Tobias Ellwood',
      'person:Vice President Mike Pence',
    ]);
  });

  it('ends a person or a place before a month or a weekday, but not an organisation', () => {
    const text = 'He will be in Japan April 14-27 and in Tokyo Monday; Black September claimed it.';
    const spans = [spanOf(text, 'Japan April', 'location'), spanOf(text, 'Tokyo Monday', 'location'), spanOf(text, 'Black September', 'organization')];
    trimDates(tokenize(text), spans);
    expect(texts(text, spans)).toEqual(['location:Japan', 'location:Tokyo', 'organization:Black September']);
  });

  it('cuts a place before a title for a place out of a person read with it ("U.S. Congressman Henry Waxman", "Mabini Mayor Ester Tabigue")', () => {
    const text = 'It was U.S. Congressman Henry Waxman and Mabini Mayor Ester Tabigue.';
    const tokens = tokenize(text);
    const spans = [spanOf(text, 'U.S. Congressman Henry Waxman', 'person'), spanOf(text, 'Mabini Mayor Ester Tabigue', 'person')];
    const isUS = (first: number, end: number): boolean => tokens.words.slice(first, end).join(' ') === 'U.S.';
    const given = (lowered: string): boolean => lowered === 'henry' || lowered === 'ester';
    expect(texts(text, peopleAfterTitles(tokens, spans, new Set(['congressman', 'mayor']), given, () => false, isUS))).toEqual([
      'location:U.S.',
      'person:Henry Waxman',
      'location:Mabini',
      'person:Ester Tabigue',
    ]);
  });

  it('takes "St." into the name, a place after "in" or before its region, a saint otherwise; and a person\'s name before "City" is the city', () => {
    const text = 'Aid came to St. Marc, Haiti, and to Ho Chi Minh City; the Icon of St. Theodorus hangs there.';
    const tokens = tokenize(text);
    const spans = [spanOf(text, 'Marc', 'person'), spanOf(text, 'Ho', 'person'), spanOf(text, 'Chi Minh City', 'person'), spanOf(text, 'Theodorus', 'person')];
    expect(texts(text, saintsAndCities(tokens, spans))).toEqual(['location:St. Marc', 'location:Ho Chi Minh City', 'person:St. Theodorus']);
  });
});
