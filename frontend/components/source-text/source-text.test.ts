import {describe, expect, it} from 'vitest';
import {annotation, recordEvents, run, sourceText} from './test-fixture.js';

const TEXT = 'alpha beta gamma delta epsilon';

describe('<cb-source-text>', () => {
  it('is a focusable document', async () => {
    const element = await sourceText(TEXT);
    expect(element.tabIndex).toBe(0);
    expect(element.getAttribute('role')).toBe('document');
    expect(document.head.querySelectorAll('style#cb-source-text-style')).toHaveLength(1);
  });

  it('adds an annotation by redrawing only the runs it touches', async () => {
    const element = await sourceText(TEXT, [annotation('a', 0, 5), annotation('e', 23, 30)]);
    const first = element.querySelector('span[data-ids="a"]');
    const last = element.querySelector('span[data-ids="e"]');
    element.upsertAnnotation(annotation('g', 11, 16));
    expect(element.querySelector('span[data-ids="g"]')!.textContent).toBe('gamma');
    expect(element.querySelector('span[data-ids="a"]')).toBe(first);
    expect(element.querySelector('span[data-ids="e"]')).toBe(last);
    expect(element.runs!.container.textContent).toBe(TEXT);
  });

  it("marks a colleague's annotation with their initials at its first run only, and leaves the text alone", async () => {
    const colleague = {mine: false, authorColor: '#ad1457', authorInitials: 'AL'};
    const element = await sourceText(TEXT, [
      annotation('a', 0, 10, colleague),
      annotation('b', 6, 16),
      annotation('c', 17, 22, {mine: false, authorColor: 'red;}', authorInitials: 'X"}'}),
    ]);
    const badged = [...element.querySelectorAll('span.cb-badged')].map((s) => s.getAttribute('data-ids'));
    expect(badged).toEqual(['a']);
    expect(run(element, 'b a').classList.contains('cb-badged')).toBe(false);
    expect(element.runs!.container.textContent).toBe(TEXT);
  });

  it('makes the box of an annotation it scrolls to blink', async () => {
    const element = await sourceText(TEXT, [annotation('a', 0, 5)]);
    element.scrollToAnnotation('a');
    await element.updateComplete;
    expect(element.selectedId).toBe('a');
    expect(element.overlayLayer!.classList.contains('cb-flash')).toBe(true);
  });

  it('moves and removes an annotation', async () => {
    const element = await sourceText(TEXT, [annotation('a', 0, 5)]);
    element.upsertAnnotation(annotation('a', 6, 10));
    expect([...element.querySelectorAll('span[data-ids]')].map((s) => s.textContent)).toEqual(['beta']);
    element.selectedId = 'a';
    element.removeAnnotation('a');
    expect(element.querySelector('span[data-ids]')).toBeNull();
    expect(element.selectedId).toBeNull();
  });

  it('takes changes made before the first render into the first render', async () => {
    const element = document.createElement('cb-source-text');
    element.text = TEXT;
    element.annotations = [annotation('a', 0, 5), annotation('b', 6, 10)];
    element.upsertAnnotation(annotation('g', 11, 16));
    element.removeAnnotation('a');
    document.body.replaceChildren(element);
    await element.updateComplete;
    expect([...element.querySelectorAll('span[data-ids]')].map((s) => s.getAttribute('data-ids'))).toEqual(['b', 'g']);
  });

  it('drops the selected annotation when a new set no longer has it', async () => {
    const element = await sourceText(TEXT, [annotation('a', 0, 5), annotation('b', 6, 10)]);
    element.selectedId = 'a';
    element.annotations = [annotation('b', 6, 10)];
    await element.updateComplete;
    expect(element.selectedId).toBeNull();
    element.selectedId = 'b';
    element.annotations = [annotation('b', 6, 10)];
    await element.updateComplete;
    expect(element.selectedId).toBe('b');
  });

  it('selects an annotation on scrollToAnnotation without an event, also before its first render', async () => {
    const element = await sourceText(TEXT, [annotation('d', 17, 22)]);
    const picked = recordEvents(element, 'cb-annotation-selected');
    element.scrollToAnnotation('d');
    expect(element.selectedId).toBe('d');
    element.text = TEXT + ' zeta';
    element.scrollToAnnotation('d');
    element.selectedId = null;
    await element.updateComplete;
    await element.updateComplete;
    expect(element.selectedId).toBe('d');
    expect(picked).toEqual([]);
  });

  it('reveals a range: selects the annotation with exactly that span, with an event', async () => {
    const element = await sourceText(TEXT, [annotation('b', 6, 10), annotation('g', 6, 16)]);
    const picked = recordEvents(element, 'cb-annotation-selected');
    element.revealRange(6, 16);
    expect(element.selectedId).toBe('g');
    expect(picked).toEqual([{id: 'g'}]);
  });

  it('reveals a range no annotation has by selecting its text', async () => {
    const element = await sourceText(TEXT, [annotation('b', 6, 10)]);
    const picked = recordEvents(element, 'cb-annotation-selected');
    element.revealRange(11, 16);
    expect(element.selectedId).toBeNull();
    expect(window.getSelection()!.toString()).toBe('gamma');
    expect(picked).toEqual([]);
  });

  it('re-renders everything for a new text and times it', async () => {
    const element = await sourceText(TEXT, [annotation('a', 0, 5)]);
    element.text = 'omega';
    await element.updateComplete;
    expect(element.runs!.container.textContent).toBe('omega');
    expect(element.querySelector('span[data-ids="a"]')!.textContent).toBe('omega');
    expect(element.lastRenderMs).toBeGreaterThanOrEqual(0);
  });

  it('cuts a long text into chunks after line feeds', async () => {
    const paragraph = 'word '.repeat(500) + '\n';
    // each paragraph is 2,501 characters: a chunk ends at the first line feed 2,000 characters in
    const element = await sourceText(paragraph.repeat(4), [annotation('across', 2495, 2510)]);
    const chunks = element.runs!.chunkElements;
    expect(chunks.map((c) => c.textContent!.length)).toEqual([2501, 2501, 2501, 2501]);
    // the annotation over the chunk boundary is drawn as one run in each chunk
    expect([...element.querySelectorAll('span[data-ids="across"]')].map((s) => s.parentElement)).toEqual([
      chunks[0],
      chunks[1],
    ]);
  });
});
