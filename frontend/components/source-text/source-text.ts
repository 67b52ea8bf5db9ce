/*
 * <cb-source-text>: the annotatable source text of Corroborate.
 *
 * Renders a long plain text (the text is DATA: only text nodes are ever built from it) with
 * annotations drawn as highlights. Overlapping annotations get lanes: one underline per lane
 * below the text, plus a light tint of the innermost annotation.
 *
 * Every offset in the public API (properties, methods, events) counts Unicode CODE POINTS from
 * 0, start inclusive, end exclusive; CodePointIndex converts to the DOM's UTF-16.
 *
 * The element renders into its LIGHT DOM (so window.getSelection() works) and injects one
 * scoped <style> (styles.ts). The pieces: the highlights and their lanes (highlights.ts,
 * lanes.ts), the runs the text is cut into (run-plan.ts) and drawn as (text-runs.ts), and the
 * controllers for the text selection and clicks, the caret, the keys, find in text, the tooltip
 * and the selection box, and the keymap overlay.
 *
 * Events (bubbling, composed; detail in code points):
 *   cb-selection            {start, end, text}   a finished text selection; start -1 when cleared
 *   cb-tag                  {start, end, label}  a label's hotkey pressed with text selected, or Alt+hotkey
 *                                                in the find bar (the current hit)
 *   cb-annotation-selected  {id}                 an annotation clicked or reached with the arrows
 *   cb-open                 {id}                 Enter on an annotation: open it in the editor, focus there
 *   cb-delete               {id}                 Delete or Backspace with an annotation selected
 *   cb-escape               {}                   Escape
 *   cb-link-start           {from}               link mode started (L with an annotation selected, or startLink)
 *   cb-link                 {from, to}           a link chosen: a click on another highlight in link mode, or
 *                                                Enter on the target reached with ] / [
 *   cb-link-cancel          {}                   link mode left without a link (Escape, cancelLink)
 *
 *   cb-caret-page           {page, pages}        the caret moved onto another page (paged sources only)
 *
 * Pages (the `pageStarts` property, code points) are drawn as page breaks: each page from the second
 * begins a block marked "Page N" by CSS generated content, which is neither text nor selectable, so
 * offsets and selections are those of the text alone (pages.ts).
 *
 * Relations (the `relations` property) are drawn as labelled arcs between their annotations'
 * highlights (relation-layer.ts, laid out by relation-arcs.ts).
 */
import {html, LitElement, type PropertyValues} from 'lit';
import {customElement, property} from 'lit/decorators.js';
import {CodePointIndex} from './cp-index.js';
import {HighlightSet} from './highlights.js';
import type {SourceTextHost} from './host.js';
import {CaretController} from './caret-controller.js';
import {FindController} from './find-controller.js';
import {KeyboardController} from './keyboard-controller.js';
import {type KeymapGroup, KeymapOverlay} from './keymap-overlay.js';
import {safeColor} from './run-classes.js';
import {TextSelectionController} from './selection-controller.js';
import {SelectionOverlayController} from './selection-overlay.js';
import './keys-styles.js';
import {ensureStyles} from './styles.js';
import {cleanPageStarts, pageAt} from './pages.js';
import {TextRuns} from './text-runs.js';
import {describeHighlight, TooltipController} from './tooltip-controller.js';
import {RelationLayerController} from './relation-layer.js';
import type {CodePointRange, Highlight, SourceAnnotation, SourceLabel, SourceRelation, TextSelection} from './types.js';

export type {SourceAnnotation, SourceLabel, SourceRelation, TextSelection} from './types.js';

@customElement('cb-source-text')
export class SourceText extends LitElement implements SourceTextHost {
  /** Selections are snapped to whole words and trimmed when they are finished. */
  @property({type: Boolean, attribute: 'snap-to-words'}) snapToWords = true;

  /** The selected annotation's id (emphasised with a box). */
  @property({attribute: false}) selectedId: string | null = null;

  /** Alt+T and Ctrl/⌘+F work wherever the focus is on the page (the workspace sets it). */
  @property({type: Boolean, attribute: 'global-keys'}) globalKeys = false;

  /** The keys the ? overlay lists (the server's Keymap). */
  @property({attribute: false}) keymap: KeymapGroup[] = [];

  /** How long the last full render took (ms); the workspace benchmark reads it. */
  lastRenderMs = 0;

