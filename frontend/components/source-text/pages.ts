/*
 * Pages of a paged source (a PDF, say): the code point offsets where pages 2, 3, ... begin are
 * drawn as page breaks, and an offset is told its page. Pure functions over offsets; page numbers
 * count from 1, offsets are code points.
 */
import {lowerBound} from './cp-index.js';

/**
 * The page starts worth drawing: ascending, unique, inside (0, length) (page 1 always begins at 0
 * and is marked by the text's top, not by a break). Anything else given is dropped.
 */
export function cleanPageStarts(pageStarts: readonly unknown[] | null | undefined, length: number): number[] {
  const clean: number[] = [];
  for (const value of pageStarts ?? []) {
    const n = Number(value);
    if (Number.isInteger(n) && n > 0 && n < length && (clean.length === 0 || n > clean[clean.length - 1])) clean.push(n);
  }
  return clean;
}

/**
 * The page (from 1) holding code point `offset`, given the starts of pages 1, 2, ... as the server
 * sends them (page 1's start, 0, may be left out); 0 when the text has no pages.
 */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  if (!pageStarts.length) return 0;
  const fromPageTwo = pageStarts[0] === 0 ? pageStarts.slice(1) : pageStarts;
  return lowerBound(fromPageTwo, offset + 1) + 1;
}

/** The chunk starts with the page starts merged in (ascending, unique), so that each page begins a chunk. */
export function withPageStarts(chunkStarts: readonly number[], pageStarts: readonly number[]): number[] {
  if (!pageStarts.length) return chunkStarts.slice();
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < chunkStarts.length || j < pageStarts.length) {
    const next = j >= pageStarts.length || (i < chunkStarts.length && chunkStarts[i] <= pageStarts[j]) ? chunkStarts[i++] : pageStarts[j++];
    if (!merged.length || next > merged[merged.length - 1]) merged.push(next);
  }
  return merged;
}
