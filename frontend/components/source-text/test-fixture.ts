/*
 * Helpers for the tests of <cb-source-text> (happy-dom): an element on the page, selections in
 * code points, and the events it fires.
 */
import './source-text.js';
import type {SourceText} from './source-text.js';
import type {SourceAnnotation, SourceLabel} from './types.js';

export const LABELS: SourceLabel[] = [
  {name: 'FACT', title: 'Fact', color: '#1565c0', hotkey: '1'},
  {name: 'QUOTE', title: 'Quote', color: '#2e7d32', hotkey: 'q'},
];

/** An annotation of the viewer's own with the label FACT, unless told otherwise. */
export function annotation(id: string, start: number, end: number, extra: Partial<SourceAnnotation> = {}): SourceAnnotation {
  return {id, start, end, label: 'FACT', color: '', mine: true, ...extra};
}

/** A rendered <cb-source-text> in the document. */
export async function sourceText(text: string, annotations: SourceAnnotation[] = []): Promise<SourceText> {
  document.body.replaceChildren();
  window.getSelection()?.removeAllRanges();
  const element = document.createElement('cb-source-text');
  document.body.append(element);
  element.text = text;
  element.labels = LABELS;
  element.annotations = annotations;
  await element.updateComplete;
  return element;
}

/** Selects the code points [anchor, focus) (focus before anchor: a backwards selection). */
export function select(element: SourceText, anchor: number, focus: number): void {
  const [anchorNode, anchorOffset] = element.runs!.pointAt(anchor);
  const [focusNode, focusOffset] = element.runs!.pointAt(focus);
  window.getSelection()!.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
}

/** Records the details of every `name` event the element fires from now on. */
export function recordEvents(element: SourceText, name: string): unknown[] {
  const details: unknown[] = [];
  element.addEventListener(name, (e) => details.push((e as CustomEvent).detail));
  return details;
}

/** The highlighted run whose data-ids are exactly `ids` (innermost first). */
export function run(element: SourceText, ids: string): HTMLElement {
  const found = element.querySelector<HTMLElement>(`span[data-ids="${ids}"]`);
  if (!found) throw new Error(`no run with data-ids "${ids}"`);
  return found;
}

export function key(element: SourceText, keyName: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {key: keyName, bubbles: true, cancelable: true, ...init});
  element.dispatchEvent(event);
  return event;
}
