/*
 * The drawn text: block chunks (<div>s) holding runs, each run a bare text node (covered by no
 * annotation) or a <span data-ids="…"> around one (covered by the annotations listed, innermost
 * first). Chunks and runs are kept in arrays ascending by start, so a code point finds its run by
 * binary search and a change replaces only the runs it touches. Only text nodes are ever built
 * from the text: it is data, never markup.
 */
import {CodePointIndex, lowerBound} from './cp-index.js';
import {innermostFirst} from './lanes.js';
import {badgeClass, depthClass, laneClass, safeInitials, tintClass} from './run-classes.js';
import {LINE_HEIGHT} from './styles.js';
import {withPageStarts} from './pages.js';
import {chunkStarts, estimatedLines, planRuns, type PlannedRun} from './run-plan.js';
import type {Highlight} from './types.js';

/** The code point range a run covers, carried by the run's nodes (the span and its text node). */
export interface RunRange {
  runStart: number;
  runEnd: number;
}
export type RunSpan = HTMLSpanElement & RunRange;
export type RunText = Text & RunRange;
export type RunNode = RunSpan | RunText;

/** A DOM boundary point: a node and an offset in it. */
export type DomPoint = [Node, number];

/** The runs [first, last] (indexes) that cover a range, and the code points they span. */
export interface RunSlice {
  first: number;
  last: number;
  start: number;
  end: number;
}

function hasRunRange(node: Node | null | undefined): node is RunNode {
  return node != null && typeof (node as Partial<RunRange>).runStart === 'number';
}

/** The text node of a run. */
export function textNodeOf(run: RunNode): RunText {
  return (run.nodeType === Node.TEXT_NODE ? run : run.firstChild) as RunText;
}

/**
 * The chunks and runs inside the text container. Reads `text`, `index` and the lanes of the
 * highlights it is given; writes only inside the container.
 */
export class TextRuns {
  private text = '';
  private index = new CodePointIndex('');
  /** code point start of each chunk, ascending */
  chunkStarts: number[] = [];
  chunkElements: HTMLDivElement[] = [];
  /** code point start of each run, ascending */
  private runStarts: number[] = [];
  runNodes: RunNode[] = [];
  /** the chunk index of each run */
  private runChunks: number[] = [];

  constructor(
    readonly container: HTMLElement,
    private readonly laneOf: (id: string) => number | undefined,
  ) {}

  get isEmpty(): boolean {
    return this.runNodes.length === 0;
  }

  /**
   * Draws the whole text with the lane-ordered visible highlights, replacing whatever was drawn.
   * Each of `pageStarts` (code points inside the text, ascending; pages 2, 3, ...) begins a chunk
   * marked with its page number (`data-page`): the marker is drawn by CSS, outside the text.
   */
  renderAll(text: string, index: CodePointIndex, laneOrdered: readonly Highlight[], pageStarts: readonly number[] = []): void {
    this.text = text;
    this.index = index;
    this.chunkStarts = withPageStarts(chunkStarts(text, index), pageStarts);
    this.chunkElements = this.chunkStarts.map(() => document.createElement('div'));
    for (let p = 0; p < pageStarts.length; p++) {
      const c = lowerBound(this.chunkStarts, pageStarts[p]);
      const chunk = this.chunkElements[c];
      if (chunk && this.chunkStarts[c] === pageStarts[p]) {
        chunk.dataset.page = String(p + 2);
        chunk.classList.add('cb-page-start');
      }
    }
    this.estimateChunkSizes();
    const runs = planRuns(0, index.length, this.chunkStarts, laneOrdered);
    const nodes = runs.map((run) => this.createRun(run));
    this.runStarts = runs.map((run) => run.start);
    this.runChunks = runs.map((run) => run.chunk);
    this.runNodes = nodes;
    let k = 0;
    for (let c = 0; c < this.chunkElements.length; c++) {
      const fragment = document.createDocumentFragment();
      while (k < nodes.length && runs[k].chunk === c) fragment.appendChild(nodes[k++]);
      this.chunkElements[c].appendChild(fragment);
    }
    const fragment = document.createDocumentFragment();
    for (const chunk of this.chunkElements) fragment.appendChild(chunk);
    this.container.replaceChildren(fragment);
  }

