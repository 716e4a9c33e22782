/**
 * The offline basemap style: land, sea, country, Mexican and US state borders from the build-time
 * module `virtual:basemap` (Natural Earth via world-atlas and data/mexico-states.topo.json, US Census
 * via us-atlas; see scripts/basemap.ts). State lines are fine, under the roads the project draws.
 * No tiles, glyphs or sprites are fetched, so the map makes no request.
 */
import type { StyleSpecification } from 'maplibre-gl';
import basemap from 'virtual:basemap';
import { basemapColors } from './palette';

export { basemapColors };

export function basemapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: basemap.countries },
      'country-borders': { type: 'geojson', data: { type: 'Feature', geometry: basemap.countryBorders, properties: {} } },
      'state-borders': { type: 'geojson', data: { type: 'Feature', geometry: basemap.stateBorders, properties: {} } },
      'mexico-state-borders': { type: 'geojson', data: { type: 'Feature', geometry: basemap.mexicoStateBorders, properties: {} } },
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