  readonly highlights = new HighlightSet(safeColor);
  index = new CodePointIndex('');
  runs: TextRuns | null = null;
  tooltipElement: HTMLElement | null = null;
  overlayLayer: HTMLElement | null = null;
  private liveRegion: HTMLElement | null = null;

  private _text = '';
  private _labels: SourceLabel[] = [];
  private _annotations: SourceAnnotation[] = [];
  private _relations: SourceRelation[] = [];
  private _pageStarts: number[] = [];
  /** The page the caret was last reported on (cb-caret-page), 0 before any report. */
  private caretPage = 0;
  /** Link mode: the annotation a link being made starts at, and the target in view. */
  linkFrom: string | null = null;
  linkTarget: string | null = null;
  /** A new text, labels or annotations array waits to be drawn from scratch. */
  private needsFullRender = true;

  // Lit controllers: each registers itself with this element and adds its listeners on connect.
  private readonly selection = new TextSelectionController(this);
  private readonly tooltip = new TooltipController(this, () => this.selection.isPointerDown);
  private readonly overlay = new SelectionOverlayController(this);
  private readonly caret = new CaretController(this, this.selection);
  private readonly arcs = new RelationLayerController(this);
  private readonly find = new FindController(this, this.selection, this.caret);
  private readonly keys = new KeyboardController(this, {
    selection: this.selection,
    tooltip: this.tooltip,
    caret: this.caret,
    find: this.find,
    overlay: this.overlay,
    keymap: new KeymapOverlay(this),
  });

  /** The full text (LF line endings). Setting it re-renders everything. */
  @property({attribute: false})
  get text(): string {
    return this._text;
  }
  set text(value: string) {
    this._text = value == null ? '' : String(value);
    this.needsFullRender = true;
  }

  /** The label scheme. Setting it re-renders everything. */
  @property({attribute: false})
  get labels(): SourceLabel[] {
    return this._labels;
  }
  set labels(value: SourceLabel[]) {
    this._labels = Array.isArray(value) ? value : [];
    this.needsFullRender = true;
  }

  /** All annotations; setting the array re-renders everything (opening a source). */
  @property({attribute: false})
  get annotations(): SourceAnnotation[] {
    return this._annotations;
  }
  set annotations(value: SourceAnnotation[]) {
    this._annotations = Array.isArray(value) ? value : [];
    this.highlights.replaceAll(this._annotations);
    this.needsFullRender = true;
  }

  /**
   * Where the pages begin (code points, ascending; page 1's 0 may be included), empty for a text
   * without pages. Setting it re-renders everything.
   */
  @property({attribute: false})
  get pageStarts(): number[] {
    return this._pageStarts;
  }
  set pageStarts(value: number[]) {
    this._pageStarts = Array.isArray(value) ? value.map(Number) : [];
    this.caretPage = 0;
    this.needsFullRender = true;
  }

  /** The page (from 1) holding code point `offset`; 0 for a text without pages. */
  pageOf(offset: number): number {
    return pageAt(this._pageStarts, offset);
  }

  /** The caret is at `offset` now: fires cb-caret-page when that is another page than last told. */
  caretMovedTo(offset: number): void {
    if (!this._pageStarts.length) return;
    const page = this.pageOf(offset);
    if (page === this.caretPage) return;
    this.caretPage = page;
    this.fire('cb-caret-page', {page, pages: this.pageOf(Number.MAX_SAFE_INTEGER)});
  }

