/*
 * The keys of <cb-source-text> (the workspace's keymap: org.corroborate.annotation.ui.Keymap).
 * In the text: the arrows, Home and End move the caret (Ctrl, or Alt on macOS, by word; Ctrl+Home
 * and Ctrl+End to the text's ends), Shift with any of them extends the selection from the caret;
 * ] and [ select the next or previous annotation; Enter opens the selected annotation (or the one
 * at the caret); a label's hotkey tags the selection; Ctrl/⌘+A selects all; Delete or Backspace
 * asks to delete the selected annotation; ? shows the keymap; Escape clears everything. L with an
 * annotation selected (and no text) starts a link from it: ] and [ then move to the target, Enter
 * links (cb-link), Escape cancels.
 * With `global-keys` set (the workspace), Alt+T anywhere (or following the page's "Skip to text"
 * link) focuses the text and Ctrl/⌘+F opens the find bar.
 */
import type {ReactiveController} from 'lit';
import type {CaretController, CaretStep} from './caret-controller.js';
import type {FindController} from './find-controller.js';
import type {SourceTextHost} from './host.js';
import type {KeymapOverlay} from './keymap-overlay.js';
import {navigationTarget} from './navigation.js';
import type {SelectionOverlayController} from './selection-overlay.js';
import type {TextSelectionController} from './selection-controller.js';
import type {TooltipController} from './tooltip-controller.js';
import {coveringHighlights} from './tooltip-controller.js';
import type {Highlight, SourceLabel} from './types.js';

/** The label whose hotkey is `key` (case-insensitive), if any. */
export function labelForHotkey(labels: readonly SourceLabel[], key: string): SourceLabel | undefined {
  const wanted = key.toLowerCase();
  return labels.find((l) => l.hotkey != null && l.hotkey !== '' && String(l.hotkey).toLowerCase() === wanted);
}

/** Whether the browser runs on macOS (Alt moves by word there, ⌘ takes Ctrl's place). */
export function isMac(): boolean {
  const platform = (navigator as Navigator & {userAgentData?: {platform?: string}}).userAgentData?.platform ?? navigator.platform ?? '';
  return /mac/i.test(platform);
}

/**
 * The caret move a key asks for, or null: the step and its direction. `mac` reads Alt as the word
 * modifier and ⌘+←/→ as the line's ends; elsewhere Alt+arrows are the browser's (back/forward).
 */
export function caretMove(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>,
  mac: boolean,
): {step: CaretStep; direction: 1 | -1} | null {
  const word = mac ? e.altKey && !e.ctrlKey && !e.metaKey : e.ctrlKey && !e.altKey && !e.metaKey;
  const plain = !e.ctrlKey && !e.altKey && !e.metaKey;
  const command = mac && e.metaKey && !e.ctrlKey && !e.altKey;
  switch (e.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const direction = e.key === 'ArrowRight' ? 1 : -1;
      if (plain) return {step: 'character', direction};
      if (word) return {step: 'word', direction};
      if (command) return {step: 'lineboundary', direction};
      return null;
    }
    case 'ArrowUp':
    case 'ArrowDown': {
      const direction = e.key === 'ArrowDown' ? 1 : -1;
      if (plain) return {step: 'line', direction};
      if (command) return {step: 'text', direction};
      return null;
    }
    case 'Home':
    case 'End': {
      const direction = e.key === 'End' ? 1 : -1;
      if (plain) return {step: 'lineboundary', direction};
      if ((mac ? e.metaKey : e.ctrlKey) && !e.altKey) return {step: 'text', direction};
      return null;
    }
    default:
      return null;
  }
}

/** The key that starts a link from the selected annotation (Keymap: "L"). */
export const LINK_KEY = 'l';

/** The parts of the element the keys work on. */
export interface KeyTargets {
  selection: TextSelectionController;
  tooltip: TooltipController;
  caret: CaretController;
  find: FindController;
  overlay: SelectionOverlayController;
  keymap: KeymapOverlay;
}

export class KeyboardController implements ReactiveController {
  private readonly mac = isMac();

  constructor(
    private readonly host: SourceTextHost,
    private readonly parts: KeyTargets,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
    document.addEventListener('keydown', this.onDocumentKeyDown, true);
    document.addEventListener('click', this.onDocumentClick, true);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
    document.removeEventListener('keydown', this.onDocumentKeyDown, true);
    document.removeEventListener('click', this.onDocumentClick, true);
  }

  /** The page's "Skip to text" link (a.cb-skip-to-text) focuses the text, as Alt+T does. */
  private readonly onDocumentClick = (e: MouseEvent): void => {
    if (!this.host.globalKeys || !this.host.isConnected) return;
    const link = (e.target as Element | null)?.closest?.('a.cb-skip-to-text');
    if (!link) return;
    e.preventDefault();
    e.stopPropagation();
    this.host.focusText();
  };

