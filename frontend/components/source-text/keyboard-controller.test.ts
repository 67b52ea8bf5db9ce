import {describe, expect, it} from 'vitest';
import {labelForHotkey} from './keyboard-controller.js';
import {annotation, key, LABELS, recordEvents, select, sourceText} from './test-fixture.js';

const TEXT = 'The council said water results were delayed by months.';
const ANNOTATIONS = [annotation('late', 36, 43), annotation('early', 4, 11), annotation('middle', 17, 22)];

describe('KeyboardController', () => {
  it('moves through the annotations in text order with the arrow keys', async () => {
    const element = await sourceText(TEXT, ANNOTATIONS);
    const picked = recordEvents(element, 'cb-annotation-selected');
    for (const k of ['ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowUp']) {
      expect(key(element, k).defaultPrevented).toBe(true);
    }
    // the third move at the end stays on "late" and fires nothing
    expect(picked).toEqual([{id: 'early'}, {id: 'middle'}, {id: 'late'}, {id: 'middle'}, {id: 'early'}]);
    expect(element.selectedId).toBe('early');
  });

  it('starts from the caret when no annotation is selected, and drops the text selection', async () => {
    const element = await sourceText(TEXT, ANNOTATIONS);
    select(element, 24, 30);
    key(element, 'ArrowRight');
    expect(element.selectedId).toBe('late');
    expect(window.getSelection()!.rangeCount).toBe(0);
    select(element, 24, 30);
    element.selectedId = null;
    key(element, 'ArrowLeft');
    expect(element.selectedId).toBe('middle');
  });

  it('shows the tooltip and announces the annotation reached with the keyboard', async () => {
    const element = await sourceText(TEXT, [annotation('q', 4, 11, {label: 'QUOTE', mine: false})]);
    key(element, 'ArrowRight');
    const tip = element.querySelector<HTMLElement>('.cb-tip')!;
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toBe('Quote (colleague)');
    expect(element.querySelector('.cb-live')!.textContent).toBe('Quote (colleague)');
  });

  it('asks to delete the selected annotation with Delete or Backspace', async () => {
    const element = await sourceText(TEXT, ANNOTATIONS);
    const deletes = recordEvents(element, 'cb-delete');
    key(element, 'Delete');
    element.selectedId = 'middle';
    key(element, 'Delete');
    key(element, 'Backspace');
    key(element, 'Delete', {ctrlKey: true});
    expect(deletes).toEqual([{id: 'middle'}, {id: 'middle'}]);
  });

  it('tags the snapped selection with the label of a hotkey, in either case', async () => {
    const element = await sourceText(TEXT);
    const tags = recordEvents(element, 'cb-tag');
    key(element, '1');
    select(element, 18, 20);
    expect(key(element, '1').defaultPrevented).toBe(true);
    key(element, 'Q');
    key(element, '1', {ctrlKey: true});
    key(element, '1', {repeat: true});
    key(element, 'x');
    expect(tags).toEqual([
      {start: 17, end: 22, label: 'FACT'},
      {start: 17, end: 22, label: 'QUOTE'},
    ]);
  });

  it('selects the whole text with Ctrl+A and reports it', async () => {
    const element = await sourceText(' Trimmed text. ');
    const selections = recordEvents(element, 'cb-selection');
    expect(key(element, 'a', {ctrlKey: true}).defaultPrevented).toBe(true);
    expect(selections).toEqual([{start: 1, end: 14, text: 'Trimmed text.'}]);
  });

  it('clears the selection and the selected annotation with Escape', async () => {
    const element = await sourceText(TEXT, ANNOTATIONS);
    const selections = recordEvents(element, 'cb-selection');
    const escapes = recordEvents(element, 'cb-escape');
    select(element, 0, 3);
    key(element, 'a', {ctrlKey: true});
    element.selectedId = 'early';
    key(element, 'Escape');
    expect(element.selectedId).toBeNull();
    expect(window.getSelection()!.rangeCount).toBe(0);
    expect(selections.at(-1)).toEqual({start: -1, end: -1, text: ''});
    key(element, 'Escape');
    expect(escapes).toHaveLength(2);
    expect(selections).toHaveLength(2);
  });

  it('finds labels by hotkey, ignoring labels without one', () => {
    expect(labelForHotkey(LABELS, 'q')?.name).toBe('QUOTE');
    expect(labelForHotkey(LABELS, 'Q')?.name).toBe('QUOTE');
    expect(labelForHotkey([{name: 'X', title: 'X', color: 'red', hotkey: ''}], '')).toBeUndefined();
  });
});
