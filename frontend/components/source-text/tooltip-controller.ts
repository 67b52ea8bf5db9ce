/*
 * The tooltip of <cb-source-text>: hovering a highlighted run lists every annotation there;
 * moving to an annotation with the keyboard (or focusing the text with one selected) shows it too.
 */
import type {ReactiveController} from 'lit';
import type {SourceTextHost} from './host.js';
import type {RunSpan} from './text-runs.js';
import type {Highlight, SourceLabel} from './types.js';

/** Hover delay before the tooltip shows (ms). */
export const TOOLTIP_DELAY = 120;

/** How an annotation is described in the tooltip and to screen readers. */
export function describeHighlight(highlight: Highlight, labels: readonly SourceLabel[]): string {
  const source = highlight.source;
  if (source.tooltip) return source.tooltip;
  const label = labels.find((l) => l.name === source.label);
  return `${label?.title || source.label}${highlight.mine ? '' : ' (colleague)'}`;
}

/** The highlights covering a run, innermost first (its data-ids). */
export function coveringHighlights(run: Element, lookup: (id: string) => Highlight | undefined): Highlight[] {
  const ids = run.getAttribute('data-ids');
  if (!ids) return [];
  const found: Highlight[] = [];
  for (const id of ids.split(' ')) {
    const h = lookup(id);
    if (h) found.push(h);
  }
  return found;
}

/** Where a tooltip of the given size goes: under the run's line fragment, inside the viewport. */
export function tooltipPosition(
  fragment: {left: number; top: number; bottom: number},
  pointerX: number,
  size: {width: number; height: number},
  viewport: {width: number; height: number},
): {left: number; top: number} {
  let left = Number.isNaN(pointerX) ? fragment.left : pointerX - 12;
  left = Math.max(4, Math.min(viewport.width - size.width - 4, left));
  let top = fragment.bottom + 4;
  if (top + size.height > viewport.height - 4) top = fragment.top - size.height - 6;
  return {left, top: Math.max(4, top)};
}

export class TooltipController implements ReactiveController {
  private timer = 0;
  /** The run the tooltip is shown for. */
  private anchorRun: RunSpan | null = null;

  constructor(
    private readonly host: SourceTextHost,
    private readonly isPointerDown: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const host = this.host;
    host.addEventListener('mousedown', this.onMouseDown);
    host.addEventListener('mouseover', this.onMouseOver);
    host.addEventListener('mouseout', this.onMouseOut);
    host.addEventListener('focus', this.onFocus);
    host.addEventListener('blur', this.hide);
    host.addEventListener('scroll', this.hide, {passive: true});
    window.addEventListener('scroll', this.hide, {passive: true, capture: true});
  }

  hostDisconnected(): void {
    const host = this.host;
    host.removeEventListener('mousedown', this.onMouseDown);
    host.removeEventListener('mouseover', this.onMouseOver);
    host.removeEventListener('mouseout', this.onMouseOut);
    host.removeEventListener('focus', this.onFocus);
    host.removeEventListener('blur', this.hide);
    host.removeEventListener('scroll', this.hide);
    window.removeEventListener('scroll', this.hide, {capture: true});
    this.hide();
  }

  /** Hides the tooltip and cancels a pending one. */
  readonly hide = (): void => {
    clearTimeout(this.timer);
    this.anchorRun = null;
    const tip = this.host.tooltipElement;
    if (tip && !tip.hidden) tip.hidden = true;
  };

  /** Hides the tooltip if the run it was shown for has been redrawn away. */
  hideIfDetached(): void {
    if (this.anchorRun && !this.anchorRun.isConnected) this.hide();
  }

  /** Shows the tooltip for `highlight` (listed first) under the run where it starts. */
  showFor(highlight: Highlight): void {
    const run = this.host.runs?.runNodeAt(highlight.start);
    if (!run || run.nodeType === Node.TEXT_NODE) return;
    const covering = this.covering(run as RunSpan);
    this.show([highlight, ...covering.filter((h) => h.id !== highlight.id)], run as RunSpan, NaN, NaN);
  }

  private covering(run: Element): Highlight[] {
    return coveringHighlights(run, (id) => this.host.highlights.get(id));
  }

  private runUnder(target: EventTarget | null): RunSpan | null {
    const run = (target as Element | null)?.closest?.('span[data-ids]') as RunSpan | null;
    return run && this.host.runs?.container.contains(run) ? run : null;
  }

  private readonly onMouseDown = (e: MouseEvent): void => {
    if (e.button === 0 && this.host.runs?.container.contains(e.target as Node)) this.hide();
  };

  private readonly onMouseOver = (e: MouseEvent): void => {
    if (this.isPointerDown()) return;
    const run = this.runUnder(e.target);
    if (!run) return;
    if (run === this.anchorRun && this.host.tooltipElement && !this.host.tooltipElement.hidden) return;
    clearTimeout(this.timer);
    const x = e.clientX;
    const y = e.clientY;
    this.timer = window.setTimeout(() => {
      if (run.isConnected) this.show(this.covering(run), run, x, y);
    }, TOOLTIP_DELAY);
  };

  private readonly onMouseOut = (e: MouseEvent): void => {
    const run = (e.target as Element).closest?.('span[data-ids]');
    if (!run) return;
    const to = e.relatedTarget as Node | null;
    if (to && run.contains(to)) return;
    this.hide();
  };

  private readonly onFocus = (): void => {
    const selected = this.host.highlights.get(this.host.selectedId);
    if (selected && this.host.matches(':focus-visible')) this.showFor(selected);
  };

  private show(list: Highlight[], run: RunSpan, x: number, y: number): void {
    const tip = this.host.tooltipElement;
    if (!tip || !list.length) return;
    clearTimeout(this.timer);
    const fragment = document.createDocumentFragment();
    for (const h of list) {
      const row = document.createElement('div');
      const swatch = document.createElement('i');
      swatch.style.backgroundColor = h.color;
      if (!h.mine) swatch.className = 'other';
      const text = document.createElement('span');
      text.textContent = describeHighlight(h, this.host.labels);
      row.append(swatch, text);
      fragment.appendChild(row);
    }
    tip.replaceChildren(fragment);
    tip.hidden = false;
    this.anchorRun = run;
    // under the line fragment that holds the pointer, or the first one
    const fragments = Array.from(run.getClientRects());
    let anchor = fragments[0];
    if (!Number.isNaN(x)) {
      for (const r of fragments) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) {
          anchor = r;
          break;
        }
      }
    }
    if (!anchor) return;
    const position = tooltipPosition(
      anchor,
      x,
      {width: tip.offsetWidth, height: tip.offsetHeight},
      {width: document.documentElement.clientWidth, height: document.documentElement.clientHeight},
    );
    tip.style.left = `${position.left}px`;
    tip.style.top = `${position.top}px`;
  }
}
