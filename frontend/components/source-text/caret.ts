/*
 * Where the caret of <cb-source-text> goes on a key: pure functions over the indexed text. Every
 * offset is a code point offset; the caret never stops inside a grapheme cluster (an emoji with a
 * skin tone, a ZWJ family, a letter with combining marks, a surrogate pair).
 */
import type {CodePointIndex} from './cp-index.js';

/** How far around the caret (UTF-16 units) the segmenters look. */
const GRAPHEME_WINDOW = 64;
const WORD_WINDOW = 512;

let graphemes: Intl.Segmenter | null | undefined;
let words: Intl.Segmenter | null | undefined;

function segmenter(granularity: 'grapheme' | 'word'): Intl.Segmenter | null {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return null;
  if (granularity === 'grapheme') return (graphemes ??= new Intl.Segmenter(undefined, {granularity}));
  return (words ??= new Intl.Segmenter(undefined, {granularity}));
}

/** The segments of `text` in the UTF-16 window [from, to), as absolute [start, end, wordLike] triples. */
function segmentsIn(text: string, from: number, to: number, granularity: 'grapheme' | 'word'): [number, number, boolean][] {
  const seg = segmenter(granularity);
  const out: [number, number, boolean][] = [];
  if (!seg) {
    // no Intl.Segmenter: code points, and runs of letters and digits as words
    const pattern = granularity === 'grapheme' ? /[\s\S]/gu : /[\p{L}\p{N}\p{M}_'’]+|[^\p{L}\p{N}\p{M}_'’]/gu;
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) {
      out.push([m.index, m.index + m[0].length, /[\p{L}\p{N}]/u.test(m[0])]);
    }
    return out;
  }
  for (const s of seg.segment(text.slice(from, to))) {
    out.push([from + s.index, from + s.index + s.segment.length, s.isWordLike ?? true]);
  }
  return out;
}

/** The caret one grapheme cluster forwards (1) or backwards (-1) from `caret`, within [0, length]. */
export function byCharacter(index: CodePointIndex, caret: number, direction: 1 | -1): number {
  const text = index.text;
  const u = index.toUtf16(Math.max(0, Math.min(index.length, caret)));
  if (direction > 0 && u >= text.length) return index.length;
  if (direction < 0 && u <= 0) return 0;
  const from = Math.max(0, u - GRAPHEME_WINDOW);
  const to = Math.min(text.length, u + GRAPHEME_WINDOW);
  const segments = segmentsIn(text, from, to, 'grapheme');
  let target = direction > 0 ? to : from;
  if (direction > 0) {
    const next = segments.find(([a, b]) => a <= u && u < b);
    if (next) target = next[1];
  } else {
    for (const [a, b] of segments) if (a < u && u <= b) target = a;
  }
  return index.toCodePoint(target, direction > 0);
}

/**
 * The caret a word forwards (1: to the end of this or the next word) or backwards (-1: to the
 * start of this or the previous word), as editors move on Ctrl+→/← (Alt on macOS). Punctuation
 * and white space are skipped over; the text's ends stop it.
 */
export function byWord(index: CodePointIndex, caret: number, direction: 1 | -1): number {
  const text = index.text;
  let u = index.toUtf16(Math.max(0, Math.min(index.length, caret)));
  // a window at a time, so that a very long stretch without words still ends
  for (;;) {
    if (direction > 0 && u >= text.length) return index.length;
    if (direction < 0 && u <= 0) return 0;
    const from = direction > 0 ? u : Math.max(0, u - WORD_WINDOW);
    const to = direction > 0 ? Math.min(text.length, u + WORD_WINDOW) : u;
    // look a little past the window so the word that the window cuts is seen whole
    const lookFrom = Math.max(0, from - 64);
    const lookTo = Math.min(text.length, to + 64);
    const segments = segmentsIn(text, lookFrom, lookTo, 'word').filter(([, , wordLike]) => wordLike);
    if (direction > 0) {
      const word = segments.find(([, b]) => b > u);
      if (word && word[0] < to) return index.toCodePoint(Math.min(word[1], lookTo), true);
      u = to;
    } else {
      let found = -1;
      for (const [a] of segments) if (a < u && a >= from) found = a;
      if (found < 0) for (const [a, b] of segments) if (a < u && b >= u) found = a;
      if (found >= 0) return index.toCodePoint(found, false);
      u = from;
    }
  }
}

/** The start (code points) of the line (between line feeds) the caret is on. */
export function lineStart(index: CodePointIndex, caret: number): number {
  const u = index.toUtf16(Math.max(0, Math.min(index.length, caret)));
  return index.toCodePoint(index.text.lastIndexOf('\n', u - 1) + 1);
}

/** The end (code points, before the line feed) of the line the caret is on. */
export function lineEnd(index: CodePointIndex, caret: number): number {
  const u = index.toUtf16(Math.max(0, Math.min(index.length, caret)));
  const lf = index.text.indexOf('\n', u);
  return lf < 0 ? index.length : index.toCodePoint(lf);
}

/**
 * The caret on the next (1) or previous (-1) line between line feeds, in the same column (code
 * points, shortened to the line's length, not inside a grapheme). The browser moves by the lines
 * it draws when it can; this is the fallback.
 */
export function byLine(index: CodePointIndex, caret: number, direction: 1 | -1): number {
  const start = lineStart(index, caret);
  const column = caret - start;
  if (direction > 0) {
    const end = lineEnd(index, caret);
    if (end >= index.length) return index.length;
    const next = end + 1;
    return onGrapheme(index, Math.min(next + column, lineEnd(index, next)));
  }
  if (start === 0) return 0;
  const previous = lineStart(index, start - 1);
  return onGrapheme(index, Math.min(previous + column, start - 1));
}

/** `caret`, or the start of the grapheme cluster it would cut. */
export function onGrapheme(index: CodePointIndex, caret: number): number {
  const u = index.toUtf16(caret);
  const from = Math.max(0, u - GRAPHEME_WINDOW);
  for (const [a, b] of segmentsIn(index.text, from, Math.min(index.text.length, u + GRAPHEME_WINDOW), 'grapheme')) {
    if (a < u && u < b) return index.toCodePoint(a);
  }
  return caret;
}
