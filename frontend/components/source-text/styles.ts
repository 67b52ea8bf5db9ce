/*
 * The stylesheet of <cb-source-text>. The element renders into its light DOM, so its rules live
 * in one <style id="cb-source-text-style"> injected into document.head (or into the shadow root
 * the element is placed in), every selector scoped by the element name. The run classes made
 * later (run-classes.ts) are added to every injected sheet.
 */
import {css} from 'lit';

/** Underline thickness and lane pitch (px): lane i occupies [2+4i, 4+4i] px below the text. */
export const LANE_PITCH = 4;
export const LINE_THICKNESS = 2;
/**
 * The text's line height: about 20 lines on a laptop screen (2.1 showed 16), with room between
 * lines for the underlines of lanes 0 and 1 and the caret; deeper runs grow their line.
 */
export const LINE_HEIGHT = 1.75;
/** The line height where relations are drawn: room above each line for a few levels of arcs and their labels. */
export const RELATION_LINE_HEIGHT = 2.9;
/** Lanes 0..1 fit into the half-leadings of LINE_HEIGHT; deeper runs grow their line. */
export const LANES_IN_LEADING = 2;
/**
 * How many label patterns there are (see PATTERN_CSS): the label at index i of the scheme draws
 * pattern i % LABEL_PATTERNS over its tint, so that labels differ without colour too (pattern 0 is
 * the plain tint).
 */
export const LABEL_PATTERNS = 5;
/** Underline layers drawn; deeper lanes share the last layer. */
export const MAX_LANES = 8;

/*
 * The label patterns, as custom properties on the root so that the label buttons (the legend) draw
 * the same: thin lines in the text's own colour, which read in light and dark alike. The strength
 * of label colours is lowered towards white in dark mode (--cb-label-strength, set by styles.css).
 */
const PATTERN_CSS = css`
  :root {
    --cb-pattern-ink: color-mix(in srgb, currentColor 26%, transparent);
    --cb-pattern-0: none;
    --cb-pattern-1: repeating-linear-gradient(135deg, var(--cb-pattern-ink) 0 1px, transparent 1px 6px);
    --cb-pattern-2: repeating-linear-gradient(90deg, var(--cb-pattern-ink) 0 1px, transparent 1px 5px);
    --cb-pattern-3: repeating-linear-gradient(45deg, var(--cb-pattern-ink) 0 1px, transparent 1px 6px);
    --cb-pattern-4: repeating-linear-gradient(0deg, var(--cb-pattern-ink) 0 1px, transparent 1px 4px);
  }
`;

