import {describe, expect, it} from 'vitest';
import {annotation, sourceText} from './test-fixture.js';
import {textNodeOf} from './text-runs.js';

describe('TextRuns', () => {
  it('draws the text as text nodes, never as markup', async () => {
    const text = '<script>window.hacked = true;</script> & <b>bold</b>';
    const element = await sourceText(text, [annotation('a', 0, 8)]);
    const container = element.runs!.container;
    expect(container.textContent).toBe(text);
    expect(container.querySelector('script, b')).toBeNull();
  });

  it('lists the covering annotations innermost first on each run', async () => {
    const element = await sourceText('You start to measure your life in bottles', [
      annotation('outer', 0, 41),
      annotation('inner', 21, 30),
    ]);
    const runs = [...element.querySelectorAll('span[data-ids]')].map((s) => [s.textContent, s.getAttribute('data-ids')]);
    expect(runs).toEqual([
      ['You start to measure ', 'outer'],
      ['your life', 'inner outer'],
      [' in bottles', 'outer'],
    ]);
    const nested = element.querySelector('span[data-ids="inner outer"]')!;
    expect(nested.getAttribute('data-s')).toBe('21');
    expect(nested.getAttribute('data-e')).toBe('30');
    // the deeper lane needs more room below the text
    expect(nested.className.split(' ')[0]).toBe('cbd1');
  });

  it('maps code points to DOM points and back across astral characters', async () => {
    // code points: a=0 💧=1 b=2 𝄞=3 c=4
    const element = await sourceText('a💧b𝄞c', [annotation('drop', 1, 2)]);
    const runs = element.runs!;
    const [node, offset] = runs.pointAt(3);
    expect(node.textContent).toBe('b𝄞c');
    expect(offset).toBe(1);
    expect(runs.codePointAt(node, offset, false)).toBe(3);
    expect(runs.codePointAt(node, 2, false)).toBe(3);
    expect(runs.codePointAt(node, 2, true)).toBe(4);
    const drop = textNodeOf(runs.runNodes[runs.runAt(1)]);
    expect(drop.data).toBe('💧');
    expect(runs.codePointAt(drop, 2, false)).toBe(2);
  });

  it('maps points on the container and outside it to the ends of the text', async () => {
    const element = await sourceText('first\nsecond');
    const runs = element.runs!;
    expect(runs.codePointAt(runs.container, 0, false)).toBe(0);
    expect(runs.codePointAt(runs.container, 1, false)).toBe(12);
    const before = document.createElement('p');
    document.body.prepend(before);
    expect(runs.codePointAt(before, 0, false)).toBe(0);
    const after = document.createElement('p');
    document.body.append(after);
    expect(runs.codePointAt(after, 0, false)).toBe(12);
  });

  it('finds the runs over a range and redraws only those', async () => {
    const element = await sourceText('alpha beta gamma delta', [annotation('a', 0, 5), annotation('d', 17, 22)]);
    const runs = element.runs!;
    const slice = runs.slice(6, 10)!;
    expect(slice).toEqual({first: 1, last: 1, start: 5, end: 17});
    const untouched = runs.runNodes[0];
    element.highlights.upsert(annotation('b', 6, 10));
    runs.redraw(slice, element.highlights.laneOrdered);
    expect(runs.runNodes[0]).toBe(untouched);
    expect(runs.container.textContent).toBe('alpha beta gamma delta');
    expect(element.querySelector('span[data-ids="b"]')!.textContent).toBe('beta');
    expect(runs.slice(30, 40)).toBeNull();
  });
});
