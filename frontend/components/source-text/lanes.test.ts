// @vitest-environment node
import {describe, expect, it} from 'vitest';
import {
  assignLanes,
  innermostFirst,
  insertInLaneOrder,
  laneOrder,
  navigationOrder,
  removeFromLaneOrder,
} from './lanes.js';
import type {Highlight} from './types.js';

function h(id: string, start: number, end: number): Highlight {
  return {id, start, end, color: 'red', mine: true, pattern: -1, source: {id, start, end, label: 'L', color: 'red', mine: true}};
}

function lanesOf(...list: Highlight[]): Record<string, number> {
  return Object.fromEntries(assignLanes(list.sort(laneOrder)));
}

describe('assignLanes', () => {
  it('puts highlights that do not overlap on lane 0, touching ones included', () => {
    expect(lanesOf(h('a', 0, 5), h('b', 5, 9), h('c', 20, 30))).toEqual({a: 0, b: 0, c: 0});
  });

  it('stacks overlapping highlights on the lowest free lane', () => {
    expect(lanesOf(h('a', 0, 10), h('b', 3, 6), h('c', 4, 12), h('d', 7, 9))).toEqual({a: 0, b: 1, c: 2, d: 1});
  });

  it('gives the longer of two highlights starting together the inner lane', () => {
    expect(lanesOf(h('short', 2, 4), h('long', 2, 9))).toEqual({long: 0, short: 1});
  });

  it('reuses a lane once it is free again', () => {
    expect(lanesOf(h('a', 0, 10), h('b', 1, 3), h('c', 2, 5), h('d', 4, 6))).toEqual({a: 0, b: 1, c: 2, d: 1});
  });
});

describe('orders', () => {
  it('lane order: by start, longer first, then id', () => {
    const list = [h('b', 2, 4), h('a', 2, 4), h('c', 2, 8), h('d', 0, 1)].sort(laneOrder);
    expect(list.map((x) => x.id)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('innermost first: shortest, then later start, then id', () => {
    const list = [h('outer', 0, 10), h('late', 5, 7), h('early', 1, 3), h('mid', 2, 6)].sort(innermostFirst);
    expect(list.map((x) => x.id)).toEqual(['late', 'early', 'mid', 'outer']);
  });

  it('navigation order: by start, then end, then id', () => {
    const list = [h('long', 2, 9), h('short', 2, 4), h('first', 0, 30)].sort(navigationOrder);
    expect(list.map((x) => x.id)).toEqual(['first', 'short', 'long']);
  });
});

describe('lane-ordered list', () => {
  it('inserts in order and removes by id', () => {
    const list: Highlight[] = [];
    for (const x of [h('c', 5, 6), h('a', 0, 9), h('b', 0, 3), h('d', 5, 9)]) insertInLaneOrder(list, x);
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'd', 'c']);
    removeFromLaneOrder(list, h('d', 5, 9));
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('removes by id even when the given range is stale', () => {
    const list = [h('a', 0, 9), h('b', 4, 6)];
    removeFromLaneOrder(list, h('b', 1, 2));
    expect(list.map((x) => x.id)).toEqual(['a']);
  });
});