const STATIC_CSS = css`
  cb-source-text {
    display: block;
    position: relative;
    overflow: auto;
    outline: none;
    color: inherit;
    background: var(--cb-source-background, transparent);
  }
  cb-source-text:focus-visible {
    box-shadow: inset 0 0 0 2px rgba(21, 101, 192, 0.35);
  }
  cb-source-text > .cb-text {
    white-space: pre-wrap;
    overflow-wrap: break-word;
    line-height: ${LINE_HEIGHT};
    padding: var(--cb-source-padding, 8px 14px 16px);
    tab-size: 4;
    text-align: start;
    unicode-bidi: plaintext;
    cursor: text;
    user-select: text;
    -webkit-user-select: text;
  }
  cb-source-text > .cb-text > div {
    unicode-bidi: plaintext;
    /* off-screen chunks skip style, layout and paint */
    content-visibility: auto;
    /* paint containment must not clip the underlines of a chunk's last line */
    padding-bottom: 16px;
    margin-bottom: -16px;
  }
  /* a page break (pages.ts): generated content, so neither part of the text nor selectable */
  cb-source-text > .cb-text > div.cb-page-start::before {
    content: 'Page ' attr(data-page);
    display: block;
    margin: 10px 0 6px;
    padding-top: 2px;
    border-top: 1px dashed var(--lumo-contrast-40pct, #888);
    color: var(--lumo-secondary-text-color, #555);
    font: 600 0.75rem/1.4 var(--lumo-font-family, sans-serif);
    letter-spacing: 0.04em;
    text-align: end;
    user-select: none;
    -webkit-user-select: none;
    pointer-events: none;
  }
  cb-source-text > .cb-text ::selection {
    background-color: rgba(255, 183, 0, 0.34);
    color: inherit;
  }
  cb-source-text > .cb-layer {
    position: absolute;
    left: 0;
    top: 0;
    width: 0;
    height: 0;
    overflow: visible;
    pointer-events: none;
  }
  cb-source-text > .cb-layer > div {
    position: absolute;
    box-sizing: border-box;
    border: 2px solid var(--cb-sel-color, #1565c0);
    border-radius: 4px;
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--cb-sel-color, #1565c0) 18%, transparent);
  }
  cb-source-text > .cb-layer > div.bar {
    height: 3px;
    border: none;
    border-radius: 1.5px;
    box-shadow: none;
    background: var(--cb-sel-color, #1565c0);
  }
  cb-source-text > .cb-tip {
    position: fixed;
    z-index: 10000;
    max-width: min(420px, 90vw);
    padding: 6px 9px;
    border-radius: 6px;
    background: rgba(33, 37, 41, 0.95);
    color: #fff;
    font-size: 12.5px;
    line-height: 1.45;
    white-space: normal;
    pointer-events: none;
    box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
    unicode-bidi: plaintext;
  }
  cb-source-text > .cb-tip[hidden] {
    display: none;
  }
  cb-source-text > .cb-tip > div {
    display: flex;
    align-items: baseline;
    gap: 7px;
  }
  cb-source-text > .cb-tip > div > i {
    flex: none;
    width: 9px;
    height: 9px;
    border-radius: 2px;
    transform: translateY(1px);
  }
  cb-source-text > .cb-tip > div > i.other {
    background-image: repeating-linear-gradient(135deg, rgba(255, 255, 255, 0.55) 0 2px, transparent 2px 4px);
  }
  /* a colleague's initials before the first run of their annotation (run-classes.ts badgeClass) */
  cb-source-text > .cb-text .cb-badged::before {
    display: inline-block;
    margin-inline-end: 2px;
    padding: 0 3px;
    border-radius: 3px;
    color: #fff;
    font-size: 9px;
    font-weight: 600;
    line-height: 13px;
    letter-spacing: 0.02em;
    vertical-align: super;
    user-select: none;
    -webkit-user-select: none;
    pointer-events: none;
  }
  /* relations (relation-layer.ts): the lines make room for their arcs above the text */
  cb-source-text.cb-has-relations > .cb-text {
    line-height: ${RELATION_LINE_HEIGHT};
  }
  cb-source-text > svg.cb-arcs {
    position: absolute;
    left: 0;
    top: 0;
    overflow: visible;
    pointer-events: none;
    --cb-arc-ink: color-mix(in srgb, currentColor 58%, transparent);
    --cb-arc-strong: var(--lumo-primary-color, #1565c0);
  }
  cb-source-text > svg.cb-arcs path {
    fill: none;
    stroke: var(--cb-arc-ink);
    stroke-width: 1.4;
  }
  cb-source-text > svg.cb-arcs path.cb-head {
    fill: var(--cb-arc-ink);
    stroke: none;
  }
  cb-source-text > svg.cb-arcs path.cb-head-strong {
    fill: var(--cb-arc-strong);
  }
  cb-source-text > svg.cb-arcs rect {
    fill: var(--cb-source-background, var(--lumo-base-color, #fff));
    fill-opacity: 0.92;
    stroke: var(--cb-arc-ink);
    stroke-width: 0.8;
  }
  cb-source-text > svg.cb-arcs text {
    font-size: 11px;
    font-family: inherit;
    fill: currentColor;
    text-anchor: middle;
  }
  cb-source-text > svg.cb-arcs g.cb-arc-touching path,
  cb-source-text > svg.cb-arcs g.cb-arc-link path {
    stroke: var(--cb-arc-strong);
    stroke-width: 2;
  }
  cb-source-text > svg.cb-arcs g.cb-arc-touching rect,
  cb-source-text > svg.cb-arcs g.cb-arc-link rect {
    stroke: var(--cb-arc-strong);
  }
  cb-source-text > svg.cb-arcs g.cb-arc-link path {
    stroke-dasharray: 5 3;
  }
  cb-source-text > svg.cb-arcs g.cb-arc-faint {
    opacity: 0.45;
  }
  cb-source-text > svg.cb-arcs rect.cb-link-target {
    fill: none;
    stroke: var(--cb-arc-strong);
    stroke-width: 2;
    stroke-dasharray: 4 3;
  }
  cb-source-text.cb-linking > .cb-text span[data-ids] {
    cursor: crosshair;
  }
  cb-source-text > .cb-live {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * One generic rule draws every highlighted run from custom properties that small, composable
 * classes set: --cb-g<lane> (the underline of that lane), --cb-tint (the innermost annotation's
 * tint) and --cb-pb (room below the text for the lanes).
 */
export function genericRunRule(): string {
  const images: string[] = [];
  const sizes: string[] = [];
  const positions: string[] = [];
  for (let i = 0; i < MAX_LANES; i++) {
    images.push(`var(--cb-g${i},none)`);
    sizes.push(`100% ${LINE_THICKNESS}px`);
    positions.push(`left 0 bottom calc(var(--cb-pb,4px) - ${LANE_PITCH * (i + 1)}px)`);
  }
  images.push('var(--cb-pattern,none)');
  sizes.push('100% calc(100% - var(--cb-pb,4px))');
  positions.push('left 0 top 0');
  images.push('linear-gradient(var(--cb-tint,transparent),var(--cb-tint,transparent))');
  sizes.push('100% calc(100% - var(--cb-pb,4px))');
  positions.push('left 0 top 0');
  return (
    `cb-source-text>.cb-text span[data-ids]{cursor:pointer;background-repeat:no-repeat;` +
    `padding-bottom:var(--cb-pb,4px);background-image:${images.join(',')};` +
    `background-size:${sizes.join(',')};background-position:${positions.join(',')}}`
  );
}

type StyleRoot = Document | ShadowRoot;
const injected = new Map<StyleRoot, HTMLStyleElement>();
const addedRules: string[] = [];

/** Injects the stylesheet (with every rule added so far) into `root`, once. */
export function ensureStyles(root: StyleRoot): void {
  const existing = injected.get(root);
  if (existing && existing.isConnected) return;
  const style = document.createElement('style');
  style.id = 'cb-source-text-style';
  style.textContent = PATTERN_CSS.cssText + '\n' + STATIC_CSS.cssText + '\n' + genericRunRule() + '\n' + addedRules.join('\n');
  if (root instanceof ShadowRoot) root.insertBefore(style, root.firstChild);
  else root.head.appendChild(style);
  injected.set(root, style);
}

/** Adds a rule to every injected sheet and to those injected later. */
export function addRule(rule: string): void {
  addedRules.push(rule);
  for (const style of injected.values()) {
    const sheet = style.sheet;
    if (!sheet) continue;
    try {
      sheet.insertRule(rule, sheet.cssRules.length);
    } catch {
      /* a rule the browser cannot parse is left out */
    }
  }
}
