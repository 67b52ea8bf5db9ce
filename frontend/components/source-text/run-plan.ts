/*
 * How a text is cut for drawing: into chunks (blocks that end after a line feed) and, inside
 * them, into runs (pieces between two annotation boundaries). Pure functions over offsets.
 */
import {CodePointIndex, lowerBound} from './cp-index.js';
import type {Highlight} from './types.js';

/** Target size of a chunk in UTF-16 units: a change relayouts one small block, not the whole text. */
export const CHUNK_TARGET = 2000;

/**
 * The code point start of each chunk: a chunk runs to the first line feed at or after
 * `target` UTF-16 units from its start (inclusive), or to the end of the text.
 */
export function chunkStarts(text: string, index: CodePointIndex, target = CHUNK_TARGET): number[] {
  const starts: number[] = [];
  let u = 0;
  while (u < text.length) {
    starts.push(index.toCodePoint(u));
    const lineFeed = text.indexOf('\n', u + target);
    u = lineFeed < 0 || lineFeed + 1 >= text.length ? text.length : lineFeed + 1;
  }
  return starts;
}

/**
 * The number of lines the UTF-16 range [from, to) of `text` takes when about `perLine`
 * characters fit on a line: each line feed ends a line, an empty line counts as one.
 */
export function estimatedLines(text: string, from: number, to: number, perLine: number): number {
  let lines = 0;
  let p = from;
  while (p < to) {
    let lineFeed = text.indexOf('\n', p);
    if (lineFeed < 0 || lineFeed >= to) lineFeed = to;
    lines += Math.max(1, Math.ceil((lineFeed - p) / perLine));
    p = lineFeed + 1;
  }
  return lines;
}

/** One run: [start, end) in code points, the chunk it belongs to, the highlights covering it in lane order. */
export interface PlannedRun {
  start: number;
  end: number;
  chunk: number;
  /** covering highlights in lane order; empty for bare text (shared between runs: do not mutate) */
  covering: readonly Highlight[];
}

const NONE: readonly Highlight[] = [];

/**
 * Cuts [from, to) into runs at every chunk start and every highlight boundary inside it.
 * `from` and `to` must be run or chunk boundaries or the ends of the text; `laneOrdered` are
 * the visible highlights in lane order (those outside [from, to) are skipped).
 */
export function planRuns(
  from: number,
  to: number,
  chunkStartsAsc: readonly number[],
  laneOrdered: readonly Highlight[],
): PlannedRun[] {
  const relevant: Highlight[] = [];
  for (const h of laneOrdered) {
    if (h.start >= to) break;
    if (h.end > from) relevant.push(h);
  }
  const firstChunk = Math.max(0, lowerBound(chunkStartsAsc, from + 1) - 1);
  const points: number[] = [from, to];
  for (let c = firstChunk + 1; c < chunkStartsAsc.length && chunkStartsAsc[c] < to; c++) {
    points.push(chunkStartsAsc[c]);
  }
  for (const h of relevant) {
    if (h.start > from && h.start < to) points.push(h.start);
    if (h.end > from && h.end < to) points.push(h.end);
  }
  const sorted = Float64Array.from(points).sort();
  let unique = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k];
  const boundaries = sorted.subarray(0, unique);

  const runs: PlannedRun[] = [];
  let covering: readonly Highlight[] = NONE;
  let next = 0;
  let chunk = firstChunk;
  for (let k = 0; k < boundaries.length - 1; k++) {
    const start = boundaries[k];
    const end = boundaries[k + 1];
    while (chunk + 1 < chunkStartsAsc.length && chunkStartsAsc[chunk + 1] <= start) chunk++;
    if (covering.some((h) => h.end <= start)) covering = covering.filter((h) => h.end > start);
    let added: Highlight[] | null = null;
    while (next < relevant.length && relevant[next].start <= start) {
      if (relevant[next].end > start) (added ??= []).push(relevant[next]);
      next++;
    }
    if (added) covering = covering.concat(added);
    runs.push({start, end, chunk, covering});
  }
  return runs;
}
