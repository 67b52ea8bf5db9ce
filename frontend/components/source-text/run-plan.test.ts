// @vitest-environment node
import {describe, expect, it} from 'vitest';
import {CodePointIndex} from './cp-index.js';
import {chunkStarts, estimatedLines, planRuns} from './run-plan.js';
import type {Highlight} from './types.js';

function h(id: string, start: number, end: number): Highlight {
  return {id, start, end, color: 'red', mine: true, pattern: -1, source: {id, start, end, label: 'L', color: 'red', mine: true}};
}

describe('chunkStarts', () => {
  it('cuts after the first line feed at least `target` units into a chunk', () => {
    const text = 'aaaa\nbb\ncccccc\nd\n';
    expect(chunkStarts(text, new CodePointIndex(text), 3)).toEqual([0, 5, 15]);
  });

  it('keeps a text without line feeds in one chunk, and none for an empty text', () => {
    expect(chunkStarts('x'.repeat(5000), new CodePointIndex('x'.repeat(5000)))).toEqual([0]);
    expect(chunkStarts('', new CodePointIndex(''))).toEqual([]);
  });

  it('gives chunk starts in code points', () => {
    const text = '💧💧\n💧\nz';
    // UTF-16: 💧💧 = 0..3, \n = 4, 💧 = 5..6, \n = 7, z = 8; code points: \n at 2, 💧 at 3, \n at 4, z at 5
    expect(chunkStarts(text, new CodePointIndex(text), 1)).toEqual([0, 3, 5]);
  });
});

describe('estimatedLines', () => {
  it('counts wrapped lines per line feed, an empty line as one', () => {
    const text = 'abcdefghij\n\nabc';
    expect(estimatedLines(text, 0, text.length, 4)).toBe(3 + 1 + 1);
    expect(estimatedLines(text, 0, 10, 20)).toBe(1);
  });
});

describe('planRuns', () => {
  const cuts = (runs: ReturnType<typeof planRuns>) => runs.map((r) => [r.start, r.end]);
  const ids = (runs: ReturnType<typeof planRuns>) => runs.map((r) => r.covering.map((x) => x.id).join(','));

  it('cuts at every highlight boundary and lists the covering highlights in lane order', () => {
    const runs = planRuns(0, 30, [0], [h('a', 5, 20), h('b', 10, 25)]);
    expect(cuts(runs)).toEqual([[0, 5], [5, 10], [10, 20], [20, 25], [25, 30]]);
    expect(ids(runs)).toEqual(['', 'a', 'a,b', 'b', '']);
  });

  it('cuts at chunk starts and tells each run its chunk', () => {
    const runs = planRuns(0, 30, [0, 12, 24], [h('a', 10, 14)]);
    expect(cuts(runs)).toEqual([[0, 10], [10, 12], [12, 14], [14, 24], [24, 30]]);
    expect(runs.map((r) => r.chunk)).toEqual([0, 0, 1, 1, 2]);
    expect(ids(runs)).toEqual(['', 'a', 'a', '', '']);
  });

  it('plans only inside [from, to), clipping highlights that reach outside', () => {
    const runs = planRuns(10, 20, [0, 15], [h('before', 0, 5), h('across', 8, 12), h('inside', 14, 16), h('after', 25, 30)]);
    expect(cuts(runs)).toEqual([[10, 12], [12, 14], [14, 15], [15, 16], [16, 20]]);
    expect(ids(runs)).toEqual(['across', '', 'inside', 'inside', '']);
    expect(runs.map((r) => r.chunk)).toEqual([0, 0, 0, 1, 1]);
  });

  it('merges boundaries that coincide and skips empty highlights', () => {
    const runs = planRuns(0, 10, [0], [h('a', 2, 6), h('b', 2, 6), h('empty', 4, 4)]);
    expect(cuts(runs)).toEqual([[0, 2], [2, 4], [4, 6], [6, 10]]);
    expect(ids(runs)).toEqual(['', 'a,b', 'a,b', '']);
  });

  it('plans nothing for an empty text', () => {
    expect(planRuns(0, 0, [], [])).toEqual([]);
  });
});
