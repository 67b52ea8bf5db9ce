import {describe, expect, it} from 'vitest';
import {BoardClaim, BoardCell, cellIndex, describeCell, filterClaims, formatPublished, moveCell, NO_FILTER,
  scrollToShow, sortClaims, sourcesOf, windowOf} from './board-model.js';

const cell = (source: number, stance: BoardCell['stance'], drift = false): BoardCell =>
  ({source, stance, members: 1, annotation: source * 10, start: 0, end: 5, drift});

const claims: BoardClaim[] = [
  {id: 1, statement: 'The plant closed in March', contradictions: 0, driftKinds: 0, cells: [cell(1, 'SUPPORTS')]},
  {id: 2, statement: 'Seventeen officers were injured', contradictions: 1, driftKinds: 1,
    cells: [cell(1, 'SUPPORTS'), cell(2, 'CONTRADICTS', true)]},
  {id: 3, statement: 'The café owner, aged 34, was arrested', contradictions: 0, driftKinds: 2,
    cells: [cell(2, 'QUALIFIES', true), cell(3, 'SUPPORTS', true)]},
  {id: 4, statement: 'Water tests were delayed', contradictions: 2, driftKinds: 0,
    cells: [cell(1, 'CONTRADICTS'), cell(2, 'CONTRADICTS'), cell(3, 'SUPPORTS')]},
];

const ids = (list: BoardClaim[]) => list.map((c) => c.id);

describe('filterClaims', () => {
  it('keeps everything without a filter', () => {
    expect(ids(filterClaims(claims, NO_FILTER))).toEqual([1, 2, 3, 4]);
  });

  it('finds every word of the text in the statement, ignoring case and accents', () => {
    expect(ids(filterClaims(claims, {...NO_FILTER, text: 'CAFE arrested'}))).toEqual([3]);
    expect(ids(filterClaims(claims, {...NO_FILTER, text: '  the  '}))).toEqual([1, 3]);
    expect(ids(filterClaims(claims, {...NO_FILTER, text: 'nothing like it'}))).toEqual([]);
  });

  it('keeps claims with a member in the source, with the stance, or with that stance in that source', () => {
    expect(ids(filterClaims(claims, {...NO_FILTER, source: 3}))).toEqual([3, 4]);
    expect(ids(filterClaims(claims, {...NO_FILTER, stance: 'QUALIFIES'}))).toEqual([3]);
    expect(ids(filterClaims(claims, {...NO_FILTER, source: 2, stance: 'CONTRADICTS'}))).toEqual([2, 4]);
    expect(ids(filterClaims(claims, {...NO_FILTER, source: 3, stance: 'CONTRADICTS'}))).toEqual([]);
  });

  it('keeps only contradicted or only drifting claims, and both together', () => {
    expect(ids(filterClaims(claims, {...NO_FILTER, contradictions: true}))).toEqual([2, 4]);
    expect(ids(filterClaims(claims, {...NO_FILTER, drift: true}))).toEqual([2, 3]);
    expect(ids(filterClaims(claims, {...NO_FILTER, contradictions: true, drift: true}))).toEqual([2]);
  });
});

describe('sortClaims', () => {
  it('puts contradictions first, then drift, then the widely reported (the default)', () => {
    expect(ids(sortClaims(claims, 'attention'))).toEqual([4, 2, 3, 1]);
  });

  it('sorts by statement or by how many sources carry the claim, ties by id, without changing the input', () => {
    expect(ids(sortClaims(claims, 'statement'))).toEqual([2, 3, 1, 4]);
    expect(ids(sortClaims(claims, 'sources'))).toEqual([4, 2, 3, 1]);
    expect(ids(claims)).toEqual([1, 2, 3, 4]);
  });
});

describe('windowOf', () => {
  it('renders the rows in view plus the overscan, clamped to the list', () => {
    expect(windowOf(0, 100, 20, 1000, 2)).toEqual({first: 0, last: 7});
    expect(windowOf(1000, 100, 20, 1000, 2)).toEqual({first: 48, last: 57});
    expect(windowOf(19_900, 200, 20, 1000, 2)).toEqual({first: 993, last: 1000});
  });

  it('copes with an empty list, a scroll past the end and a negative bounce', () => {
    expect(windowOf(0, 100, 20, 0)).toEqual({first: 0, last: 0});
    expect(windowOf(-40, 100, 20, 10, 0)).toEqual({first: 0, last: 5});
    const past = windowOf(10_000, 100, 20, 10, 0);
    expect(past.first).toBeLessThanOrEqual(past.last);
    expect(past.last).toBe(10);
  });

  it('keeps a 1,000 by 500 board to a few hundred cells per paint', () => {
    const rows = windowOf(12_345, 700, 36, 1000);
    const cols = windowOf(3_000, 1200, 44, 500);
    expect((rows.last - rows.first) * (cols.last - cols.first)).toBeLessThan(1500);
  });
});

describe('scrollToShow', () => {
  it('scrolls only as far as needed to show the item', () => {
    expect(scrollToShow(100, 200, 20, 10)).toBe(100);
    expect(scrollToShow(100, 200, 20, 2)).toBe(40);
    expect(scrollToShow(100, 200, 20, 20)).toBe(220);
  });
});

describe('moveCell', () => {
  it('moves by arrows and pages, clamped to the grid; Home goes to the statement', () => {
    expect(moveCell('ArrowRight', 0, -1, 10, 5, 4)).toEqual({row: 0, col: 0});
    expect(moveCell('ArrowLeft', 0, -1, 10, 5, 4)).toEqual({row: 0, col: -1});
    expect(moveCell('ArrowUp', 0, 2, 10, 5, 4)).toEqual({row: 0, col: 2});
    expect(moveCell('PageDown', 8, 2, 10, 5, 4)).toEqual({row: 9, col: 2});
    expect(moveCell('Home', 3, 3, 10, 5, 4)).toEqual({row: 3, col: -1});
    expect(moveCell('End', 3, 0, 10, 5, 4, true)).toEqual({row: 9, col: 4});
    expect(moveCell('a', 3, 0, 10, 5, 4)).toBeNull();
  });
});

describe('cells', () => {
  it('indexes cells by claim and source, and describes them in words', () => {
    const index = cellIndex(claims);
    const source = {id: 2, title: 'Vale Courier', publisher: null, published: null};
    expect(describeCell(index.get(2)?.get(2), source)).toBe('Vale Courier: contradicts, details drift');
    expect(describeCell(index.get(1)?.get(2), source)).toBe('Vale Courier: silent');
  });

  it('formats a published date plainly', () => {
    expect(formatPublished('2026-05-12')).toBe('12 May 2026');
    expect(formatPublished(null)).toBe('no date');
  });
});

describe('sourcesOf', () => {
  it('keeps the columns of the claims shown, in the board order', () => {
    const sources = [1, 2, 3, 4].map((id) => ({id, title: `S${id}`, publisher: null, published: null}));
    expect(sourcesOf(claims.slice(0, 2), sources).map((s) => s.id)).toEqual([1, 2]);
    expect(sourcesOf(claims, sources).map((s) => s.id)).toEqual([1, 2, 3]);
    expect(sourcesOf([], sources)).toEqual([]);
  });
});
