/*
 * <cb-curation-units>: the units of one source on the curation page, each in its context (the
 * sentence around it) with every reviewer's version underlined in its own colour, the gold span
 * tinted, attributes as named fields, and the supervisor's actions. The list is virtualised
 * (<vaadin-virtual-list>): a source with thousands of units paints the visible cards only, from data
 * sent in two pieces: the first screen's at once, the rest once those are painted (no round trip
 * per unit). The actions are plain buttons styled like Lumo's tertiary ones: a thousand cards would
 * otherwise upgrade thousands of <vaadin-button>s.
 *
 * Every offset counts Unicode code points. The element renders into its light DOM (styles.css).
 *
 * Events (bubbling): cb-unit-action {key, action: accept | edit | reject, annotation}
 */
import '@vaadin/virtual-list';
import type {VirtualList} from '@vaadin/virtual-list';
import {html, LitElement, nothing, render, type PropertyValues} from 'lit';
import {customElement, property} from 'lit/decorators.js';
import {CodePointIndex} from '../source-text/cp-index.js';
import {laneColor, segments, underlineRoom, underlines, type Mark} from './segments.js';

/** An attribute as a named field: the scheme's title and the value. */
export interface Field {
  name: string;
  value: string;
}

export interface Version {
  id: number;
  author: string;
  start: number;
  end: number;
  fields: Field[];
  note?: string | null;
  tally?: string | null;
  imported?: string | null;
  /** The version's own label, given only where it differs from the unit's (a unit a decision joined across labels). */
  label?: string | null;
}

export interface Decision {
  id: number;
  outcome: 'ACCEPTED' | 'REJECTED';
  label?: string | null;
  /** the label's title from the scheme, what the chip reads */
  title?: string | null;
  color?: string | null;
  ink?: string | null;
  start?: number | null;
  end?: number | null;
  fields: Field[];
  reason: string;
  by: string;
  imported?: string | null;
}

export interface Unit {
  key: string;
  label: string;
  /** the label's title from the scheme, what the chip reads */
  title?: string | null;
  color: string;
  ink: string;
  start: number;
  end: number;
  contextStart: number;
  contextEnd: number;
  /** The context was cut inside a sentence: before the unit, after it. */
  clippedBefore: boolean;
  clippedAfter: boolean;
  agreed: boolean;
  versions: Version[];
  decision?: Decision | null;
}

@customElement('cb-curation-units')
export class CurationUnits extends LitElement {
  /** The source's text; units point into it. */
  @property({attribute: false}) text = '';

  /** The units sent so far, the first of them at index {@link offset} of all {@link total}. */
  @property({attribute: false}) units: Unit[] = [];

  @property({type: Number}) offset = 0;

  /** How many units the source has; until all have arrived the list holds empty places for the rest. */
  @property({type: Number}) total = 0;

  /** The unit to scroll to and emphasise (a deep link), by key. */
  @property({attribute: false}) focusKey: string | null = null;

  private index = new CodePointIndex('');

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The list's items: the units sent, at their places, and placeholders for those still to come. */
  private items: (Unit | undefined)[] = [];

