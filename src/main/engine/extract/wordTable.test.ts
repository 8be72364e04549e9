// The binary word tables of the tagger's word list and clusters.
import { describe, expect, it } from 'vitest';
import { WordTable } from './wordTable';

describe('WordTable', () => {
  const table = WordTable.fromLines(['paris\t12\t5\t2', 'beatles\t7\t3\t1', 'bad line', 'the\t1\t1\t1', 'nirvana\t7\t3'].join('\n'));

  it('finds each word of its lines with its values, and no other word', () => {
    expect(table.size).toBe(3);
    expect(table.width).toBe(3);
    expect([...table.row('paris')!]).toEqual([12, 5, 2]);
    expect([...table.row('beatles')!]).toEqual([7, 3, 1]);
    expect(table.first('the')).toBe(1);
    // A line with another number of values is left out, as is a word never listed.
    expect(table.row('nirvana')).toBeNull();
    expect(table.find('Paris')).toBe(-1);
    expect(table.first('zzyzx', 9)).toBe(9);
  });

  it('reads back what it writes, and refuses other bytes', () => {
    const again = WordTable.fromBytes(table.toBytes());
    expect(again.size).toBe(3);
    expect([...again.row('paris')!]).toEqual([12, 5, 2]);
    // From an unaligned slice of a larger buffer, as a file read may give.
    const bytes = Buffer.concat([Buffer.from([0]), table.toBytes()]);
    expect([...WordTable.fromBytes(bytes.subarray(1)).row('beatles')!]).toEqual([7, 3, 1]);
    expect(() => WordTable.fromBytes(Buffer.from('not a table at all'))).toThrow(/not a word table/);
    expect(() => WordTable.fromBytes(table.toBytes().subarray(0, 20))).toThrow(/truncated/);
  });

  it('is empty for an empty text', () => {
    const empty = WordTable.fromLines('');
    expect(empty.size).toBe(0);
    expect(empty.find('the')).toBe(-1);
  });
});
