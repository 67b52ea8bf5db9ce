import {css} from 'lit';

/** Sizes the element and its Java side share: row height, column width, the statement column, the header. */
export const ROW_HEIGHT = 40;
export const COLUMN_WIDTH = 44;
export const LABEL_WIDTH = 340;
export const NARROW_LABEL_WIDTH = 170;
export const HEADER_HEIGHT = 150;

export const boardStyles = css`
  :host {
    display: block;
    position: relative;
    min-height: 12rem;
    font-size: var(--lumo-font-size-s, 0.875rem);
    color: var(--lumo-body-text-color, #1a2735);
    --cb-line: var(--lumo-contrast-10pct, #e3e7ec);
    --cb-head-bg: var(--lumo-base-color, #fff);
    --cb-supports: #1b6e3a;
    --cb-contradicts: #b3261e;
    --cb-qualifies: #8a5a00;
  }
  .scroller {
    position: absolute;
    inset: 0;
    overflow: auto;
    outline: none;
    border: 1px solid var(--cb-line);
    border-radius: var(--lumo-border-radius-m, 6px);
  }
  .scroller:focus-visible { box-shadow: 0 0 0 2px var(--lumo-primary-color-50pct, #90b6ea); }
  .space { position: relative; }
  .head {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--cb-head-bg);
    border-bottom: 1px solid var(--cb-line);
  }
  .corner {
    position: sticky;
    left: 0;
    z-index: 3;
    height: 100%;
    display: flex;
    align-items: flex-end;
    padding: 0 0.75rem 0.5rem;
    box-sizing: border-box;
    background: var(--cb-head-bg);
    border-right: 1px solid var(--cb-line);
    font-weight: 600;
    color: var(--lumo-secondary-text-color, #4a5a6a);
  }
  .col {
    position: absolute;
    top: 0;
    bottom: 0;
    box-sizing: border-box;
    padding: 0.4rem 0 0.4rem;
    display: flex;
    justify-content: center;
    border-left: 1px solid transparent;
  }
  .col .heading {
    writing-mode: vertical-rl;
    transform: rotate(180deg);
    white-space: nowrap;
    max-height: 100%;
    line-height: 1.2;
    display: flex;
    flex-direction: column;
  }
  .col .title, .col small { overflow: hidden; text-overflow: ellipsis; max-height: 100%; }
  .col small { color: var(--lumo-secondary-text-color, #4a5a6a); font-size: var(--lumo-font-size-xxs, 0.7rem); }
  .row {
    position: absolute;
    left: 0;
    display: flex;
    border-bottom: 1px solid var(--cb-line);
    box-sizing: border-box;
  }
  .row:hover .label, .row:hover .cell { background: var(--lumo-primary-color-10pct, #eef4fc); }
  .label {
    position: sticky;
    left: 0;
    z-index: 1;
    box-sizing: border-box;
    height: 100%;
    padding: 0 0.75rem;
    display: flex;
    align-items: center;
    gap: 0.3rem;
    background: var(--lumo-base-color, #fff);
    border-right: 1px solid var(--cb-line);
    cursor: pointer;
  }
  .label .text {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-height: 1.2;
    overflow-wrap: anywhere;
  }
  .flag {
    flex: none;
    font-size: var(--lumo-font-size-xxs, 0.7rem);
    font-weight: 600;
    border-radius: 999px;
    padding: 0.05rem 0.4rem;
    border: 1px solid currentColor;
  }
  .flag.contradictions { color: var(--cb-contradicts); }
  .flag.drift { color: var(--cb-qualifies); }
  .cell {
    position: absolute;
    top: 0;
    height: 100%;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    font-size: 1rem;
    cursor: default;
    background: var(--lumo-base-color, #fff);
  }
  .cell.filled { cursor: pointer; }
  .cell.SUPPORTS { color: var(--cb-supports); }
  .cell.CONTRADICTS { color: var(--cb-contradicts); font-weight: 700; }
  .cell.QUALIFIES { color: var(--cb-qualifies); }
  .cell.SILENT::after { content: ''; width: 4px; height: 4px; border-radius: 50%; background: var(--lumo-contrast-40pct, #8d97a3); }
  .cell sup { font-size: 0.6rem; margin-left: 1px; color: var(--cb-qualifies); font-weight: 700; }
  .scroller:focus .active { outline: 2px solid var(--lumo-primary-color, #1565c0); outline-offset: -2px; }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .glyph { pointer-events: none; }
  .empty {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    color: var(--lumo-secondary-text-color, #4a5a6a);
    padding: 2rem;
    text-align: center;
  }
`;
