import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle } from '../map/basemap-style';

declare global {
  interface Window {
    __caravan?: { ready: boolean; state(): object };
  }
}

/** Southern Mexico to the US border. */
const INITIAL_BOUNDS: [[number, number], [number, number]] = [
  [-118.5, 14.3],
  [-90.5, 33.2],
];

export function startApp(root: HTMLElement): void {
  maplibregl.setWorkerUrl(workerUrl);
  const hooks = { ready: false, state: () => ({}) };
  window.__caravan = hooks;

  const mapEl = document.createElement('div');
  mapEl.className = 'map';
  mapEl.dataset.testid = 'map';
  root.append(mapEl);

  const map = new maplibregl.Map({
    container: mapEl,
    style: basemapStyle(),
    bounds: INITIAL_BOUNDS,
    fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: true, customAttribution: 'Natural Earth · US Census (us-atlas)' },
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.once('idle', () => {
    hooks.ready = true;
  });
}
