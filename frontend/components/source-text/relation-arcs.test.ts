import {describe, expect, it} from 'vitest';
import {ARC_BASE, ARC_STEP, MAX_LEVEL, anchorOf, arcPath, assignLevels, labelWidth, layoutArcs} from './relation-arcs.js';

const box = (left: number, top: number, right: number, bottom = top + 18) => ({left, top, right, bottom});

describe('anchorOf', () => {
  it('is the middle of the top of the box', () => {
    expect(anchorOf(box(10, 40, 50))).toEqual({x: 30, y: 40});
  });
});

describe('assignLevels', () => {
  it('puts arcs that do not overlap on the lowest level', () => {
    expect(assignLevels([{line: 0, left: 0, right: 50}, {line: 0, left: 60, right: 90}])).toEqual([0, 0]);
  });

  it('lifts the wider of two overlapping arcs, so that nested arcs stay apart', () => {
    expect(assignLevels([{line: 0, left: 0, right: 200}, {line: 0, left: 50, right: 100}])).toEqual([1, 0]);
  });

  it('keeps lines apart: arcs on different lines never push each other up', () => {
    expect(assignLevels([{line: 0, left: 0, right: 200}, {line: 40, left: 0, right: 200}])).toEqual([0, 0]);
  });

  it('stops at the highest level however many arcs overlap', () => {
    const many = Array.from({length: 8}, (_, i) => ({line: 0, left: 0, right: 100 + i}));
    expect(Math.max(...assignLevels(many))).toBe(MAX_LEVEL);
  });
});

describe('arcPath', () => {
  it('draws a bracket above one line, from the start down onto the end', () => {
    const path = arcPath({x: 10, y: 40}, {x: 110, y: 40}, 12);
    expect(path.startsWith('M10,40 V32')).toBe(true);
    expect(path).toContain('H106');
    expect(path.endsWith('V40')).toBe(true);
  });

  it('draws right to left when the end is before the start', () => {
    const path = arcPath({x: 110, y: 40}, {x: 10, y: 40}, 12);
    expect(path).toContain('H14');
    expect(path.startsWith('M110,40')).toBe(true);
  });

  it('curves from one line to another, coming down onto the end', () => {
    const path = arcPath({x: 10, y: 40}, {x: 200, y: 100}, 12);
    expect(path.startsWith('M10,40 V28 C')).toBe(true);
    expect(path.endsWith('200,88 V100')).toBe(true);
  });
});

describe('layoutArcs', () => {
  it('labels an arc in the middle of its top, one level higher for the wider of two nested arcs', () => {
    const arcs = layoutArcs([
      {id: 'wide', from: box(0, 40, 20), to: box(300, 40, 340), title: 'said by'},
      {id: 'narrow', from: box(100, 40, 120), to: box(180, 40, 200), title: 'against'},
    ]);
    const wide = arcs.find((a) => a.id === 'wide')!;
    const narrow = arcs.find((a) => a.id === 'narrow')!;
    expect(narrow.level).toBe(0);
    expect(wide.level).toBe(1);
    expect(narrow.labelX).toBe(150);
    expect(narrow.labelY).toBe(40 - ARC_BASE);
    expect(wide.labelY).toBe(40 - ARC_BASE - ARC_STEP);
  });

  it('keeps the labels of two short neighbouring arcs from overlapping', () => {
    const arcs = layoutArcs([
      {id: 'a', from: box(0, 40, 10), to: box(20, 40, 30), title: 'made by'},
      {id: 'b', from: box(30, 40, 40), to: box(50, 40, 60), title: 'against'},
    ]);
    // the labels are wider than the arcs: side by side they would overlap, so one goes up
    expect(labelWidth('made by')).toBeGreaterThan(30);
    expect(new Set(arcs.map((a) => a.level)).size).toBe(2);
  });

  it('puts the label of an arc across lines above its end, where its arrow points', () => {
    const [arc] = layoutArcs([{id: 'x', from: box(300, 40, 340), to: box(10, 100, 60), title: 'said by'}]);
    expect(arc.labelX).toBe(35);
    expect(arc.labelY).toBe(100 - ARC_BASE);
    expect(arc.end).toEqual({x: 35, y: 100});
  });

  it('keeps apart the labels of two arcs that leave one annotation for two places on another line', () => {
    const arcs = layoutArcs([
      {id: 'a', from: box(200, 40, 300), to: box(10, 100, 60), title: 'made by'},
      {id: 'b', from: box(200, 40, 300), to: box(120, 100, 200), title: 'against'},
    ]);
    expect(Math.abs(arcs[0].labelX - arcs[1].labelX)).toBeGreaterThanOrEqual(labelWidth('made by'));
  });
});
