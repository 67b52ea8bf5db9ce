import {describe, expect, it} from 'vitest';
import {hotkeyOf} from './find-controller.js';
import {recordEvents, sourceText} from './test-fixture.js';

const TEXT = 'Water in Ellsworth. The water report on water.';

function typeQuery(element: HTMLElement, query: string): HTMLInputElement {
  const input = element.querySelector<HTMLInputElement>('.cb-find input')!;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  return input;
}

function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true, ...init});
  target.dispatchEvent(e);
  return e;
}

describe('FindController', () => {
  it('counts the hits from the caret, steps with Enter and Shift+Enter, wrapping around', async () => {
    const element = await sourceText(TEXT);
    element.openFind();
    const bar = element.querySelector<HTMLElement>('.cb-find')!;
    expect(bar.hidden).toBe(false);
    const input = typeQuery(element, 'WATER');
    expect(document.activeElement).toBe(input);
    const count = bar.querySelector('.cb-find-count')!;
    expect(count.textContent).toBe('1 of 3');
    press(input, 'Enter');
    expect(count.textContent).toBe('2 of 3');
    press(input, 'Enter', {shiftKey: true});
    press(input, 'Enter', {shiftKey: true});
    expect(count.textContent).toBe('3 of 3');
    typeQuery(element, 'nothing');
    expect(count.textContent).toBe('No results');
    expect(bar.classList.contains('cb-find-none')).toBe(true);
  });

  it('matches case when asked', async () => {
    const element = await sourceText(TEXT);
    element.openFind();
    typeQuery(element, 'Water');
    element.querySelector<HTMLButtonElement>('.cb-find-case')!.click();
    expect(element.querySelector('.cb-find-count')!.textContent).toBe('1 of 1');
  });

  it('turns the current hit into a span with Alt and a label hotkey, keys typed in the bar tag nothing else', async () => {
    const element = await sourceText(TEXT);
    const tags = recordEvents(element, 'cb-tag');
    element.openFind();
    const input = typeQuery(element, 'ellsworth');
    press(input, '1'); // typed into the query, not a hotkey
    expect(tags).toEqual([]);
    expect(press(input, '¡', {code: 'Digit1', altKey: true}).defaultPrevented).toBe(true);
    expect(tags).toEqual([{start: 9, end: 18, label: 'FACT'}]);
  });

  it('closes with Escape, leaving the current hit selected in the text and the caret after it', async () => {
    const element = await sourceText(TEXT);
    const selections = recordEvents(element, 'cb-selection');
    const escapes = recordEvents(element, 'cb-escape');
    element.openFind();
    const input = typeQuery(element, 'report');
    press(input, 'Escape');
    expect(element.querySelector<HTMLElement>('.cb-find')!.hidden).toBe(true);
    expect(escapes).toEqual([]);
    expect(selections).toEqual([{start: 30, end: 36, text: 'report'}]);
    expect(element.caretOffset).toBe(36);
    expect(document.activeElement).toBe(element);
  });

  it('reads the hotkey from the key position, as Alt changes the character on macOS', () => {
    expect(hotkeyOf({key: '¡', code: 'Digit1'})).toBe('1');
    expect(hotkeyOf({key: 'œ', code: 'KeyQ'})).toBe('q');
    expect(hotkeyOf({key: '1', code: 'Numpad1'})).toBe('1');
    expect(hotkeyOf({key: '-', code: 'Minus'})).toBe('-');
  });
});
