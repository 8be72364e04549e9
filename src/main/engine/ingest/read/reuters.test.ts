import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, IngestFile } from '../types';
import { fixture } from './fixtures';
import { readFile } from './index';
import { reutersDate } from './reuters';

async function stories(file: IngestFile): Promise<Map<string, ExtractedDocument>> {
  const outcome = await readFile(file);
  if (outcome.type !== 'documents') throw new Error('expected documents');
  return new Map(outcome.documents.map((document) => [String(document.meta.newId), document]));
}

describe('Reuters-21578', () => {
  it('reads every story with its title, date, dateline and categories', async () => {
    const byId = await stories(fixture('reuters-sample.sgm'));
    expect([...byId.keys()]).toEqual(['1', '2', '30', '42', '63', '99', '234']);
    const cocoa = byId.get('1')!;
    expect(cocoa).toMatchObject({
      kind: 'newswire',
      title: 'BAHIA COCOA REVIEW',
      author: null,
      source: 'Reuters',
      language: 'en',
      publishedAt: '1987-02-26T15:01:01Z',
      originalName: 'reuters-sample.sgm#1',
      html: null,
    });
    expect(cocoa.meta).toEqual({
      places: ['el-salvador', 'usa', 'uruguay'],
      people: [],
      orgs: [],
      exchanges: [],
      topics: ['cocoa'],
      newId: '1',
      oldId: '5544',
      dateline: 'SALVADOR, Feb 26',
      textType: 'NORM',
    });
    expect(cocoa.text.startsWith('SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone')).toBe(true);
    // Wire paragraphs (indented lines) become paragraphs.
    expect(cocoa.text).toContain('in its weekly review.\n\nThe dry period means');
    expect(cocoa.text.endsWith('carnival which ends midday on February 27.')).toBe(true);
    expect(byId.get('63')!.meta.people).toEqual(['wilson']);
    expect(byId.get('42')!.meta.orgs).toEqual(['ico-coffee']);
  });

  it('unescapes entities and drops the sign-off and control marks', async () => {
    const byId = await stories(fixture('reuters-sample.sgm'));
    expect(byId.get('2')!.title).toBe('STANDARD OIL <SRD> TO FORM FINANCIAL UNIT');
    expect(byId.get('2')!.text).toContain('British Petroleum Co\nPlc <BP>, which');
    expect(byId.get('234')!.text).toContain('A Market & Opinion Research International (MORI) poll');
    for (const document of byId.values()) {
      expect(document.text).not.toMatch(/Reuter$|&#|&lt;|&amp;/);
      // eslint-disable-next-line no-control-regex
      expect(document.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    }
  });

  it('keeps stories without a body: a BRIEF as its headline, an UNPROC as its raw text', async () => {
    const byId = await stories(fixture('reuters-sample.sgm'));
    const brief = byId.get('30')!;
    expect(brief.title).toBe('ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK');
    expect(brief.text).toBe(brief.title);
    expect(brief.meta.textType).toBe('BRIEF');
    const table = byId.get('99')!;
    expect(table.title).toBe('FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26');
    expect(table.text).toContain('Net free reserves.............644 vs.....1,337');
    expect(table.meta.textType).toBe('UNPROC');
  });

  it('keeps each story’s exact bytes as its original', async () => {
    const file = fixture('reuters-sample.sgm');
    const source = Buffer.from(file.bytes).toString('latin1');
    for (const document of (await stories(file)).values()) {
      const original = Buffer.from(document.original!).toString('latin1');
      expect(original.startsWith('<REUTERS ')).toBe(true);
      expect(original.endsWith('</REUTERS>')).toBe(true);
      expect(original).toContain(`NEWID="${String(document.meta.newId)}"`);
      expect(source).toContain(original);
    }
  });

  it('recognises the format by content', async () => {
    const outcome = await readFile({ name: 'wire.txt', bytes: fixture('reuters-sample.sgm').bytes });
    expect(outcome.type === 'documents' && outcome.documents.length).toBe(7);
  });

  it('parses wire dates, padded or followed by noise', () => {
    expect(reutersDate('26-FEB-1987 15:01:01.79')).toBe('1987-02-26T15:01:01Z');
    expect(reutersDate('  2-JUN-1987 13:10:10.20')).toBe('1987-06-02T13:10:10Z');
    expect(reutersDate('27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM')).toBe('1987-03-27T00:02:59Z');
    expect(reutersDate('garbage')).toBeNull();
  });
});
