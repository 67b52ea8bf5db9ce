import {describe, expect, it} from 'vitest';
import {mergeIntoLines} from './selection-overlay.js';

function rect(left: number, top: number, right: number, bottom: number) {
  return {left, top, right, bottom, width: right - left, height: bottom - top};
}

describe('mergeIntoLines', () => {
  it('merges fragments on one line into one box', () => {
    expect(mergeIntoLines([rect(50, 10, 80, 30), rect(10, 11, 50, 29)])).toEqual([
      {left: 10, top: 10, right: 80, bottom: 30},
    ]);
  });

  it('keeps lines apart and ordered top to bottom', () => {
    expect(mergeIntoLines([rect(0, 40, 30, 60), rect(20, 10, 90, 30)])).toEqual([
      {left: 20, top: 10, right: 90, bottom: 30},
      {left: 0, top: 40, right: 30, bottom: 60},
    ]);
  });

  it('does not merge rectangles that only touch within 2 px', () => {
    expect(mergeIntoLines([rect(0, 0, 10, 20), rect(0, 18, 10, 38)])).toHaveLength(2);
  });

  it('ignores empty rectangles', () => {
    expect(mergeIntoLines([rect(5, 5, 5, 5), rect(0, 0, 10, 20)])).toEqual([{left: 0, top: 0, right: 10, bottom: 20}]);
  });
});
