/*
 * The text selection of <cb-source-text>: reads the browser's selection as code points, snaps
 * it, reports it with cb-selection when the person finishes it (mouse up, Shift+caret keys released,
 * Ctrl/⌘+A), and selects an annotation on a plain click.
 */
import type {ReactiveController} from 'lit';
import type {SourceTextHost} from './host.js';
import {clickTarget, type LastClick} from './navigation.js';
import {snapRange} from './snap.js';
import type {RunSlice, RunSpan} from './text-runs.js';
import {coveringHighlights} from './tooltip-controller.js';
import type {CodePointRange, TextSelection} from './types.js';

/** A selection in code points with its direction: anchor where it began, focus where it ends. */
export interface DirectedRange extends CodePointRange {
  anchor: number;
  focus: number;
}

/** A selection's anchor and focus in code points, kept across a redraw of the runs under it. */
export interface SavedSelection {
  anchor: number;
  focus: number;
}

/** The pointer travels farther than this (px) between press and release: a drag, not a click. */
const DRAG_DISTANCE = 3;

export class TextSelectionController implements ReactiveController {
  /** The selection last reported with cb-selection, until it is reported cleared. */
  lastReported: CodePointRange | null = null;
  /** Where the primary button went down inside the text, while it is down. */
  private pressedAt: {x: number; y: number} | null = null;
  private dragged = false;
  private extendingByKeyboard = false;
  private lastClick: LastClick | null = null;

  constructor(private readonly host: SourceTextHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('mousedown', this.onMouseDown);
    this.host.addEventListener('click', this.onClick);
    this.host.addEventListener('keyup', this.onKeyUp);
    document.addEventListener('selectionchange', this.onSelectionChange);
    document.addEventListener('mouseup', this.onMouseUp, true);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('mousedown', this.onMouseDown);
    this.host.removeEventListener('click', this.onClick);
    this.host.removeEventListener('keyup', this.onKeyUp);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    document.removeEventListener('mouseup', this.onMouseUp, true);
  }

  /** Whether the primary button is down after a press inside the text. */
  get isPointerDown(): boolean {
    return this.pressedAt !== null;
  }

  private get container(): HTMLElement | null {
    return this.host.runs?.container ?? null;
  }

