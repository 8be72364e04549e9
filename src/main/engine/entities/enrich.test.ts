import { describe, expect, it } from 'vitest';
import { SpanIndex } from './enrich';

describe('SpanIndex', () => {
  it('answers overlap questions exactly as a scan of every span would, overlapping and nested spans included', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const spans = Array.from({ length: 300 }, () => {
      const start = Math.floor(random() * 2000);
      return { start, end: start + 1 + Math.floor(random() * 40) };
    });
    const index = new SpanIndex(spans);
    for (let trial = 0; trial < 2000; trial += 1) {
      const start = Math.floor(random() * 2100);
      const end = start + 1 + Math.floor(random() * 30);
      const scanned = spans.some((span) => span.start < end && span.end > start);
      expect(index.overlaps(start, end)).toBe(scanned);
    }
    expect(new SpanIndex([]).overlaps(0, 10)).toBe(false);
  });
});
