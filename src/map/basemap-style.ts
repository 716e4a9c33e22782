/**
 * The offline basemap style: land, sea, country, Mexican and US state borders from the GeoJSON
 * files cut at build time (Natural Earth via world-atlas and data/mexico-states.topo.json, US Census
 * via us-atlas; see scripts/basemap.ts), served by the app itself. State lines are fine, under the
 * roads the project draws. Maplibre's worker fetches and parses the files off the main thread; no
 * tiles, glyphs or sprites are fetched, so the map asks nothing of any other origin.
 */
import type { StyleSpecification } from 'maplibre-gl';
import basemapUrls from 'virtual:basemap-urls';
import { basemapColors } from './palette';

export { basemapColors };

/** An absolute URL: maplibre's worker resolves the data URLs, and it does not live where the page does. */
const absolute = (url: string) => new URL(url, document.baseURI).href;

export function basemapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: absolute(basemapUrls.countries) },
      'country-borders': { type: 'geojson', data: absolute(basemapUrls.countryBorders) },
      'state-borders': { type: 'geojson', data: absolute(basemapUrls.stateBorders) },
      'mexico-state-borders': { type: 'geojson', data: absolute(basemapUrls.mexicoStateBorders) },
      // Labelled by the project's label layers (src/map/label-layers.ts), above the roads.
      'state-labels': { type: 'geojson', data: absolute(basemapUrls.stateLabels) },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': basemapColors.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['case', ['get', 'focus'], basemapColors.focusLand, basemapColors.land] },
      },
      {
        id: 'state-borders',
        type: 'line',
        source: 'state-borders',
        paint: { 'line-color': basemapColors.stateBorder, 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: 'mexico-state-borders',
        type: 'line',
        source: 'mexico-state-borders',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': basemapColors.mexicoStateBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.7, 8, 1.2] },
      },
      {
        id: 'country-borders',
        type: 'line',
        source: 'country-borders',
        paint: { 'line-color': basemapColors.countryBorder, 'line-width': 1.4 },
      },
    ],
  };
}
