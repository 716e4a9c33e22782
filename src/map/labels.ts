/**
 * Labels as HTML markers: they need no glyph server (the map stays offline), stay crisp and the same
 * size at every zoom. Minor labels hide at low zoom (a class on the map container) so they never pile up.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';

export interface Label {
  marker: Marker;
  element: HTMLElement;
  text: HTMLElement;
  detail: HTMLElement;
}

export function createLabel(map: MapLibreMap, lngLat: [number, number], className: string, text: string, anchor: 'left' | 'right' | 'top' | 'bottom' = 'left'): Label {
  const element = document.createElement('div');
  element.className = `map-label ${className}`;
  const textEl = document.createElement('span');
  textEl.className = 'map-label-text';
  textEl.textContent = text;
  const detail = document.createElement('span');
  detail.className = 'map-label-detail';
  element.append(textEl, detail);
  const offset: [number, number] = anchor === 'left' ? [8, 0] : anchor === 'right' ? [-8, 0] : anchor === 'top' ? [0, 8] : [0, -8];
  const marker = new Marker({ element, anchor, offset }).setLngLat(lngLat).addTo(map);
  return { marker, element, text: textEl, detail };
}

/** Sets the zoom classes the label CSS keys on. */
export function trackZoomClasses(map: MapLibreMap, container: HTMLElement): void {
  const apply = () => {
    const zoom = map.getZoom();
    container.classList.toggle('zoom-low', zoom < 5.2);
    container.classList.toggle('zoom-mid', zoom >= 5.2 && zoom < 7);
  };
  map.on('zoom', apply);
  apply();
}