  /**
   * Sets each chunk's intrinsic size to an estimate of its height, so that the scroll bar is
   * about right while `content-visibility: auto` skips the layout of chunks off screen.
   */
  private estimateChunkSizes(): void {
    const style = getComputedStyle(this.container);
    const fontPx = parseFloat(style.fontSize) || 16;
    const linePx = parseFloat(style.lineHeight) || fontPx * LINE_HEIGHT;
    const width = Math.max(200, this.container.clientWidth - 28);
    const perLine = Math.max(20, Math.floor(width / (fontPx * 0.5)));
    for (let i = 0; i < this.chunkStarts.length; i++) {
      const from = this.index.toUtf16(this.chunkStarts[i]);
      const to = i + 1 < this.chunkStarts.length ? this.index.toUtf16(this.chunkStarts[i + 1]) : this.text.length;
      const lines = estimatedLines(this.text, from, to, perLine);
      this.chunkElements[i].style.setProperty('contain-intrinsic-size', `auto ${Math.round(lines * linePx + 16)}px`);
    }
  }

  /** The run nodes for a planned run: a text node, wrapped in a classed span when highlights cover it. */
  private createRun(run: PlannedRun): RunNode {
    const textNode = document.createTextNode(
      this.text.slice(this.index.toUtf16(run.start), this.index.toUtf16(run.end)),
    ) as RunText;
    textNode.runStart = run.start;
    textNode.runEnd = run.end;
    const covering = run.covering;
    if (!covering.length) return textNode;
    const span = document.createElement('span') as RunSpan;
    span.runStart = run.start;
    span.runEnd = run.end;
    span.setAttribute('data-s', String(run.start));
    span.setAttribute('data-e', String(run.end));
    const innermost = covering.length === 1 ? covering : covering.slice().sort(innermostFirst);
    let ids = innermost[0].id;
    for (let i = 1; i < innermost.length; i++) ids += ' ' + innermost[i].id;
    span.setAttribute('data-ids', ids);
    const inner = innermost[0];
    let classes = (inner.tintClassName ??= tintClass(inner.color, inner.mine, inner.pattern));
    let deepestLane = 0;
    let badges: {initials: string; color: string}[] | null = null;
    for (const h of covering) {
      const lane = this.laneOf(h.id) ?? 0;
      if (lane > deepestLane) deepestLane = lane;
      if (h.cachedLane !== lane) {
        h.cachedLane = lane;
        h.laneClassName = laneClass(lane, h.color, h.mine, h.authorColor);
      }
      classes += ' ' + h.laneClassName;
      const initials = h.start === run.start && h.authorColor ? safeInitials(h.source.authorInitials) : null;
      if (initials && !badges?.some((b) => b.initials === initials)) {
        (badges ??= []).push({initials, color: h.authorColor!});
      }
    }
    if (badges) classes += ' cb-badged ' + badgeClass(badges);
    span.className = depthClass(deepestLane) + ' ' + classes;
    span.appendChild(textNode);
    return span;
  }

  /** Index of the run containing code point `codePoint` (the last run for offsets at or past the end). */
  runAt(codePoint: number): number {
    const i = lowerBound(this.runStarts, codePoint + 1) - 1;
    return Math.max(0, Math.min(this.runStarts.length - 1, i));
  }

  /** The run node containing `codePoint`, or undefined when nothing is drawn. */
  runNodeAt(codePoint: number): RunNode | undefined {
    return this.runNodes.length ? this.runNodes[this.runAt(codePoint)] : undefined;
  }

