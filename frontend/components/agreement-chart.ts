/*
 * <cb-agreement-chart>: the agreement dashboard's pictures. A reviewer-by-reviewer heat map of one
 * pairwise measure (click a cell to drill down; fires `cb-cell` {first, second}), or for a measure
 * that is not pairwise (an empty matrix) its overall figure; and per-label bars drawn with Chart.js.
 * Values are in [-1, 1] or null (undefined: shown as "—", the measure's scope rule as caption and
 * tooltip).
 */
import {LitElement, html, css, PropertyValues} from 'lit';
import {customElement, property} from 'lit/decorators.js';
import {Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface Matrix {
  reviewers: string[];
  values: (number | null)[][];
}

export interface Bars {
  labels: string[];
  colors: string[];
  values: (number | null)[];
}

@customElement('cb-agreement-chart')
export class AgreementChart extends LitElement {
  @property({attribute: false}) matrix: Matrix = {reviewers: [], values: []};
  @property({attribute: false}) bars: Bars = {labels: [], colors: [], values: []};
  @property({type: String}) measure = '';
  /** The measure's overall figure; null or undefined when it is not defined. */
  @property({type: Number}) overall: number | null = null;
  /** Which sources and reviewers the figures cover and when they are null, in a sentence or two. */
  @property({type: String}) scope = '';
  /** The measure's lowest value (0 for span F1, −1 for the kappas): the reddest cell. */
  @property({type: Number}) lowest = -1;

  private chart?: Chart;

  static styles = css`
    :host { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
    h3 { font-size: var(--lumo-font-size-m, 1rem); margin: 0 0 0.5rem; }
    .matrix { display: grid; gap: 2px; font-size: var(--lumo-font-size-s, 0.875rem); }
    .head { font-weight: 600; padding: 0.35rem; text-align: center; overflow: hidden; text-overflow: ellipsis; }
    .cell { padding: 0.5rem 0.25rem; text-align: center; border-radius: 4px; cursor: pointer; border: none;
            font: inherit; color: #10243a; }
    .cell:hover, .cell:focus-visible { outline: 2px solid #1565c0; }
    .self { background: #eef1f4; color: #5a6a7a; cursor: default; }
    .none { background: #f5f5f5; color: #5a6a7a; }
    .bars { position: relative; height: 240px; }
    .overall { font-size: 2.5rem; font-weight: 600; margin: 0.25rem 0; }
    .scope { font-size: var(--lumo-font-size-xs, 0.75rem); color: var(--lumo-secondary-text-color, #5a6a7a); margin: 0.5rem 0 0; }
    @media (max-width: 900px) { :host { grid-template-columns: minmax(0, 1fr); } }
  `;

  render() {
    const n = this.matrix.reviewers.length;
    const first = n === 0
      ? html`<section>
          <h3>All reviewers, source by source</h3>
          <p class="overall" title=${this.scope}>${AgreementChart.format(this.overall)}</p>
          <p class="scope">${this.scope}</p>
        </section>`
      : html`<section>
        <h3>Reviewer by reviewer</h3>
        <div class="matrix" style="grid-template-columns: 6rem repeat(${n}, minmax(3.5rem, 1fr))">
          <div></div>
          ${this.matrix.reviewers.map((r) => html`<div class="head" title=${r}>${r}</div>`)}
          ${this.matrix.reviewers.map((row, i) => html`
            <div class="head" title=${row}>${row}</div>
            ${this.matrix.reviewers.map((col, j) => this.cell(row, col, i === j ? undefined : this.matrix.values[i]?.[j]))}
          `)}
        </div>
        <p class="scope">${this.scope} — means no figure.</p>
      </section>`;
    return html`
      ${first}
      <section>
        <h3>Per label</h3>
        <div class="bars"><canvas id="bars"></canvas></div>
      </section>`;
  }

  private cell(first: string, second: string, value: number | null | undefined) {
    if (value === undefined) {
      return html`<div class="cell self" aria-hidden="true"></div>`;
    }
    if (value === null) {
      return html`<button class="cell none" data-pair="${first}|${second}" title="${first} and ${second}: no figure. ${this.scope}"
          @click=${() => this.pick(first, second)}>—</button>`;
    }
    return html`<button class="cell" data-pair="${first}|${second}" style="background: ${AgreementChart.color(value, this.lowest)}"
        title="${first} and ${second}: ${value.toFixed(3)}" @click=${() => this.pick(first, second)}>
        ${value.toFixed(2)}</button>`;
  }

  private pick(first: string, second: string) {
    this.dispatchEvent(new CustomEvent('cb-cell', {detail: {first, second}, bubbles: true, composed: true}));
  }

  /** A figure with two decimals, or "—" where it is undefined. */
  static format(value: number | null | undefined): string {
    return value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(2);
  }

  /**
   * Red for disagreement, through white, to green for agreement, over the measure's range from
   * {@code lowest} to 1 (white halfway): span F1 0 is as red as a kappa of −1.
   */
  static color(value: number, lowest = -1): string {
    const v = Math.max(lowest, Math.min(1, value));
    const t = (v - lowest) / (1 - lowest);
    const red = [198, 40, 40];
    const white = [250, 250, 250];
    const green = [46, 125, 50];
    const [a, b, u] = t < 0.5 ? [red, white, t * 2] : [white, green, (t - 0.5) * 2];
    // 55 % of the colour over white, opaque: the cells' dark ink reads on them in light and dark mode alike.
    const mix = a.map((c, k) => Math.round(0.55 * (c + (b[k] - c) * u) + 0.45 * 255));
    return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
  }

  protected updated(changed: PropertyValues) {
    // Drawn whenever the figures change, and on the first update whatever changed: the properties
    // Vaadin set before this module loaded arrive with it.
    if (changed.has('bars') || changed.has('measure') || !this.chart) {
      this.drawBars();
    }
  }

  private drawBars() {
    const canvas = this.renderRoot.querySelector('#bars') as HTMLCanvasElement | null;
    if (!canvas) {
      return;
    }
    // An undefined figure draws no bar; its label says so.
    const data = {
      labels: this.bars.labels.map((l, i) => (this.bars.values[i] === null ? `${l} (—)` : l)),
      datasets: [{label: this.measure, data: this.bars.values.map((v) => (v === null ? null : v)),
        backgroundColor: this.bars.colors}],
    };
    const min = Math.min(0, ...this.bars.values.map((v) => v ?? 0));
    if (this.chart && this.chart.canvas === canvas) {
      this.chart.data = data;
      const y = this.chart.options.scales?.y;
      if (y) {
        y.min = min;
      }
      this.chart.update();
      return;
    }
    this.chart?.destroy();
    this.chart = new Chart(canvas, {
      type: 'bar',
      data,
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {y: {min, max: 1}},
        plugins: {tooltip: {callbacks: {label: (c) => {
          const v = this.bars.values[c.dataIndex];
          return v === null ? `— no figure: ${this.scope}` : v.toFixed(3);
        }}}},
      },
    });
  }

  connectedCallback() {
    super.connectedCallback();
    // Vaadin moves the element once on a page's first load: the chart destroyed on leaving is drawn again.
    if (this.hasUpdated) {
      this.drawBars();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }
}