  /** The browser's selection inside the text in code points, unsnapped; null if none or collapsed. */
  raw(): DirectedRange | null {
    const runs = this.host.runs;
    const selection = window.getSelection();
    if (!runs || !selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (range.collapsed || !range.intersectsNode(runs.container)) return null;
    const start = runs.codePointAt(range.startContainer, range.startOffset, false);
    const end = runs.codePointAt(range.endContainer, range.endOffset, true);
    if (end <= start) return null;
    const backwards =
      selection.anchorNode != null &&
      selection.focusNode != null &&
      (selection.anchorNode !== range.startContainer || selection.anchorOffset !== range.startOffset);
    return {start, end, anchor: backwards ? end : start, focus: backwards ? start : end};
  }

  /** The current selection, snapped and trimmed; null if nothing is left. */
  snapped(): CodePointRange | null {
    const raw = this.raw();
    return raw ? snapRange(this.host.index, raw.start, raw.end, this.host.snapToWords) : null;
  }

  /** The current selection, snapped, with its text; null if none. */
  current(): TextSelection | null {
    const range = this.snapped();
    return range ? {...range, text: this.host.index.slice(range.start, range.end)} : null;
  }

  /** Sets the browser's selection from `anchor` to `focus` (code points). */
  setDomSelection(anchor: number, focus: number): void {
    const runs = this.host.runs;
    const selection = window.getSelection();
    if (!runs || !selection) return;
    const [anchorNode, anchorOffset] = runs.pointAt(anchor);
    const [focusNode, focusOffset] = runs.pointAt(focus);
    selection.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
  }

  /** Whether the browser's selection touches the text. */
  private touchesText(): boolean {
    const container = this.container;
    const selection = window.getSelection();
    return !!(selection && selection.rangeCount && container && selection.getRangeAt(0).intersectsNode(container));
  }

  /** Removes the browser's selection if it touches the text. */
  private removeDomSelection(): void {
    if (this.touchesText()) window.getSelection()?.removeAllRanges();
  }

  /** Drops a selection that touches the text without reporting it (when moving to an annotation). */
  drop(): void {
    if (!this.touchesText()) return;
    this.lastReported = null;
    window.getSelection()?.removeAllRanges();
  }

  /** Clears the selection without an event (the public clearSelection). */
  clear(): void {
    this.lastReported = null;
    this.removeDomSelection();
  }

  /** Escape: forgets the click cycle and clears the selection; true if a reported selection was cleared. */
  dismiss(): boolean {
    this.lastClick = null;
    const hadReported = this.lastReported != null;
    this.lastReported = null;
    this.removeDomSelection();
    return hadReported;
  }

  /** After a full render: a reported selection past the end of the new text is forgotten. */
  keepWithin(length: number): void {
    if (this.lastReported && this.lastReported.end > length) this.lastReported = null;
  }

  /** The selection's anchor and focus if either lies in the runs of `slice`, to restore after redrawing them. */
  saveIn(slice: RunSlice): SavedSelection | null {
    const runs = this.host.runs;
    const selection = window.getSelection();
    if (!runs || !selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
    const {anchorNode, focusNode} = selection;
    if (!runs.sliceContains(slice, anchorNode) && !runs.sliceContains(slice, focusNode)) return null;
    if (!runs.container.contains(anchorNode) && !runs.container.contains(focusNode)) return null;
    return {
      anchor: runs.codePointAt(anchorNode, selection.anchorOffset, false),
      focus: runs.codePointAt(focusNode, selection.focusOffset, false),
    };
  }

  restore(saved: SavedSelection | null): void {
    if (!saved) return;
    try {
      this.setDomSelection(saved.anchor, saved.focus);
    } catch {
      /* the text changed under it: the selection is dropped */
    }
  }

  /** Ctrl/⌘+A: selects the whole text and reports it. */
  selectAll(): void {
    if (!this.host.runs || this.host.runs.isEmpty) return;
    this.setDomSelection(0, this.host.index.length);
    this.report(false);
  }

  /** The selection inside the text with its direction (code points, unsnapped); null if none or collapsed. */
  directed(): DirectedRange | null {
    return this.raw();
  }

  /**
   * A Shift+caret key: selects from `anchor` to `focus` (code points) in the browser; reported
   * (snapped) when the key is released.
   */
  extendTo(anchor: number, focus: number): void {
    if (anchor === focus) {
      this.removeDomSelection();
    } else {
      this.setDomSelection(anchor, focus);
    }
    this.extendingByKeyboard = true;
  }

  /** A plain caret key with text selected: the selection goes and is reported cleared. */
  collapse(): void {
    this.removeDomSelection();
    this.reportCleared();
  }

  /** Reports the finished selection (cb-selection); with `adjustDom` the browser's selection shows the snapped range. */
  report(adjustDom: boolean): void {
    const raw = this.raw();
    const range = raw ? snapRange(this.host.index, raw.start, raw.end, this.host.snapToWords) : null;
    if (!range) {
      if (raw && adjustDom) window.getSelection()?.removeAllRanges();
      this.reportCleared();
      return;
    }
    if (adjustDom && raw && (raw.start !== range.start || raw.end !== range.end)) {
      const backwards = raw.anchor > raw.focus;
      this.setDomSelection(backwards ? range.end : range.start, backwards ? range.start : range.end);
    }
    this.lastReported = {start: range.start, end: range.end};
    if (this.host.selectedId != null) this.host.selectedId = null;
    this.host.fire('cb-selection', {...range, text: this.host.index.slice(range.start, range.end)});
  }

  /** Reports that the selection is gone (start and end -1), once. */
  reportCleared(): void {
    if (!this.lastReported) return;
    this.lastReported = null;
    this.host.fire('cb-selection', {start: -1, end: -1, text: ''});
  }

  private readonly onSelectionChange = (): void => {
    if (!this.lastReported || this.pressedAt) return;
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !this.raw()) this.reportCleared();
  };

  private readonly onMouseDown = (e: MouseEvent): void => {
    if (e.button !== 0 || !this.container?.contains(e.target as Node)) return;
    this.pressedAt = {x: e.clientX, y: e.clientY};
    this.dragged = false;
  };

  private readonly onMouseUp = (e: MouseEvent): void => {
    const pressedAt = this.pressedAt;
    if (!pressedAt) {
      // a drag that began outside the text and ended over it
      if (e.button === 0 && this.container?.contains(e.target as Node)) {
        this.dragged = true;
        this.report(true);
      }
      return;
    }
    this.pressedAt = null;
    this.dragged =
      Math.abs(e.clientX - pressedAt.x) > DRAG_DISTANCE || Math.abs(e.clientY - pressedAt.y) > DRAG_DISTANCE;
    this.report(true);
  };

  private readonly onKeyUp = (e: KeyboardEvent): void => {
    if (!this.extendingByKeyboard) return;
    if (e.key === 'Shift' || e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') {
      this.extendingByKeyboard = false;
      this.report(false);
    }
  };

  /** A plain click on a highlighted run selects its innermost annotation, or cycles outwards. */
  private readonly onClick = (e: MouseEvent): void => {
    const container = this.container;
    if (!container || !container.contains(e.target as Node)) return;
    if (this.dragged || e.shiftKey || e.detail > 1 || e.button !== 0) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && this.raw()) return;
    const run = (e.target as Element).closest?.('span[data-ids]') as RunSpan | null;
    if (!run || !container.contains(run)) return;
    const covering = coveringHighlights(run, (id) => this.host.highlights.get(id));
    if (!covering.length) return;
    const pick = clickTarget(covering, run.runStart, this.lastClick, this.host.selectedId);
    this.lastClick = {runStart: run.runStart, id: pick.id};
    this.host.selectHighlight(pick, false);
  };
}
