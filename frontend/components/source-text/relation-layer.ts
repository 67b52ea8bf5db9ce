/*
 * The relations between annotations, painted as arcs in one SVG over the text (relation-arcs.ts
 * lays them out): each labelled with its type's title and ending in an arrow at its `to`
 * annotation. The selected annotation's relations are drawn strong and the others faint; while a
 * link is being made (link mode), a dashed arc runs from its start to the target in view. Redrawn
 * when the relations, the highlights or the element's size change, and on scroll.
 */
import type {ReactiveController} from 'lit';
import type {SourceTextHost} from './host.js';
import {type ArcInput, layoutArcs, labelWidth} from './relation-arcs.js';
import {type Box, mergeIntoLines} from './selection-overlay.js';
import {textNodeOf} from './text-runs.js';
import type {SourceRelation} from './types.js';

const SVG = 'http://www.w3.org/2000/svg';

/** What the layer reads of the element beyond the shared host. */
export interface RelationHost extends SourceTextHost {
  readonly relations: SourceRelation[];
  /** While a link is being made: where it starts and the target in view (null: none yet). */
  readonly linkFrom: string | null;
  readonly linkTarget: string | null;
}

export class RelationLayerController implements ReactiveController {
  private frame = 0;
  private observer: ResizeObserver | null = null;
  layer: SVGSVGElement | null = null;

