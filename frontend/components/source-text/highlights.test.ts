// @vitest-environment node
import {describe, expect, it} from 'vitest';
import {HighlightSet, toHighlight} from './highlights.js';
import type {SourceAnnotation, SourceLabel} from './types.js';

const labels: SourceLabel[] = [{name: 'FACT', title: 'Fact', color: 'teal'}];
const keepColor = (c: string | null | undefined) => c ?? 'grey';

function a(id: string, start: number, end: number, extra: Partial<SourceAnnotation> = {}): SourceAnnotation {
  return {id, start, end, label: 'FACT', color: '', mine: true, ...extra};
}

describe('toHighlight', () => {
  it('clamps the range to the text and orders it', () => {
    expect(toHighlight(a('x', -4, 200), 50, labels, keepColor)).toMatchObject({start: 0, end: 50});
    expect(toHighlight(a('x', 9, 3), 50, labels, keepColor)).toMatchObject({start: 3, end: 9});
    expect(toHighlight(a('x', 2.7, Number.NaN), 50, labels, keepColor)).toMatchObject({start: 0, end: 2});
  });

  it("takes the annotation's colour, else its label's, through the colour check", () => {
    expect(toHighlight(a('x', 0, 1, {color: 'red'}), 5, labels, keepColor).color).toBe('red');
    expect(toHighlight(a('x', 0, 1), 5, labels, keepColor).color).toBe('teal');
    expect(toHighlight(a('x', 0, 1, {label: 'NONE'}), 5, labels, keepColor).color).toBe('grey');
  });

  it("carries its label's place in the scheme, which picks its pattern (-1: a label the scheme lacks)", () => {
    const two: SourceLabel[] = [...labels, {name: 'QUOTE', title: 'Quote', color: 'navy'}];
    expect(toHighlight(a('x', 0, 1, {label: 'QUOTE'}), 5, two, keepColor).pattern).toBe(1);
    expect(toHighlight(a('x', 0, 1), 5, two, keepColor).pattern).toBe(0);
    expect(toHighlight(a('x', 0, 1, {label: 'NONE'}), 5, two, keepColor).pattern).toBe(-1);
  });
});

describe('HighlightSet', () => {
  function laidOut(...annotations: SourceAnnotation[]): HighlightSet {
    const set = new HighlightSet(keepColor);
    set.replaceAll(annotations);
    set.layout(100, labels);
    return set;
  }

  it('keeps the visible highlights in lane order with their lanes', () => {
    const set = laidOut(a('b', 5, 20), a('a', 0, 10), a('empty', 7, 7));
    expect(set.laneOrdered.map((h) => h.id)).toEqual(['a', 'b']);
    expect(set.laneOf('a')).toBe(0);
    expect(set.laneOf('b')).toBe(1);
    expect(set.laneOf('empty')).toBeUndefined();
    expect(set.get('empty')).toMatchObject({start: 7, end: 7});
  });

  it('reports the old and new extent of a moved annotation as changed', () => {
    const set = laidOut(a('a', 10, 20), a('far', 60, 70));
    expect(set.upsert(a('a', 40, 45))).toEqual({start: 10, end: 45});
    expect(set.get('a')).toMatchObject({start: 40, end: 45});
  });

  it('widens the changed range to every highlight whose lane moved', () => {
    // 'wide' takes lane 0 and pushes 'inner' (30-35) from lane 0 to lane 1
    const set = laidOut(a('inner', 30, 35), a('other', 80, 90));
    expect(set.upsert(a('wide', 32, 33))).toEqual({start: 32, end: 33});
    expect(set.upsert(a('wide', 10, 50))).toEqual({start: 10, end: 50});
    expect(set.laneOf('inner')).toBe(1);
    const nested = laidOut(a('x', 40, 60), a('y', 50, 70));
    // a new annotation starting first takes lane 0 and moves both others outwards
    expect(nested.upsert(a('z', 30, 45))).toEqual({start: 30, end: 70});
  });

  it('removes an annotation and reports its extent', () => {
    const set = laidOut(a('a', 10, 20), a('b', 15, 30));
    expect(set.remove('a')).toEqual({start: 10, end: 30});
    expect(set.laneOf('b')).toBe(0);
    expect(set.given.has('a')).toBe(false);
    expect(set.remove('missing')).toBeNull();
  });

  it('reports nothing changed for an empty annotation', () => {
    const set = laidOut(a('a', 10, 20));
    expect(set.upsert(a('e', 5, 5))).toBeNull();
  });

  it('walks in navigation order, refreshed after a change', () => {
    const set = laidOut(a('late', 50, 60), a('early', 5, 8));
    expect(set.navigationOrdered().map((h) => h.id)).toEqual(['early', 'late']);
    set.upsert(a('middle', 20, 25));
    expect(set.navigationOrdered().map((h) => h.id)).toEqual(['early', 'middle', 'late']);
  });
});
