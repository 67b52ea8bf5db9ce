/*
 * The caret of <cb-source-text>: a code point offset drawn as a thin blinking bar while the text
 * has the focus. The keys move it (caret.ts says where); Shift extends the selection from it; a
 * click or a mouse selection puts it where the browser's selection ends.
 */
import type {ReactiveController} from 'lit';
import {byCharacter, byLine, byWord, lineEnd, lineStart} from './caret.js';
import type {SourceTextHost} from './host.js';
import type {TextSelectionController} from './selection-controller.js';

/** How far one caret move goes. */
export type CaretStep = 'character' | 'word' | 'line' | 'lineboundary' | 'text';

type ModifiableSelection = Selection & {modify?: (alter: string, direction: string, granularity: string) => void};

export class CaretController implements ReactiveController {
  /** Where the caret is (code points). */
  caret = 0;
  private element: HTMLElement | null = null;
  private frame = 0;
  private observer: ResizeObserver | null = null;

  constructor(
    private readonly host: SourceTextHost,
    private readonly selection: TextSelectionController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.onSelectionChange);
    this.host.addEventListener('focus', this.schedule);
    this.observer ??= new ResizeObserver(this.schedule);
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.onSelectionChange);
    this.host.removeEventListener('focus', this.schedule);
    this.observer?.disconnect();
  }

  /** After the text was drawn anew: the caret stays inside it. */
  keepWithin(length: number): void {
    if (this.caret > length) this.caret = length;
    this.schedule();
  }

  /** Puts the caret at `codePoint` (clamped), without touching the selection, and shows it. */
  placeAt(codePoint: number, scroll = true): void {
    this.caret = Math.max(0, Math.min(this.host.index.length, codePoint));
    this.draw(scroll);
  }

  /**
   * Moves the caret one `step` forwards (1) or backwards (-1). With `extend` the selection grows
   * or shrinks from where it was anchored (the caret, if nothing was selected); without, a
   * selection collapses (← and → to its start or end) and is reported cleared.
   */
  move(step: CaretStep, direction: 1 | -1, extend: boolean): void {
    const runs = this.host.runs;
    if (!runs || runs.isEmpty) return;
    const range = this.selection.directed();
    const anchor = range ? range.anchor : this.caret;
    const focus = range ? range.focus : this.caret;
    let target: number;
    if (!extend && range && step === 'character') {
      target = direction > 0 ? Math.max(range.anchor, range.focus) : Math.min(range.anchor, range.focus);
    } else {
      target = this.target(step, direction, extend ? anchor : focus, focus, extend);
    }
    this.caret = target;
    if (extend) {
      this.selection.extendTo(anchor, target);
    } else if (range) {
      this.selection.collapse();
    }
    this.draw(true);
  }

  /** Where a step goes from `focus`: the browser's drawn lines when it can tell, else caret.ts. */
  private target(step: CaretStep, direction: 1 | -1, anchor: number, focus: number, extend: boolean): number {
    const index = this.host.index;
    switch (step) {
      case 'character':
        return byCharacter(index, focus, direction);
      case 'word':
        return byWord(index, focus, direction);
      case 'text':
        return direction > 0 ? index.length : 0;
      case 'line':
      case 'lineboundary': {
        const drawn = this.browserMove(step, direction, anchor, focus, extend);
        if (drawn != null) return drawn;
        if (step === 'line') return byLine(index, focus, direction);
        return direction > 0 ? lineEnd(index, focus) : lineStart(index, focus);
      }
    }
  }

  /**
   * The browser's own answer for a move by a drawn (wrapped) line or to a line's end, read back
   * from its selection; null where Selection.modify is missing or leaves the text.
   */
  private browserMove(step: 'line' | 'lineboundary', direction: 1 | -1, anchor: number, focus: number, extend: boolean): number | null {
    const selection = window.getSelection() as ModifiableSelection | null;
    const runs = this.host.runs;
    if (!selection || !runs || typeof selection.modify !== 'function') return null;
    try {
      this.selection.setDomSelection(extend ? anchor : focus, focus);
      selection.modify(extend ? 'extend' : 'move', direction > 0 ? 'forward' : 'backward', step);
      const node = selection.focusNode;
      if (!node || !runs.container.contains(node)) return null;
      const moved = runs.codePointAt(node, selection.focusOffset, false);
      if (!extend) selection.removeAllRanges();
      // the browser stayed put (the first or last drawn line, or no layout): the text's lines decide
      return moved === focus ? null : moved;
    } catch {
      return null;
    }
  }

  /** Follows a click or a mouse selection: the caret goes where the selection's focus is. */
  private readonly onSelectionChange = (): void => {
    const runs = this.host.runs;
    const selection = window.getSelection();
    if (!runs || !selection || !selection.focusNode || !runs.container.contains(selection.focusNode)) return;
    this.caret = runs.codePointAt(selection.focusNode, selection.focusOffset, false);
    this.schedule();
  };

  /** Redraws the caret at the next animation frame. */
  readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw(false);
    });
  };

  /** Draws the caret bar where the caret is; with `scroll` brings it into view. */
  draw(scroll: boolean): void {
    const host = this.host;
    const runs = host.runs;
    host.caretMovedTo(this.caret);
    const bar = (this.element ??= host.querySelector<HTMLElement>(':scope > .cb-caret'));
    if (!bar) return;
    // drawn only for a text with the focus (measuring the caret lays the text out: not while a source opens)
    if (!runs || runs.isEmpty || document.activeElement !== host) {
      bar.hidden = true;
      return;
    }
    const rect = caretRect(runs.pointAt(this.caret), this.caret > 0 ? runs.pointAt(byCharacter(host.index, this.caret, -1)) : null);
    if (!rect) {
      bar.hidden = true;
      return;
    }
    const box = host.getBoundingClientRect();
    bar.hidden = false;
    bar.style.left = `${rect.left - box.left - host.clientLeft + host.scrollLeft}px`;
    bar.style.top = `${rect.top - box.top - host.clientTop + host.scrollTop}px`;
    bar.style.height = `${Math.max(12, rect.height)}px`;
    // restart the blink, so the caret is seen at once where it went
    bar.classList.remove('cb-caret-moved');
    void bar.offsetWidth;
    bar.classList.add('cb-caret-moved');
    if (scroll) bar.scrollIntoView({block: 'nearest', inline: 'nearest'});
  }
}

/**
 * The screen rectangle of a caret at `point`: the collapsed range's own box, or, where the browser
 * gives none (the end of a run), the right edge of the character before it (`before`).
 */
function caretRect(point: [Node, number], before: [Node, number] | null): {left: number; top: number; height: number} | null {
  const range = document.createRange();
  range.setStart(point[0], point[1]);
  range.collapse(true);
  const own = range.getClientRects();
  if (own.length && own[0].height > 0) return {left: own[0].left, top: own[0].top, height: own[0].height};
  if (!before) {
    const r = range.getBoundingClientRect();
    return r.height > 0 ? {left: r.left, top: r.top, height: r.height} : null;
  }
  range.setStart(before[0], before[1]);
  range.setEnd(point[0], point[1]);
  const rects = range.getClientRects();
  const last = rects.length ? rects[rects.length - 1] : null;
  return last && last.height > 0 ? {left: last.right, top: last.top, height: last.height} : null;
}