  constructor(private readonly host: RelationHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver !== 'undefined') {
      this.observer ??= new ResizeObserver(() => this.schedule());
      this.observer.observe(this.host);
    }
    this.host.addEventListener('scroll', this.onScroll, {passive: true});
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.host.removeEventListener('scroll', this.onScroll);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Follows the size of these chunks (the text's blocks): their lines move when they are laid out. */
  observeChunks(chunks: readonly Element[]): void {
    for (const chunk of chunks) this.observer?.observe(chunk);
  }

  unobserveChunks(chunks: readonly Element[]): void {
    for (const chunk of chunks) this.observer?.unobserve(chunk);
  }

  private readonly onScroll = (): void => this.schedule();

  /** Redraws at the next animation frame (once, however often asked). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** The box of the first line of an annotation, in the element's content coordinates, or null when it is not drawn. */
  firstLine(id: string, origin: {dx: number; dy: number}): Box | null {
    const runs = this.host.runs;
    const highlight = this.host.highlights.get(id);
    if (!runs || runs.isEmpty || !highlight || highlight.end <= highlight.start) return null;
    const first = runs.runAt(highlight.start);
    const last = runs.runAt(highlight.end - 1);
    const range = document.createRange();
    const rects: DOMRect[] = [];
    for (let i = first; i <= last; i++) {
      range.selectNodeContents(textNodeOf(runs.runNodes[i]));
      rects.push(...Array.from(range.getClientRects()));
      if (rects.length > 0 && i > first + 8) break; // the first line is all we need
    }
    const line = mergeIntoLines(rects)[0];
    if (!line) return null;
    return {left: line.left + origin.dx, right: line.right + origin.dx, top: line.top + origin.dy, bottom: line.bottom + origin.dy};
  }

  /** Paints every relation whose two annotations are drawn, and the link being made. */
  draw(): void {
    const host = this.host;
    const layer = this.ensureLayer();
    if (!layer) return;
    const relations = host.relations;
    host.classList.toggle('cb-has-relations', relations.length > 0 || host.linkFrom != null);
    if (!relations.length && host.linkFrom == null) {
      if (layer.firstChild) layer.replaceChildren();
      return;
    }
    const box = host.getBoundingClientRect();
    const origin = {dx: -box.left - host.clientLeft + host.scrollLeft, dy: -box.top - host.clientTop + host.scrollTop};
    const lines = new Map<string, Box | null>();
    const lineOf = (id: string) => {
      if (!lines.has(id)) lines.set(id, this.firstLine(id, origin));
      return lines.get(id)!;
    };
    const inputs: ArcInput[] = [];
    const byId = new Map<string, SourceRelation>();
    for (const relation of relations) {
      const from = lineOf(String(relation.from));
      const to = lineOf(String(relation.to));
      if (!from || !to) continue;
      inputs.push({id: String(relation.id), from, to, title: relation.title || relation.type});
      byId.set(String(relation.id), relation);
    }
    const linkStart = host.linkFrom != null ? lineOf(host.linkFrom) : null;
    const linkEnd = host.linkTarget != null ? lineOf(host.linkTarget) : null;
    if (linkStart && linkEnd && host.linkTarget !== host.linkFrom) {
      inputs.push({id: '\u0000link', from: linkStart, to: linkEnd, title: 'link to…'});
    }
    layer.setAttribute('width', String(Math.max(host.scrollWidth, 1)));
    layer.setAttribute('height', String(Math.max(host.scrollHeight, 1)));
    const selected = host.linkFrom ?? host.selectedId;
    const fragment = document.createDocumentFragment();
    fragment.append(markers());
    for (const arc of layoutArcs(inputs)) {
      const relation = byId.get(arc.id);
      const group = document.createElementNS(SVG, 'g');
      const link = relation == null;
      const touching = relation != null && selected != null
        && (String(relation.from) === selected || String(relation.to) === selected);
      group.setAttribute('class', `cb-arc${link ? ' cb-arc-link' : ''}${touching ? ' cb-arc-touching' : ''}`
        + `${selected != null && !touching && !link ? ' cb-arc-faint' : ''}`);
      if (relation) group.dataset.relation = String(relation.id);
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', arc.path);
      path.setAttribute('marker-end', touching || link ? 'url(#cb-arc-head-strong)' : 'url(#cb-arc-head)');
      const title = link ? 'link to…' : relation!.title || relation!.type;
      const width = labelWidth(title);
      const back = document.createElementNS(SVG, 'rect');
      back.setAttribute('x', String(Math.round(arc.labelX - width / 2)));
      back.setAttribute('y', String(Math.round(arc.labelY - 7)));
      back.setAttribute('width', String(width));
      back.setAttribute('height', '14');
      back.setAttribute('rx', '3');
      const text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', String(Math.round(arc.labelX)));
      text.setAttribute('y', String(Math.round(arc.labelY + 4)));
      text.textContent = title;
      group.append(path, back, text);
      fragment.append(group);
    }
    if (linkEnd) {
      const target = document.createElementNS(SVG, 'rect');
      target.setAttribute('class', 'cb-link-target');
      target.setAttribute('x', String(Math.round(linkEnd.left - 3)));
      target.setAttribute('y', String(Math.round(linkEnd.top - 2)));
      target.setAttribute('width', String(Math.round(linkEnd.right - linkEnd.left + 6)));
      target.setAttribute('height', String(Math.round(linkEnd.bottom - linkEnd.top + 4)));
      target.setAttribute('rx', '4');
      fragment.append(target);
    }
    layer.replaceChildren(fragment);
  }

  private ensureLayer(): SVGSVGElement | null {
    if (this.layer?.isConnected) return this.layer;
    const anchor = this.host.querySelector(':scope > .cb-layer');
    if (!anchor) return null;
    const layer = document.createElementNS(SVG, 'svg');
    layer.setAttribute('class', 'cb-arcs');
    layer.setAttribute('aria-hidden', 'true');
    anchor.before(layer);
    this.layer = layer;
    return layer;
  }
}

/** The arrow heads at the end of the arcs: the plain one, and the strong one of the selected annotation's. */
function markers(): SVGDefsElement {
  const defs = document.createElementNS(SVG, 'defs');
  for (const [id, className] of [['cb-arc-head', 'cb-head'], ['cb-arc-head-strong', 'cb-head cb-head-strong']]) {
    const marker = document.createElementNS(SVG, 'marker');
    marker.setAttribute('id', id);
    marker.setAttribute('viewBox', '0 0 8 8');
    marker.setAttribute('refX', '7');
    marker.setAttribute('refY', '4');
    marker.setAttribute('markerWidth', '7');
    marker.setAttribute('markerHeight', '7');
    marker.setAttribute('markerUnits', 'userSpaceOnUse');
    marker.setAttribute('orient', 'auto');
    const head = document.createElementNS(SVG, 'path');
    head.setAttribute('d', 'M0,0 L8,4 L0,8 z');
    head.setAttribute('class', className);
    marker.append(head);
    defs.append(marker);
  }
  return defs;
}
