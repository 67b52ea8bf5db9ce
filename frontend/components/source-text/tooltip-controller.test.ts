import {describe, expect, it} from 'vitest';
import {describeHighlight, TOOLTIP_DELAY, tooltipPosition} from './tooltip-controller.js';
import {annotation, LABELS, run, sourceText} from './test-fixture.js';
import type {Highlight} from './types.js';

function highlight(extra: Partial<Highlight['source']>, mine = true): Highlight {
  const source = annotation('x', 0, 1, {mine, ...extra});
  return {id: 'x', start: 0, end: 1, color: 'red', mine, pattern: 0, source};
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('describeHighlight', () => {
  it("names the label, marking a colleague's annotation", () => {
    expect(describeHighlight(highlight({label: 'FACT'}), LABELS)).toBe('Fact');
    expect(describeHighlight(highlight({label: 'QUOTE'}, false), LABELS)).toBe('Quote (colleague)');
    expect(describeHighlight(highlight({label: 'UNKNOWN'}), LABELS)).toBe('UNKNOWN');
  });

  it("prefers the annotation's own tooltip", () => {
    expect(describeHighlight(highlight({tooltip: 'Quote: Zoë Ødegård'}, false), LABELS)).toBe('Quote: Zoë Ødegård');
  });
});

describe('tooltipPosition', () => {
  const viewport = {width: 800, height: 600};
  const size = {width: 200, height: 40};

  it('goes under the line, near the pointer', () => {
    expect(tooltipPosition({left: 100, top: 50, bottom: 70}, 300, size, viewport)).toEqual({left: 288, top: 74});
  });

  it('aligns with the run without a pointer, and stays inside the viewport', () => {
    expect(tooltipPosition({left: 100, top: 50, bottom: 70}, NaN, size, viewport)).toEqual({left: 100, top: 74});
    expect(tooltipPosition({left: 700, top: 50, bottom: 70}, NaN, size, viewport).left).toBe(596);
    expect(tooltipPosition({left: -50, top: 50, bottom: 70}, NaN, size, viewport).left).toBe(4);
  });

  it('goes above the line when there is no room below', () => {
    expect(tooltipPosition({left: 100, top: 560, bottom: 580}, NaN, size, viewport).top).toBe(514);
  });
});

describe('TooltipController', () => {
  it('lists every annotation of a hovered run, innermost first, after a short delay', async () => {
    const element = await sourceText('You start to measure your life in bottles', [
      annotation('outer', 0, 41, {label: 'QUOTE', mine: false}),
      annotation('inner', 21, 30),
    ]);
    const tip = element.querySelector<HTMLElement>('.cb-tip')!;
    const nested = run(element, 'inner outer');
    nested.dispatchEvent(new MouseEvent('mouseover', {bubbles: true, clientX: 5, clientY: 5}));
    expect(tip.hidden).toBe(true);
    await pause(TOOLTIP_DELAY + 60);
    expect(tip.hidden).toBe(false);
    expect([...tip.children].map((row) => row.textContent)).toEqual(['Fact', 'Quote (colleague)']);
    expect([...tip.querySelectorAll('i')].map((swatch) => swatch.className)).toEqual(['', 'other']);

    nested.dispatchEvent(new MouseEvent('mouseout', {bubbles: true, relatedTarget: document.body}));
    expect(tip.hidden).toBe(true);
  });

  it('shows nothing while the button is down (a drag is under way)', async () => {
    const element = await sourceText('alpha beta', [annotation('a', 0, 5)]);
    const tip = element.querySelector<HTMLElement>('.cb-tip')!;
    const span = run(element, 'a');
    span.dispatchEvent(new MouseEvent('mousedown', {bubbles: true, button: 0}));
    span.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    await pause(TOOLTIP_DELAY + 60);
    expect(tip.hidden).toBe(true);
  });

  it('hides when the text scrolls or loses focus', async () => {
    const element = await sourceText('alpha beta', [annotation('a', 0, 5)]);
    const tip = element.querySelector<HTMLElement>('.cb-tip')!;
    element.dispatchEvent(new KeyboardEvent('keydown', {key: ']', bubbles: true}));
    expect(tip.hidden).toBe(false);
    element.dispatchEvent(new Event('scroll'));
    expect(tip.hidden).toBe(true);
    element.dispatchEvent(new KeyboardEvent('keydown', {key: '[', bubbles: true}));
    element.selectedId = null;
    element.dispatchEvent(new KeyboardEvent('keydown', {key: ']', bubbles: true}));
    expect(tip.hidden).toBe(false);
    element.dispatchEvent(new FocusEvent('blur'));
    expect(tip.hidden).toBe(true);
  });
});
