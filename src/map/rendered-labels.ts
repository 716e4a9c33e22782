/**
 * The labels the map has placed, with their boxes on screen: for tests and checks that labels do not
 * overlap, and that a label is where its place is. The boxes are maplibre's own collision boxes (the
 * ones its placement keeps apart), read from its placement; the text is asked of the map at each
 * box's centre through the public query.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { LABEL_LAYERS } from './label-layers';

export interface RenderedLabel {
  layer: string;
  text: string;
  /** CSS pixels from the map's top left. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** maplibre keeps its collision grid this many pixels beyond the viewport on every side. */
const GRID_PADDING_PX = 100;

interface PlacementInternals {
  style?: { placement?: { collisionIndex?: { grid?: { bboxes: number[] } } } };
}

function labelText(properties: Record<string, unknown>): string {
  if (typeof properties.name === 'string') return properties.name + (typeof properties.detail === 'string' ? properties.detail : '');
  return [0, 1, 2, 3].map((i) => properties[`t${i}`]).filter((t): t is string => typeof t === 'string').join('');
}

export function renderedLabels(map: MapLibreMap): RenderedLabel[] {
  const boxes = (map as unknown as PlacementInternals).style?.placement?.collisionIndex?.grid?.bboxes ?? [];
  const labels: RenderedLabel[] = [];
  for (let i = 0; i + 3 < boxes.length; i += 4) {
    const [x0, y0, x1, y1] = [boxes[i]!, boxes[i + 1]!, boxes[i + 2]!, boxes[i + 3]!].map((v) => v - GRID_PADDING_PX) as [number, number, number, number];
    const hit = map.queryRenderedFeatures([(x0 + x1) / 2, (y0 + y1) / 2], { layers: [...LABEL_LAYERS] })[0];
    labels.push({ layer: hit?.layer.id ?? '', text: hit ? labelText(hit.properties) : '', x0, y0, x1, y1 });
  }
  return labels;
}
