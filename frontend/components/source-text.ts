/*
 * <cb-source-text> — the annotatable source text of Corroborate.
 *
 * Renders a long plain text (the text is DATA: only text nodes are ever built from
 * it) with annotations drawn as highlights. Overlapping annotations get lanes: one
 * underline per lane below the text, plus a light tint of the innermost annotation.
 *
 * Every offset in the public API (properties, methods, events) counts Unicode CODE
 * POINTS from 0, start inclusive, end exclusive. Internally the DOM uses UTF-16; the
 * CpIndex below converts in O(log n) with a table of the astral characters.
 *
 * The element renders into its LIGHT DOM (so window.getSelection() works) and
 * injects one <style id="cb-source-text-style"> into document.head (or into the
 * shadow root it is placed in), with all selectors scoped by the element name.
 */
import {LitElement, html, css} from 'lit';
import {customElement, property} from 'lit/decorators.js';

export interface SourceLabel {
  name: string;
  title: string;
  color: string;
  hotkey?: string;
}

export interface SourceAnnotation {
  id: string;
  start: number;
  end: number;
  label: string;
  color: string;
  mine: boolean;
  tooltip?: string;
}

/** A normalised annotation: clamped code point range, validated colour. */
interface NAnn {
  id: string;
  s: number;
  e: number;
  c: string;
  mine: boolean;
  src: SourceAnnotation;
  /** cached class names: lane class (for lane `ll`) and tint class */
  ll?: number;
  lc?: string;
  tc?: string;
}

/* ------------------------------------------------------------------ geometry */

/** Underline thickness / lane pitch (px). Lane i occupies [2+4i, 4+4i] px below the text. */
const LANE_PITCH = 4;
const LINE_THICK = 2;
/** Lanes 0..2 fit into the half-leadings of line-height 2.1; deeper runs grow their line. */
const LANES_IN_LEADING = 3;
/** Underline layers drawn; deeper lanes share the last layer. */
const MAX_LANES = 8;
/** Split the text into block chunks (at a line feed) of about this many UTF-16 units,
 *  so that an incremental update relayouts one small block, not the whole text. */
const CHUNK_TARGET = 2000;
const TOOLTIP_DELAY = 120;

/* ---------------------------------------------------------------- code points */

function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Converts between code point offsets and UTF-16 offsets of one string. */
class CpIndex {
  readonly cpLen: number;
  /** code point index of each astral (surrogate pair) character, ascending */
  private readonly astralCp: Int32Array;
  /** UTF-16 index of each astral character's high surrogate, ascending */
  private readonly astralU16: Int32Array;

  constructor(readonly text: string) {
    const pos: number[] = [];
    const re = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
    for (let m = re.exec(text); m; m = re.exec(text)) pos.push(m.index);
    this.astralU16 = Int32Array.from(pos);
    this.astralCp = new Int32Array(pos.length);
    for (let k = 0; k < pos.length; k++) this.astralCp[k] = pos[k] - k;
    this.cpLen = text.length - pos.length;
  }

  toU16(cp: number): number {
    if (this.astralCp.length === 0) return cp;
    return cp + lowerBound(this.astralCp, cp);
  }

  /** UTF-16 offset to code point offset; inside a surrogate pair rounds down, or up if roundUp. */
  toCp(u: number, roundUp = false): number {
    if (this.astralU16.length === 0) return u;
    const k = lowerBound(this.astralU16, u);
    if (k > 0 && this.astralU16[k - 1] === u - 1) return roundUp ? u + 1 - k : u - k;
    return u - k;
  }

  /** The substring between two code point offsets. */
  slice(s: number, e: number): string {
    return this.text.slice(this.toU16(s), this.toU16(e));
  }
}

/* ---------------------------------------------------------------------- styles */

