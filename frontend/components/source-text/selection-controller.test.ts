import {describe, expect, it} from 'vitest';
import {annotation, recordEvents, run, select, sourceText} from './test-fixture.js';

const TEXT = 'The council said water results were delayed by months.';

function mouse(target: EventTarget, type: string, x: number, init: MouseEventInit = {}): void {
  target.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true, clientX: x, clientY: 5, button: 0, ...init}));
}

/** Presses the button on `from`, releases it `distance` px further on, and clicks unless it was a drag. */
function press(from: Node, distance = 0): void {
  const target = from.nodeType === Node.TEXT_NODE ? from.parentNode! : from;
  mouse(target, 'mousedown', 10);
  mouse(target, 'mouseup', 10 + distance);
  mouse(target, 'click', 10 + distance, {detail: 1});
}

describe('TextSelectionController', () => {
  it('reads the selection snapped to whole words and trimmed, in code points', async () => {
    const element = await sourceText(TEXT);
    select(element, 5, 14); // "ouncil sa"
    expect(element.getTextSelection()).toEqual({start: 4, end: 16, text: 'council said'});
    select(element, 14, 5); // the same, backwards
    expect(element.getTextSelection()).toEqual({start: 4, end: 16, text: 'council said'});
  });

  it('snaps only to graphemes without snap to words', async () => {
    const element = await sourceText('💧 Zoe\u0301 said');
    element.snapToWords = false;
    await element.updateComplete;
    select(element, 2, 4); // "Zo"
    expect(element.getTextSelection()).toEqual({start: 2, end: 4, text: 'Zo'});
    select(element, 0, 4); // ends inside "Zoé": stays, since "o" ends a grapheme
    expect(element.getTextSelection()?.text).toBe('💧 Zo');
    select(element, 3, 5); // "oe" before the combining accent: takes it along
    expect(element.getTextSelection()).toEqual({start: 3, end: 6, text: 'oe\u0301'});
  });

  it('reports a finished mouse selection and shows the snapped range', async () => {
    const element = await sourceText(TEXT);
    const selections = recordEvents(element, 'cb-selection');
    const textNode = element.runs!.runNodes[0];
    mouse(textNode.parentNode!, 'mousedown', 10);
    select(element, 18, 20); // inside "water"
    mouse(textNode.parentNode!, 'mouseup', 60);
    expect(selections).toEqual([{start: 17, end: 22, text: 'water'}]);
    expect(window.getSelection()!.toString()).toBe('water');
  });

  it('reports the selection cleared once when it collapses', async () => {
    const element = await sourceText(TEXT);
    const selections = recordEvents(element, 'cb-selection');
    const chunk = element.runs!.chunkElements[0];
    mouse(chunk, 'mousedown', 10);
    select(element, 4, 11);
    mouse(chunk, 'mouseup', 80);
    window.getSelection()!.collapseToStart();
    document.dispatchEvent(new Event('selectionchange'));
    document.dispatchEvent(new Event('selectionchange'));
    expect(selections).toEqual([
      {start: 4, end: 11, text: 'council'},
      {start: -1, end: -1, text: ''},
    ]);
  });

  it('clears a selected annotation when text is selected', async () => {
    const element = await sourceText(TEXT, [annotation('a', 0, 3)]);
    element.selectedId = 'a';
    const chunk = element.runs!.chunkElements[0];
    mouse(chunk, 'mousedown', 10);
    select(element, 4, 11);
    mouse(chunk, 'mouseup', 80);
    expect(element.selectedId).toBeNull();
  });

  it('selects the innermost annotation on a click and cycles outwards on the next', async () => {
    const element = await sourceText(TEXT, [annotation('outer', 4, 30), annotation('inner', 12, 22)]);
    const picked = recordEvents(element, 'cb-annotation-selected');
    const nested = run(element, 'inner outer');
    press(nested.firstChild!);
    expect(element.selectedId).toBe('inner');
    press(nested.firstChild!);
    expect(element.selectedId).toBe('outer');
    press(nested.firstChild!);
    expect(picked).toEqual([{id: 'inner'}, {id: 'outer'}, {id: 'inner'}]);
    expect(element.querySelector('.cb-live')!.textContent).toBe('Fact');
  });

  it('does not select an annotation at the end of a drag', async () => {
    const element = await sourceText(TEXT, [annotation('a', 4, 11)]);
    press(run(element, 'a').firstChild!, 40);
    expect(element.selectedId).toBeNull();
  });

  it('keeps the selection on the same code points when the runs under it are redrawn', async () => {
    const element = await sourceText(TEXT, [annotation('far', 40, 44)]);
    select(element, 17, 22);
    element.upsertAnnotation(annotation('new', 12, 30));
    expect(element.querySelector('span[data-ids="new"]')).not.toBeNull();
    expect(element.getTextSelection()).toEqual({start: 17, end: 22, text: 'water'});
  });

  it('clearSelection removes the selection inside the text without an event', async () => {
    const element = await sourceText(TEXT);
    const selections = recordEvents(element, 'cb-selection');
    select(element, 4, 11);
    element.clearSelection();
    expect(window.getSelection()!.rangeCount).toBe(0);
    expect(element.getTextSelection()).toBeNull();
    expect(selections).toEqual([]);
  });
});
