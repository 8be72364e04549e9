import { describe, expect, it } from 'vitest';
import { findAnchor, findShift } from './anchors';

const before = 'Statement of the ministry\n\nTroops left Kalbajar on 3 May.\nThe road to Kalbajar is open.';
const after = 'STATEMENT of the Ministry\n\nTroops left\nKalbajar on 3 May. The road to Kalbajar is open.';

describe('finding a passage of the old text in the new', () => {
  it('finds a passage exactly, the occurrence nearest to where it was', () => {
    const second = before.lastIndexOf('Kalbajar');
    const span = findAnchor(before, after, second, second + 'Kalbajar'.length)!;
    expect(span.start).toBe(after.lastIndexOf('Kalbajar'));
    expect(after.slice(span.start, span.end)).toBe('Kalbajar');
  });

  it('finds a passage whose line breaks or case OCR now reads otherwise', () => {
    const start = before.indexOf('left Kalbajar');
    const span = findAnchor(before, after, start, start + 'left Kalbajar'.length)!;
    expect(after.slice(span.start, span.end)).toBe('left\nKalbajar');
    const title = findAnchor(before, after, 0, 'Statement of the ministry'.length)!;
    expect(after.slice(title.start, title.end)).toBe('STATEMENT of the Ministry');
  });

  it('answers null for words the new text does not have', () => {
    const recognised = 'Troops left Kelbajar on 3 May.';
    expect(findAnchor('Troops left Kalbajar on 3 May.', recognised, 12, 20)).toBeNull();
    expect(findAnchor(before, after, 0, 0)).toBeNull();
  });

  it('moves a passage of several spans only when it is found word for word', () => {
    const text = 'The ministry said the road is open.';
    const moved = `Page one.\n\n${text}`;
    const spans = [
      { start: 0, end: 12 },
      { start: 13, end: 17 },
      { start: 18, end: 34 },
    ];
    expect(findShift(text, moved, spans)).toBe(11);
    expect(findShift(text, 'The ministry sald the road is open.', spans)).toBeNull();
  });
});
