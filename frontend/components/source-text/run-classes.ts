/*
 * The class factory for highlighted runs: small classes, each made once, that set the custom
 * properties the generic run rule (styles.ts) draws from. Colours come from the server, so they
 * are checked before they go into CSS text.
 */
import {addRule, LABEL_PATTERNS, LANE_PITCH, LANES_IN_LEADING, LINE_HEIGHT, MAX_LANES} from './styles.js';

const FALLBACK_COLOR = '#757575';
const checkedColors = new Map<string, string>();
const colorKeys = new Map<string, string>();
const madeClasses = new Set<string>();

/** A colour that is safe to put into CSS text (a valid CSS colour of plain characters), else the fallback. */
export function safeColor(color: string | undefined | null, fallback = FALLBACK_COLOR): string {
  if (!color) return fallback;
  let checked = checkedColors.get(color);
  if (checked === undefined) {
    const trimmed = String(color).trim();
    checked = /^[#\w\s(),.%/+-]+$/.test(trimmed) && CSS.supports('color', trimmed) ? trimmed : fallback;
    checkedColors.set(color, checked);
  }
  return checked;
}

/** Defines (once) the run class `name` with the declarations `body`; returns the name. */
function defineClass(name: string, body: string): string {
  if (!madeClasses.has(name)) {
    madeClasses.add(name);
    addRule(`cb-source-text>.cb-text .${name}{${body}}`);
  }
  return name;
}

/** A short key per colour, for class names. */
function colorKey(color: string): string {
  let key = colorKeys.get(color);
  if (key === undefined) {
    key = colorKeys.size.toString(36);
    colorKeys.set(color, key);
  }
  return key;
}

/** A label colour as drawn: lowered towards white by --cb-label-strength (dark mode), else itself. */
export function drawn(color: string): string {
  return `color-mix(in srgb,${color} var(--cb-label-strength,100%),#fff)`;
}

/**
 * The underline of one lane in one colour: solid for one's own, dashed for a colleague's, the gaps
 * filled with the colleague's own colour when they have one (so colleagues differ in the text).
 */
export function laneClass(lane: number, color: string, mine: boolean, authorColor?: string): string {
  const layer = Math.min(lane, MAX_LANES - 1);
  // a colleague whose colour is the label's own keeps plain gaps, so the dashes still show
  const author = !mine && authorColor && authorColor !== color ? `_${colorKey(authorColor)}` : '';
  const name = `cbl${layer}_${colorKey(color)}${mine ? 'm' : 'o'}${author}`;
  if (madeClasses.has(name)) return name;
  color = drawn(color);
  const image = mine
    ? `linear-gradient(${color},${color})`
    : `repeating-linear-gradient(90deg,${color} 0 6px,${author ? authorColor : 'transparent'} 6px 10px)`;
  return defineClass(name, `--cb-g${layer}:${image}`);
}

/** A person's initials as they may go into CSS text: letters and digits only, at most three. */
export function safeInitials(initials: string | null | undefined): string | null {
  if (!initials) return null;
  const trimmed = String(initials).trim();
  return /^[\p{L}\p{N}?]{1,3}$/u.test(trimmed) ? trimmed : null;
}

/**
 * The badge before the first run of colleagues' annotations: their initials on their colour (the
 * first's colour when several start at the same place). Pseudo-content, so it is not part of the
 * text: selections and offsets pass over it.
 */
export function badgeClass(marks: readonly {initials: string; color: string}[]): string {
  const name = `cbb_${marks.map((m) => `${m.initials}${colorKey(m.color)}`).join('_')}`;
  if (madeClasses.has(name)) return name;
  const content = marks.map((m) => m.initials).join(' ');
  madeClasses.add(name);
  addRule(`cb-source-text>.cb-text .${name}::before{content:"${content}";background:${marks[0].color}}`);
  return name;
}

/**
 * The background of the innermost annotation: a tint of its colour, and its label's pattern
 * (`pattern`: the label's index in the scheme, -1 for a label it lacks: no pattern).
 */
export function tintClass(color: string, mine: boolean, pattern = -1): string {
  const kind = pattern < 0 ? 'n' : String(pattern % LABEL_PATTERNS);
  const name = `cbt${colorKey(color)}${mine ? 'm' : 'o'}${kind}`;
  if (madeClasses.has(name)) return name;
  const tint = `--cb-tint:color-mix(in srgb,${drawn(color)} ${mine ? 17 : 10}%,transparent)`;
  return defineClass(name, kind === 'n' ? tint : `${tint};--cb-pattern:var(--cb-pattern-${kind},none)`);
}

/** Room below the text for lanes 0..deepestLane, and a taller line for deep stacks. */
export function depthClass(deepestLane: number): string {
  const layer = Math.min(deepestLane, MAX_LANES - 1);
  const name = `cbd${layer}`;
  if (madeClasses.has(name)) return name;
  let body = `--cb-pb:${LANE_PITCH * (layer + 1)}px`;
  if (layer >= LANES_IN_LEADING) {
    body += `;line-height:calc(${LINE_HEIGHT}em + ${2 * LANE_PITCH * (layer + 1 - LANES_IN_LEADING)}px)`;
  }
  return defineClass(name, body);
}
