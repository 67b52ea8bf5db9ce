/*
 * Snapping a selection: to grapheme boundaries always, and with "snap to words" to whole words,
 * trimmed of white space (Intl.Segmenter, looked at in a window around each end).
 */
import {CodePointIndex} from './cp-index.js';
import type {CodePointRange} from './types.js';

type Granularity = 'word' | 'grapheme';

const segmenters: Partial<Record<Granularity, Intl.Segmenter>> = {};

function segmenter(granularity: Granularity): Intl.Segmenter | undefined {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return undefined;
  return (segmenters[granularity] ??= new Intl.Segmenter(undefined, {granularity}));
}

/** How far around an offset (UTF-16 units) the segmenter looks. */
const WINDOW: Record<Granularity, number> = {word: 256, grapheme: 32};

const WHITE_SPACE = /\s/u;

/**
 * Moves the UTF-16 offset `u` to the start (or, with `toEnd`, the end) of the segment it cuts.
 * Word snapping moves only inside word-like segments; a segment cut by the window edge is not
 * trusted and leaves `u` where it is.
 */
function expand(text: string, u: number, granularity: Granularity, toEnd: boolean): number {
  const seg = segmenter(granularity);
  if (!seg || u <= 0 || u >= text.length) return u;
  const from = Math.max(0, u - WINDOW[granularity]);
  const to = Math.min(text.length, u + WINDOW[granularity]);
  for (const segment of seg.segment(text.slice(from, to))) {
    const a = from + segment.index;
    const b = a + segment.segment.length;
    if (a < u && u < b) {
      if (granularity === 'word' && !segment.isWordLike) return u;
      if ((a === from && from > 0) || (b === to && to < text.length)) return u;
      return toEnd ? b : a;
    }
    if (a >= u) break;
  }
  return u;
}

/**
 * Snaps the code point range [start, end) of the indexed text to grapheme boundaries and, if
 * `toWords`, to whole words with white space trimmed from both ends. Null if nothing is left.
 */
export function snapRange(index: CodePointIndex, start: number, end: number, toWords: boolean): CodePointRange | null {
  const text = index.text;
  let from = expand(text, index.toUtf16(start), 'grapheme', false);
  let to = expand(text, index.toUtf16(end), 'grapheme', true);
  if (toWords) {
    from = expand(text, from, 'word', false);
    to = expand(text, to, 'word', true);
    while (from < to && WHITE_SPACE.test(text[from])) from++;
    while (to > from && WHITE_SPACE.test(text[to - 1])) to--;
  }
  if (to <= from) return null;
  const snappedStart = index.toCodePoint(from, false);
  const snappedEnd = index.toCodePoint(to, true);
  return snappedEnd > snappedStart ? {start: snappedStart, end: snappedEnd} : null;
}
