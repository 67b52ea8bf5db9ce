import {describe, expect, it} from 'vitest';
import {badgeClass, depthClass, drawn, laneClass, safeColor, safeInitials, tintClass} from './run-classes.js';
import {ensureStyles, LABEL_PATTERNS} from './styles.js';

describe('run classes', () => {
  it('lets only plain, valid colours into CSS text', () => {
    expect(safeColor('#1565c0')).toBe('#1565c0');
    expect(safeColor(' rgb(1, 2, 3) ')).toBe('rgb(1, 2, 3)');
    expect(safeColor('red;} body{display:none')).toBe('#757575');
    expect(safeColor('red" onload="x')).toBe('#757575');
    expect(safeColor('')).toBe('#757575');
    expect(safeColor(undefined, 'black')).toBe('black');
  });

  it('makes each class once and adds its rule to the injected sheet', () => {
    ensureStyles(document);
    const style = document.getElementById('cb-source-text-style') as HTMLStyleElement;
    const name = laneClass(1, '#abcdef', false);
    expect(laneClass(1, '#abcdef', false)).toBe(name);
    expect(laneClass(1, '#abcdef', true)).not.toBe(name);
    const rules = [...style.sheet!.cssRules].map((r) => r.cssText).filter((t) => t.includes(`.${name}`));
    expect(rules).toHaveLength(1);
    expect(rules[0]).toContain('repeating-linear-gradient');
  });

  it('shares the last underline layer among deep lanes and grows deep lines', () => {
    expect(laneClass(12, 'red', true)).toBe(laneClass(7, 'red', true));
    expect(depthClass(9)).toBe('cbd7');
    expect(depthClass(0)).toBe('cbd0');
    expect(tintClass('red', true)).toMatch(/^cbt\w+mn$/);
  });

  it("draws each label's pattern over its tint, the same pattern every fifth label, none for an unknown label", () => {
    ensureStyles(document);
    const style = document.getElementById('cb-source-text-style') as HTMLStyleElement;
    const ruleOf = (name: string) =>
      [...style.sheet!.cssRules].map((r) => r.cssText).find((t) => t.includes(`.${name}`)) ?? '';
    const plain = tintClass('#2e7d32', true, -1);
    const second = tintClass('#2e7d32', true, 1);
    expect(second).not.toBe(plain);
    expect(tintClass('#2e7d32', true, 1 + LABEL_PATTERNS)).toBe(second);
    expect(ruleOf(second)).toContain('var(--cb-pattern-1');
    expect(ruleOf(plain)).not.toContain('--cb-pattern');
  });

  it('lowers label colours towards white where --cb-label-strength says so (dark mode)', () => {
    expect(drawn('#1565c0')).toBe('color-mix(in srgb,#1565c0 var(--cb-label-strength,100%),#fff)');
  });

  it("draws a colleague's dashes with their colour in the gaps, one class per colleague", () => {
    ensureStyles(document);
    const style = document.getElementById('cb-source-text-style') as HTMLStyleElement;
    const alice = laneClass(0, '#2e7d32', false, '#ad1457');
    const admin = laneClass(0, '#2e7d32', false, '#0277bd');
    expect(alice).not.toBe(admin);
    expect(laneClass(0, '#2e7d32', true, '#ad1457')).toBe(laneClass(0, '#2e7d32', true));
    expect(laneClass(0, '#2e7d32', false, '#2e7d32')).toBe(laneClass(0, '#2e7d32', false));
    const rule = [...style.sheet!.cssRules].map((r) => r.cssText).find((t) => t.includes(`.${alice}`))!;
    expect(rule).toContain('#ad1457 6px 10px');
  });

  it('puts only plain initials into the badge, and makes one rule per set of badges', () => {
    expect(safeInitials(' AL ')).toBe('AL');
    expect(safeInitials('ZØ')).toBe('ZØ');
    expect(safeInitials('A"}')).toBeNull();
    expect(safeInitials('ABCD')).toBeNull();
    expect(safeInitials(null)).toBeNull();
    ensureStyles(document);
    const style = document.getElementById('cb-source-text-style') as HTMLStyleElement;
    const name = badgeClass([{initials: 'AD', color: '#0277bd'}]);
    expect(badgeClass([{initials: 'AD', color: '#0277bd'}])).toBe(name);
    const rules = [...style.sheet!.cssRules].map((r) => r.cssText).filter((t) => t.includes(`.${name}::before`));
    expect(rules).toHaveLength(1);
    expect(rules[0]).toContain('"AD"');
  });
});
