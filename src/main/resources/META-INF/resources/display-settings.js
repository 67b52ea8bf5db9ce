/*
 * Display settings of this device: colour scheme, reading text size and density. They belong to the
 * browser, not to the account (a phone and a desk screen want different ones), so they are kept in
 * localStorage under "cb.display" and applied to <html> before the first paint: the app shell
 * (WorkbenchApplication) inlines this file into every page's <head>. base.ui.DisplaySettings (the
 * frame's Display menu) changes them through window.cbDisplay.set.
 *
 *   theme    "system" (follow prefers-color-scheme) | "light" | "dark"   -> <html theme="light-dark" | "" | "dark">
 *   text     "s" | "m" | "l" | "xl"                                     -> <html data-cb-text="…">  (reading text size)
 *   density  "comfortable" | "compact"                                  -> <html data-cb-density="…">
 */
(function (global) {
  var KEY = 'cb.display';
  var CHOICES = {
    theme: ['system', 'light', 'dark'],
    text: ['s', 'm', 'l', 'xl'],
    density: ['comfortable', 'compact'],
  };
  var DEFAULTS = {theme: 'system', text: 'm', density: 'comfortable'};

  /** The settings in `stored` (a JSON string or null), each unknown or missing value replaced by its default. */
  function parse(stored) {
    var read = {};
    try {
      read = JSON.parse(stored || '{}') || {};
    } catch (e) {
      read = {};
    }
    var settings = {};
    for (var name in DEFAULTS) {
      settings[name] = CHOICES[name].indexOf(read[name]) >= 0 ? read[name] : DEFAULTS[name];
    }
    return settings;
  }

  /** Lumo's theme attribute for a theme choice: Lumo follows the system with "light-dark". */
  function themeAttribute(theme) {
    return theme === 'dark' ? 'dark' : theme === 'light' ? null : 'light-dark';
  }

  /** Puts `settings` on the root element (attributes the stylesheets read). */
  function apply(settings, root) {
    var attribute = themeAttribute(settings.theme);
    if (attribute) root.setAttribute('theme', attribute);
    else root.removeAttribute('theme');
    root.setAttribute('data-cb-theme', settings.theme);
    root.setAttribute('data-cb-text', settings.text);
    root.setAttribute('data-cb-density', settings.density);
  }

  function storage() {
    try {
      return global.localStorage;
    } catch (e) {
      return null; // storage refused (privacy settings): the defaults, every time
    }
  }

  /** The settings kept on this device. */
  function read() {
    var store = storage();
    return parse(store ? store.getItem(KEY) : null);
  }

  /** Changes one setting, keeps it on this device and applies it; returns every setting. */
  function set(name, value) {
    var settings = read();
    if (!CHOICES[name] || CHOICES[name].indexOf(value) < 0) return settings;
    settings[name] = value;
    var store = storage();
    if (store) store.setItem(KEY, JSON.stringify(settings));
    apply(settings, global.document.documentElement);
    return settings;
  }

  global.cbDisplay = {KEY: KEY, CHOICES: CHOICES, DEFAULTS: DEFAULTS, parse: parse, apply: apply, read: read, set: set};
  if (global.document && global.document.documentElement) apply(read(), global.document.documentElement);
})(globalThis);
