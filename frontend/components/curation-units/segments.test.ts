// @vitest-environment node
import {describe, expect, it} from 'vitest';
import {segments, underlines} from './segments.js';

describe('segments', () => {
  it('cuts the context at every version boundary and names the versions covering each piece', () => {
    // context 0-30; alice 5-20, bob 5-15, gold 5-15
    expect(segments(0, 30, [{start: 5, end: 20, lane: 0}, {start: 5, end: 15, lane: 1}, {start: 5, end: 15, lane: -1}]))
      .toEqual([
        {start: 0, end: 5, lanes: []},
        {start: 5, end: 15, lanes: [-1, 0, 1]},
        {start: 15, end: 20, lanes: [0]},
        {start: 20, end: 30, lanes: []},
      ]);
  });

  it('clips marks to the context', () => {
    expect(segments(10, 20, [{start: 0, end: 15, lane: 0}])).toEqual([
      {start: 10, end: 15, lanes: [0]},
      {start: 15, end: 20, lanes: []},
    ]);
  });

  it('draws one underline per lane, higher lanes higher up, and tints the gold span', () => {
    const css = underlines([-1, 0, 2]);
    expect(css).toContain('left bottom 0px');
    expect(css).toContain('left bottom 8px');
    expect(css).toContain('var(--cb-gold-tint)');
    expect(underlines([])).toBe('');
  });
});
