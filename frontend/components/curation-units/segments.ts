/*
 * The context of a curation unit cut into segments: every version's span (and the gold span) starts
 * or ends a segment, and each segment knows which of them cover it, so each version can be drawn as
 * its own underline. Offsets count code points, start inclusive, end exclusive.
 */

/** A span to mark in the context: a version (its lane) or the gold span (lane -1). */
export interface Mark {
  start: number;
  end: number;
  lane: number;
}

/** A piece of the context, [start, end), and the lanes of the marks that cover it. */
export interface Segment {
  start: number;
  end: number;
  lanes: number[];
}

/** Cuts [from, to) at every mark's boundary inside it; marks are clipped to it. */
export function segments(from: number, to: number, marks: readonly Mark[]): Segment[] {
  const cuts = new Set<number>([from, to]);
  for (const m of marks) {
    if (m.start > from && m.start < to) cuts.add(m.start);
    if (m.end > from && m.end < to) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const lanes = marks.filter((m) => m.start < end && m.end > start).map((m) => m.lane).sort((a, b) => a - b);
    result.push({start, end, lanes});
  }
  return result;
}

/** The colour of a version's underline, by lane: distinct hues, each with 4.5:1 contrast on white. */
export const LANE_COLORS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#b45309', '#00796b', '#ad1457', '#455a64'];

export function laneColor(lane: number): string {
  return LANE_COLORS[lane % LANE_COLORS.length];
}

/**
 * The CSS background that draws one underline per lane (lane 0 lowest) and, for the gold lane, a
 * tint over the whole segment; the segment needs bottom padding of {@link underlineRoom}.
 */
export function underlines(lanes: readonly number[]): string {
  const layers: string[] = [];
  lanes.forEach((lane) => {
    if (lane < 0) return;
    const color = laneColor(lane);
    layers.push(`linear-gradient(${color}, ${color}) left bottom ${lane * 4}px / 100% 2px no-repeat`);
  });
  if (lanes.includes(-1)) layers.push('linear-gradient(var(--cb-gold-tint), var(--cb-gold-tint))');
  return layers.join(', ');
}

/** The bottom padding (px) that leaves room for the underlines of {@code count} lanes. */
export function underlineRoom(count: number): number {
  return Math.max(0, count) * 4;
}
