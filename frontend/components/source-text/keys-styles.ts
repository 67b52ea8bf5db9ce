/*
 * The rules of the caret, the find bar and its hits, the flash of an annotation reached with ] or
 * [, and the keymap overlay of <cb-source-text>, added to the element's one stylesheet
 * (styles.ts). Colours come from Lumo's custom properties where they exist, so they follow the
 * light and the dark theme; the hits use a yellow and an orange that read in both.
 */
import {addRule} from './styles.js';

const RULES = [
  // the workspace's "Skip to text" link: out of sight until it has the focus
  `a.cb-skip-to-text:not(:focus) { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }`,
  `a.cb-skip-to-text:focus { padding: 6px 12px; margin-inline-start: 8px; border-radius: 4px; background: var(--lumo-primary-color, #1565c0); color: var(--lumo-primary-contrast-color, #fff); font-weight: 600; z-index: 10; }`,
  `cb-source-text > .cb-caret {
    position: absolute; width: 2px; margin-left: -1px; pointer-events: none; z-index: 2;
    background: var(--cb-caret-color, var(--lumo-primary-text-color, #1565c0)); border-radius: 1px;
    animation: cb-caret-blink 1.06s steps(1, end) infinite;
  }`,
  `cb-source-text > .cb-caret[hidden], cb-source-text:not(:focus) > .cb-caret { display: none; }`,
  `cb-source-text > .cb-caret.cb-caret-moved { animation-delay: 0.5s; }`,
  `@keyframes cb-caret-blink { 0% { opacity: 1; } 50% { opacity: 0; } }`,
  `@media (prefers-reduced-motion: reduce) { cb-source-text > .cb-caret { animation: none; } }`,
  `cb-source-text > .cb-layer.cb-flash > div:not(.bar) { animation: cb-flash 0.7s ease-out 1; }`,
  `@keyframes cb-flash { 0% { box-shadow: 0 0 0 10px color-mix(in srgb, var(--cb-sel-color, #1565c0) 45%, transparent); } 100% { box-shadow: 0 0 0 3px color-mix(in srgb, var(--cb-sel-color, #1565c0) 18%, transparent); } }`,
  `cb-source-text > .cb-find {
    position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 5px;
    padding: 6px 10px; background: var(--lumo-base-color, #fff); color: var(--lumo-body-text-color, #1f2328);
    border-bottom: 1px solid var(--lumo-contrast-20pct, rgba(0, 0, 0, 0.2));
    box-shadow: 0 2px 6px var(--lumo-contrast-10pct, rgba(0, 0, 0, 0.08)); font-size: 14px; line-height: 1.4;
  }`,
  `cb-source-text > .cb-find[hidden] { display: none; }`,
  `cb-source-text > .cb-find > input {
    flex: 1 1 9em; min-width: 6em; font: inherit; padding: 4px 8px; border-radius: 4px;
    border: 1px solid var(--lumo-contrast-50pct, #767676); background: var(--lumo-base-color, #fff); color: inherit;
  }`,
  `cb-source-text > .cb-find > input:focus { outline: 2px solid var(--lumo-primary-color, #1565c0); outline-offset: 1px; }`,
  `cb-source-text > .cb-find.cb-find-none > input { border-color: var(--lumo-error-color, #c62828); }`,
  `cb-source-text > .cb-find > .cb-find-count { min-width: 4em; font-variant-numeric: tabular-nums; color: var(--lumo-secondary-text-color, #555); }`,
  `cb-source-text > .cb-find > button {
    font: inherit; min-width: 30px; height: 30px; padding: 0 6px; border-radius: 4px; cursor: pointer; color: inherit;
    border: 1px solid var(--lumo-contrast-30pct, #999); background: var(--lumo-contrast-5pct, #f5f5f5);
  }`,
  `cb-source-text > .cb-find > button[aria-pressed='true'] { background: var(--lumo-primary-color, #1565c0); color: var(--lumo-primary-contrast-color, #fff); }`,
  `cb-source-text > .cb-find > .cb-find-hint { flex-basis: 100%; font-size: 12px; color: var(--lumo-secondary-text-color, #555); }`,
  `::highlight(cb-find-hit) { background-color: rgba(255, 214, 0, 0.55); color: inherit; }`,
  `::highlight(cb-find-current) { background-color: #ff8c1a; color: #111; text-decoration: underline 2px #111; }`,
  `cb-source-text > .cb-keys {
    position: fixed; inset: 0; z-index: 10001; display: flex; align-items: flex-start; justify-content: center;
    padding: 4vh 12px; background: rgba(0, 0, 0, 0.45); overflow: auto; cursor: default; line-height: 1.45;
  }`,
  `cb-source-text > .cb-keys[hidden] { display: none; }`,
  // the workspace narrows the text's children to a reading measure: not the overlay
  `cb-source-text > div.cb-keys { max-width: none; }`,
  `cb-source-text > .cb-keys > .cb-keys-dialog {
    position: relative; box-sizing: border-box; width: min(720px, 100%); padding: 16px 20px 20px; border-radius: 10px;
    background: var(--lumo-base-color, #fff); color: var(--lumo-body-text-color, #1f2328); box-shadow: 0 12px 40px rgba(0, 0, 0, 0.35);
    font-size: 14px; white-space: normal;
  }`,
  `cb-source-text > .cb-keys h2 { margin: 0 0 8px; font-size: 18px; }`,
  `cb-source-text > .cb-keys table { width: 100%; border-collapse: collapse; margin-top: 10px; }`,
  `cb-source-text > .cb-keys caption { text-align: start; font-weight: 600; padding: 4px 0; color: var(--lumo-secondary-text-color, #555); }`,
  `cb-source-text > .cb-keys th, cb-source-text > .cb-keys td { text-align: start; vertical-align: top; padding: 4px 8px 4px 0; border-top: 1px solid var(--lumo-contrast-10pct, #eee); font-weight: normal; }`,
  `cb-source-text > .cb-keys th { width: 38%; }`,
  `cb-source-text > .cb-keys kbd { font-family: inherit; font-size: 13px; padding: 1px 5px; border-radius: 4px; border: 1px solid var(--lumo-contrast-30pct, #bbb); background: var(--lumo-contrast-5pct, #f6f6f6); }`,
  `cb-source-text > .cb-keys .cb-keys-where { width: 24%; color: var(--lumo-secondary-text-color, #555); font-size: 13px; }`,
  `cb-source-text > .cb-keys .cb-keys-close { position: absolute; top: 10px; right: 12px; width: 32px; height: 32px; font-size: 20px; border: none; border-radius: 6px; background: transparent; color: inherit; cursor: pointer; }`,
  `@media (max-width: 600px) { cb-source-text > .cb-keys th, cb-source-text > .cb-keys td { display: block; width: auto; border: none; padding: 0; } cb-source-text > .cb-keys tr { display: block; padding: 6px 0; border-top: 1px solid var(--lumo-contrast-10pct, #eee); } cb-source-text > .cb-keys th, cb-source-text > .cb-keys .cb-keys-where { width: auto; } }`,
];

for (const rule of RULES) addRule(rule);
