// @vitest-environment node
import {describe, expect, it} from 'vitest';
import {clickTarget, navigationTarget} from './navigation.js';
import type {Highlight} from './types.js';

function h(id: string, start: number, end: number): Highlight {
  return {id, start, end, color: 'red', mine: true, pattern: -1, source: {id, start, end, label: 'L', color: 'red', mine: true}};
}

describe('navigationTarget', () => {
  const ordered = [h('a', 0, 4), h('b', 10, 14), h('c', 20, 24)];

  it('moves from the selected highlight and stops at the ends', () => {
    expect(navigationTarget(ordered, 'a', 1, 0)).toBe(1);
    expect(navigationTarget(ordered, 'b', -1, 0)).toBe(0);
    expect(navigationTarget(ordered, 'c', 1, 0)).toBe(2);
    expect(navigationTarget(ordered, 'a', -1, 0)).toBe(0);
  });

  it('without a selection starts from the caret', () => {
    expect(navigationTarget(ordered, null, 1, 10)).toBe(1);
    expect(navigationTarget(ordered, null, 1, 11)).toBe(2);
    expect(navigationTarget(ordered, null, -1, 10)).toBe(0);
    expect(navigationTarget(ordered, null, -1, 21)).toBe(2);
  });

  it('falls back to the last or first highlight past the ends', () => {
    expect(navigationTarget(ordered, null, 1, 99)).toBe(2);
    expect(navigationTarget(ordered, 'gone', -1, 0)).toBe(0);
    expect(navigationTarget([], null, 1, 0)).toBe(-1);
  });
});

describe('clickTarget', () => {
  const covering = [h('inner', 5, 6), h('middle', 4, 8), h('outer', 0, 20)];

  it('picks the innermost highlight on a first click', () => {
    expect(clickTarget(covering, 5, null, null).id).toBe('inner');
  });

  it('cycles outwards on clicks on the same run while its pick stays selected', () => {
    expect(clickTarget(covering, 5, {runStart: 5, id: 'inner'}, 'inner').id).toBe('middle');
    expect(clickTarget(covering, 5, {runStart: 5, id: 'outer'}, 'outer').id).toBe('inner');
  });

  it('starts again at the innermost on another run or when the selection moved', () => {
    expect(clickTarget(covering, 6, {runStart: 5, id: 'inner'}, 'inner').id).toBe('inner');
    expect(clickTarget(covering, 5, {runStart: 5, id: 'inner'}, 'other').id).toBe('inner');
  });
});