  /** The runs overlapping [start, end) (clamped to the text), or null when there are none. */
  slice(start: number, end: number): RunSlice | null {
    const length = this.index.length;
    start = Math.max(0, start);
    end = Math.min(length, end);
    if (end <= start || !this.runStarts.length) return null;
    const first = this.runAt(start);
    const last = this.runAt(end - 1);
    const sliceEnd = last + 1 < this.runStarts.length ? this.runStarts[last + 1] : length;
    return {first, last, start: this.runStarts[first], end: sliceEnd};
  }

  /** Whether `node` lies inside one of the runs of `slice`. */
  sliceContains(slice: RunSlice, node: Node): boolean {
    for (let i = slice.first; i <= slice.last; i++) if (this.runNodes[i].contains(node)) return true;
    return false;
  }

  /** Replaces the runs of `slice` with freshly planned ones over the same code points. */
  redraw(slice: RunSlice, laneOrdered: readonly Highlight[]): void {
    const runs = planRuns(slice.start, slice.end, this.chunkStarts, laneOrdered);
    const nodes = runs.map((run) => this.createRun(run));
    let j = 0;
    let i = slice.first;
    while (i <= slice.last) {
      const chunk = this.runChunks[i];
      let last = i;
      while (last + 1 <= slice.last && this.runChunks[last + 1] === chunk) last++;
      const anchor = this.runNodes[last].nextSibling;
      for (let x = i; x <= last; x++) this.runNodes[x].remove();
      const fragment = document.createDocumentFragment();
      while (j < nodes.length && runs[j].chunk === chunk) fragment.appendChild(nodes[j++]);
      this.chunkElements[chunk].insertBefore(fragment, anchor);
      i = last + 1;
    }
    const count = slice.last - slice.first + 1;
    this.runStarts.splice(slice.first, count, ...runs.map((run) => run.start));
    this.runNodes.splice(slice.first, count, ...nodes);
    this.runChunks.splice(slice.first, count, ...runs.map((run) => run.chunk));
  }

  /** Maps a DOM boundary point to a code point offset, clamped to the text. */
  codePointAt(node: Node, offset: number, roundUp: boolean): number {
    const container = this.container;
    const length = this.index.length;
    if (node !== container && !container.contains(node)) {
      const range = document.createRange();
      range.selectNodeContents(container);
      try {
        return range.comparePoint(node, offset) < 0 ? 0 : length;
      } catch {
        return 0;
      }
    }
    if (node === container) return offset < this.chunkStarts.length ? this.chunkStarts[offset] : length;
    if (node.nodeType === Node.TEXT_NODE && hasRunRange(node)) {
      const run = node as RunText;
      const utf16 = this.index.toUtf16(run.runStart) + Math.min(offset, run.length);
      return Math.max(run.runStart, Math.min(run.runEnd, this.index.toCodePoint(utf16, roundUp)));
    }
    if (hasRunRange(node)) return offset === 0 ? node.runStart : node.runEnd;
    if (node.parentNode === container) {
      // a chunk element
      const child = node.childNodes[offset];
      if (hasRunRange(child)) return child.runStart;
      const c = this.chunkElements.indexOf(node as HTMLDivElement);
      return c >= 0 && c + 1 < this.chunkStarts.length ? this.chunkStarts[c + 1] : length;
    }
    // anything else inside: walk up to its run
    for (let n: Node | null = node; n && n !== container; n = n.parentNode) {
      if (hasRunRange(n)) return roundUp ? n.runEnd : n.runStart;
    }
    return 0;
  }

  /** Maps a code point offset to a DOM boundary point (a run's text node and a UTF-16 offset in it). */
  pointAt(codePoint: number): DomPoint {
    if (!this.runNodes.length) return [this.container, 0];
    const run = this.runNodes[this.runAt(codePoint)];
    const textNode = textNodeOf(run);
    const offset = this.index.toUtf16(Math.min(codePoint, run.runEnd)) - this.index.toUtf16(run.runStart);
    return [textNode, Math.max(0, Math.min(textNode.length, offset))];
  }
}
