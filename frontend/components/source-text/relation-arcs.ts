/*
 * Where the relations between annotations are drawn: one arc per relation, from the first line of
 * its `from` annotation to the first line of its `to` annotation, above the text (as brat and
 * INCEpTION draw them). Pure geometry over boxes in the element's content coordinates, so that it
 * can be tested without a browser; relation-layer.ts measures the boxes and paints the SVG.
 */
import type {Box} from './selection-overlay.js';

/** The height (px) of the lowest arc above its anchors, and how much higher each level goes (a label's height, so labels of stacked arcs never overlap). */
export const ARC_BASE = 9;
export const ARC_STEP = 14;
/** Levels drawn; arcs beyond share the highest (their labels still sit apart horizontally). */
export const MAX_LEVEL = 3;
/** Anchors this close vertically (px) are on the same line. */
const SAME_LINE = 4;

/** A relation to draw: the boxes of the first lines of its two annotations, and its title. */
export interface ArcInput {
  id: string;
  from: Box;
  to: Box;
  title: string;
}

/** A relation as drawn: its SVG path (ending at `to`), where its label goes, and its level. */
export interface Arc {
  id: string;
  path: string;
  labelX: number;
  labelY: number;
  level: number;
  /** The arc's anchors: the top middle of each end's box. */
  start: {x: number; y: number};
  end: {x: number; y: number};
}

/** About how wide (px) a label of `text` is drawn at the arc labels' size (11 px). */
export function labelWidth(text: string): number {
  return Math.ceil([...text].length * 6.2) + 8;
}

/** Where an arc leaves or reaches an annotation: the middle of the top of its (first line's) box. */
export function anchorOf(box: Box): {x: number; y: number} {
  return {x: (box.left + box.right) / 2, y: box.top};
}

/**
 * The level of each arc: arcs are grouped by the line their start is on; within a line, narrower
 * arcs go lower, and an arc takes the lowest level on which it overlaps no arc (label included)
 * placed before it, so that nested and crossing arcs and their labels stay apart. Capped at
 * MAX_LEVEL.
 */
export function assignLevels(spans: readonly {line: number; left: number; right: number}[]): number[] {
  const order = spans.map((_, i) => i);
  order.sort((a, b) => spans[a].line - spans[b].line || spans[a].right - spans[a].left - (spans[b].right - spans[b].left) || a - b);
  const placed = new Map<string, {left: number; right: number}[]>();
  const levels: number[] = new Array(spans.length).fill(0);
  for (const i of order) {
    const span = spans[i];
    let level = 0;
    for (; level < MAX_LEVEL; level++) {
      const taken = placed.get(`${span.line}:${level}`) ?? [];
      if (!taken.some((t) => t.left < span.right && span.left < t.right)) break;
    }
    levels[i] = level;
    const key = `${span.line}:${level}`;
    placed.set(key, [...(placed.get(key) ?? []), {left: span.left, right: span.right}]);
  }
  return levels;
}

/**
 * The path of one arc at `height` above its anchors. On one line: up from the start, across, and
 * down to the end, with rounded corners (a bracket, its label on the flat top). Across lines: up
 * from the start, then a curve that comes down onto the end from above.
 */
export function arcPath(start: {x: number; y: number}, end: {x: number; y: number}, height: number): string {
  const r = 4;
  const f = (n: number) => Math.round(n * 10) / 10;
  if (Math.abs(start.y - end.y) < SAME_LINE) {
    const top = Math.min(start.y, end.y) - height;
    const dir = end.x >= start.x ? 1 : -1;
    const bend = Math.min(r, Math.abs(end.x - start.x) / 2);
    return `M${f(start.x)},${f(start.y)} V${f(top + bend)} Q${f(start.x)},${f(top)} ${f(start.x + dir * bend)},${f(top)}`
      + ` H${f(end.x - dir * bend)} Q${f(end.x)},${f(top)} ${f(end.x)},${f(top + bend)} V${f(end.y)}`;
  }
  const up = start.y - height;
  const over = end.y - height;
  return `M${f(start.x)},${f(start.y)} V${f(up)} C${f(start.x)},${f(up - 24)} ${f(end.x)},${f(over - 24)} ${f(end.x)},${f(over)}`
    + ` V${f(end.y)}`;
}

/**
 * Lays out every arc: levels first (see assignLevels), then each path and label position. An arc
 * on one line is labelled in the middle of its top; an arc across lines above its end, where its
 * arrow points, so that several arcs leaving one annotation for other lines keep their labels apart.
 */
export function layoutArcs(inputs: readonly ArcInput[]): Arc[] {
  const anchors = inputs.map((input) => ({start: anchorOf(input.from), end: anchorOf(input.to)}));
  const levels = assignLevels(inputs.map((input, i) => {
    const {start, end} = anchors[i];
    const sameLine = Math.abs(start.y - end.y) < SAME_LINE;
    const mid = sameLine ? (start.x + end.x) / 2 : end.x;
    const half = labelWidth(input.title) / 2;
    const left = sameLine ? Math.min(start.x, end.x) : end.x;
    const right = sameLine ? Math.max(start.x, end.x) : end.x;
    return {line: Math.round(sameLine ? start.y : end.y), left: Math.min(left, mid - half) - 2,
      right: Math.max(right, mid + half) + 2};
  }));
  return inputs.map((input, i) => {
    const {start, end} = anchors[i];
    const height = ARC_BASE + ARC_STEP * levels[i];
    const sameLine = Math.abs(start.y - end.y) < SAME_LINE;
    return {
      id: input.id,
      path: arcPath(start, end, height),
      labelX: sameLine ? (start.x + end.x) / 2 : end.x,
      labelY: (sameLine ? Math.min(start.y, end.y) : end.y) - height,
      level: levels[i],
      start,
      end,
    };
  });
}
