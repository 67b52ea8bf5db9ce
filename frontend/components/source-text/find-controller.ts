/*
 * Find in text (Ctrl+F / ⌘F): a find bar at the top of <cb-source-text>. Every hit is highlighted
 * (the CSS Custom Highlight API: no element is added to the text, so a query with thousands of
 * hits neither slows the text down nor disturbs the annotations' runs), the current hit more
 * strongly, scrolled to the middle. Enter goes to the next hit, Shift+Enter to the previous one,
 * Alt + a label's hotkey turns the current hit into a span with that label (cb-tag, snapped as a
 * selection is), Esc closes the bar and leaves the current hit selected in the text.
 */
import type {ReactiveController} from 'lit';
import type {CaretController} from './caret-controller.js';
import {describeHits, findAll, highlightWindow, hitFrom, type Hits, NO_HITS, stepHit} from './find.js';
import type {SourceTextHost} from './host.js';
import {labelForHotkey} from './keyboard-controller.js';
import type {TextSelectionController} from './selection-controller.js';
import {snapRange} from './snap.js';

/** At most this many hits are highlighted at once: those around the current one. */
export const MAX_PAINTED = 1000;

/** The names the hits are registered under in CSS.highlights (styled with ::highlight()). */
export const HIT = 'cb-find-hit';
export const CURRENT_HIT = 'cb-find-current';

type HighlightRegistry = Map<string, unknown>;
type HighlightConstructor = new (...ranges: Range[]) => unknown;

function registry(): HighlightRegistry | null {
  const css = (globalThis as {CSS?: {highlights?: HighlightRegistry}}).CSS;
  return css?.highlights && typeof (globalThis as {Highlight?: unknown}).Highlight === 'function' ? css.highlights : null;
}

/** The label hotkey a key press names regardless of Alt (which changes `key` on macOS: Alt+1 is "¡"). */
export function hotkeyOf(e: Pick<KeyboardEvent, 'key' | 'code'>): string {
  const code = e.code ?? '';
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (/^(Digit|Numpad)[0-9]$/.test(code)) return code.slice(-1);
  return e.key;
}

export class FindController implements ReactiveController {
  hits: Hits = NO_HITS;
  current = -1;
  matchCase = false;
  /** How long the last search took, with highlighting (ms); the find benchmark reads it. */
  lastFindMs = 0;
  private bar: HTMLElement | null = null;
  private input: HTMLInputElement | null = null;
  private count: HTMLElement | null = null;

  constructor(
    private readonly host: SourceTextHost,
    private readonly selection: TextSelectionController,
    private readonly caret: CaretController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.unpaint();
  }

  get isOpen(): boolean {
    return !!this.bar && !this.bar.hidden;
  }

  /** Opens the bar (with the selected text as the query, if a short one is selected) and focuses it. */
  open(): void {
    const bar = this.build();
    if (!bar || !this.input) return;
    const selected = this.selection.current();
    if (selected && selected.text.length <= 200 && !selected.text.includes('\n')) this.input.value = selected.text;
    bar.hidden = false;
    this.input.focus();
    this.input.select();
    this.search();
  }

  /** Closes the bar; with `keepHit` the current hit becomes the text selection, the caret at its end. */
  close(keepHit: boolean): void {
    if (!this.bar || this.bar.hidden) return;
    this.bar.hidden = true;
    const k = this.current;
    this.unpaint();
    this.host.focus({preventScroll: true});
    if (keepHit && k >= 0 && k < this.hits.count) {
      this.selection.setDomSelection(this.hits.starts[k], this.hits.ends[k]);
      this.selection.report(false);
      this.caret.placeAt(this.hits.ends[k], false);
    } else {
      this.caret.draw(false);
    }
  }

  /** Looks for the query in the text again and goes to the hit at or after the caret. */
  search(): void {
    if (!this.input) return;
    const started = performance.now();
    this.hits = findAll(this.host.index, this.input.value, this.matchCase);
    this.current = hitFrom(this.hits, this.caret.caret);
    this.show(true);
    this.lastFindMs = performance.now() - started;
  }

  /** Goes to the next (1) or previous (-1) hit, wrapping around. */
  step(direction: 1 | -1): void {
    this.current = stepHit(this.hits, this.current, direction);
    this.show(true);
  }

  /** After the text was drawn anew: a new text is searched again; new runs get their hits painted again. */
  textChanged(full: boolean): void {
    if (!this.isOpen) return;
    if (full) this.search();
    else this.show(false);
  }

