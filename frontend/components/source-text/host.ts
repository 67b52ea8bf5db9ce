/*
 * What the controllers of <cb-source-text> see of the element.
 */
import type {ReactiveControllerHost} from 'lit';
import type {CodePointIndex} from './cp-index.js';
import type {HighlightSet} from './highlights.js';
import type {KeymapGroup} from './keymap-overlay.js';
import type {TextRuns} from './text-runs.js';
import type {Highlight, SourceLabel} from './types.js';

export interface SourceTextHost extends ReactiveControllerHost, HTMLElement {
  /** The code point index of the drawn text. */
  readonly index: CodePointIndex;
  readonly highlights: HighlightSet;
  /** The drawn text; null before the first render. */
  readonly runs: TextRuns | null;
  readonly labels: SourceLabel[];
  readonly snapToWords: boolean;
  selectedId: string | null;
  /** The element takes the workspace's keys (Alt+T, Ctrl/⌘+F) wherever the focus is. */
  readonly globalKeys: boolean;
  /** The keys the ? overlay lists. */
  readonly keymap: KeymapGroup[];
  /** The tooltip element; null before the first render. */
  readonly tooltipElement: HTMLElement | null;
  /** The layer the selection box is drawn in; null before the first render. */
  readonly overlayLayer: HTMLElement | null;
  /** Dispatches a bubbling, composed CustomEvent. */
  fire(name: string, detail: unknown): void;
  /** Focuses the text and shows its caret (Alt+T, the "Skip to text" link). */
  focusText(): void;
  /** Selects a highlight on behalf of the person and fires cb-annotation-selected (in link mode: see SourceText). */
  selectHighlight(highlight: Highlight, byKeyboard: boolean): void;
  /** While a link is being made (link mode): the annotation it starts at, and the target in view. */
  readonly linkFrom: string | null;
  readonly linkTarget: string | null;
  /** Starts link mode at an annotation (the L key, the workspace's Link button); fires cb-link-start. */
  startLink(fromId: string): void;
  /** Ends link mode without a link; fires cb-link-cancel. */
  cancelLink(): void;
  /** The caret went to `offset` (code points): the element tells which page that is on. */
  caretMovedTo(offset: number): void;
  /** Links the start to the target in view: fires cb-link {from, to} and ends link mode. */
  finishLink(): void;
}
