/*
 * Which annotation the arrow keys or a repeated click move to. Pure functions over highlights.
 */
import type {Highlight} from './types.js';

/**
 * The index in `ordered` (navigation order) of the highlight the arrow key moves to: the next
 * (`direction` 1) or previous (-1) one from the selected highlight, stopping at the ends. With
 * none selected, the first one starting at or after `from` (forwards) or the last one starting
 * before it (backwards), else the last or first. -1 if `ordered` is empty.
 */
export function navigationTarget(
  ordered: readonly Highlight[],
  selectedId: string | null,
  direction: 1 | -1,
  from: number,
): number {
  if (!ordered.length) return -1;
  const current = selectedId != null ? ordered.findIndex((h) => h.id === selectedId) : -1;
  if (current >= 0) return Math.max(0, Math.min(ordered.length - 1, current + direction));
  if (direction > 0) {
    const next = ordered.findIndex((h) => h.start >= from);
    return next < 0 ? ordered.length - 1 : next;
  }
  for (let i = ordered.length - 1; i >= 0; i--) if (ordered[i].start < from) return i;
  return 0;
}

/** The last click on a run: the run's start and the annotation it selected. */
export interface LastClick {
  runStart: number;
  id: string;
}

/**
 * The highlight a click on a run selects, from the run's covering highlights innermost first:
 * the innermost, or, when the same run was clicked last and its pick is still selected, the
 * next one outwards (cycling).
 */
export function clickTarget(
  covering: readonly Highlight[],
  runStart: number,
  last: LastClick | null,
  selectedId: string | null,
): Highlight {
  if (last && last.runStart === runStart && selectedId === last.id) {
    const k = covering.findIndex((h) => h.id === last.id);
    if (k >= 0) return covering[(k + 1) % covering.length];
  }
  return covering[0];
}
