// The display settings script (src/main/resources/META-INF/resources/display-settings.js), which the
// app shell inlines into every page: what it keeps in localStorage and what it puts on <html>.
import {beforeEach, describe, expect, it} from 'vitest';

interface Settings {
  theme: string;
  text: string;
  density: string;
}
interface Display {
  KEY: string;
  parse(stored: string | null): Settings;
  apply(settings: Settings, root: Element): void;
  read(): Settings;
  set(name: string, value: string): Settings;
}

// @ts-ignore: a plain script without types, served as it is (not part of the bundle)
await import('../src/main/resources/META-INF/resources/display-settings.js');
const display = (globalThis as unknown as {cbDisplay: Display}).cbDisplay;

describe('display settings', () => {
  beforeEach(() => {
    localStorage.clear();
    display.apply(display.read(), document.documentElement);
  });

  it('follows the system by default, at medium text size and comfortable density', () => {
    expect(display.read()).toEqual({theme: 'system', text: 'm', density: 'comfortable'});
    expect(document.documentElement.getAttribute('theme')).toBe('light-dark');
    expect(document.documentElement.getAttribute('data-cb-text')).toBe('m');
  });

  it('keeps a choice on this device and puts it on the root element', () => {
    display.set('theme', 'dark');
    display.set('text', 'xl');
    display.set('density', 'compact');
    expect(JSON.parse(localStorage.getItem(display.KEY)!)).toEqual({theme: 'dark', text: 'xl', density: 'compact'});
    const root = document.documentElement;
    expect(root.getAttribute('theme')).toBe('dark');
    expect(root.getAttribute('data-cb-text')).toBe('xl');
    expect(root.getAttribute('data-cb-density')).toBe('compact');
    display.set('theme', 'light');
    expect(root.hasAttribute('theme')).toBe(false); // Lumo's light is no attribute at all
    expect(root.getAttribute('data-cb-theme')).toBe('light');
  });

  it('ignores values it does not know, and stored text that is not its JSON', () => {
    expect(display.set('theme', 'purple').theme).toBe('system');
    expect(display.set('colour', 'dark')).toEqual(display.read());
    expect(display.parse('{not json')).toEqual({theme: 'system', text: 'm', density: 'comfortable'});
    expect(display.parse('{"text":"l","theme":"sepia"}')).toEqual({theme: 'system', text: 'l', density: 'comfortable'});
  });
});
