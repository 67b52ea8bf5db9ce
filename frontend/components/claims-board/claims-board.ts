/*
 * <cb-claims-board>: claims (rows) by sources (columns, by published date), each cell saying whether
 * the source carries, contradicts or qualifies the claim, or is silent (a glyph and a word, not colour
 * alone; a small Δ when a detail drifts). Only the rows and columns in view are in the DOM (windowing
 * in both directions), so 1,000 claims by 500 sources paint as fast as 20 by 20. The header row and
 * the statement column stay put (sticky). Keyboard: the grid takes focus once (Tab), arrows, Page
 * Up/Down, Home/End (with Ctrl: first/last row) move the active cell, Enter opens it.
 *
 * Events: `cb-open-claim` {claim} (the statement), `cb-open-cell` {claim, source, annotation, start,
 * end} (a filled cell: the member in its source). Sets the `data-painted` attribute after the first
 * paint with data (benchmarks and browser tests wait for it).
 */
import {LitElement, html, nothing, PropertyValues} from 'lit';
import {customElement, property, query, state} from 'lit/decorators.js';
import {Board, BoardClaim, BoardFilter, BoardSort, BoardCell, cellIndex, describeCell, filterClaims, formatPublished,
  moveCell, NO_FILTER, scrollToShow, sortClaims, sourcesOf, STANCE_MARKS, windowOf} from './board-model.js';
import {boardStyles, COLUMN_WIDTH, HEADER_HEIGHT, LABEL_WIDTH, NARROW_LABEL_WIDTH, ROW_HEIGHT} from './claims-board.styles.js';

@customElement('cb-claims-board')
export class ClaimsBoard extends LitElement {
  static styles = boardStyles;

  @property({attribute: false}) board: Board = {sources: [], claims: []};
  @property({attribute: false}) filter: BoardFilter = NO_FILTER;
  @property({type: String}) sort: BoardSort = 'attention';
  /** Said in the grid when no claim passes the filter (or the project has none). */
  @property({type: String}) emptyText = 'No claims match.';

  /** How many claims pass the filter (read by the Java side and tests). */
  @property({type: Number, reflect: true, attribute: 'shown'}) shown = 0;

  @state() private top = 0;
  @state() private left = 0;
  @state() private width = 0;
  @state() private height = 0;
  @state() private active = {row: 0, col: -1};

  @query('.scroller') private scroller!: HTMLElement;

  private rows: BoardClaim[] = [];
  /** The columns: only the sources of the claims shown. */
  private columns: Board['sources'] = [];
  private cells = new Map<number, Map<number, BoardCell>>();
  private resizer?: ResizeObserver;

  connectedCallback() {
    super.connectedCallback();
    this.resizer = new ResizeObserver(() => this.measure());
  }

  disconnectedCallback() {
    this.resizer?.disconnect();
    super.disconnectedCallback();
  }

