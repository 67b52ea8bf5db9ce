/*
 * The box around the selected annotation: one outline per line it spans, and a bold bar over
 * its own underline, drawn in a layer above the text and redrawn when the text resizes.
 */
import type {ReactiveController} from 'lit';
import type {SourceTextHost} from './host.js';
import {textNodeOf} from './text-runs.js';
import {LANE_PITCH, MAX_LANES} from './styles.js';

/** A box in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Merges the client rectangles of a range's fragments into one box per line: rectangles that
 * overlap vertically by more than 2 px are on the same line. Empty rectangles are ignored.
 */
export function mergeIntoLines(rects: Iterable<Box & {width: number; height: number}>): Box[] {
  const sorted = Array.from(rects).filter((r) => r.width > 0 || r.height > 0);
  sorted.sort((x, y) => x.top - y.top || x.left - y.left);
  const lines: Box[] = [];
  for (const r of sorted) {
    const line = lines.length ? lines[lines.length - 1] : null;
    if (line && r.top < line.bottom - 2 && r.bottom > line.top + 2) {
      line.left = Math.min(line.left, r.left);
      line.right = Math.max(line.right, r.right);
      line.top = Math.min(line.top, r.top);
      line.bottom = Math.max(line.bottom, r.bottom);
    } else {
      lines.push({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
    }
  }
  return lines;
}

export class SelectionOverlayController implements ReactiveController {
  private frame = 0;
  private flashTimer = 0;
  private observer: ResizeObserver | null = null;

  constructor(private readonly host: SourceTextHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer ??= new ResizeObserver(() => this.schedule());
    this.observer.observe(this.host);
    this.observeChunks(this.host.runs?.chunkElements ?? []);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** Follows the size of these chunks (the text's blocks) from now on. */
  observeChunks(chunks: readonly Element[]): void {
    for (const chunk of chunks) this.observer?.observe(chunk);
  }

  /** Stops following these chunks (before they are replaced). */
  unobserveChunks(chunks: readonly Element[]): void {
    for (const chunk of chunks) this.observer?.unobserve(chunk);
  }

  /** Redraws at the next animation frame (once, however often asked). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /**
   * Flashes the box once (an annotation reached with ] or [, or from the annotation list): the
   * class sits on the layer for the animation's length, so a redraw meanwhile (scrolling there
   * redraws the box) keeps flashing instead of ending it.
   */
  flash(): void {
    const layer = this.host.overlayLayer;
    if (!layer) return;
    layer.classList.remove('cb-flash');
    void layer.offsetWidth; // restarts the animation when it is already running
    layer.classList.add('cb-flash');
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => layer.classList.remove('cb-flash'), 800);
  }

  /** Draws the box around the selected annotation now, or clears it. */
  draw(): void {
    const host = this.host;
    const layer = host.overlayLayer;
    const runs = host.runs;
    if (!layer) return;
    const selected = host.highlights.get(host.selectedId);
    if (!selected || selected.end <= selected.start || !runs || runs.isEmpty) {
      if (layer.firstChild) layer.replaceChildren();
      return;
    }
    host.style.setProperty('--cb-sel-color', selected.color);
    const first = runs.runAt(selected.start);
    const last = runs.runAt(selected.end - 1);
    const range = document.createRange();
    const rects: DOMRect[] = [];
    for (let i = first; i <= last; i++) {
      range.selectNodeContents(textNodeOf(runs.runNodes[i]));
      rects.push(...range.getClientRects());
    }
    const lines = mergeIntoLines(rects);
    const box = host.getBoundingClientRect();
    const dx = -box.left - host.clientLeft + host.scrollLeft;
    const dy = -box.top - host.clientTop + host.scrollTop;
    const lane = Math.min(host.highlights.laneOf(selected.id) ?? 0, MAX_LANES - 1);
    const barOffset = 2 + LANE_PITCH * lane - 0.5;
    const fragment = document.createDocumentFragment();
    for (const line of lines) {
      const outline = document.createElement('div');
      outline.style.left = `${line.left + dx - 3}px`;
      outline.style.top = `${line.top + dy - 1}px`;
      outline.style.width = `${line.right - line.left + 6}px`;
      outline.style.height = `${line.bottom - line.top + 2}px`;
      const bar = document.createElement('div');
      bar.className = 'bar';
      bar.style.left = `${line.left + dx}px`;
      bar.style.top = `${line.bottom + dy + barOffset}px`;
      bar.style.width = `${line.right - line.left}px`;
      fragment.append(outline, bar);
    }
    layer.replaceChildren(fragment);
  }
}
