/*
 * The claims board's data and its pure logic: which claims a filter keeps, in which order, and which
 * rows and columns of the grid are in view (windowing). No DOM here, so vitest checks it directly.
 * The shapes are those of GET /api/claims/board (docs/api.md).
 */

export type Stance = 'SUPPORTS' | 'CONTRADICTS' | 'QUALIFIES';

/** One column: a source holding at least one member the viewer may see; published is "YYYY-MM-DD" or null. */
export interface BoardSource {
  id: number;
  title: string;
  publisher: string | null;
  published: string | null;
}

/** One filled cell: what a source says about a claim (absent cells are "silent"). */
export interface BoardCell {
  source: number;
  /** The strongest stance among the source's members: CONTRADICTS over QUALIFIES over SUPPORTS. */
  stance: Stance;
  /** How many of the claim's visible members sit in this source. */
  members: number;
  /** The first member's annotation and span (code points), for sources/{id}?at=START-END. */
  annotation: number;
  start: number;
  end: number;
  /** True when one of these members states a detail that drifts from the others. */
  drift: boolean;
}

/** One row. */
export interface BoardClaim {
  id: number;
  statement: string;
  contradictions: number;
  driftKinds: number;
  cells: BoardCell[];
}

export interface Board {
  sources: BoardSource[];
  claims: BoardClaim[];
}

/** The board's filters; empty values keep everything. */
export interface BoardFilter {
  text: string;
  source: number | null;
  stance: Stance | null;
  contradictions: boolean;
  drift: boolean;
}

export const NO_FILTER: BoardFilter = {text: '', source: null, stance: null, contradictions: false, drift: false};

export type BoardSort = 'attention' | 'statement' | 'sources';

/** What a cell shows: a glyph (a shape, not colour alone) and the word read out for it. */
export const STANCE_MARKS: Record<Stance | 'SILENT', {glyph: string; word: string}> = {
  SUPPORTS: {glyph: '●', word: 'carries'},
  CONTRADICTS: {glyph: '✕', word: 'contradicts'},
  QUALIFIES: {glyph: '◐', word: 'qualifies'},
  SILENT: {glyph: '', word: 'silent'},
};

/** Folds case and accents so "cafe" finds "Café". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** The claims the filter keeps, in their given order. Source and stance together ask for that stance in that source. */
export function filterClaims(claims: readonly BoardClaim[], filter: BoardFilter): BoardClaim[] {
  const words = fold(filter.text.trim()).split(/\s+/).filter((w) => w.length > 0);
  return claims.filter((claim) => {
    if (filter.contradictions && claim.contradictions === 0) return false;
    if (filter.drift && claim.driftKinds === 0) return false;
    if (words.length > 0) {
      const statement = fold(claim.statement);
      if (!words.every((w) => statement.includes(w))) return false;
    }
    if (filter.source !== null || filter.stance !== null) {
      return claim.cells.some((cell) => (filter.source === null || cell.source === filter.source)
          && (filter.stance === null || cell.stance === filter.stance));
    }
    return true;
  });
}

/**
 * Sorts a copy. "attention" (the default) puts contradictions first, then drift, then claims carried by
 * more sources; "statement" is alphabetical; "sources" puts the most widely reported first. Ties keep id order.
 */
export function sortClaims(claims: readonly BoardClaim[], sort: BoardSort): BoardClaim[] {
  const byStatement = (a: BoardClaim, b: BoardClaim) => a.statement.localeCompare(b.statement, 'en', {sensitivity: 'base'});
  const compare: (a: BoardClaim, b: BoardClaim) => number = {
    attention: (a: BoardClaim, b: BoardClaim) => (b.contradictions - a.contradictions) || (b.driftKinds - a.driftKinds)
        || (b.cells.length - a.cells.length),
    statement: byStatement,
    sources: (a: BoardClaim, b: BoardClaim) => (b.cells.length - a.cells.length) || byStatement(a, b),
  }[sort];
  return [...claims].sort((a, b) => compare(a, b) || a.id - b.id);
}

/** A half-open range of indexes [first, last) to render. */
export interface Span {
  first: number;
  last: number;
}

/**
 * The items of a fixed-size list that touch the viewport, widened by {@code overscan} on each side,
 * clamped to [0, count). {@code offset} is how far the list has scrolled past its first item, in pixels.
 */
export function windowOf(offset: number, viewport: number, size: number, count: number, overscan = 3): Span {
  if (count <= 0 || size <= 0) return {first: 0, last: 0};
  const first = Math.max(0, Math.floor(Math.max(0, offset) / size) - overscan);
  const last = Math.min(count, Math.ceil((Math.max(0, offset) + Math.max(0, viewport)) / size) + overscan);
  return {first: Math.min(first, count), last: Math.max(last, Math.min(first, count))};
}

/**
 * The scroll offset that brings item {@code index} fully into a viewport of {@code viewport} pixels
 * (unchanged when it already is).
 */
export function scrollToShow(offset: number, viewport: number, size: number, index: number): number {
  const top = index * size;
  if (top < offset) return top;
  if (top + size > offset + viewport) return Math.max(0, top + size - viewport);
  return offset;
}

/** The keys that move the active cell, and where they move it, clamped to the grid (row -1 is the header). */
export function moveCell(key: string, row: number, col: number, rows: number, cols: number, page: number,
                         ctrl = false): {row: number; col: number} | null {
  let r = row;
  let c = col;
  switch (key) {
    case 'ArrowUp': r -= 1; break;
    case 'ArrowDown': r += 1; break;
    case 'ArrowLeft': c -= 1; break;
    case 'ArrowRight': c += 1; break;
    case 'PageUp': r -= page; break;
    case 'PageDown': r += page; break;
    case 'Home': c = -1; if (ctrl) r = 0; break;
    case 'End': c = cols - 1; if (ctrl) r = rows - 1; break;
    default: return null;
  }
  // Column -1 is the statement; rows start at 0.
  return {row: Math.max(0, Math.min(rows - 1, r)), col: Math.max(-1, Math.min(cols - 1, c))};
}

/** Each claim's cells by source id, built once per board so a paint looks cells up in constant time. */
export function cellIndex(claims: readonly BoardClaim[]): Map<number, Map<number, BoardCell>> {
  const index = new Map<number, Map<number, BoardCell>>();
  for (const claim of claims) {
    index.set(claim.id, new Map(claim.cells.map((cell) => [cell.source, cell])));
  }
  return index;
}

/** "12 May 2026", or "no date". */
export function formatPublished(published: string | null): string {
  if (!published) return 'no date';
  const [y, m, d] = published.split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}

/** What a screen reader hears for one cell. */
export function describeCell(cell: BoardCell | undefined, source: BoardSource): string {
  if (!cell) return `${source.title}: silent`;
  const word = STANCE_MARKS[cell.stance].word;
  const many = cell.members > 1 ? `, ${cell.members} passages` : '';
  return `${source.title}: ${word}${many}${cell.drift ? ', details drift' : ''}`;
}

/** The columns of the claims shown: the board's sources (in their order) that hold a cell of one of them. */
export function sourcesOf(claims: readonly BoardClaim[], sources: readonly BoardSource[]): BoardSource[] {
  const used = new Set<number>();
  for (const claim of claims) {
    for (const cell of claim.cells) used.add(cell.source);
  }
  return sources.filter((source) => used.has(source.id));
}
