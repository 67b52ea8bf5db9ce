import {describe, expect, it} from 'vitest';
import {cleanPageStarts, pageAt, withPageStarts} from './pages.js';
import {sourceText} from './test-fixture.js';

describe('pages', () => {
  it('keeps only ascending page starts inside the text', () => {
    expect(cleanPageStarts([0, 10, 10, 5, 20, 40, 3.5, 'x'], 30)).toEqual([10, 20]);
    expect(cleanPageStarts(null, 30)).toEqual([]);
  });

  it('tells the page of an offset, with or without page 1 given', () => {
    expect(pageAt([], 5)).toBe(0);
    expect(pageAt([0, 10, 20], 0)).toBe(1);
    expect(pageAt([0, 10, 20], 9)).toBe(1);
    expect(pageAt([0, 10, 20], 10)).toBe(2);
    expect(pageAt([0, 10, 20], 25)).toBe(3);
    expect(pageAt([10, 20], 19)).toBe(2);
  });

  it('merges page starts into the chunk starts', () => {
    expect(withPageStarts([0, 50, 100], [30, 50, 120])).toEqual([0, 30, 50, 100, 120]);
    expect(withPageStarts([0], [])).toEqual([0]);
  });
});

describe('<cb-source-text> page breaks', () => {
  // '😀' is one code point and two UTF-16 units: the page starts count code points
  const TEXT = 'one 😀 two\nthree four\nfive six';

  it('starts a block at each page with a "Page N" marker outside the text', async () => {
    const element = await sourceText(TEXT);
    element.pageStarts = [0, 10, 21];
    await element.updateComplete;
    const marked = [...element.querySelectorAll<HTMLElement>('.cb-text > div[data-page]')];
    expect(marked.map((chunk) => chunk.dataset.page)).toEqual(['2', '3']);
    expect(marked.map((chunk) => chunk.textContent)).toEqual(['three four\n', 'five six']);
    expect(marked.every((chunk) => chunk.getAttribute('aria-label') === null)).toBe(true);
    // the markers add nothing to the text: offsets stay those of the text
    expect(element.runs!.container.textContent).toBe(TEXT);
    expect(element.pageOf(10)).toBe(2);
    expect(element.pageOf(9)).toBe(1);
  });

  it('reports the page of the caret when it changes', async () => {
    const element = await sourceText(TEXT);
    element.pageStarts = [0, 10, 21];
    await element.updateComplete;
    const pages: unknown[] = [];
    element.addEventListener('cb-caret-page', (e) => pages.push((e as CustomEvent).detail));
    element.caretMovedTo(3);
    element.caretMovedTo(12);
    element.caretMovedTo(13);
    element.caretMovedTo(25);
    expect(pages).toEqual([{page: 1, pages: 3}, {page: 2, pages: 3}, {page: 3, pages: 3}]);
  });
});
