/*
 * The annotations of one text as highlights: normalised, in lane order, with their lanes, and
 * kept up to date one change at a time.
 */
import {assignLanes, insertInLaneOrder, laneOrder, navigationOrder, removeFromLaneOrder} from './lanes.js';
import type {CodePointRange, Highlight, SourceAnnotation, SourceLabel} from './types.js';

/** Checks a colour before it goes into CSS text; the caller substitutes a fallback when it is refused. */
export type ColorCheck = (color: string | undefined | null) => string;

/** Clamps an annotation's range to [0, textLength], orders it, and resolves its colour (own, else its label's). */
export function toHighlight(
  annotation: SourceAnnotation,
  textLength: number,
  labels: SourceLabel[],
  checkColor: ColorCheck,
): Highlight {
  let start = Math.max(0, Math.min(textLength, Math.floor(Number(annotation.start) || 0)));
  let end = Math.max(0, Math.min(textLength, Math.floor(Number(annotation.end) || 0)));
  if (end < start) [start, end] = [end, start];
  const pattern = labels.findIndex((l) => l.name === annotation.label);
  const label = pattern < 0 ? undefined : labels[pattern];
  return {
    id: String(annotation.id),
    start,
    end,
    color: checkColor(annotation.color || label?.color),
    mine: !!annotation.mine,
    authorColor: !annotation.mine && annotation.authorColor ? checkColor(annotation.authorColor) : undefined,
    pattern,
    source: annotation,
  };
}

function isVisible(h: Highlight | undefined): h is Highlight {
  return h !== undefined && h.end > h.start;
}

/**
 * The annotations given to the component (by id) and, once laid out against a text, their
 * highlights: the visible (non-empty) ones in lane order and the lane of each.
 */
export class HighlightSet {
  /** Every annotation given, by id, including changes not laid out yet. */
  readonly given = new Map<string, SourceAnnotation>();
  private byId = new Map<string, Highlight>();
  private lanes = new Map<string, number>();
  private navigationList: Highlight[] | null = null;
  private textLength = 0;
  private labels: SourceLabel[] = [];

  /** The visible highlights in lane order. */
  laneOrdered: Highlight[] = [];

  constructor(private readonly checkColor: ColorCheck) {}

  /** Replaces every given annotation (laid out at the next `layout`). */
  replaceAll(annotations: SourceAnnotation[]): void {
    this.given.clear();
    for (const a of annotations) if (a && a.id != null) this.given.set(String(a.id), a);
  }

  /** Lays every given annotation out against a text of `textLength` code points. */
  layout(textLength: number, labels: SourceLabel[]): void {
    this.textLength = textLength;
    this.labels = labels;
    this.byId = new Map();
    this.laneOrdered = [];
    for (const [id, annotation] of this.given) {
      const h = this.normalise(annotation);
      this.byId.set(id, h);
      if (isVisible(h)) this.laneOrdered.push(h);
    }
    this.laneOrdered.sort(laneOrder);
    this.navigationList = null;
    this.lanes = assignLanes(this.laneOrdered);
  }

  /** The highlight of a laid-out annotation. */
  get(id: string | null | undefined): Highlight | undefined {
    return id == null ? undefined : this.byId.get(String(id));
  }

  /** The lane of a visible highlight, or undefined. */
  laneOf(id: string): number | undefined {
    return this.lanes.get(id);
  }

  /** The visible highlights by start, then end: the order the arrow keys walk. */
  navigationOrdered(): Highlight[] {
    return (this.navigationList ??= this.laneOrdered.slice().sort(navigationOrder));
  }

  /**
   * Adds or replaces one annotation in the laid-out set. Returns the range whose drawing changed
   * (its old and new extent, widened to every highlight whose lane moved), or null.
   */
  upsert(annotation: SourceAnnotation): CodePointRange | null {
    const id = String(annotation.id);
    this.given.set(id, annotation);
    const old = this.byId.get(id);
    const next = this.normalise(annotation);
    this.byId.set(id, next);
    if (isVisible(old)) removeFromLaneOrder(this.laneOrdered, old);
    if (isVisible(next)) insertInLaneOrder(this.laneOrdered, next);
    this.navigationList = null;
    let lo = Infinity;
    let hi = -Infinity;
    if (isVisible(old)) {
      lo = old.start;
      hi = old.end;
    }
    if (isVisible(next)) {
      lo = Math.min(lo, next.start);
      hi = Math.max(hi, next.end);
    }
    return this.relane(lo, hi);
  }

  /** Removes one annotation from the laid-out set; returns the range whose drawing changed, or null. */
  remove(id: string): CodePointRange | null {
    this.given.delete(id);
    const old = this.byId.get(id);
    this.byId.delete(id);
    if (!isVisible(old)) return null;
    removeFromLaneOrder(this.laneOrdered, old);
    this.navigationList = null;
    return this.relane(old.start, old.end);
  }

  private normalise(annotation: SourceAnnotation): Highlight {
    return toHighlight(annotation, this.textLength, this.labels, this.checkColor);
  }

  /** Recomputes the lanes and widens [lo, hi) to the extent of every highlight whose lane changed. */
  private relane(lo: number, hi: number): CodePointRange | null {
    const lanes = assignLanes(this.laneOrdered);
    for (const h of this.laneOrdered) {
      if (this.lanes.get(h.id) !== lanes.get(h.id)) {
        if (h.start < lo) lo = h.start;
        if (h.end > hi) hi = h.end;
      }
    }
    this.lanes = lanes;
    return hi > lo ? {start: lo, end: hi} : null;
  }
}
