// @vitest-environment node
import {describe, expect, it} from 'vitest';
import {CodePointIndex, lowerBound} from './cp-index.js';

describe('lowerBound', () => {
  it('finds the first value not below x', () => {
    const values = [2, 4, 4, 9];
    expect(lowerBound(values, 1)).toBe(0);
    expect(lowerBound(values, 4)).toBe(1);
    expect(lowerBound(values, 5)).toBe(3);
    expect(lowerBound(values, 10)).toBe(4);
    expect(lowerBound([], 3)).toBe(0);
  });
});

describe('CodePointIndex', () => {
  it('is the identity on text without astral characters', () => {
    const index = new CodePointIndex('Zoë Ødegård قال');
    expect(index.length).toBe(15);
    expect(index.toUtf16(7)).toBe(7);
    expect(index.toCodePoint(7)).toBe(7);
  });

  // "a💧b𝄞c": code points a=0 💧=1 b=2 𝄞=3 c=4; UTF-16 a=0 💧=1,2 b=3 𝄞=4,5 c=6
  const index = new CodePointIndex('a💧b𝄞c');

  it('counts a surrogate pair as one code point', () => {
    expect(index.length).toBe(5);
    expect(index.text.length).toBe(7);
  });

  it('maps code points to UTF-16 past each astral character', () => {
    expect([0, 1, 2, 3, 4, 5].map((cp) => index.toUtf16(cp))).toEqual([0, 1, 3, 4, 6, 7]);
  });

  it('maps UTF-16 offsets back to code points', () => {
    expect([0, 1, 3, 4, 6, 7].map((u) => index.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('rounds an offset inside a surrogate pair down, or up when asked', () => {
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(2, true)).toBe(2);
    expect(index.toCodePoint(5)).toBe(3);
    expect(index.toCodePoint(5, true)).toBe(4);
  });

  it('slices by code points without splitting a pair', () => {
    expect(index.slice(1, 2)).toBe('💧');
    expect(index.slice(2, 5)).toBe('b𝄞c');
    expect(index.slice(0, 0)).toBe('');
  });

  it('handles astral characters next to each other and at the ends', () => {
    const packed = new CodePointIndex('👩‍👩‍👧💧');
    // 👩 ZWJ 👩 ZWJ 👧 💧: six code points, ten UTF-16 units
    expect(packed.length).toBe(6);
    expect(packed.toUtf16(6)).toBe(10);
    expect(packed.toUtf16(5)).toBe(8);
    expect(packed.slice(5, 6)).toBe('💧');
    expect(packed.toCodePoint(9, true)).toBe(6);
  });
});
