import {describe, expect, it} from 'vitest';
import {caretMove, labelForHotkey} from './keyboard-controller.js';
import {annotation, key, LABELS, recordEvents, select, sourceText} from './test-fixture.js';

const TEXT = 'The council said water results were delayed by months.';
const ANNOTATIONS = [annotation('late', 36, 43), annotation('early', 4, 11), annotation('middle', 17, 22)];

describe('KeyboardController', () => {
  it('moves through the annotations in text order with ] and [', async () => {
    const element = await sourceText(TEXT, ANNOTATIONS);
    const picked = recordEvents(element, 'cb-annotation-selected');
    for (const k of [']', ']', ']', ']', '[', '[']) {
      expect(key(element, k).defaultPrevented).toBe(true);
    }
    // the fourth move at the end stays on "late" and fires nothing
    expect(picked).toEqual([{id: 'early'}, {id: 'middle'}, {id: 'late'}, {id: 'middle'}, {id: 'early'}]);
    expect(element.selectedId).toBe('early');
    expect(element.caretOffset).toBe(4);
  });

  it('goes on from the caret when it left the selected annotation, and drops the text selection', async () => {
    const element = await sourceText(TEXT, ANNOTATIONS);
    select(element, 24, 30);
    key(element, ']');
    expect(element.selectedId).toBe('late');
    expect(window.getSelection()!.rangeCount).toBe(0);
    select(element, 24, 30);
    await Promise.resolve();
    document.dispatchEvent(new Event('selectionchange'));
    key(element, '[');
    expect(element.selectedId).toBe('middle');
  });

  it('shows the tooltip and announces the annotation reached with the keyboard', async () => {
    const element = await sourceText(TEXT, [annotation('q', 4, 11, {label: 'QUOTE', mine: false})]);
    key(element, ']');
    const tip = element.querySelector<HTMLElement>('.cb-tip')!;
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toBe('Quote (colleague)');
    expect(element.querySelector('.cb-live')!.textContent).toBe('Quote (colleague)');
  });

  it('moves the caret by character, by word and to the line ends, leaving annotations alone', async () => {
    const element = await sourceText('The council said\nwater 😀 results.', ANNOTATIONS);
    const picked = recordEvents(element, 'cb-annotation-selected');
    expect(key(element, 'ArrowRight').defaultPrevented).toBe(true);
    expect(element.caretOffset).toBe(1);
    key(element, 'ArrowRight', {ctrlKey: true});
    expect(element.caretOffset).toBe(3);
    key(element, 'ArrowRight', {ctrlKey: true});
    expect(element.caretOffset).toBe(11);
    key(element, 'End');
    expect(element.caretOffset).toBe(16);
    key(element, 'ArrowDown'); // column 16 is past the next line's end
    expect(element.caretOffset).toBe(33);
    key(element, 'Home');
    expect(element.caretOffset).toBe(17);
    key(element, 'ArrowRight', {ctrlKey: true});
    key(element, 'ArrowRight');
    key(element, 'ArrowRight');
    expect(element.caretOffset).toBe(24); // past the emoji: one code point
    key(element, 'ArrowUp');
    expect(element.caretOffset).toBe(7);
    key(element, 'End', {ctrlKey: true});
    expect(element.caretOffset).toBe(33);
    key(element, 'ArrowLeft', {altKey: true}); // the browser's "back" outside macOS: not ours
    expect(element.caretOffset).toBe(33);
    expect(picked).toEqual([]);
  });

  it('extends the selection from the caret with Shift, and reports it when the key is released', async () => {
    const element = await sourceText(TEXT, ANNOTATIONS);
    const selections = recordEvents(element, 'cb-selection');
    const tags = recordEvents(element, 'cb-tag');
    for (let i = 0; i < 17; i++) key(element, 'ArrowRight');
    key(element, 'ArrowRight', {shiftKey: true, ctrlKey: true});
    key(element, 'ArrowRight', {shiftKey: true, ctrlKey: true});
    element.dispatchEvent(new KeyboardEvent('keyup', {key: 'Shift', bubbles: true}));
    expect(selections).toEqual([{start: 17, end: 30, text: 'water results'}]);
    expect(element.caretOffset).toBe(30);
    key(element, 'ArrowLeft', {shiftKey: true, ctrlKey: true});
    element.dispatchEvent(new KeyboardEvent('keyup', {key: 'ArrowLeft', bubbles: true}));
    expect(selections.at(-1)).toEqual({start: 17, end: 22, text: 'water'});
    key(element, '1');
    expect(tags).toEqual([{start: 17, end: 22, label: 'FACT'}]);
    // a plain arrow collapses the selection to its end and reports it gone
    key(element, 'ArrowRight');
    expect(element.caretOffset).toBe(23);
    expect(selections.at(-1)).toEqual({start: -1, end: -1, text: ''});
  });

  it('opens the selected annotation, or the innermost one at the caret, with Enter', async () => {
    const element = await sourceText(TEXT, [...ANNOTATIONS, annotation('outer', 0, 30)]);
    const opened = recordEvents(element, 'cb-open');
    key(element, 'Enter');
    key(element, ']');
    key(element, 'Enter');
    for (let i = 0; i < 10; i++) key(element, 'ArrowRight');
    key(element, 'Enter'); // caret at 14, outside "early": "outer" only
    for (let i = 0; i < 4; i++) key(element, 'ArrowRight');
    key(element, 'Enter'); // caret at 18: "middle" inside "outer"
    expect(opened).toEqual([{id: 'outer'}, {id: 'early'}, {id: 'outer'}, {id: 'middle'}]);
    element.annotations = [];
    await element.updateComplete;
    key(element, 'Enter');
    expect(opened).toHaveLength(4);
  });

  it('shows every key of the keymap with ?, and closes it with Escape', async () => {
    const element = await sourceText(TEXT);
    element.keymap = [{title: 'Find', keys: [{keys: 'Ctrl+F', where: 'workspace', does: 'find in the text'}]}];
    element.focus();
    expect(key(element, '?').defaultPrevented).toBe(true);
    const overlay = element.querySelector<HTMLElement>('.cb-keys')!;
    expect(overlay.hidden).toBe(false);
    expect(overlay.querySelector('[role=dialog]')!.textContent).toContain('Ctrl+Ffind in the textworkspace');
    const escapes = recordEvents(element, 'cb-escape');
    overlay.querySelector('[role=dialog]')!.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
    expect(overlay.hidden).toBe(true);
    expect(escapes).toEqual([]);
    expect(document.activeElement).toBe(element);
  });

  it('takes Alt+T and Ctrl+F anywhere on the page only when it holds the workspace keys', async () => {
    const element = await sourceText(TEXT);
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    const altT = () => {
      const e = new KeyboardEvent('keydown', {key: 't', code: 'KeyT', altKey: true, bubbles: true, cancelable: true});
      outside.dispatchEvent(e);
      return e;
    };
    expect(altT().defaultPrevented).toBe(false);
    element.globalKeys = true;
    expect(altT().defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(element);
    const ctrlF = new KeyboardEvent('keydown', {key: 'f', code: 'KeyF', ctrlKey: true, bubbles: true, cancelable: true});
    outside.dispatchEvent(ctrlF);
    expect(ctrlF.defaultPrevented).toBe(true);
    expect(element.querySelector<HTMLElement>('.cb-find')!.hidden).toBe(false);
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

  it('reads the word modifier as Ctrl, or as Alt on macOS', () => {
    const press = (key: string, mods: Partial<KeyboardEvent> = {}) => ({key, ctrlKey: false, altKey: false, metaKey: false, ...mods});
    expect(caretMove(press('ArrowRight', {ctrlKey: true}), false)).toEqual({step: 'word', direction: 1});
    expect(caretMove(press('ArrowRight', {altKey: true}), false)).toBeNull();
    expect(caretMove(press('ArrowLeft', {altKey: true}), true)).toEqual({step: 'word', direction: -1});
    expect(caretMove(press('ArrowLeft', {metaKey: true}), true)).toEqual({step: 'lineboundary', direction: -1});
    expect(caretMove(press('End', {metaKey: true}), true)).toEqual({step: 'text', direction: 1});
    expect(caretMove(press('ArrowUp'), false)).toEqual({step: 'line', direction: -1});
    expect(caretMove(press('x'), false)).toBeNull();
  });
});