  protected override render() {
    return this.units.length === 0
      ? html`<p class="cb-muted cb-units-empty">Nothing to adjudicate: no annotations in this source yet.</p>`
      : html`<vaadin-virtual-list class="cb-units-list"></vaadin-virtual-list>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) this.index = new CodePointIndex(this.text);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const list = this.querySelector('vaadin-virtual-list') as VirtualList<Unit> | null;
    if (!list) return;
    if (!list.renderer) {
      list.renderer = (root, _list, model) => {
        const unit = model.item as Unit | undefined;
        render(unit ? this.card(unit) : html`<div class="cb-unit cb-unit-placeholder"></div>`, root as HTMLElement);
      };
    }
    if (changed.has('units') || changed.has('offset') || changed.has('total')) {
      const total = Math.max(this.total, this.offset + this.units.length);
      this.items = new Array(total);
      this.units.forEach((u, i) => (this.items[this.offset + i] = u));
      list.items = this.items as Unit[];
      if (this.units.length < total) {
        // The first screen is painted from what came first; then ask for all the units, once.
        requestAnimationFrame(() => requestAnimationFrame(() => this.$server?.loadAll()));
      }
    } else if (changed.has('focusKey') || changed.has('text')) list.requestContentUpdate();
    if (changed.has('focusKey') && this.focusKey != null) {
      const at = this.items.findIndex((u) => u?.key === this.focusKey);
      if (at >= 0) list.scrollToIndex(at);
    }
  }

  /** The server side (Vaadin's), for loadAll. */
  declare $server?: {loadAll(): void};

  private card(unit: Unit) {
    const open = unit.decision == null;
    const marks: Mark[] = unit.versions.map((v, lane) => ({start: v.start, end: v.end, lane}));
    const gold = unit.decision?.outcome === 'ACCEPTED' ? unit.decision : null;
    if (gold && gold.start != null && gold.end != null) marks.push({start: gold.start, end: gold.end, lane: -1});
    const room = underlineRoom(unit.versions.length);
    return html`<article
      class="cb-unit${unit.key === this.focusKey ? ' cb-unit-focused' : ''}${unit.agreed ? ' cb-unit-agreed' : ''}"
      data-key=${unit.key}
      data-label=${unit.label}
      data-start=${unit.start}
      aria-label=${`${unit.title ?? unit.label} ${unit.start}–${unit.end}`}
    >
      <header class="cb-unit-head">
        ${this.chip(unit.label, unit.title ?? unit.label, unit.color, unit.ink)}
        <span class="cb-unit-where">${unit.start}–${unit.end}</span>
        ${this.state(unit)}
      </header>
      <p class="cb-unit-context" style=${`line-height: calc(1.6em + ${room}px)`}>${unit.clippedBefore ? '…' : nothing}${segments(
        unit.contextStart,
        unit.contextEnd,
        marks,
      ).map((s) =>
        s.lanes.length === 0
          ? this.slice(s.start, s.end)
          : html`<span class="cb-seg" style=${`background: ${underlines(s.lanes)}; padding-bottom: ${room}px`}
              >${this.slice(s.start, s.end)}</span
            >`,
      )}${unit.clippedAfter ? '…' : nothing}</p>
      <ul class="cb-unit-versions">
        ${unit.versions.map((v, lane) => this.version(unit, v, lane, open))}
      </ul>
      ${open
        ? html`<button
            type="button"
            class="cb-unit-action cb-unit-action-error cb-reject"
            data-key=${unit.key}
            @click=${() => this.act(unit, 'reject', unit.versions[0].id)}
          >
            Reject all
          </button>`
        : this.decision(unit.decision!)}
    </article>`;
  }

  private version(unit: Unit, v: Version, lane: number, open: boolean) {
    return html`<li class="cb-version" data-annotation=${v.id}>
      <span class="cb-lane" style=${`background: ${laneColor(lane)}`} aria-hidden="true"></span>
      <span class="cb-version-author">${v.author}</span>
      ${v.label ? html`<span class="cb-version-label">${v.label}</span>` : nothing}
      <q class="cb-version-text">${this.slice(v.start, v.end)}</q>
      <span class="cb-muted cb-version-where">${v.start}–${v.end}</span>
      ${this.fields(v.fields, v.note)}
      ${v.tally ? html`<span class="cb-muted cb-version-tally">${v.tally}</span>` : nothing}
      ${v.imported ? html`<span class="cb-muted">${v.imported}</span>` : nothing}
      ${open
        ? html`<span class="cb-version-actions"
            ><button
              type="button"
              class="cb-unit-action cb-accept"
              data-annotation=${v.id}
              @click=${() => this.act(unit, 'accept', v.id)}
            >
              Accept</button
            ><button
              type="button"
              class="cb-unit-action cb-edit-accept"
              data-annotation=${v.id}
              @click=${() => this.act(unit, 'edit', v.id)}
            >
              Edit & accept
            </button></span
          >`
        : nothing}
    </li>`;
  }

  private decision(d: Decision) {
    const accepted = d.outcome === 'ACCEPTED';
    return html`<div class="cb-decision" data-decision=${d.id}>
      <div>
        ${accepted
          ? html`<span class="cb-gold-mark">Gold</span> ${this.chip(d.label ?? '', d.title ?? d.label ?? '', d.color ?? '#616161', d.ink ?? '#ffffff')}
              <q>${d.start != null && d.end != null ? this.slice(d.start, d.end) : ''}</q>
              <span class="cb-muted">${d.start}–${d.end}</span> ${this.fields(d.fields, null)}`
          : html`<span class="cb-rejected-mark">Rejected</span>`}
      </div>
      <div class="cb-muted">by ${d.by}: ${d.reason}${d.imported ? ` · ${d.imported}` : ''}</div>
    </div>`;
  }

  private fields(fields: Field[], note: string | null | undefined) {
    if (fields.length === 0 && !note) return nothing;
    return html`<dl class="cb-fields">
      ${fields.map((f) => html`<div><dt>${f.name}</dt><dd>${f.value}</dd></div>`)}
      ${note ? html`<div><dt>Note</dt><dd>${note}</dd></div>` : nothing}
    </dl>`;
  }

  private state(unit: Unit) {
    if (unit.decision) {
      return unit.decision.outcome === 'ACCEPTED'
        ? html`<span class="cb-unit-state cb-unit-state-gold">In gold</span>`
        : html`<span class="cb-unit-state">Rejected</span>`;
    }
    return unit.agreed
      ? html`<span class="cb-unit-state cb-unit-state-agreed">Agreed by every reviewer</span>`
      : html`<span class="cb-unit-state cb-unit-state-open">Open</span>`;
  }

  private chip(label: string, title: string, color: string, ink: string) {
    return html`<span class="cb-label-chip" data-label=${label} style=${`--cb-label-color: ${color}; --cb-label-ink: ${ink}`}
      >${title}</span
    >`;
  }

  private slice(start: number, end: number): string {
    const length = this.index.length;
    return this.index.slice(Math.max(0, Math.min(start, length)), Math.max(0, Math.min(end, length)));
  }

  private act(unit: Unit, action: string, annotation: number): void {
    this.dispatchEvent(new CustomEvent('cb-unit-action', {detail: {key: unit.key, action, annotation}, bubbles: true}));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cb-curation-units': CurationUnits;
  }
}
