import {describe, expect, it} from 'vitest';
import {byCharacter, byLine, byWord, lineEnd, lineStart, onGrapheme} from './caret.js';
import {CodePointIndex} from './cp-index.js';

const at = (text: string) => new CodePointIndex(text);

describe('caret moves', () => {
  it('steps over whole grapheme clusters: surrogate pairs, skin tones, ZWJ families, combining marks', () => {
    // "a😀b": 😀 is one code point of two UTF-16 units
    const emoji = at('a😀b');
    expect(byCharacter(emoji, 1, 1)).toBe(2);
    expect(byCharacter(emoji, 2, -1)).toBe(1);
    // 👍🏽 is two code points; 👨‍👩‍👧 is five (three people, two ZWJs)
    const cluster = at('x👍🏽y👨‍👩‍👧z');
    expect(byCharacter(cluster, 1, 1)).toBe(3);
    expect(byCharacter(cluster, 4, 1)).toBe(9);
    expect(byCharacter(cluster, 9, -1)).toBe(4);
    expect(byCharacter(cluster, 3, -1)).toBe(1);
    // e + combining acute
    const combining = at('cafe\u0301!');
    expect(byCharacter(combining, 3, 1)).toBe(5);
    expect(byCharacter(combining, 5, -1)).toBe(3);
  });

  it('stops at the ends of the text', () => {
    const text = at('ab');
    expect(byCharacter(text, 2, 1)).toBe(2);
    expect(byCharacter(text, 0, -1)).toBe(0);
    expect(byWord(text, 2, 1)).toBe(2);
    expect(byWord(text, 0, -1)).toBe(0);
    expect(byCharacter(at(''), 0, 1)).toBe(0);
  });

  it('moves by word to the end of this or the next word, and back to the start of this or the previous one', () => {
    const text = at('The council, said: water results.');
    expect(byWord(text, 0, 1)).toBe(3);
    expect(byWord(text, 3, 1)).toBe(11);
    expect(byWord(text, 6, 1)).toBe(11);
    expect(byWord(text, 11, 1)).toBe(17);
    expect(byWord(text, 33, -1)).toBe(25);
    expect(byWord(text, 25, -1)).toBe(19);
    expect(byWord(text, 21, -1)).toBe(19);
    expect(byWord(text, 19, -1)).toBe(13);
    expect(byWord(text, 4, -1)).toBe(0);
    expect(byWord(text, 32, 1)).toBe(33);
  });

  it('counts words in code points past emoji', () => {
    const text = at('😀😀 water 👨‍👩‍👧 results');
    expect(byWord(text, 2, 1)).toBe(8);
    expect(byWord(text, 8, 1)).toBe(22);
    expect(byWord(text, 22, -1)).toBe(15);
    expect(text.slice(15, 22)).toBe('results');
  });

  it('finds a word beyond a long stretch without words', () => {
    const text = at('a' + ' .'.repeat(2000) + ' end');
    expect(byWord(text, 1, 1)).toBe(text.length);
    expect(byWord(text, text.length - 3, -1)).toBe(0);
  });

  it('goes to the start and end of a line, and to the same column on the next or previous one', () => {
    const text = at('first line\nsecond\n\nlast line here');
    expect(lineStart(text, 14)).toBe(11);
    expect(lineEnd(text, 14)).toBe(17);
    expect(lineEnd(text, 25)).toBe(text.length);
    expect(byLine(text, 8, 1)).toBe(17); // column 8 is past "second": its end
    expect(byLine(text, 13, 1)).toBe(18); // the empty line
    expect(byLine(text, 18, 1)).toBe(19);
    expect(byLine(text, 22, -1)).toBe(18);
    expect(byLine(text, 13, -1)).toBe(2);
    expect(byLine(text, 3, -1)).toBe(0);
    expect(byLine(text, 25, 1)).toBe(text.length);
  });

  it('keeps a column move off the middle of a cluster', () => {
    const text = at('ab👨‍👩‍👧cd\nxyzw');
    expect(onGrapheme(text, 4)).toBe(2);
    expect(byLine(text, 12, -1)).toBe(2);
  });
});
