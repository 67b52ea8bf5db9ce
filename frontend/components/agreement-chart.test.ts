import {describe, expect, it} from 'vitest';
import {AgreementChart} from './agreement-chart.js';

async function chart(properties: Partial<AgreementChart>): Promise<AgreementChart> {
  const element = document.createElement('cb-agreement-chart') as AgreementChart;
  Object.assign(element, properties);
  document.body.replaceChildren(element);
  await element.updateComplete;
  return element;
}

describe('<cb-agreement-chart>', () => {
  it('shows an undefined figure as a dash, never as 0', () => {
    expect(AgreementChart.format(null)).toBe('—');
    expect(AgreementChart.format(undefined)).toBe('—');
    expect(AgreementChart.format(0)).toBe('0.00');
    expect(AgreementChart.format(-0.0345)).toBe('-0.03');
  });

  it('draws a pair with no figure as a dash with the scope rule as its tooltip', async () => {
    const element = await chart({
      scope: 'A pair: the sources both took part in.',
      matrix: {reviewers: ['alice', 'carol'], values: [[null, null], [null, null]]},
    });
    const cell = element.shadowRoot!.querySelector<HTMLElement>('button[data-pair="alice|carol"]')!;
    expect(cell.textContent!.trim()).toBe('—');
    expect(cell.title).toContain('A pair: the sources both took part in.');
  });

  it('shows the overall figure and the scope instead of a heat map for a measure that is not pairwise', async () => {
    const element = await chart({overall: -1 / 29, scope: 'Each source with its own participants.'});
    expect(element.shadowRoot!.querySelector('.overall')!.textContent).toBe('-0.03');
    expect(element.shadowRoot!.querySelector('.scope')!.textContent).toContain('Each source');
    expect(element.shadowRoot!.querySelector('button[data-pair]')).toBeNull();
  });

  it('draws the bottom of a measure\'s range red: span F1 0 as red as a kappa of -1, white halfway', () => {
    expect(AgreementChart.color(0, 0)).toBe(AgreementChart.color(-1, -1));
    expect(AgreementChart.color(0.5, 0)).toBe(AgreementChart.color(0, -1));
    expect(AgreementChart.color(1, 0)).toBe(AgreementChart.color(1, -1));
    expect(AgreementChart.color(0, 0)).not.toBe(AgreementChart.color(0, -1));
  });
});
