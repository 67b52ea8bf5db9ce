import {describe, expect, it} from 'vitest';
import './claims-board.js';
import type {ClaimsBoard} from './claims-board.js';
import type {Board, BoardClaim} from './board-model.js';
import {NO_FILTER} from './board-model.js';

/** A board of `rows` claims by `cols` sources; claim i has members in sources i..i+2 (mod cols). */
function bigBoard(rows: number, cols: number): Board {
  const sources = Array.from({length: cols}, (_, i) => ({id: i + 1, title: `Source ${i + 1}`, publisher: null,
    published: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`}));
  const claims: BoardClaim[] = Array.from({length: rows}, (_, i) => ({
    id: i + 1, statement: `Claim ${i + 1}`, contradictions: i % 10 === 0 ? 1 : 0, driftKinds: 0,
    cells: [0, 1, 2].map((k) => ({source: ((i + k) % cols) + 1, stance: k === 1 && i % 10 === 0 ? 'CONTRADICTS' as const
      : 'SUPPORTS' as const, members: 1, annotation: i * 3 + k, start: 0, end: 4, drift: false})),
  }));
  return {sources, claims};
}

async function board(data: Board, width = 1200, height = 700): Promise<ClaimsBoard> {
  document.body.replaceChildren();
  const element = document.createElement('cb-claims-board');
  document.body.append(element);
  element.board = data;
  await element.updateComplete;
  const scroller = element.shadowRoot!.querySelector('.scroller') as HTMLElement;
  Object.defineProperty(scroller, 'clientWidth', {value: width, configurable: true});
  Object.defineProperty(scroller, 'clientHeight', {value: height, configurable: true});
  (element as unknown as {measure: () => void}).measure();
  await element.updateComplete;
  return element;
}

const all = (element: ClaimsBoard, selector: string) => [...element.shadowRoot!.querySelectorAll(selector)];

describe('<cb-claims-board>', () => {
  it('puts only the rows and columns in view into the DOM, however big the board', async () => {
    const element = await board(bigBoard(1000, 500));
    expect(element.shown).toBe(1000);
    const rows = all(element, '.row').length;
    const cells = all(element, '[role=gridcell]').length;
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(30);
    expect(cells).toBeLessThan(rows * 40);
    expect(element.getAttribute('aria-rowcount') ?? all(element, '[role=grid]')[0].getAttribute('aria-rowcount'))
        .toBe('1001');
    expect(element.hasAttribute('data-painted')).toBe(true);
  });

  it('shows contradicted claims first and filters without a round trip', async () => {
    const element = await board(bigBoard(30, 10));
    expect(element.shownClaimIds().slice(0, 3)).toEqual([1, 11, 21]);
    element.filter = {...NO_FILTER, text: 'claim 2'};
    await element.updateComplete;
    expect(element.shown).toBe(12); // 2, 12, 20..29: every word anywhere in the statement
    expect(all(element, '.corner')[0].textContent!.trim()).toBe('12 of 30 claims');
  });

  it('moves the active cell by keyboard and opens the member in its source', async () => {
    const element = await board(bigBoard(30, 10));
    const grid = all(element, '[role=grid]')[0] as HTMLElement;
    const opened: unknown[] = [];
    element.addEventListener('cb-open-cell', (e) => opened.push((e as CustomEvent).detail));
    const claims: unknown[] = [];
    element.addEventListener('cb-open-claim', (e) => claims.push((e as CustomEvent).detail));
    grid.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
    expect(claims).toEqual([{claim: 1}]);
    grid.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'}));
    grid.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'}));
    await element.updateComplete;
    expect(grid.getAttribute('aria-activedescendant')).toBe('r0-c1');
    expect(all(element, '.active').map((e) => e.id)).toEqual(['r0-c1']);
    grid.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
    expect(opened).toEqual([{claim: 1, source: 2, annotation: 1, start: 0, end: 4}]);
  });

  it('marks each stance with a glyph and a word, not colour alone', async () => {
    const element = await board(bigBoard(3, 5));
    const labels = all(element, '[role=gridcell] .sr').map((c) => c.textContent);
    expect(labels).toContain('Source 2: contradicts');
    expect(labels).toContain('Source 1: carries');
    expect(labels).toContain('Source 5: silent');
    const contradicting = all(element, '.cell.CONTRADICTS')[0];
    expect(contradicting.querySelector('.glyph')!.textContent!.trim()).toBe('✕');
    expect(contradicting.querySelector('.glyph')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('says so when nothing matches', async () => {
    const element = await board({sources: [], claims: []});
    expect(all(element, '.empty')[0].textContent).toContain('No claims match.');
    expect(element.hasAttribute('data-painted')).toBe(false);
  });
});
