import {describe, expect, it} from 'vitest';
import {CodePointIndex} from './cp-index.js';
import {describeHits, findAll, highlightWindow, hitFrom, MAX_HITS, stepHit} from './find.js';

const pairs = (text: string, query: string, matchCase = false) => {
  const hits = findAll(new CodePointIndex(text), query, matchCase);
  return Array.from(hits.starts, (s, i) => [s, hits.ends[i]]);
};

describe('findAll', () => {
  it('finds every occurrence, case-insensitive by default', () => {
    expect(pairs('Water, water, WATER.', 'water')).toEqual([[0, 5], [7, 12], [14, 19]]);
    expect(pairs('Water, water, WATER.', 'water', true)).toEqual([[7, 12]]);
    expect(pairs('Water', '')).toEqual([]);
    expect(pairs('Water', 'x')).toEqual([]);
  });

  it('counts in code points past astral characters and finds emoji themselves', () => {
    const text = '😀 water 👨‍👩‍👧 Water';
    expect(pairs(text, 'water')).toEqual([[2, 7], [14, 19]]);
    expect(pairs(text, '👨‍👩‍👧')).toEqual([[8, 13]]);
    expect(pairs(text, '👨‍👩‍👧', true)).toEqual([[8, 13]]);
  });

  it('takes the query literally, regular expression characters included', () => {
    expect(pairs('a.b axb (c) [d]', 'a.b')).toEqual([[0, 3]]);
    expect(pairs('a.b axb (c) [d]', '(c)')).toEqual([[8, 11]]);
    expect(pairs('a.b axb (c) [d]', '[d]')).toEqual([[12, 15]]);
  });

  it('folds case beyond ASCII without shifting offsets', () => {
    expect(pairs('ÉTÉ été Été', 'été')).toEqual([[0, 3], [4, 7], [8, 11]]);
    expect(pairs('ΣΟΦΙΑ σοφια', 'σοφια')).toEqual([[0, 5], [6, 11]]);
  });

  it('finds non-overlapping hits left to right', () => {
    expect(pairs('aaaa', 'aa')).toEqual([[0, 2], [2, 4]]);
  });

  it('stops at the limit and says the count is capped', () => {
    const hits = findAll(new CodePointIndex('ab'.repeat(100)), 'a', false, 10);
    expect(hits.count).toBe(10);
    expect(hits.capped).toBe(true);
    expect(describeHits(hits, 0)).toBe('1 of 10+');
    expect(MAX_HITS).toBeGreaterThanOrEqual(10_000);
  });

  it('searches a 1,000,000-character text quickly', () => {
    const words = ['water', 'council', 'report', 'Ellsworth', 'delayed', 'résumé', 'the', 'and'];
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += words[(i * 7) % words.length] + (i % 13 ? ' ' : '.\n');
    const index = new CodePointIndex(text);
    const started = performance.now();
    const hits = findAll(index, 'ellsworth', false);
    const elapsed = performance.now() - started;
    expect(hits.count).toBeGreaterThan(10_000);
    expect(elapsed).toBeLessThan(500); // far below in practice; generous for a busy test machine
  });
});

describe('moving through hits', () => {
  const hits = findAll(new CodePointIndex('one two one two one'), 'one', false);

  it('starts at the hit at or after the caret, wrapping to the first', () => {
    expect(hitFrom(hits, 0)).toBe(0);
    expect(hitFrom(hits, 1)).toBe(1);
    expect(hitFrom(hits, 17)).toBe(0);
    expect(hitFrom(findAll(new CodePointIndex('x'), 'y', false), 0)).toBe(-1);
  });

  it('steps forwards and backwards, wrapping around', () => {
    expect(stepHit(hits, 2, 1)).toBe(0);
    expect(stepHit(hits, 0, -1)).toBe(2);
    expect(stepHit(hits, -1, -1)).toBe(2);
    expect(stepHit(hits, 1, 1)).toBe(2);
  });

  it('describes the position among the hits', () => {
    expect(describeHits(hits, 1)).toBe('2 of 3');
    expect(describeHits(findAll(new CodePointIndex('x'), 'y', false), -1)).toBe('No results');
    expect(describeHits(findAll(new CodePointIndex('x'), '', false), -1)).toBe('');
  });

  it('highlights a window of hits around the current one', () => {
    const many = findAll(new CodePointIndex('a'.repeat(100)), 'a', false);
    expect(highlightWindow(many, 50, 10)).toEqual([45, 55]);
    expect(highlightWindow(many, 2, 10)).toEqual([0, 10]);
    expect(highlightWindow(many, 99, 10)).toEqual([90, 100]);
    expect(highlightWindow(hits, 1, 10)).toEqual([0, 3]);
  });
});
