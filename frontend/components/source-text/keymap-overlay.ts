/*
 * The "?" overlay of <cb-source-text>: every key of the workspace, grouped, as the server's
 * Keymap (org.corroborate.annotation.ui.Keymap) lists them. Esc, "?" or the close button closes
 * it and gives the focus back to the text.
 */
import type {SourceTextHost} from './host.js';

/** One key of the keymap. */
export interface KeymapKey {
  keys: string;
  where: string;
  does: string;
}

/** Keys under a title. */
export interface KeymapGroup {
  title: string;
  keys: KeymapKey[];
}

export class KeymapOverlay {
  constructor(private readonly host: SourceTextHost) {}

  private get element(): HTMLElement | null {
    return this.host.querySelector<HTMLElement>(':scope > .cb-keys');
  }

  get isOpen(): boolean {
    const element = this.element;
    return !!element && !element.hidden;
  }

  /** Shows the keymap (only text nodes are built from it) and focuses the dialog. */
  open(groups: readonly KeymapGroup[]): void {
    const element = this.element;
    if (!element) return;
    const dialog = document.createElement('div');
    dialog.className = 'cb-keys-dialog';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'cb-keys-title');
    dialog.tabIndex = -1;
    const heading = document.createElement('h2');
    heading.id = 'cb-keys-title';
    heading.textContent = 'Keyboard shortcuts';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'cb-keys-close';
    close.textContent = '×';
    close.title = 'Close (Esc)';
    close.setAttribute('aria-label', 'Close (Esc)');
    close.addEventListener('click', () => this.close());
    dialog.append(close, heading);
    for (const group of groups) {
      const table = document.createElement('table');
      const caption = document.createElement('caption');
      caption.textContent = group.title;
      table.append(caption);
      for (const key of group.keys) {
        const row = table.insertRow();
        const keys = document.createElement('th');
        keys.scope = 'row';
        const kbd = document.createElement('kbd');
        kbd.textContent = key.keys;
        keys.append(kbd);
        row.append(keys);
        row.insertCell().textContent = key.does;
        const where = row.insertCell();
        where.className = 'cb-keys-where';
        where.textContent = key.where;
      }
      dialog.append(table);
    }
    element.replaceChildren(dialog);
    element.hidden = false;
    element.onkeydown = (e) => {
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault();
        e.stopPropagation();
        this.close();
      }
    };
    element.onclick = (e) => {
      if (e.target === element) this.close();
    };
    dialog.focus();
  }

  /** Hides the overlay and focuses the text again. */
  close(): void {
    const element = this.element;
    if (!element || element.hidden) return;
    element.hidden = true;
    element.replaceChildren();
    this.host.focus({preventScroll: true});
  }
}