  protected firstUpdated() {
    this.resizer?.observe(this.scroller);
    this.measure();
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('board')) {
      this.cells = cellIndex(this.board.claims);
    }
    if (changed.has('board') || changed.has('filter') || changed.has('sort')) {
      this.rows = sortClaims(filterClaims(this.board.claims, this.filter), this.sort);
      this.columns = sourcesOf(this.rows, this.board.sources);
      this.shown = this.rows.length;
      this.active = {row: Math.min(this.active.row, Math.max(0, this.rows.length - 1)),
        col: Math.min(this.active.col, this.columns.length - 1)};
    }
  }

  protected updated() {
    if (this.board.claims.length > 0 && this.width > 0 && !this.hasAttribute('data-painted')) {
      this.setAttribute('data-painted', String(Math.round(performance.now())));
    }
  }

  /** The claims in the order and filter shown, for the Java side's export and tests. */
  shownClaimIds(): number[] {
    return this.rows.map((claim) => claim.id);
  }

  private get labelWidth(): number {
    return this.width > 0 && this.width < 600 ? NARROW_LABEL_WIDTH : LABEL_WIDTH;
  }

  private measure() {
    if (!this.scroller) return;
    this.width = this.scroller.clientWidth;
    this.height = this.scroller.clientHeight;
  }

  private onScroll() {
    this.top = this.scroller.scrollTop;
    this.left = this.scroller.scrollLeft;
  }

  render() {
    const sources = this.columns;
    const label = this.labelWidth;
    const fullWidth = label + sources.length * COLUMN_WIDTH;
    const fullHeight = HEADER_HEIGHT + this.rows.length * ROW_HEIGHT;
    const rowSpan = windowOf(this.top, this.height - HEADER_HEIGHT, ROW_HEIGHT, this.rows.length);
    const colSpan = windowOf(this.left, this.width - label, COLUMN_WIDTH, sources.length);
    const visibleCols = sources.slice(colSpan.first, colSpan.last);
    const activeId = this.rows.length === 0 ? nothing : this.cellId(this.active.row, this.active.col);
    return html`
      <div class="scroller" role="grid" tabindex="0" aria-label="Claims by source"
           aria-rowcount=${this.rows.length + 1} aria-colcount=${sources.length + 1}
           aria-activedescendant=${activeId}
           @scroll=${this.onScroll} @keydown=${this.onKey} @click=${this.onClick}>
        <div class="space" style="width:${fullWidth}px;height:${fullHeight}px">
          <div class="head" role="row" aria-rowindex="1" style="width:${fullWidth}px;height:${HEADER_HEIGHT}px">
            <div class="corner" role="columnheader" aria-colindex="1" style="width:${label}px">
              ${this.rows.length} of ${this.board.claims.length} claims
            </div>
            ${visibleCols.map((source, i) => {
              const c = colSpan.first + i;
              return html`<div class="col" role="columnheader" aria-colindex=${c + 2}
                  title="${source.title}${source.publisher ? ' · ' + source.publisher : ''} · ${formatPublished(source.published)}"
                  style="left:${label + c * COLUMN_WIDTH}px;width:${COLUMN_WIDTH}px">
                <span class="heading"><span class="title">${source.title}</span><small>${formatPublished(source.published)}</small></span></div>`;
            })}
          </div>
          ${this.rows.slice(rowSpan.first, rowSpan.last).map((claim, i) =>
            this.renderRow(claim, rowSpan.first + i, fullWidth, label, visibleCols, colSpan.first))}
        </div>
        ${this.rows.length === 0 ? html`<div class="empty">${this.emptyText}</div>` : nothing}
      </div>`;
  }

  private renderRow(claim: BoardClaim, r: number, width: number, label: number, cols: Board['sources'],
                    firstCol: number) {
    const cells = this.cells.get(claim.id);
    const activeRow = this.active.row === r;
    return html`
      <div class="row" role="row" aria-rowindex=${r + 2}
           style="top:${HEADER_HEIGHT + r * ROW_HEIGHT}px;width:${width}px;height:${ROW_HEIGHT}px">
        <div class="label ${activeRow && this.active.col === -1 ? 'active' : ''}" role="rowheader" aria-colindex="1"
             id=${this.cellId(r, -1)} data-row=${r} data-col="-1" style="width:${label}px" title=${claim.statement}>
          <span class="text">${claim.statement}</span>
          ${claim.contradictions > 0
            ? html`<span class="flag contradictions" title="${claim.contradictions} contradicting">✕ ${claim.contradictions}</span>`
            : nothing}
          ${claim.driftKinds > 0
            ? html`<span class="flag drift" title="details drift in ${claim.driftKinds} kinds">Δ ${claim.driftKinds}</span>`
            : nothing}
        </div>
        ${cols.map((source, i) => {
          const c = firstCol + i;
          const cell = cells?.get(source.id);
          const stance = cell ? cell.stance : 'SILENT';
          const said = describeCell(cell, source);
          // The glyph is for the eye; the words (visually hidden) are the cell's name, so both say the same.
          return html`<div class="cell ${stance} ${cell ? 'filled' : ''} ${activeRow && this.active.col === c ? 'active' : ''}"
              role="gridcell" aria-colindex=${c + 2} id=${this.cellId(r, c)} data-row=${r} data-col=${c} title=${said}
              style="left:${label + c * COLUMN_WIDTH}px;width:${COLUMN_WIDTH}px"><span class="glyph" aria-hidden="true">${
                STANCE_MARKS[stance].glyph}${cell?.drift ? html`<sup>Δ</sup>` : nothing}</span><span class="sr">${said}</span></div>`;
        })}
      </div>`;
  }

  private cellId(row: number, col: number): string {
    return col < 0 ? `r${row}-s` : `r${row}-c${col}`;
  }

  private onClick(event: MouseEvent) {
    const target = (event.target as HTMLElement).closest('[data-row]') as HTMLElement | null;
    if (!target) return;
    this.active = {row: Number(target.dataset.row), col: Number(target.dataset.col)};
    this.open();
  }

  private onKey(event: KeyboardEvent) {
    if (this.rows.length === 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.open();
      return;
    }
    const page = Math.max(1, Math.floor((this.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const next = moveCell(event.key, this.active.row, this.active.col, this.rows.length, this.columns.length,
        page, event.ctrlKey || event.metaKey);
    if (!next) return;
    event.preventDefault();
    this.active = next;
    this.scroller.scrollTop = scrollToShow(this.scroller.scrollTop, this.height - HEADER_HEIGHT, ROW_HEIGHT, next.row);
    if (next.col >= 0) {
      this.scroller.scrollLeft = scrollToShow(this.scroller.scrollLeft, this.width - this.labelWidth, COLUMN_WIDTH,
          next.col);
    } else {
      this.scroller.scrollLeft = 0;
    }
    this.onScroll();
  }

  private open() {
    const claim = this.rows[this.active.row];
    if (!claim) return;
    if (this.active.col < 0) {
      this.dispatchEvent(new CustomEvent('cb-open-claim', {detail: {claim: claim.id}, bubbles: true, composed: true}));
      return;
    }
    const source = this.columns[this.active.col];
    const cell = source ? this.cells.get(claim.id)?.get(source.id) : undefined;
    if (!cell) return;
    this.dispatchEvent(new CustomEvent('cb-open-cell', {
      detail: {claim: claim.id, source: source.id, annotation: cell.annotation, start: cell.start, end: cell.end},
      bubbles: true, composed: true,
    }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-claims-board': ClaimsBoard;
  }
}
