/**
 * Labels as HTML markers: they need no glyph server (the map stays offline) and stay crisp and the
 * same size at every zoom. A declutter pass after each move shows labels by priority and hides any
 * that would overlap one already shown, so they never pile up at low zoom.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';

export type LabelAnchor = 'left' | 'right' | 'top' | 'bottom';

export interface Label {
  marker: Marker;
  element: HTMLElement;
  text: HTMLElement;
  detail: HTMLElement;
  /** Lower shows first. */
  priority: number;
  lngLat: [number, number];
  anchor: LabelAnchor;
  size: { width: number; height: number } | null;
}

const OFFSET = 8;

export function createLabel(map: MapLibreMap, lngLat: [number, number], className: string, text: string, anchor: LabelAnchor, priority: number): Label {
  const element = document.createElement('div');
  element.className = `map-label ${className}`;
  const textEl = document.createElement('span');
  textEl.className = 'map-label-text';
  textEl.textContent = text;
  const detail = document.createElement('span');
  detail.className = 'map-label-detail';
  element.append(textEl, detail);
  const offset: [number, number] = anchor === 'left' ? [OFFSET, 0] : anchor === 'right' ? [-OFFSET, 0] : anchor === 'top' ? [0, OFFSET] : [0, -OFFSET];
  const marker = new Marker({ element, anchor, offset }).setLngLat(lngLat).addTo(map);
  return { marker, element, text: textEl, detail, priority, lngLat, anchor, size: null };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boxOf(map: MapLibreMap, label: Label): Box {
  const p = map.project(label.lngLat);
  const { width, height } = label.size!;
  switch (label.anchor) {
    case 'left':
      return { x0: p.x + OFFSET, y0: p.y - height / 2, x1: p.x + OFFSET + width, y1: p.y + height / 2 };
    case 'right':
      return { x0: p.x - OFFSET - width, y0: p.y - height / 2, x1: p.x - OFFSET, y1: p.y + height / 2 };
    case 'top':
      return { x0: p.x - width / 2, y0: p.y + OFFSET, x1: p.x + width / 2, y1: p.y + OFFSET + height };
    case 'bottom':
      return { x0: p.x - width / 2, y0: p.y - OFFSET - height, x1: p.x + width / 2, y1: p.y - OFFSET };
  }
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 + 2 && b.x0 < a.x1 + 2 && a.y0 < b.y1 + 1 && b.y0 < a.y1 + 1;

/** Shows labels by priority, hiding those that would overlap one already shown or leave the map. */
export function declutter(map: MapLibreMap, labels: readonly Label[]): void {
  const canvas = map.getCanvas();
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const shown: Box[] = [];
  // Measure every new label first, then write: interleaving reads and writes would force a layout each time.
  const unmeasured = labels.filter((l) => l.size === null);
  for (const label of unmeasured) label.size = { width: label.element.offsetWidth, height: label.element.offsetHeight };
  for (const label of [...labels].sort((a, b) => a.priority - b.priority)) {
    const box = boxOf(map, label);
    const inside = box.x1 > 0 && box.x0 < width && box.y1 > 0 && box.y0 < height;
    const visible = inside && !shown.some((other) => overlaps(box, other));
    if (visible) shown.push(box);
    label.element.style.visibility = visible ? 'visible' : 'hidden';
  }
}

/** Text changed: measure again at the next declutter. */
export function remeasure(labels: readonly Label[]): void {
  for (const label of labels) label.size = null;
}