const STATIC_CSS = css`
  cb-source-text {
    display: block;
    position: relative;
    overflow: auto;
    outline: none;
    color: inherit;
    background: var(--cb-source-background, transparent);
  }
  cb-source-text:focus-visible {
    box-shadow: inset 0 0 0 2px rgba(21, 101, 192, 0.35);
  }
  cb-source-text > .cb-text {
    white-space: pre-wrap;
    overflow-wrap: break-word;
    line-height: 2.1;
    padding: var(--cb-source-padding, 8px 14px 16px);
    tab-size: 4;
    text-align: start;
    unicode-bidi: plaintext;
    cursor: text;
    user-select: text;
    -webkit-user-select: text;
  }
  cb-source-text > .cb-text > div {
    unicode-bidi: plaintext;
    /* off-screen chunks skip style, layout and paint */
    content-visibility: auto;
    /* paint containment must not clip the underlines of a chunk's last line */
    padding-bottom: 16px;
    margin-bottom: -16px;
  }
  cb-source-text > .cb-text ::selection {
    background-color: rgba(255, 183, 0, 0.34);
    color: inherit;
  }
  cb-source-text > .cb-layer {
    position: absolute;
    left: 0;
    top: 0;
    width: 0;
    height: 0;
    overflow: visible;
    pointer-events: none;
  }
  cb-source-text > .cb-layer > div {
    position: absolute;
    box-sizing: border-box;
    border: 2px solid var(--cb-sel-color, #1565c0);
    border-radius: 4px;
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--cb-sel-color, #1565c0) 18%, transparent);
  }
  cb-source-text > .cb-layer > div.bar {
    height: 3px;
    border: none;
    border-radius: 1.5px;
    box-shadow: none;
    background: var(--cb-sel-color, #1565c0);
  }
  cb-source-text > .cb-tip {
    position: fixed;
    z-index: 10000;
    max-width: min(420px, 90vw);
    padding: 6px 9px;
    border-radius: 6px;
    background: rgba(33, 37, 41, 0.95);
    color: #fff;
    font-size: 12.5px;
    line-height: 1.45;
    white-space: normal;
    pointer-events: none;
    box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
    unicode-bidi: plaintext;
  }
  cb-source-text > .cb-tip[hidden] {
    display: none;
  }
  cb-source-text > .cb-tip > div {
    display: flex;
    align-items: baseline;
    gap: 7px;
  }
  cb-source-text > .cb-tip > div > i {
    flex: none;
    width: 9px;
    height: 9px;
    border-radius: 2px;
    transform: translateY(1px);
  }
  cb-source-text > .cb-tip > div > i.other {
    background-image: repeating-linear-gradient(135deg, rgba(255, 255, 255, 0.55) 0 2px, transparent 2px 4px);
  }
  cb-source-text > .cb-live {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * One generic rule draws every highlighted run from custom properties that small,
 * composable classes set: --cb-g<lane> (the underline of that lane), --cb-tint (the
 * innermost annotation's tint) and --cb-pb (room below the text for the lanes).
 */
function genericRunRule(): string {
  const imgs: string[] = [];
  const sizes: string[] = [];
  const pos: string[] = [];
  for (let i = 0; i < MAX_LANES; i++) {
    imgs.push(`var(--cb-g${i},none)`);
    sizes.push(`100% ${LINE_THICK}px`);
    pos.push(`left 0 bottom calc(var(--cb-pb,4px) - ${LANE_PITCH * (i + 1)}px)`);
  }
  imgs.push('linear-gradient(var(--cb-tint,transparent),var(--cb-tint,transparent))');
  sizes.push('100% calc(100% - var(--cb-pb,4px))');
  pos.push('left 0 top 0');
  return (
    `cb-source-text>.cb-text span[data-ids]{cursor:pointer;background-repeat:no-repeat;` +
    `padding-bottom:var(--cb-pb,4px);background-image:${imgs.join(',')};` +
    `background-size:${sizes.join(',')};background-position:${pos.join(',')}}`
  );
}

type StyleRoot = Document | ShadowRoot;
const styleEls = new Map<StyleRoot, HTMLStyleElement>();
const dynRules: string[] = [];
const madeClasses = new Set<string>();
const colorCache = new Map<string, string>();
const colorIdx = new Map<string, string>();

function ensureStyles(root: StyleRoot): void {
  const existing = styleEls.get(root);
  if (existing && existing.isConnected) return;
  const el = document.createElement('style');
  el.id = 'cb-source-text-style';
  el.textContent = STATIC_CSS.cssText + '\n' + genericRunRule() + '\n' + dynRules.join('\n');
  if (root instanceof Document) root.head.appendChild(el);
  else root.insertBefore(el, root.firstChild);
  styleEls.set(root, el);
}

function addRule(rule: string): void {
  dynRules.push(rule);
  for (const el of styleEls.values()) {
    const sheet = el.sheet;
    if (!sheet) continue;
    try {
      sheet.insertRule(rule, sheet.cssRules.length);
    } catch {
      /* ignore an unparsable rule */
    }
  }
}

/** A colour string that is safe to put into CSS text (validated), else the fallback. */
function safeColor(c: string | undefined | null, fallback = '#757575'): string {
  if (!c) return fallback;
  let r = colorCache.get(c);
  if (r === undefined) {
    const t = String(c).trim();
    r = /^[#\w\s(),.%/+-]+$/.test(t) && CSS.supports('color', t) ? t : fallback;
    colorCache.set(c, r);
  }
  return r;
}

/** Defines (once) a class rule for the runs and returns its name. */
function cls(name: string, body: string): string {
  if (!madeClasses.has(name)) {
    madeClasses.add(name);
    addRule(`cb-source-text>.cb-text .${name}{${body}}`);
  }
  return name;
}

function colorKey(c: string): string {
  let k = colorIdx.get(c);
  if (k === undefined) {
    k = colorIdx.size.toString(36);
    colorIdx.set(c, k);
  }
  return k;
}

/** The underline of one lane in one colour, solid (mine) or dashed (a colleague's). */
function laneClass(lane: number, c: string, mine: boolean): string {
  const l = Math.min(lane, MAX_LANES - 1);
  const name = `cbl${l}_${colorKey(c)}${mine ? 'm' : 'o'}`;
  if (madeClasses.has(name)) return name;
  const img = mine
    ? `linear-gradient(${c},${c})`
    : `repeating-linear-gradient(90deg,${c} 0 5px,transparent 5px 8px)`;
  return cls(name, `--cb-g${l}:${img}`);
}

/** The background tint of the innermost annotation. */
function tintClass(c: string, mine: boolean): string {
  const name = `cbt${colorKey(c)}${mine ? 'm' : 'o'}`;
  if (madeClasses.has(name)) return name;
  return cls(name, `--cb-tint:color-mix(in srgb,${c} ${mine ? 17 : 10}%,transparent)`);
}

/** Room below the text for lanes 0..maxLane (and a taller line for deep stacks). */
function depthClass(maxLane: number): string {
  const m = Math.min(maxLane, MAX_LANES - 1);
  const name = `cbd${m}`;
  if (madeClasses.has(name)) return name;
  let body = `--cb-pb:${LANE_PITCH * (m + 1)}px`;
  if (m >= LANES_IN_LEADING) {
    body += `;line-height:calc(2.1em + ${2 * LANE_PITCH * (m + 1 - LANES_IN_LEADING)}px)`;
  }
  return cls(name, body);
}

/* ------------------------------------------------------------------- helpers */

/** A run: a span (covered by annotations) or a bare text node (covered by none). Both
 *  carry their code point range as expandos; the text node inside a span does too. */
interface RunInfo {
  _s: number;
  _e: number;
}
type RunEl = HTMLSpanElement & RunInfo;
type RunText = Text & RunInfo;
type RunNode = RunEl | RunText;

function textOf(run: RunNode): RunText {
  return (run.nodeType === Node.TEXT_NODE ? run : run.firstChild) as RunText;
}

const segmenters: {word?: Intl.Segmenter; grapheme?: Intl.Segmenter} = {};
function segmenter(kind: 'word' | 'grapheme'): Intl.Segmenter | undefined {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return undefined;
  return (segmenters[kind] ??= new Intl.Segmenter(undefined, {granularity: kind}));
}

const WS = /\s/u;

/** Sort order for lanes: by start, longer first, then id. */
function laneOrder(a: NAnn, b: NAnn): number {
  return a.s - b.s || b.e - a.e || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
/** Innermost first: shortest, then later start, then id. */
function innerOrder(a: NAnn, b: NAnn): number {
  return a.e - a.s - (b.e - b.s) || b.s - a.s || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
/** Keyboard navigation order: by start, then end, then id. */
function navOrder(a: NAnn, b: NAnn): number {
  return a.s - b.s || a.e - b.e || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/* ------------------------------------------------------------------ component */

@customElement('cb-source-text')
export class SourceText extends LitElement {
  /** Words are snapped to whole words and trimmed when a selection is finished. */
  @property({type: Boolean, attribute: 'snap-to-words'}) snapToWords = true;

  /** The selected annotation's id (emphasised with an outline). */
  @property({attribute: false}) selectedId: string | null = null;

  private _text = '';
  private _labels: SourceLabel[] = [];
  private _annArray: SourceAnnotation[] = [];

  /** The full text (LF line endings). Setting it re-renders everything. */
  @property({attribute: false})
  get text(): string {
    return this._text;
  }
  set text(v: string) {
    this._text = v == null ? '' : String(v);
    this._dirtyAll = true;
  }

  /** The label scheme. */
  @property({attribute: false})
  get labels(): SourceLabel[] {
    return this._labels;
  }
  set labels(v: SourceLabel[]) {
    this._labels = Array.isArray(v) ? v : [];
    this._dirtyAll = true;
  }

  /** All annotations; setting the array re-renders everything (initial load). */
  @property({attribute: false})
  get annotations(): SourceAnnotation[] {
    return this._annArray;
  }
  set annotations(v: SourceAnnotation[]) {
    this._annArray = Array.isArray(v) ? v : [];
    this._raw = new Map();
    for (const a of this._annArray) if (a && a.id != null) this._raw.set(String(a.id), a);
    this._dirtyAll = true;
  }

  /* internal model */
  private _raw = new Map<string, SourceAnnotation>();
  private _anns = new Map<string, NAnn>();
  private _lanes = new Map<string, number>();
  /** visible (non-empty) annotations in lane order */
  private _sorted: NAnn[] = [];
  private _nav: NAnn[] | null = null;
  private _idx = new CpIndex('');
  private _dirtyAll = true;
  private _built = false;

  /* DOM model: chunks (block divs) and runs (spans), both ascending by start */
  private _textEl: HTMLDivElement | null = null;
  private _layerEl: HTMLDivElement | null = null;
  private _tipEl: HTMLDivElement | null = null;
  private _liveEl: HTMLDivElement | null = null;
  private _cs: number[] = [];
  private _ce: HTMLDivElement[] = [];
  private _rs: number[] = [];
  private _re: RunNode[] = [];
  private _rc: number[] = [];

  /* interaction state */
  private _lastReported: {start: number; end: number} | null = null;
  private _mouseDown: {x: number; y: number} | null = null;
  private _dragged = false;
  private _kbExtending = false;
  private _lastClick: {s: number; id: string} | null = null;
  private _tipTimer = 0;
  private _tipRun: RunEl | null = null;
  private _resizeObs: ResizeObserver | null = null;
  private _selDrawFrame = 0;

  /* timings of the last operations (ms), for diagnostics */
  lastRenderMs = 0;
  lastUpsertMs = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode();
    ensureStyles(root instanceof ShadowRoot ? root : document);
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('role')) this.setAttribute('role', 'document');
    this.addEventListener('keydown', this._onKeyDown);
    this.addEventListener('keyup', this._onKeyUp);
    this.addEventListener('mousedown', this._onMouseDown);
    this.addEventListener('click', this._onClick);
    this.addEventListener('mouseover', this._onMouseOver);
    this.addEventListener('mouseout', this._onMouseOut);
    this.addEventListener('focus', this._onFocus);
    this.addEventListener('blur', this._onBlur);
    this.addEventListener('scroll', this._hideTip, {passive: true});
    document.addEventListener('selectionchange', this._onSelectionChange);
    document.addEventListener('mouseup', this._onMouseUp, true);
    window.addEventListener('scroll', this._hideTip, {passive: true, capture: true});
    this._resizeObs ??= new ResizeObserver(() => this._scheduleDrawSelection());
    this._resizeObs.observe(this);
    for (const d of this._ce) this._resizeObs.observe(d);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this._onKeyDown);
    this.removeEventListener('keyup', this._onKeyUp);
    this.removeEventListener('mousedown', this._onMouseDown);
    this.removeEventListener('click', this._onClick);
    this.removeEventListener('mouseover', this._onMouseOver);
    this.removeEventListener('mouseout', this._onMouseOut);
    this.removeEventListener('focus', this._onFocus);
    this.removeEventListener('blur', this._onBlur);
    this.removeEventListener('scroll', this._hideTip);
    document.removeEventListener('selectionchange', this._onSelectionChange);
    document.removeEventListener('mouseup', this._onMouseUp, true);
    window.removeEventListener('scroll', this._hideTip, {capture: true});
    this._resizeObs?.disconnect();
    this._hideTip();
  }

  protected override render() {
    // Static skeleton; the text container is filled imperatively.
    return html`<div class="cb-text"></div><div class="cb-layer" aria-hidden="true"></div><div
        class="cb-tip"
        role="tooltip"
        hidden
      ></div><div class="cb-live" aria-live="polite"></div>`;
  }

  protected override firstUpdated(): void {
    this._textEl = this.querySelector(':scope > .cb-text');
    this._layerEl = this.querySelector(':scope > .cb-layer');
    this._tipEl = this.querySelector(':scope > .cb-tip');
    this._liveEl = this.querySelector(':scope > .cb-live');
  }

  protected override willUpdate(): void {
    // a re-render drops a selection whose annotation is gone (without a second update)
    if (this._dirtyAll && this.selectedId != null && !this._raw.has(String(this.selectedId))) {
      this.selectedId = null;
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (this._dirtyAll) this._renderAll();
    if (changed.has('selectedId') || changed.has('text') || changed.has('annotations')) {
      this._drawSelection();
    }
  }

  /* ================================================================ public API */

  /** Adds or replaces one annotation; rebuilds only the runs of its old and new extent. */
  upsertAnnotation(a: SourceAnnotation): void {
    if (!a || a.id == null) return;
    const id = String(a.id);
    this._raw.set(id, a);
    if (this._dirtyAll || !this._built) {
      this.requestUpdate();
      return;
    }
    const t0 = performance.now();
    const old = this._anns.get(id);
    const n = this._norm(a);
    this._anns.set(id, n);
    if (old && old.e > old.s) this._sortedRemove(old);
    if (n.e > n.s) this._sortedInsert(n);
    this._nav = null;
    let lo = Infinity;
    let hi = -Infinity;
    if (old && old.e > old.s) {
      lo = old.s;
      hi = old.e;
    }
    if (n.e > n.s) {
      lo = Math.min(lo, n.s);
      hi = Math.max(hi, n.e);
    }
    this._relaneAndRebuild(lo, hi);
    if (this.selectedId === id) this._scheduleDrawSelection();
    this.lastUpsertMs = performance.now() - t0;
  }

  /** Removes one annotation; rebuilds only the runs of its extent. */
  removeAnnotation(id: string): void {
    id = String(id);
    if (!this._raw.delete(id)) return;
    if (this.selectedId === id) this.selectedId = null;
    if (this._dirtyAll || !this._built) {
      this.requestUpdate();
      return;
    }
    const t0 = performance.now();
    const old = this._anns.get(id);
    this._anns.delete(id);
    if (old && old.e > old.s) {
      this._sortedRemove(old);
      this._nav = null;
      this._relaneAndRebuild(old.s, old.e);
    }
    this.lastUpsertMs = performance.now() - t0;
  }

  /** Scrolls the annotation into view and selects it (fires no event). */
  scrollToAnnotation(id: string): void {
    if (this._dirtyAll || !this._built) {
      this.updateComplete.then(() => this.scrollToAnnotation(id));
      return;
    }
    const a = this._anns.get(String(id));
    if (!a) return;
    this.selectedId = a.id;
    this._scrollTo(a, 'center');
  }

  /** Removes the text selection inside the component (fires no event). */
  clearSelection(): void {
    this._lastReported = null;
    const sel = window.getSelection();
    if (sel && sel.rangeCount && this._textEl && sel.getRangeAt(0).intersectsNode(this._textEl)) {
      sel.removeAllRanges();
    }
  }

  /** The code point range of an annotation (clamped to the text), or null. */
  rangeOf(id: string): {start: number; end: number} | null {
    const key = String(id);
    const a = this._built && !this._dirtyAll ? this._anns.get(key) : undefined;
    if (a) return {start: a.s, end: a.e};
    const r = this._raw.get(key);
    if (!r) return null;
    const n = this._norm(r);
    return {start: n.s, end: n.e};
  }

  /** The current annotations (including incremental changes). */
  getAnnotations(): SourceAnnotation[] {
    return Array.from(this._raw.values());
  }

  /** The current text selection (after snapping) in code points, or null. */
  getTextSelection(): {start: number; end: number; text: string} | null {
    const r = this._readSelection();
    return r ? {start: r.start, end: r.end, text: this._idx.slice(r.start, r.end)} : null;
  }

  /** The lane (0 = closest to the text) of an annotation, or -1. */
  laneOf(id: string): number {
    return this._lanes.get(String(id)) ?? -1;
  }

  /* ============================================================ model helpers */

  private _norm(a: SourceAnnotation): NAnn {
    const len = this._idx.cpLen;
    let s = Math.max(0, Math.min(len, Math.floor(Number(a.start) || 0)));
    let e = Math.max(0, Math.min(len, Math.floor(Number(a.end) || 0)));
    if (e < s) [s, e] = [e, s];
    const lab = this._labels.find((l) => l.name === a.label);
    return {id: String(a.id), s, e, c: safeColor(a.color || lab?.color), mine: !!a.mine, src: a};
  }

  private _sortedInsert(a: NAnn): void {
    const arr = this._sorted;
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (laneOrder(arr[mid], a) < 0) lo = mid + 1;
      else hi = mid;
    }
    arr.splice(lo, 0, a);
  }

  private _sortedRemove(a: NAnn): void {
    const arr = this._sorted;
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (laneOrder(arr[mid], a) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (arr[lo] && arr[lo].id === a.id) arr.splice(lo, 1);
    else {
      const i = arr.findIndex((x) => x.id === a.id);
      if (i >= 0) arr.splice(i, 1);
    }
  }

  /** Greedy interval colouring over _sorted; returns the new lane map. */
  private _computeLanes(): Map<string, number> {
    const lanes = new Map<string, number>();
    const laneEnd: number[] = [];
    for (const a of this._sorted) {
      let l = 0;
      while (l < laneEnd.length && laneEnd[l] > a.s) l++;
      laneEnd[l] = a.e;
      lanes.set(a.id, l);
    }
    return lanes;
  }

  /** Recomputes lanes; rebuilds [lo,hi) plus the extent of every annotation whose lane changed. */
  private _relaneAndRebuild(lo: number, hi: number): void {
    const lanes = this._computeLanes();
    const old = this._lanes;
    for (const a of this._sorted) {
      if (old.get(a.id) !== lanes.get(a.id)) {
        if (a.s < lo) lo = a.s;
        if (a.e > hi) hi = a.e;
      }
    }
    this._lanes = lanes;
    if (hi > lo) this._rebuildRange(lo, hi);
  }

  private _navList(): NAnn[] {
    return (this._nav ??= this._sorted.slice().sort(navOrder));
  }

  /* ================================================================ rendering */

  private _renderAll(): void {
    const textEl = this._textEl;
    if (!textEl) return;
    const t0 = performance.now();
    this._dirtyAll = false;
    this._built = true;
    this._idx = new CpIndex(this._text);
    this._anns = new Map();
    this._sorted = [];
    for (const [id, r] of this._raw) {
      const n = this._norm(r);
      this._anns.set(id, n);
      if (n.e > n.s) this._sorted.push(n);
    }
    this._sorted.sort(laneOrder);
    this._nav = null;
    this._lanes = this._computeLanes();

    // chunks: blocks that end right after a line feed, about CHUNK_TARGET UTF-16 units long
    const text = this._text;
    const cs: number[] = [];
    const ce: HTMLDivElement[] = [];
    if (text.length) {
      let u = 0;
      while (u < text.length) {
        cs.push(this._idx.toCp(u));
        const nl = text.indexOf('\n', u + CHUNK_TARGET);
        u = nl < 0 || nl + 1 >= text.length ? text.length : nl + 1;
      }
    }
    // estimated chunk heights (for the scrollbar while chunks are skipped)
    const cstyle = getComputedStyle(textEl);
    const fontPx = parseFloat(cstyle.fontSize) || 16;
    const linePx = parseFloat(cstyle.lineHeight) || fontPx * 2.1;
    const width = Math.max(200, textEl.clientWidth - 28);
    const perLine = Math.max(20, Math.floor(width / (fontPx * 0.5)));
    for (let i = 0; i < cs.length; i++) {
      const d = document.createElement('div');
      const u0 = this._idx.toU16(cs[i]);
      const u1 = i + 1 < cs.length ? this._idx.toU16(cs[i + 1]) : text.length;
      let lines = 0;
      let p = u0;
      while (p < u1) {
        let nl = text.indexOf('\n', p);
        if (nl < 0 || nl >= u1) nl = u1;
        lines += Math.max(1, Math.ceil((nl - p) / perLine));
        p = nl + 1;
      }
      d.style.setProperty('contain-intrinsic-size', `auto ${Math.round(lines * linePx + 16)}px`);
      ce.push(d);
    }
    for (const d of this._ce) this._resizeObs?.unobserve(d);
    this._cs = cs;
    this._ce = ce;
    for (const d of ce) this._resizeObs?.observe(d);

    const lastReported = this._lastReported;
    const built = this._buildRuns(0, this._idx.cpLen, this._sorted);
    this._rs = built.starts;
    this._re = built.els;
    this._rc = built.chunks;
    let k = 0;
    for (let c = 0; c < ce.length; c++) {
      const frag = document.createDocumentFragment();
      while (k < built.els.length && built.chunks[k] === c) frag.appendChild(built.els[k++]);
      ce[c].appendChild(frag);
    }
    const frag = document.createDocumentFragment();
    for (const d of ce) frag.appendChild(d);
    textEl.replaceChildren(frag);
    this._lastReported = lastReported && lastReported.end <= this._idx.cpLen ? lastReported : null;
    this._hideTip();
    this.lastRenderMs = performance.now() - t0;
  }

  /**
   * Builds the run spans for [r0,r1) (which must be run/chunk boundaries or the text ends)
   * from the visible annotations `anns` (in lane order; those not overlapping are skipped).
   */
  private _buildRuns(
    r0: number,
    r1: number,
    anns: NAnn[],
  ): {starts: number[]; els: RunNode[]; chunks: number[]} {
    const idx = this._idx;
    const text = this._text;
    const lanes = this._lanes;
    const rel: NAnn[] = [];
    for (const a of anns) {
      if (a.s >= r1) break;
      if (a.e > r0) rel.push(a);
    }
    // boundary points
    let np = 2;
    const cs = this._cs;
    let c0 = Math.max(0, lowerBound(cs, r0 + 1) - 1);
    for (let c = c0 + 1; c < cs.length && cs[c] < r1; c++) np++;
    const pts = new Float64Array(np + rel.length * 2);
    let p = 0;
    pts[p++] = r0;
    pts[p++] = r1;
    for (let c = c0 + 1; c < cs.length && cs[c] < r1; c++) pts[p++] = cs[c];
    for (const a of rel) {
      if (a.s > r0 && a.s < r1) pts[p++] = a.s;
      if (a.e > r0 && a.e < r1) pts[p++] = a.e;
    }
    const all = pts.subarray(0, p).sort();
    // unique boundary points
    let nu = 0;
    for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) all[nu++] = all[k];
    const sorted = all.subarray(0, nu);

    const starts: number[] = [];
    const els: RunNode[] = [];
    const chunks: number[] = [];
    let active: NAnn[] = [];
    let ai = 0;
    let chunk = c0;
    for (let k = 0; k < sorted.length - 1; k++) {
      const b = sorted[k];
      const nb = sorted[k + 1];
      while (chunk + 1 < cs.length && cs[chunk + 1] <= b) chunk++;
      // update the active set
      let ended = false;
      for (const a of active) {
        if (a.e <= b) {
          ended = true;
          break;
        }
      }
      if (ended) active = active.filter((a) => a.e > b);
      while (ai < rel.length && rel[ai].s <= b) {
        if (rel[ai].e > b) active.push(rel[ai]);
        ai++;
      }
      const tn = document.createTextNode(text.slice(idx.toU16(b), idx.toU16(nb))) as RunText;
      tn._s = b;
      tn._e = nb;
      let run: RunNode = tn;
      if (active.length) {
        const sp = document.createElement('span') as RunEl;
        sp._s = b;
        sp._e = nb;
        sp.setAttribute('data-s', String(b));
        sp.setAttribute('data-e', String(nb));
        const cover = active.length === 1 ? active : active.slice().sort(innerOrder);
        let ids = cover[0].id;
        for (let i = 1; i < cover.length; i++) ids += ' ' + cover[i].id;
        sp.setAttribute('data-ids', ids);
        let maxLane = 0;
        const inner = cover[0];
        let cn = (inner.tc ??= tintClass(inner.c, inner.mine));
        for (const a of active) {
          const lane = lanes.get(a.id) ?? 0;
          if (lane > maxLane) maxLane = lane;
          if (a.ll !== lane) {
            a.ll = lane;
            a.lc = laneClass(lane, a.c, a.mine);
          }
          cn += ' ' + a.lc;
        }
        sp.className = depthClass(maxLane) + ' ' + cn;
        sp.appendChild(tn);
        run = sp;
      }
      starts.push(b);
      els.push(run);
      chunks.push(chunk);
    }
    return {starts, els, chunks};
  }

  /** Index of the run containing code point `cp` (the last run for cp >= length). */
  private _runAt(cp: number): number {
    const i = lowerBound(this._rs, cp + 1) - 1;
    return Math.max(0, Math.min(this._rs.length - 1, i));
  }

  /** Rebuilds the runs overlapping [lo,hi) — and only those. */
  private _rebuildRange(lo: number, hi: number): void {
    const len = this._idx.cpLen;
    lo = Math.max(0, lo);
    hi = Math.min(len, hi);
    if (hi <= lo || !this._rs.length) return;
    const i1 = this._runAt(lo);
    const i2 = this._runAt(hi - 1);
    const r0 = this._rs[i1];
    const r1 = i2 + 1 < this._rs.length ? this._rs[i2 + 1] : len;

    // keep the user's text selection across the DOM replacement
    const saved = this._saveSelection(i1, i2);

    const built = this._buildRuns(r0, r1, this._sorted);
    let j = 0;
    let i = i1;
    while (i <= i2) {
      const c = this._rc[i];
      const chunkEl = this._ce[c];
      let last = i;
      while (last + 1 <= i2 && this._rc[last + 1] === c) last++;
      const anchor = this._re[last].nextSibling;
      for (let x = i; x <= last; x++) this._re[x].remove();
      const frag = document.createDocumentFragment();
      while (j < built.els.length && built.chunks[j] === c) frag.appendChild(built.els[j++]);
      chunkEl.insertBefore(frag, anchor);
      i = last + 1;
    }
    const cnt = i2 - i1 + 1;
    this._rs.splice(i1, cnt, ...built.starts);
    this._re.splice(i1, cnt, ...built.els);
    this._rc.splice(i1, cnt, ...built.chunks);
    if (saved) this._restoreSelection(saved);
    if (this._tipRun && !this._tipRun.isConnected) this._hideTip();
    const sel = this.selectedId != null ? this._anns.get(this.selectedId) : undefined;
    if (sel && sel.s < r1 && sel.e > r0) this._scheduleDrawSelection();
  }

  /* ======================================================= selection mapping */

  /** Maps a DOM boundary point to a code point offset (clamped to the text). */
  private _pointToCp(node: Node, offset: number, roundUp: boolean): number {
    const textEl = this._textEl!;
    const len = this._idx.cpLen;
    if (node !== textEl && !textEl.contains(node)) {
      const r = document.createRange();
      r.selectNodeContents(textEl);
      try {
        return r.comparePoint(node, offset) < 0 ? 0 : len;
      } catch {
        return 0;
      }
    }
    if (node === textEl) return offset < this._cs.length ? this._cs[offset] : len;
    if (node.nodeType === Node.TEXT_NODE) {
      const run = node as RunText;
      if (typeof run._s === 'number') {
        const u = this._idx.toU16(run._s) + Math.min(offset, run.length);
        return Math.max(run._s, Math.min(run._e, this._idx.toCp(u, roundUp)));
      }
    }
    const asRun = node as RunEl;
    if (typeof asRun._s === 'number') return offset === 0 ? asRun._s : asRun._e;
    if (node.parentNode === textEl) {
      // a chunk element
      const child = node.childNodes[offset] as RunNode | undefined;
      if (child && typeof child._s === 'number') return child._s;
      const c = this._ce.indexOf(node as HTMLDivElement);
      return c >= 0 && c + 1 < this._cs.length ? this._cs[c + 1] : len;
    }
    // something else inside (should not happen): walk up to the run
    let n: Node | null = node;
    while (n && n !== textEl) {
      const rr = n as RunEl;
      if (typeof rr._s === 'number') return roundUp ? rr._e : rr._s;
      n = n.parentNode;
    }
    return 0;
  }

  /** Code point offset to a DOM boundary point (text node + UTF-16 offset). */
  private _cpToPoint(cp: number): [Node, number] {
    if (!this._re.length) return [this._textEl!, 0];
    const i = this._runAt(cp);
    const run = this._re[i];
    const tn = textOf(run);
    const off = this._idx.toU16(Math.min(cp, run._e)) - this._idx.toU16(run._s);
    return [tn, Math.max(0, Math.min(tn.length, off))];
  }

  /** Raw (unsnapped) selection inside the text, in code points. */
  private _rawSelection(): {start: number; end: number; anchor: number; focus: number} | null {
    const textEl = this._textEl;
    const sel = window.getSelection();
    if (!textEl || !sel || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    if (range.collapsed || !range.intersectsNode(textEl)) return null;
    const start = this._pointToCp(range.startContainer, range.startOffset, false);
    const end = this._pointToCp(range.endContainer, range.endOffset, true);
    if (end <= start) return null;
    const backwards =
      sel.anchorNode != null &&
      sel.focusNode != null &&
      (sel.anchorNode !== range.startContainer || sel.anchorOffset !== range.startOffset);
    return {start, end, anchor: backwards ? end : start, focus: backwards ? start : end};
  }

  /** The current selection, snapped (if snapToWords) and trimmed; null if empty. */
  private _readSelection(): {start: number; end: number; backwards: boolean} | null {
    const raw = this._rawSelection();
    if (!raw) return null;
    const snapped = this._snap(raw.start, raw.end);
    return snapped ? {...snapped, backwards: raw.anchor > raw.focus} : null;
  }

  /** Snaps [s,e) to grapheme (and, with snapToWords, word) boundaries and trims whitespace. */
  private _snap(s: number, e: number): {start: number; end: number} | null {
    const idx = this._idx;
    const text = this._text;
    let us = idx.toU16(s);
    let ue = idx.toU16(e);
    const expand = (u: number, kind: 'word' | 'grapheme', toEnd: boolean): number => {
      const seg = segmenter(kind);
      if (!seg || u <= 0 || u >= text.length) return u;
      const W = kind === 'word' ? 256 : 32;
      const from = Math.max(0, u - W);
      const to = Math.min(text.length, u + W);
      for (const sg of seg.segment(text.slice(from, to))) {
        const a = from + sg.index;
        const b = a + sg.segment.length;
        if (a < u && u < b) {
          if (kind === 'word' && !(sg as Intl.SegmentData & {isWordLike?: boolean}).isWordLike) return u;
          // a segment cut by the window edge is not trusted
          if ((a === from && from > 0) || (b === to && to < text.length)) return u;
          return toEnd ? b : a;
        }
        if (a >= u) break;
      }
      return u;
    };
    us = expand(us, 'grapheme', false);
    ue = expand(ue, 'grapheme', true);
    if (this.snapToWords) {
      us = expand(us, 'word', false);
      ue = expand(ue, 'word', true);
      // trim whitespace
      while (us < ue && WS.test(text[us])) us++;
      while (ue > us && WS.test(text[ue - 1])) ue--;
    }
    if (ue <= us) return null;
    const start = idx.toCp(us, false);
    const end = idx.toCp(ue, true);
    return end > start ? {start, end} : null;
  }

  private _setDomSelection(anchor: number, focus: number): void {
    const sel = window.getSelection();
    if (!sel) return;
    const [an, ao] = this._cpToPoint(anchor);
    const [fn, fo] = this._cpToPoint(focus);
    sel.setBaseAndExtent(an, ao, fn, fo);
  }

  private _saveSelection(i1: number, i2: number): {anchor: number; focus: number} | null {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
    const inRange = (n: Node) => {
      for (let i = i1; i <= i2; i++) if (this._re[i].contains(n)) return true;
      return false;
    };
    if (!inRange(sel.anchorNode) && !inRange(sel.focusNode)) return null;
    const textEl = this._textEl!;
    if (!textEl.contains(sel.anchorNode) && !textEl.contains(sel.focusNode)) return null;
    return {
      anchor: this._pointToCp(sel.anchorNode, sel.anchorOffset, false),
      focus: this._pointToCp(sel.focusNode, sel.focusOffset, false),
    };
  }

  private _restoreSelection(s: {anchor: number; focus: number}): void {
    try {
      this._setDomSelection(s.anchor, s.focus);
    } catch {
      /* ignore */
    }
  }

  /* ================================================================== events */

  private _fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, {detail, bubbles: true, composed: true}));
  }

  /** Reports the finished selection (cb-selection); adjusts the DOM selection if asked. */
  private _reportSelection(adjustDom: boolean): void {
    const raw = this._rawSelection();
    const r = raw ? this._snap(raw.start, raw.end) : null;
    if (!r) {
      if (raw && adjustDom) window.getSelection()?.removeAllRanges();
      this._reportCleared();
      return;
    }
    if (adjustDom && raw && (raw.start !== r.start || raw.end !== r.end)) {
      const back = raw.anchor > raw.focus;
      this._setDomSelection(back ? r.end : r.start, back ? r.start : r.end);
    }
    this._lastReported = {start: r.start, end: r.end};
    if (this.selectedId != null) this.selectedId = null;
    this._fire('cb-selection', {start: r.start, end: r.end, text: this._idx.slice(r.start, r.end)});
  }

  private _reportCleared(): void {
    if (!this._lastReported) return;
    this._lastReported = null;
    this._fire('cb-selection', {start: -1, end: -1, text: ''});
  }

  private _onSelectionChange = (): void => {
    if (!this._lastReported || this._mouseDown) return;
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !this._rawSelection()) {
      this._reportCleared();
    }
  };

  private _onMouseDown = (e: MouseEvent): void => {
    if (e.button !== 0) return;
    if (!this._textEl || !this._textEl.contains(e.target as Node)) return;
    this._mouseDown = {x: e.clientX, y: e.clientY};
    this._dragged = false;
    this._hideTip();
  };

  private _onMouseUp = (e: MouseEvent): void => {
    const down = this._mouseDown;
    if (!down) {
      // a drag that started outside and ended over the text
      if (e.button === 0 && this._textEl?.contains(e.target as Node)) {
        this._dragged = true;
        this._reportSelection(true);
      }
      return;
    }
    this._mouseDown = null;
    this._dragged = Math.abs(e.clientX - down.x) > 3 || Math.abs(e.clientY - down.y) > 3;
    this._reportSelection(true);
  };

  private _onClick = (e: MouseEvent): void => {
    const textEl = this._textEl;
    if (!textEl || !textEl.contains(e.target as Node)) return;
    if (this._dragged || e.shiftKey || e.detail > 1 || e.button !== 0) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && this._rawSelection()) return;
    const run = (e.target as Element).closest?.('span[data-ids]') as RunEl | null;
    if (!run || !textEl.contains(run)) return;
    const cover = this._coverOf(run);
    if (!cover.length) return;
    let pick = cover[0];
    const last = this._lastClick;
    if (last && last.s === run._s && this.selectedId === last.id) {
      const k = cover.findIndex((a) => a.id === last.id);
      if (k >= 0) pick = cover[(k + 1) % cover.length];
    }
    this._lastClick = {s: run._s, id: pick.id};
    this._select(pick, false);
  };

  private _onKeyDown = (e: KeyboardEvent): void => {
    const key = e.key;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if (key === 'Escape') {
      e.preventDefault();
      this._lastClick = null;
      const hadSel = this._lastReported != null;
      this._lastReported = null;
      const sel = window.getSelection();
      if (sel && sel.rangeCount && this._textEl && sel.getRangeAt(0).intersectsNode(this._textEl)) {
        sel.removeAllRanges();
      }
      this.selectedId = null;
      this._hideTip();
      if (hadSel) this._fire('cb-selection', {start: -1, end: -1, text: ''});
      this._fire('cb-escape', {});
      return;
    }
    const arrow = key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
    if (arrow && e.shiftKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this._extendSelection(key, e.ctrlKey);
      return;
    }
    if (arrow && plain && !e.shiftKey) {
      e.preventDefault();
      this._navigate(key === 'ArrowRight' || key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if ((key === 'Delete' || key === 'Backspace') && plain) {
      e.preventDefault();
      if (this.selectedId != null && this._anns.has(this.selectedId)) {
        this._fire('cb-delete', {id: this.selectedId});
      }
      return;
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'a' || key === 'A') && this._re.length) {
      e.preventDefault();
      this._setDomSelection(0, this._idx.cpLen);
      this._reportSelection(false);
      return;
    }
    if (plain && !e.repeat && key.length >= 1) {
      const lab = this._labels.find(
        (l) => l.hotkey != null && l.hotkey !== '' && String(l.hotkey).toLowerCase() === key.toLowerCase(),
      );
      if (lab) {
        const r = this._readSelection();
        if (r) {
          e.preventDefault();
          this._fire('cb-tag', {start: r.start, end: r.end, label: lab.name});
        }
      }
    }
  };

  private _onKeyUp = (e: KeyboardEvent): void => {
    if (!this._kbExtending) return;
    if (e.key === 'Shift' || e.key.startsWith('Arrow')) {
      this._kbExtending = false;
      this._reportSelection(false);
    }
  };

  private _extendSelection(key: string, byWord: boolean): void {
    const sel = window.getSelection();
    const textEl = this._textEl;
    if (!sel || !textEl || !this._re.length) return;
    const inside =
      sel.rangeCount > 0 &&
      sel.anchorNode != null &&
      sel.focusNode != null &&
      textEl.contains(sel.anchorNode) &&
      textEl.contains(sel.focusNode);
    if (!inside) {
      const a = this.selectedId != null ? this._anns.get(this.selectedId) : undefined;
      const [n, o] = this._cpToPoint(a ? a.s : 0);
      sel.setBaseAndExtent(n, o, n, o);
    }
    const s = sel as Selection & {modify?: (alter: string, dir: string, gran: string) => void};
    if (typeof s.modify === 'function') {
      const dir =
        key === 'ArrowRight' ? 'right' : key === 'ArrowLeft' ? 'left' : key === 'ArrowDown' ? 'forward' : 'backward';
      const gran = key === 'ArrowUp' || key === 'ArrowDown' ? 'line' : byWord ? 'word' : 'character';
      s.modify('extend', dir, gran);
    }
    this._kbExtending = true;
  }

  private _navigate(dir: 1 | -1): void {
    const list = this._navList();
    if (!list.length) return;
    let k: number;
    const cur = this.selectedId != null ? list.findIndex((a) => a.id === this.selectedId) : -1;
    if (cur >= 0) {
      k = Math.max(0, Math.min(list.length - 1, cur + dir));
    } else {
      // start from the caret, if there is one inside the text
      let from = dir > 0 ? 0 : this._idx.cpLen;
      const sel = window.getSelection();
      if (sel && sel.rangeCount && sel.focusNode && this._textEl?.contains(sel.focusNode)) {
        from = this._pointToCp(sel.focusNode, sel.focusOffset, false);
      }
      if (dir > 0) {
        k = list.findIndex((a) => a.s >= from);
        if (k < 0) k = list.length - 1;
      } else {
        k = -1;
        for (let i = list.length - 1; i >= 0; i--) {
          if (list[i].s < from) {
            k = i;
            break;
          }
        }
        if (k < 0) k = 0;
      }
      const sel2 = window.getSelection();
      if (sel2 && sel2.rangeCount && this._textEl && sel2.getRangeAt(0).intersectsNode(this._textEl)) {
        this._lastReported = null;
        sel2.removeAllRanges();
      }
    }
    const a = list[k];
    if (a.id === this.selectedId) return;
    this._select(a, true);
  }

  /** Selects an annotation on behalf of the user and fires cb-annotation-selected. */
  private _select(a: NAnn, byKeyboard: boolean): void {
    this.selectedId = a.id;
    if (byKeyboard) {
      this._scrollTo(a, 'nearest');
      this._showTipForAnnotation(a);
    }
    if (this._liveEl) this._liveEl.textContent = this._describe(a);
    this._fire('cb-annotation-selected', {id: a.id});
  }

  private _scrollTo(a: NAnn, block: ScrollLogicalPosition): void {
    if (!this._re.length) return;
    const run = this._re[this._runAt(a.s)];
    const el = run.nodeType === Node.TEXT_NODE ? run.parentElement : (run as RunEl);
    el?.scrollIntoView({block, inline: 'nearest'});
  }

  /** Covering annotations of a run, innermost first. */
  private _coverOf(run: RunEl): NAnn[] {
    const ids = run.getAttribute('data-ids');
    if (!ids) return [];
    const out: NAnn[] = [];
    for (const id of ids.split(' ')) {
      const a = this._anns.get(id);
      if (a) out.push(a);
    }
    return out;
  }

  /* =========================================================== selection box */

  private _scheduleDrawSelection(): void {
    if (this._selDrawFrame) return;
    this._selDrawFrame = requestAnimationFrame(() => {
      this._selDrawFrame = 0;
      this._drawSelection();
    });
  }

  private _drawSelection(): void {
    const layer = this._layerEl;
    if (!layer) return;
    const a = this.selectedId != null ? this._anns.get(this.selectedId) : undefined;
    if (!a || a.e <= a.s || !this._re.length) {
      if (layer.firstChild) layer.replaceChildren();
      return;
    }
    this.style.setProperty('--cb-sel-color', a.c);
    const i1 = this._runAt(a.s);
    const i2 = this._runAt(a.e - 1);
    const range = document.createRange();
    const rects: DOMRect[] = [];
    for (let i = i1; i <= i2; i++) {
      range.selectNodeContents(textOf(this._re[i]));
      for (const r of range.getClientRects()) if (r.width > 0 || r.height > 0) rects.push(r);
    }
    // merge the fragments line by line
    rects.sort((x, y) => x.top - y.top || x.left - y.left);
    const lines: {l: number; t: number; r: number; b: number}[] = [];
    for (const r of rects) {
      const ln = lines.length ? lines[lines.length - 1] : null;
      if (ln && r.top < ln.b - 2 && r.bottom > ln.t + 2) {
        ln.l = Math.min(ln.l, r.left);
        ln.r = Math.max(ln.r, r.right);
        ln.t = Math.min(ln.t, r.top);
        ln.b = Math.max(ln.b, r.bottom);
      } else {
        lines.push({l: r.left, t: r.top, r: r.right, b: r.bottom});
      }
    }
    const host = this.getBoundingClientRect();
    const ox = -host.left - this.clientLeft + this.scrollLeft;
    const oy = -host.top - this.clientTop + this.scrollTop;
    // a box around the text, and a bold bar over the annotation's own underline
    const lane = Math.min(this._lanes.get(a.id) ?? 0, MAX_LANES - 1);
    const barY = 2 + LANE_PITCH * lane - 0.5;
    const frag = document.createDocumentFragment();
    for (const ln of lines) {
      const d = document.createElement('div');
      d.style.left = `${ln.l + ox - 3}px`;
      d.style.top = `${ln.t + oy - 1}px`;
      d.style.width = `${ln.r - ln.l + 6}px`;
      d.style.height = `${ln.b - ln.t + 2}px`;
      const bar = document.createElement('div');
      bar.className = 'bar';
      bar.style.left = `${ln.l + ox}px`;
      bar.style.top = `${ln.b + oy + barY}px`;
      bar.style.width = `${ln.r - ln.l}px`;
      frag.append(d, bar);
    }
    layer.replaceChildren(frag);
  }

  /* ================================================================= tooltip */

  private _describe(a: NAnn): string {
    if (a.src.tooltip) return a.src.tooltip;
    const lab = this._labels.find((l) => l.name === a.src.label);
    return `${lab?.title || a.src.label}${a.mine ? '' : ' (colleague)'}`;
  }

  private _onMouseOver = (e: MouseEvent): void => {
    if (this._mouseDown) return;
    const t = e.target as Element;
    const run = t.closest?.('span[data-ids]') as RunEl | null;
    if (!run || !this._textEl?.contains(run)) return;
    if (run === this._tipRun && this._tipEl && !this._tipEl.hidden) return;
    clearTimeout(this._tipTimer);
    const x = e.clientX;
    const y = e.clientY;
    this._tipTimer = window.setTimeout(() => {
      if (!run.isConnected) return;
      this._showTip(this._coverOf(run), run, x, y);
    }, TOOLTIP_DELAY);
  };

  private _onMouseOut = (e: MouseEvent): void => {
    const t = e.target as Element;
    const run = t.closest?.('span[data-ids]');
    if (!run) return;
    const to = e.relatedTarget as Node | null;
    if (to && run.contains(to)) return;
    this._hideTip();
  };

  private _onFocus = (): void => {
    const a = this.selectedId != null ? this._anns.get(this.selectedId) : undefined;
    if (a && this.matches(':focus-visible')) this._showTipForAnnotation(a);
  };

  private _onBlur = (): void => this._hideTip();

  private _showTipForAnnotation(a: NAnn): void {
    if (!this._re.length) return;
    const run = this._re[this._runAt(a.s)];
    if (run.nodeType === Node.TEXT_NODE) return;
    const cover = this._coverOf(run as RunEl);
    const list = [a, ...cover.filter((x) => x.id !== a.id)];
    this._showTip(list, run as RunEl, NaN, NaN);
  }

  private _showTip(list: NAnn[], run: RunEl, x: number, y: number): void {
    const tip = this._tipEl;
    if (!tip || !list.length) return;
    clearTimeout(this._tipTimer);
    const frag = document.createDocumentFragment();
    for (const a of list) {
      const row = document.createElement('div');
      const sw = document.createElement('i');
      sw.style.backgroundColor = a.c;
      if (!a.mine) sw.className = 'other';
      const txt = document.createElement('span');
      txt.textContent = this._describe(a);
      row.append(sw, txt);
      frag.appendChild(row);
    }
    tip.replaceChildren(frag);
    tip.hidden = false;
    this._tipRun = run;
    // anchor under the line fragment that holds the pointer (or the first one)
    const rects = Array.from(run.getClientRects());
    let r = rects[0];
    if (!Number.isNaN(x)) {
      for (const rr of rects) {
        if (x >= rr.left - 1 && x <= rr.right + 1 && y >= rr.top - 1 && y <= rr.bottom + 1) {
          r = rr;
          break;
        }
      }
    }
    if (!r) return;
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    let left = Number.isNaN(x) ? r.left : x - 12;
    left = Math.max(4, Math.min(vw - tw - 4, left));
    let top = r.bottom + 4;
    if (top + th > vh - 4) top = r.top - th - 6;
    tip.style.left = `${left}px`;
    tip.style.top = `${Math.max(4, top)}px`;
  }

  private _hideTip = (): void => {
    clearTimeout(this._tipTimer);
    this._tipRun = null;
    if (this._tipEl && !this._tipEl.hidden) this._tipEl.hidden = true;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-source-text': SourceText;
  }
}
