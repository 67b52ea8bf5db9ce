/*
 * Find in text: every place a query occurs in the text, in code points. Pure and fast: one
 * regular expression pass over the text the browser already holds (a 1,000,000-character text in
 * a few milliseconds), no round trip to the server.
 */
import {lowerBound, type CodePointIndex} from './cp-index.js';

/** At most this many hits are kept and counted; past it the count reads "50000+". */
export const MAX_HITS = 50_000;

/** The hits of one query: parallel arrays of code point starts and ends, ascending. */
export interface Hits {
  readonly query: string;
  readonly matchCase: boolean;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The number of hits kept (starts.length). */
  readonly count: number;
  /** More than MAX_HITS (or `limit`) hits: the rest were not looked for. */
  readonly capped: boolean;
}

/** No query, no hits. */
export const NO_HITS: Hits = {query: '', matchCase: false, starts: new Int32Array(0), ends: new Int32Array(0), count: 0, capped: false};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every non-overlapping occurrence of `query` in the indexed text, left to right. Case-insensitive
 * (Unicode simple case folding, so offsets never shift) unless `matchCase`. Line breaks and runs
 * of white space in the query are matched literally. An empty query finds nothing.
 */
export function findAll(index: CodePointIndex, query: string, matchCase: boolean, limit = MAX_HITS): Hits {
  if (!query) return {...NO_HITS, query, matchCase};
  const text = index.text;
  const starts: number[] = [];
  const ends: number[] = [];
  let capped = false;
  if (matchCase) {
    // indexOf is the fastest literal search there is
    for (let u = text.indexOf(query); u >= 0; u = text.indexOf(query, u + query.length)) {
      if (starts.length >= limit) {
        capped = true;
        break;
      }
      starts.push(index.toCodePoint(u, false));
      ends.push(index.toCodePoint(u + query.length, true));
    }
  } else {
    const pattern = new RegExp(escapeRegExp(query), 'giu');
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (starts.length >= limit) {
        capped = true;
        break;
      }
      starts.push(index.toCodePoint(m.index, false));
      ends.push(index.toCodePoint(m.index + m[0].length, true));
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return {query, matchCase, starts: Int32Array.from(starts), ends: Int32Array.from(ends), count: starts.length, capped};
}

/** The hit at or after code point `from` (the first after the text's end wraps to 0); -1 without hits. */
export function hitFrom(hits: Hits, from: number): number {
  if (!hits.count) return -1;
  const k = lowerBound(hits.starts, from);
  return k < hits.count ? k : 0;
}

/** The hit `step` (1 or -1) from `current`, wrapping around the ends; -1 without hits. */
export function stepHit(hits: Hits, current: number, step: 1 | -1): number {
  if (!hits.count) return -1;
  if (current < 0) return step > 0 ? 0 : hits.count - 1;
  return (current + step + hits.count) % hits.count;
}

/** "3 of 12", "3 of 50000+", "No results" or "" for an empty query. */
export function describeHits(hits: Hits, current: number): string {
  if (!hits.query) return '';
  if (!hits.count) return 'No results';
  return `${current + 1} of ${hits.count}${hits.capped ? '+' : ''}`;
}

/**
 * The hits [first, last) to highlight: at most `max` of them, in a window around `current`, so that
 * a query that occurs 50,000 times draws quickly and the hits near the reader are all shown.
 */
export function highlightWindow(hits: Hits, current: number, max: number): [number, number] {
  if (hits.count <= max) return [0, hits.count];
  const centre = Math.max(0, current);
  const first = Math.max(0, Math.min(hits.count - max, centre - (max >> 1)));
  return [first, first + max];
}