  /** Turns the current hit into a span with `label` (cb-tag), snapped as a selection would be. */
  tagCurrent(label: string): boolean {
    const k = this.current;
    if (k < 0 || k >= this.hits.count) return false;
    const range = snapRange(this.host.index, this.hits.starts[k], this.hits.ends[k], this.host.snapToWords);
    if (!range) return false;
    this.host.fire('cb-tag', {start: range.start, end: range.end, label});
    return true;
  }

  private show(scroll: boolean): void {
    if (this.count) this.count.textContent = describeHits(this.hits, this.current);
    this.bar?.classList.toggle('cb-find-none', !!this.hits.query && this.hits.count === 0);
    this.paint();
    if (scroll && this.current >= 0) this.scrollToCurrent();
  }

  /** Highlights the hits around the current one, and the current one apart. */
  private paint(): void {
    const highlights = registry();
    const runs = this.host.runs;
    if (!highlights || !runs || runs.isEmpty) return;
    const Highlight = (globalThis as unknown as {Highlight: HighlightConstructor}).Highlight;
    const [first, last] = highlightWindow(this.hits, this.current, MAX_PAINTED);
    const ranges: Range[] = [];
    for (let k = first; k < last; k++) if (k !== this.current) ranges.push(this.rangeOf(k));
    highlights.set(HIT, new Highlight(...ranges));
    if (this.current >= 0) highlights.set(CURRENT_HIT, new Highlight(this.rangeOf(this.current)));
    else highlights.delete(CURRENT_HIT);
  }

  private unpaint(): void {
    const highlights = registry();
    highlights?.delete(HIT);
    highlights?.delete(CURRENT_HIT);
  }

  private rangeOf(k: number): Range {
    const runs = this.host.runs!;
    const range = document.createRange();
    const [startNode, startOffset] = runs.pointAt(this.hits.starts[k]);
    const [endNode, endOffset] = runs.pointAt(this.hits.ends[k]);
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range;
  }

  /** Brings the current hit to the middle of the text's view, if it is not in view already. */
  private scrollToCurrent(): void {
    const host = this.host;
    const place = (): boolean => {
      const rect = this.rangeOf(this.current).getBoundingClientRect();
      const view = host.getBoundingClientRect();
      const top = view.top + (this.bar?.offsetHeight ?? 0);
      if (rect.height > 0 && rect.top >= top && rect.bottom <= view.bottom) return true;
      host.scrollTop += rect.top - (top + view.bottom) / 2;
      return false;
    };
    // the chunks off screen have estimated heights: look again once the new place is laid out
    if (!place()) requestAnimationFrame(() => place());
  }

  /** Creates the bar in the element's `.cb-find` placeholder, once. */
  private build(): HTMLElement | null {
    if (this.bar) return this.bar;
    const bar = this.host.querySelector<HTMLElement>(':scope > .cb-find');
    if (!bar) return null;
    bar.setAttribute('role', 'search');
    const input = document.createElement('input');
    input.type = 'search';
    input.className = 'cb-find-input';
    input.placeholder = 'Find in text';
    input.setAttribute('aria-label', 'Find in text');
    input.spellcheck = false;
    const count = document.createElement('span');
    count.className = 'cb-find-count';
    count.setAttribute('aria-live', 'polite');
    const caseToggle = this.button('Aa', 'Match case', 'cb-find-case', () => {
      this.matchCase = !this.matchCase;
      caseToggle.setAttribute('aria-pressed', String(this.matchCase));
      this.search();
      input.focus();
    });
    caseToggle.setAttribute('aria-pressed', 'false');
    const previous = this.button('↑', 'Previous hit (Shift+Enter)', 'cb-find-previous', () => this.step(-1));
    const next = this.button('↓', 'Next hit (Enter)', 'cb-find-next', () => this.step(1));
    const close = this.button('×', 'Close (Esc)', 'cb-find-close', () => this.close(false));
    const hint = document.createElement('span');
    hint.className = 'cb-find-hint';
    hint.textContent = 'Alt + label key: tag the hit';
    bar.append(input, count, caseToggle, previous, next, close, hint);
    input.addEventListener('input', () => this.search());
    input.addEventListener('keydown', this.onKeyDown);
    this.bar = bar;
    this.input = input;
    this.count = count;
    return bar;
  }

  private button(text: string, title: string, className: string, action: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.textContent = text;
    button.title = title;
    button.setAttribute('aria-label', title);
    button.addEventListener('click', action);
    return button;
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      this.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close(true);
    } else if (e.altKey && !e.ctrlKey && !e.metaKey) {
      const label = labelForHotkey(this.host.labels, hotkeyOf(e));
      if (label && !e.repeat) {
        e.preventDefault();
        this.tagCurrent(label.name);
      }
    }
  };
}
