// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { layoutBlocks, layoutRuns, offsetOfPoint, selectionOffsets, snippetParts } from './textLayout';

describe('layoutBlocks', () => {
  it('splits paragraphs on blank lines and keeps their offsets into the text', () => {
    const text = 'First line\nstill first.\n\n  Second.  \n\n\nThird';
    const blocks = layoutBlocks(text, null);
    expect(blocks.map((block) => (block.type === 'paragraph' ? text.slice(block.start, block.end) : block))).toEqual([
      'First line\nstill first.',
      'Second.',
      'Third',
    ]);
  });

  it('puts a page divider where each PDF page starts, even inside a paragraph', () => {
    const text = 'Page one text\ncontinues here on page two.';
    const pageTwo = text.indexOf('continues');
    const blocks = layoutBlocks(text, [0, pageTwo]);
    expect(blocks).toEqual([
      { type: 'page', page: 1, offset: 0 },
      { type: 'paragraph', start: 0, end: 'Page one text'.length },
      { type: 'page', page: 2, offset: pageTwo },
      { type: 'paragraph', start: pageTwo, end: text.length },
    ]);
  });
});

describe('layoutRuns', () => {
  it('cuts a paragraph at every highlight and note edge, innermost note last', () => {
    const runs = layoutRuns(
      { start: 0, end: 20 },
      [{ start: 5, end: 8 }],
      [
        { id: 1, start: 2, end: 12 },
        { id: 2, start: 6, end: 10 },
      ],
    );
    expect(runs).toEqual([
      { start: 0, end: 2, hit: false, noteIds: [] },
      { start: 2, end: 5, hit: false, noteIds: [1] },
      { start: 5, end: 6, hit: true, noteIds: [1] },
      { start: 6, end: 8, hit: true, noteIds: [1, 2] },
      { start: 8, end: 10, hit: false, noteIds: [1, 2] },
      { start: 10, end: 12, hit: false, noteIds: [1] },
      { start: 12, end: 20, hit: false, noteIds: [] },
    ]);
  });
});

describe('snippetParts', () => {
  it('reads the hits the engine wraps in \\u0002 … \\u0003', () => {
    expect(snippetParts('…Minister Nikol \u0002Pashinián\u0003 stressed…')).toEqual([
      { text: '…Minister Nikol ', hit: false },
      { text: 'Pashinián', hit: true },
      { text: ' stressed…', hit: false },
    ]);
  });
});

describe('offsets of a DOM selection', () => {
  // As the reader renders it: runs with their start offset, paragraphs between them.
  const text = 'Nikol Pashinián spoke.\n\nIlham Aliyev answered.';
  function render(): HTMLElement {
    const root = document.createElement('div');
    root.innerHTML =
      '<p><span data-offset="0">Nikol </span><mark data-offset="6">Pashinián</mark><span data-offset="15"> spoke.</span></p>' +
      '<p><span data-offset="24">Ilham Aliyev answered.</span></p>';
    document.body.replaceChildren(root);
    return root;
  }

  it('maps text nodes and offsets back to offsets in the text, across runs and paragraphs', () => {
    const root = render();
    const mark = root.querySelector('mark')!.firstChild!;
    const second = root.querySelectorAll('p')[1]!.querySelector('span')!.firstChild!;
    const range = document.createRange();
    range.setStart(mark, 3);
    range.setEnd(second, 5);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const span = selectionOffsets(root, selection);
    expect(span).toEqual({ start: 9, end: 29 });
    expect(text.slice(span!.start, span!.end)).toBe('hinián spoke.\n\nIlham');
  });

  it('gives a point between paragraphs to the next run when it starts and the previous one when it ends', () => {
    const root = render();
    const secondParagraph = root.querySelectorAll('p')[1]!;
    expect(offsetOfPoint(root, root, 1, 'start')).toBe(24);
    expect(offsetOfPoint(root, root, 1, 'end')).toBe(22);
    expect(offsetOfPoint(root, secondParagraph, 0, 'start')).toBe(24);
  });

  it('ignores points outside the text', () => {
    const root = render();
    const outside = document.createElement('div');
    document.body.append(outside);
    expect(offsetOfPoint(root, outside, 0, 'start')).toBeNull();
  });
});