  /** Alt+T and Ctrl/⌘+F, wherever the focus is, when the element takes the workspace's keys. */
  private readonly onDocumentKeyDown = (e: KeyboardEvent): void => {
    if (!this.host.globalKeys || !this.host.isConnected || !this.host.runs) return;
    const code = e.code || '';
    if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (code === 'KeyT' || e.key === 't' || e.key === 'T')) {
      e.preventDefault();
      e.stopPropagation();
      this.host.focusText();
    } else if ((this.mac ? e.metaKey : e.ctrlKey) && !e.altKey && !e.shiftKey && (code === 'KeyF' || e.key === 'f' || e.key === 'F')) {
      e.preventDefault();
      e.stopPropagation();
      this.parts.find.open();
    }
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    // keys typed into the find bar or the keymap overlay are theirs
    if (e.target !== this.host) return;
    const key = e.key;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    const move = caretMove(e, this.mac);
    const linking = this.host.linkFrom != null;
    if (key === 'Escape' && linking) {
      e.preventDefault();
      this.host.cancelLink();
    } else if (key === 'Enter' && linking && plain && !e.shiftKey) {
      e.preventDefault();
      this.host.finishLink();
    } else if (key === 'Escape') {
      e.preventDefault();
      this.escape();
    } else if (plain && !e.shiftKey && key.toLowerCase() === LINK_KEY && !linking && this.mayStartLink()) {
      e.preventDefault();
      this.host.startLink(this.host.selectedId!);
    } else if (move) {
      e.preventDefault();
      this.parts.caret.move(move.step, move.direction, e.shiftKey);
    } else if ((key === ']' || key === '[') && plain) {
      e.preventDefault();
      this.navigate(key === ']' ? 1 : -1);
    } else if (key === 'Enter' && plain && !e.shiftKey) {
      e.preventDefault();
      this.open();
    } else if (key === '?' && plain) {
      e.preventDefault();
      this.parts.keymap.open(this.host.keymap);
    } else if ((key === 'Delete' || key === 'Backspace') && plain) {
      e.preventDefault();
      const selectedId = this.host.selectedId;
      if (selectedId != null && this.host.highlights.get(selectedId)) this.host.fire('cb-delete', {id: selectedId});
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'a' || key === 'A') && this.hasText()) {
      e.preventDefault();
      this.parts.selection.selectAll();
    } else if (plain && !e.repeat && key.length >= 1) {
      this.tag(e);
    }
  };

  /** L starts a link when an annotation is selected and no text is (with text selected, L may be a label's hotkey). */
  private mayStartLink(): boolean {
    const selectedId = this.host.selectedId;
    return selectedId != null && this.host.highlights.get(selectedId) != null && this.parts.selection.snapped() == null;
  }

  private hasText(): boolean {
    return this.host.runs != null && !this.host.runs.isEmpty;
  }

  /** Clears the text selection and the selected annotation; fires cb-selection (if one was reported) and cb-escape. */
  private escape(): void {
    const hadReported = this.parts.selection.dismiss();
    this.host.selectedId = null;
    this.parts.tooltip.hide();
    if (hadReported) this.host.fire('cb-selection', {start: -1, end: -1, text: ''});
    this.host.fire('cb-escape', {});
  }

  /** A label's hotkey with text selected fires cb-tag with the snapped selection. */
  private tag(e: KeyboardEvent): void {
    const label = labelForHotkey(this.host.labels, e.key);
    if (!label) return;
    const range = this.parts.selection.snapped();
    if (!range) return;
    e.preventDefault();
    this.host.fire('cb-tag', {start: range.start, end: range.end, label: label.name});
  }

  /**
   * ] / [: selects the next (1) or previous (-1) annotation after the selected one, or from the
   * caret when none is selected; the caret goes to its start, and its box flashes.
   */
  private navigate(direction: 1 | -1): void {
    const host = this.host;
    const ordered = host.highlights.navigationOrdered();
    if (!ordered.length) return;
    if (host.linkFrom != null) {
      // link mode: step from the target in view (or the start) to the next one, skipping the start
      let current = host.linkTarget ?? host.linkFrom;
      let target = ordered[navigationTarget(ordered, current, direction, this.parts.caret.caret)];
      if (target.id === host.linkFrom) {
        current = target.id;
        target = ordered[navigationTarget(ordered, current, direction, this.parts.caret.caret)];
      }
      if (target.id === host.linkFrom) return;
      this.parts.caret.placeAt(target.start, false);
      host.selectHighlight(target, true);
      return;
    }
    const hasCurrent = host.selectedId != null && ordered.some((h) => h.id === host.selectedId);
    const caret = this.parts.caret.caret;
    // the caret moved away from the selected annotation: go on from the caret
    const selected = hasCurrent ? host.highlights.get(host.selectedId) : undefined;
    const fromSelected = selected != null && caret >= selected.start && caret <= selected.end;
    this.parts.selection.drop();
    const target = ordered[navigationTarget(ordered, fromSelected ? host.selectedId : null, direction, direction > 0 ? caret + 1 : caret)];
    this.parts.caret.placeAt(target.start, false);
    this.parts.overlay.flash();
    if (target.id !== host.selectedId) host.selectHighlight(target, true);
    else this.parts.overlay.draw();
  }

  /** Enter: fires cb-open for the selected annotation if the caret is in it, else the innermost at the caret. */
  private open(): void {
    const target = this.atCaret();
    if (target) this.host.fire('cb-open', {id: target.id});
  }

  private atCaret(): Highlight | undefined {
    const host = this.host;
    const caret = this.parts.caret.caret;
    const selected = host.highlights.get(host.selectedId);
    if (selected && caret >= selected.start && caret <= selected.end) return selected;
    const run = host.runs?.runNodeAt(caret);
    if (!run || run.nodeType !== Node.ELEMENT_NODE) return undefined;
    return coveringHighlights(run as Element, (id) => host.highlights.get(id))[0];
  }
}
