/*
 * The keys of <cb-source-text>: a label's hotkey tags the selection; Shift+arrows extend it
 * (Ctrl+Shift+←/→ by word); Ctrl/⌘+A selects all; the arrows move to the next or previous
 * annotation; Delete or Backspace asks to delete the selected one; Escape clears everything.
 */
import type {ReactiveController} from 'lit';
import type {SourceTextHost} from './host.js';
import {navigationTarget} from './navigation.js';
import type {TextSelectionController} from './selection-controller.js';
import type {TooltipController} from './tooltip-controller.js';
import type {SourceLabel} from './types.js';

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/** The label whose hotkey is `key` (case-insensitive), if any. */
export function labelForHotkey(labels: readonly SourceLabel[], key: string): SourceLabel | undefined {
  const wanted = key.toLowerCase();
  return labels.find((l) => l.hotkey != null && l.hotkey !== '' && String(l.hotkey).toLowerCase() === wanted);
}

export class KeyboardController implements ReactiveController {
  constructor(
    private readonly host: SourceTextHost,
    private readonly selection: TextSelectionController,
    private readonly tooltip: TooltipController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const key = e.key;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    const arrow = ARROWS.has(key);
    if (key === 'Escape') {
      e.preventDefault();
      this.escape();
    } else if (arrow && e.shiftKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.selection.extend(key, e.ctrlKey);
    } else if (arrow && plain && !e.shiftKey) {
      e.preventDefault();
      this.navigate(key === 'ArrowRight' || key === 'ArrowDown' ? 1 : -1);
    } else if ((key === 'Delete' || key === 'Backspace') && plain) {
      e.preventDefault();
      const selectedId = this.host.selectedId;
      if (selectedId != null && this.host.highlights.get(selectedId)) this.host.fire('cb-delete', {id: selectedId});
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'a' || key === 'A') && this.hasText()) {
      e.preventDefault();
      this.selection.selectAll();
    } else if (plain && !e.repeat && key.length >= 1) {
      this.tag(e);
    }
  };

  private hasText(): boolean {
    return this.host.runs != null && !this.host.runs.isEmpty;
  }

  /** Clears the text selection and the selected annotation; fires cb-selection (if one was reported) and cb-escape. */
  private escape(): void {
    const hadReported = this.selection.dismiss();
    this.host.selectedId = null;
    this.tooltip.hide();
    if (hadReported) this.host.fire('cb-selection', {start: -1, end: -1, text: ''});
    this.host.fire('cb-escape', {});
  }

  /** A label's hotkey with text selected fires cb-tag with the snapped selection. */
  private tag(e: KeyboardEvent): void {
    const label = labelForHotkey(this.host.labels, e.key);
    if (!label) return;
    const range = this.selection.snapped();
    if (!range) return;
    e.preventDefault();
    this.host.fire('cb-tag', {start: range.start, end: range.end, label: label.name});
  }

  /** Moves to the next (1) or previous (-1) annotation; without one selected, from the caret. */
  private navigate(direction: 1 | -1): void {
    const host = this.host;
    const ordered = host.highlights.navigationOrdered();
    if (!ordered.length) return;
    const hasCurrent = host.selectedId != null && ordered.some((h) => h.id === host.selectedId);
    let from = direction > 0 ? 0 : host.index.length;
    if (!hasCurrent) {
      const selection = window.getSelection();
      const runs = host.runs;
      if (runs && selection && selection.rangeCount && selection.focusNode && runs.container.contains(selection.focusNode)) {
        from = runs.codePointAt(selection.focusNode, selection.focusOffset, false);
      }
      this.selection.drop();
    }
    const target = ordered[navigationTarget(ordered, host.selectedId, direction, from)];
    if (target.id !== host.selectedId) host.selectHighlight(target, true);
  }
}
