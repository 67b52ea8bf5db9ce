import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {SourceText} from './source-text.js';
import {annotation, key, recordEvents, run, sourceText} from './test-fixture.js';

const TEXT = 'The mayor said the pipes were new last week.';

describe('link mode', () => {
  let element: SourceText;

  beforeEach(async () => {
    element = await sourceText(TEXT, [annotation('1', 4, 9), annotation('2', 15, 24, {label: 'QUOTE'}), annotation('3', 35, 44)]);
  });

  it('L on a selected annotation starts a link; ] moves to the target and Enter links them', () => {
    const started = recordEvents(element, 'cb-link-start');
    const linked = recordEvents(element, 'cb-link');
    element.selectedId = '2';
    key(element, 'l');
    expect(started).toEqual([{from: '2'}]);
    expect(element.linkFrom).toBe('2');
    expect(element.classList.contains('cb-linking')).toBe(true);
    key(element, ']');
    expect(element.linkTarget).toBe('3');
    key(element, '[');
    key(element, '[');
    expect(element.linkTarget).toBe('1'); // the start itself is skipped
    key(element, 'Enter');
    expect(linked).toEqual([{from: '2', to: '1'}]);
    expect(element.linkFrom).toBeNull();
    expect(element.selectedId).toBe('2');
  });

  it('Escape leaves link mode without a link and keeps the annotation selected', () => {
    const cancelled = recordEvents(element, 'cb-link-cancel');
    const linked = recordEvents(element, 'cb-link');
    element.selectedId = '1';
    key(element, 'L');
    key(element, ']');
    key(element, 'Escape');
    expect(cancelled).toHaveLength(1);
    expect(linked).toHaveLength(0);
    expect(element.linkFrom).toBeNull();
    expect(element.selectedId).toBe('1');
  });

  it('Enter before a target is chosen links nothing', () => {
    const linked = recordEvents(element, 'cb-link');
    element.startLink('1');
    key(element, 'Enter');
    expect(linked).toHaveLength(0);
    expect(element.linkFrom).toBe('1');
  });

  it('a click on another highlight in link mode links to it', () => {
    const linked = recordEvents(element, 'cb-link');
    const selected = recordEvents(element, 'cb-annotation-selected');
    element.startLink('1');
    run(element, '3').dispatchEvent(new MouseEvent('click', {bubbles: true, detail: 1}));
    expect(linked).toEqual([{from: '1', to: '3'}]);
    expect(selected).toHaveLength(0);
  });

  it('L with no annotation selected does nothing', () => {
    const started = recordEvents(element, 'cb-link-start');
    key(element, 'l');
    expect(started).toHaveLength(0);
    expect(element.linkFrom).toBeNull();
  });

  afterEach(() => vi.restoreAllMocks());

  it('draws one labelled arc per relation whose ends are shown', async () => {
    // happy-dom lays nothing out: every run measures as one box on the first line
    const rect = {left: 10, top: 20, right: 60, bottom: 38, width: 50, height: 18};
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([rect] as unknown as DOMRectList);
    element.relations = [
      {id: '7', from: '2', to: '1', type: 'said_by', title: 'said by'},
      {id: '8', from: '2', to: '99', type: 'said_by', title: 'said by'},
    ];
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    const arcs = element.querySelectorAll('svg.cb-arcs g.cb-arc');
    expect(arcs).toHaveLength(1);
    expect(arcs[0].getAttribute('data-relation')).toBe('7');
    expect(arcs[0].querySelector('text')?.textContent).toBe('said by');
    expect(element.classList.contains('cb-has-relations')).toBe(true);
  });
});