  /** The relations between the annotations, drawn as labelled arcs; setting the array redraws them. */
  @property({attribute: false})
  get relations(): SourceRelation[] {
    return this._relations;
  }
  set relations(value: SourceRelation[]) {
    this._relations = Array.isArray(value) ? value : [];
    this.arcs.schedule();
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode();
    ensureStyles(root instanceof ShadowRoot ? root : document);
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('role')) this.setAttribute('role', 'document');
  }

  protected override render() {
    // a static skeleton; the text container is filled imperatively
    return html`<div class="cb-find" hidden></div><div class="cb-text"></div><div
        class="cb-layer"
        aria-hidden="true"
      ></div><div class="cb-caret" aria-hidden="true" hidden></div><div
        class="cb-tip"
        role="tooltip"
        hidden
      ></div><div class="cb-live" aria-live="polite"></div><div class="cb-keys" hidden></div>`;
  }

  protected override firstUpdated(): void {
    this.runs = new TextRuns(this.querySelector(':scope > .cb-text')!, (id) => this.highlights.laneOf(id));
    this.overlayLayer = this.querySelector(':scope > .cb-layer');
    this.tooltipElement = this.querySelector(':scope > .cb-tip');
    this.liveRegion = this.querySelector(':scope > .cb-live');
  }

  protected override willUpdate(): void {
    // a full render drops the selection of an annotation that is gone (without a second update)
    if (this.needsFullRender && this.selectedId != null && !this.highlights.given.has(String(this.selectedId))) {
      this.selectedId = null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.needsFullRender) this.renderAll();
    if (changed.has('selectedId') || changed.has('text') || changed.has('annotations')) this.overlay.draw();
    this.arcs.schedule();
  }

  /* ------------------------------------------------------------------ public API */

  /** Adds or replaces one annotation; redraws only the runs of its old and new extent. */
  upsertAnnotation(annotation: SourceAnnotation): void {
    if (!annotation || annotation.id == null) return;
    const id = String(annotation.id);
    this.highlights.given.set(id, annotation);
    if (this.needsFullRender || !this.runs) {
      this.requestUpdate();
      return;
    }
    this.redraw(this.highlights.upsert(annotation));
    if (this.selectedId === id) this.overlay.schedule();
  }

  /** Removes one annotation; redraws only the runs of its extent. */
  removeAnnotation(id: string): void {
    id = String(id);
    if (!this.highlights.given.has(id)) return;
    if (this.selectedId === id) this.selectedId = null;
    if (this.linkFrom === id) this.cancelLink();
    if (this.linkTarget === id) this.linkTarget = null;
    if (this.needsFullRender || !this.runs) {
      this.highlights.given.delete(id);
      this.requestUpdate();
      return;
    }
    this.redraw(this.highlights.remove(id));
  }

  /** Scrolls the annotation into view and selects it (fires no event). */
  scrollToAnnotation(id: string): void {
    if (this.needsFullRender || !this.runs) {
      this.updateComplete.then(() => this.scrollToAnnotation(id));
      return;
    }
    const highlight = this.highlights.get(id);
    if (!highlight) return;
    this.selectedId = highlight.id;
    this.scrollToHighlight(highlight, 'center');
    this.overlay.flash();
    this.overlay.schedule();
  }

  /**
   * Brings the range [start, end) (code points) to the middle of the view, as a link to a place in
   * the text asks: the annotation with exactly that span, when one is shown, is selected as a click
   * would (fires `cb-annotation-selected`); otherwise the range itself is selected as text.
   */
  revealRange(start: number, end: number): void {
    if (this.needsFullRender || !this.runs) {
      this.updateComplete.then(() => this.revealRange(start, end));
      return;
    }
    const from = Math.max(0, Math.min(start, this.index.length));
    const to = Math.max(from, Math.min(end, this.index.length));
    const exact = this.highlights.laneOrdered.find((h) => h.start === from && h.end === to);
    if (exact) {
      this.selectHighlight(exact, false);
      this.scrollToHighlight(exact, 'center');
      return;
    }
    this.selectedId = null;
    this.selection.setDomSelection(from, to);
    const run = this.runs.runNodeAt(from);
    const element = run && (run.nodeType === Node.TEXT_NODE ? run.parentElement : (run as HTMLElement));
    element?.scrollIntoView({block: 'center', inline: 'nearest'});
  }

  /**
   * Starts link mode at an annotation: a click on another highlight, or ] / [ to a target and Enter,
   * chooses the other end (cb-link); Escape leaves it (cb-link-cancel). Fires cb-link-start.
   */
  startLink(fromId: string): void {
    const from = this.highlights.get(String(fromId));
    if (!from) return;
    this.linkFrom = from.id;
    this.linkTarget = null;
    this.selectedId = from.id;
    this.classList.add('cb-linking');
    this.announce(`Linking from ${describeHighlight(from, this._labels)}. Move to the other annotation with ] or [ and press Enter, or click it; Escape cancels.`);
    this.arcs.schedule();
    this.fire('cb-link-start', {from: from.id});
  }

  /** Leaves link mode without a link; fires cb-link-cancel (nothing when not linking). */
  cancelLink(): void {
    if (this.linkFrom == null) return;
    this.endLink();
    this.announce('Linking cancelled.');
    this.fire('cb-link-cancel', {});
  }

  /** Links the start of link mode to the target in view (fires cb-link) and leaves link mode. */
  finishLink(): void {
    const from = this.linkFrom;
    const to = this.linkTarget;
    if (from == null || to == null || from === to) return;
    this.endLink();
    this.fire('cb-link', {from, to});
  }

  private endLink(): void {
    this.linkFrom = null;
    this.linkTarget = null;
    this.classList.remove('cb-linking');
    this.arcs.schedule();
  }

  /** Focuses the text and shows its caret where it was left (Alt+T, the "Skip to text" link). */
  focusText(): void {
    this.focus({preventScroll: true});
    this.caret.draw(true);
  }

  /** Opens the find bar (as Ctrl/⌘+F does). */
  openFind(): void {
    this.find.open();
  }

  /** How long the last find took, highlighting included (ms); the find benchmark reads it. */
  get lastFindMs(): number {
    return this.find.lastFindMs;
  }

  /** Where the caret is (code points). */
  get caretOffset(): number {
    return this.caret.caret;
  }

  /** Removes the text selection inside the component (fires no event). */
  clearSelection(): void {
    this.selection.clear();
  }

  /** The current text selection (after snapping) in code points, or null. */
  getTextSelection(): TextSelection | null {
    return this.selection.current();
  }

  /* ------------------------------------------------------- for the controllers */

  fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, {detail, bubbles: true, composed: true}));
  }

  selectHighlight(highlight: Highlight, byKeyboard: boolean): void {
    if (this.linkFrom != null) {
      // link mode: the arrows pick a target, a click links to the highlight clicked
      if (highlight.id === this.linkFrom) return;
      this.linkTarget = highlight.id;
      if (byKeyboard) {
        this.scrollToHighlight(highlight, 'nearest');
        this.announce(`Link to ${describeHighlight(highlight, this._labels)}? Enter links, Escape cancels.`);
        this.arcs.schedule();
      } else {
        this.finishLink();
      }
      return;
    }
    this.selectedId = highlight.id;
    if (byKeyboard) {
      this.scrollToHighlight(highlight, 'nearest');
      this.tooltip.showFor(highlight);
    }
    this.announce(describeHighlight(highlight, this._labels));
    this.fire('cb-annotation-selected', {id: highlight.id});
  }

  private announce(text: string): void {
    if (this.liveRegion) this.liveRegion.textContent = text;
  }

  /* ------------------------------------------------------------------ drawing */

  private scrollToHighlight(highlight: Highlight, block: ScrollLogicalPosition): void {
    const run = this.runs?.runNodeAt(highlight.start);
    const element = run && (run.nodeType === Node.TEXT_NODE ? run.parentElement : (run as HTMLElement));
    element?.scrollIntoView({block, inline: 'nearest'});
  }

  private renderAll(): void {
    const runs = this.runs;
    if (!runs) return;
    const startedAt = performance.now();
    this.needsFullRender = false;
    this.index = new CodePointIndex(this._text);
    this.highlights.layout(this.index.length, this._labels);
    this.overlay.unobserveChunks(runs.chunkElements);
    this.arcs.unobserveChunks(runs.chunkElements);
    runs.renderAll(this._text, this.index, this.highlights.laneOrdered, cleanPageStarts(this._pageStarts, this.index.length));
    this.overlay.observeChunks(runs.chunkElements);
    this.arcs.observeChunks(runs.chunkElements);
    this.selection.keepWithin(this.index.length);
    this.caret.keepWithin(this.index.length);
    this.find.textChanged(true);
    this.tooltip.hide();
    this.lastRenderMs = performance.now() - startedAt;
  }

  /** Redraws the runs over a changed range, keeping the person's text selection. */
  private redraw(changed: CodePointRange | null): void {
    const runs = this.runs;
    const slice = changed && runs?.slice(changed.start, changed.end);
    if (!runs || !slice) return;
    const saved = this.selection.saveIn(slice);
    runs.redraw(slice, this.highlights.laneOrdered);
    this.selection.restore(saved);
    this.find.textChanged(false);
    this.caret.schedule();
    this.tooltip.hideIfDetached();
    const selected = this.highlights.get(this.selectedId);
    if (selected && selected.start < slice.end && selected.end > slice.start) this.overlay.schedule();
    if (this._relations.length) this.arcs.schedule();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-source-text': SourceText;
  }
}
