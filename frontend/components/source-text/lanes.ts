/*
 * Lanes: overlapping highlights are drawn as stacked underlines, one lane each, assigned by
 * greedy interval colouring over the highlights in lane order.
 */
import type {Highlight} from './types.js';

function byId(a: Highlight, b: Highlight): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Lane order: by start, longer first, then id. */
export function laneOrder(a: Highlight, b: Highlight): number {
  return a.start - b.start || b.end - a.end || byId(a, b);
}

/** Innermost first: shortest, then later start, then id. */
export function innermostFirst(a: Highlight, b: Highlight): number {
  return a.end - a.start - (b.end - b.start) || b.start - a.start || byId(a, b);
}

/** Keyboard navigation order: by start, then end, then id. */
export function navigationOrder(a: Highlight, b: Highlight): number {
  return a.start - b.start || a.end - b.end || byId(a, b);
}

/** Where `h` goes in the lane-ordered `list` (the first element not before it). */
function laneOrderPosition(list: Highlight[], h: Highlight): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (laneOrder(list[mid], h) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `h` into the lane-ordered `list`, keeping it ordered. */
export function insertInLaneOrder(list: Highlight[], h: Highlight): void {
  list.splice(laneOrderPosition(list, h), 0, h);
}

/** Removes the highlight with `h`'s id from the lane-ordered `list` (found by `h`'s position, else by id). */
export function removeFromLaneOrder(list: Highlight[], h: Highlight): void {
  const at = laneOrderPosition(list, h);
  if (list[at] && list[at].id === h.id) {
    list.splice(at, 1);
    return;
  }
  const found = list.findIndex((x) => x.id === h.id);
  if (found >= 0) list.splice(found, 1);
}

/**
 * Assigns each highlight of the lane-ordered `list` the lowest lane (0 = closest to the text)
 * that is free at its start.
 */
export function assignLanes(list: Highlight[]): Map<string, number> {
  const lanes = new Map<string, number>();
  const laneEnds: number[] = [];
  for (const h of list) {
    let lane = 0;
    while (lane < laneEnds.length && laneEnds[lane] > h.start) lane++;
    laneEnds[lane] = h.end;
    lanes.set(h.id, lane);
  }
  return lanes;
}
