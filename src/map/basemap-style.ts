/**
 * The offline basemap: Natural Earth countries (world-atlas) and US states (us-atlas), converted from
 * TopoJSON once at start-up. No tiles, glyphs or sprites are fetched, so the map makes no request.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesTopo from 'world-atlas/countries-50m.json';
import statesTopo from 'us-atlas/states-10m.json';

export const basemapColors = {
  sea: '#cfdde6',
  land: '#f3f0e8',
  focusLand: '#fbfaf6',
  countryBorder: '#8a8577',
  stateBorder: '#b9b3a4',
} as const;

/** ISO 3166 numeric ids of the two countries the simulation is about. */
const MEXICO = '484';
const USA = '840';

export function basemapSources(): { countries: FeatureCollection; countryBorders: MultiLineString; stateBorders: MultiLineString } {
  const world = countriesTopo as unknown as Topology<{ countries: GeometryCollection }>;
  const us = statesTopo as unknown as Topology<{ states: GeometryCollection }>;
  const countries = feature(world, world.objects.countries) as FeatureCollection;
  for (const f of countries.features) {
    f.properties = { ...f.properties, focus: f.id === MEXICO || f.id === USA };
  }
  return {
    countries,
    countryBorders: mesh(world, world.objects.countries, (a, b) => a !== b),
    stateBorders: mesh(us, us.objects.states, (a, b) => a !== b),
  };
}

export function basemapStyle(): StyleSpecification {
  const { countries, countryBorders, stateBorders } = basemapSources();
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: countries },
      'country-borders': { type: 'geojson', data: { type: 'Feature', geometry: countryBorders, properties: {} } },
      'state-borders': { type: 'geojson', data: { type: 'Feature', geometry: stateBorders, properties: {} } },
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
        id: 'country-borders',
        type: 'line',
        source: 'country-borders',
        paint: { 'line-color': basemapColors.countryBorder, 'line-width': 1.4 },
      },
    ],
  };
}
