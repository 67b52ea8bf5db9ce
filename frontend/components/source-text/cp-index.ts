/*
 * Code point offsets (the component's API) against UTF-16 offsets (the DOM's).
 */

/** The first index in the ascending `values` whose value is >= `x` (values.length if none). */
export function lowerBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Converts between code point offsets and UTF-16 offsets of one string in O(log n), by binary
 * search over the positions of its astral characters (the surrogate pairs).
 */
export class CodePointIndex {
  /** The length of the text in code points. */
  readonly length: number;
  /** code point offset of each astral character, ascending */
  private readonly astralCodePoints: Int32Array;
  /** UTF-16 offset of each astral character's high surrogate, ascending */
  private readonly astralUtf16: Int32Array;

  constructor(readonly text: string) {
    const positions: number[] = [];
    const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
    for (let m = pair.exec(text); m; m = pair.exec(text)) positions.push(m.index);
    this.astralUtf16 = Int32Array.from(positions);
    this.astralCodePoints = new Int32Array(positions.length);
    for (let k = 0; k < positions.length; k++) this.astralCodePoints[k] = positions[k] - k;
    this.length = text.length - positions.length;
  }

  /** The UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    if (this.astralCodePoints.length === 0) return codePoint;
    return codePoint + lowerBound(this.astralCodePoints, codePoint);
  }

  /** The code point offset of a UTF-16 offset; inside a surrogate pair it rounds down, or up if `roundUp`. */
  toCodePoint(utf16: number, roundUp = false): number {
    if (this.astralUtf16.length === 0) return utf16;
    const k = lowerBound(this.astralUtf16, utf16);
    if (k > 0 && this.astralUtf16[k - 1] === utf16 - 1) return roundUp ? utf16 + 1 - k : utf16 - k;
    return utf16 - k;
  }

  /** The text between two code point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
