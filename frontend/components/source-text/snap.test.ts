// @vitest-environment node
import {describe, expect, it} from 'vitest';
import {CodePointIndex} from './cp-index.js';
import {snapRange} from './snap.js';

function snapped(text: string, start: number, end: number, toWords = true): string | null {
  const index = new CodePointIndex(text);
  const range = snapRange(index, start, end, toWords);
  return range && index.slice(range.start, range.end);
}

describe('snapRange', () => {
  const text = 'The council said water results were delayed.';

  it('widens a selection to whole words', () => {
    // "ouncil sa" -> "council said"
    expect(snapped(text, 5, 14)).toBe('council said');
  });

  it('trims white space from both ends', () => {
    expect(snapped(text, 3, 12)).toBe('council');
  });

  it('leaves punctuation at the edge alone', () => {
    expect(snapped(text, 36, 45)).toBe('delayed.');
  });

  it('without word snapping keeps partial words and white space', () => {
    expect(snapped(text, 5, 14, false)).toBe('ouncil sa');
    expect(snapped(text, 3, 12, false)).toBe(' council ');
  });

  it('never splits a grapheme cluster, even without word snapping', () => {
    const family = 'a 👩‍👩‍👧 b';
    // code points: a=0 ' '=1 👩=2 ZWJ=3 👩=4 ZWJ=5 👧=6 ' '=7 b=8; start inside the cluster
    expect(snapped(family, 4, 5, false)).toBe('👩‍👩‍👧');
    const accent = 'Zoe\u0301 said';
    // stopping between "e" and its combining accent takes the accent along
    expect(snapped(accent, 0, 3, false)).toBe('Zoe\u0301');
  });

  it('snaps words in Arabic and around astral characters, in code points', () => {
    const mixed = '💧 قال يوسف حداد';
    const index = new CodePointIndex(mixed);
    const range = snapRange(index, 3, 8, true);
    expect(range).toEqual({start: 2, end: 10});
    expect(index.slice(range!.start, range!.end)).toBe('قال يوسف');
  });

  it('gives null when only white space is selected', () => {
    expect(snapped('a    b', 1, 5)).toBeNull();
  });
});
