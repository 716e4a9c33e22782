/**
 * Build-time basemap: Natural Earth countries (world-atlas, 1:50m), Mexican state borders (Natural
 * Earth 1:10m admin-1, data/mexico-states.topo.json) and US state borders (us-atlas), with a label
 * point for each Mexican state and the four US border states, cut to the region the map shows and rounded to ~10 m, served to the app as the module
 * `virtual:basemap`. Nothing is generated into the tree; the browser gets small, ready GeoJSON.
 */
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { bboxClip, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';

const require = createRequire(import.meta.url);

/** The map shows this box at most; land and borders are clipped to it. */
const REGION = { west: -135, south: 0, east: -60, north: 50 };
const REGION_BBOX: [number, number, number, number] = [REGION.west, REGION.south, REGION.east, REGION.north];
/** ISO 3166 numeric ids of the two countries the simulation is about. */
const FOCUS = new Set(['484', '840']);

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

function reachesRegion(geometry: Geometry | null): boolean {
  if (!geometry) return false;
  const all = positions(geometry);
  return all.some(([lon, lat]) => lon! >= REGION.west && lon! <= REGION.east && lat! >= REGION.south && lat! <= REGION.north);
}

/** Rounds numbers, arrays of them and a geometry's coordinates (a geometry is an object, not an array). */
const roundTo = (scale: number) => {
  const r = (value: unknown): unknown => {
    if (typeof value === 'number') return Math.round(value * scale) / scale;
    if (Array.isArray(value)) return value.map(r);
    if (value !== null && typeof value === 'object' && 'coordinates' in value) return { ...value, coordinates: r(value.coordinates) };
    return value;
  };
  return r;
};
const round = roundTo(1e4);
/** The Mexican states file is quantized to about 0.003° by 0.002°: three decimals lose nothing of it. */
const roundMexico = roundTo(1e3);

export interface Basemap {
  countries: FeatureCollection;
  countryBorders: MultiLineString;
  /** US state lines (us-atlas). */
  stateBorders: MultiLineString;
  /** Lines between Mexican states (not the coast nor the US border, which the country layer draws). */
  mexicoStateBorders: MultiLineString;
  /** One point per state to label: `name`, `country` ('MX' | 'US'). */
  stateLabels: FeatureCollection<Point, { name: string; country: string }>;
}

/** US states labelled beside Mexico's: those on the border, where the crossings are. */
const US_BORDER_STATES = new Set(['California', 'Arizona', 'New Mexico', 'Texas']);

/**
 * Where to write a state's name: the centre of mass of its largest part, unless that falls outside
 * the state (a crescent such as Veracruz), then a point surely inside it.
 */
export function labelPoint(state: Feature<Polygon | MultiPolygon>): Position {
  const parts = state.geometry.type === 'Polygon' ? [state.geometry.coordinates] : state.geometry.coordinates;
  const area = (ring: Position[]) => Math.abs(ring.reduce((sum, [x0, y0], i) => { const [x1, y1] = ring[(i + 1) % ring.length]!; return sum + x0! * y1! - x1! * y0!; }, 0));
  const largest: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: parts.reduce((a, b) => (area(b[0]!) > area(a[0]!) ? b : a)) } };
  const centre = centerOfMass(largest).geometry.coordinates;
  return booleanPointInPolygon(centre, largest) ? centre : pointOnFeature(largest).geometry.coordinates;
}

export function buildBasemap(): Basemap {
  const world = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  const us = require('us-atlas/states-10m.json') as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const mexico = require('../data/mexico-states.topo.json') as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const all = feature(world, world.objects.countries) as FeatureCollection;
  const kept: Feature[] = all.features
    .filter((f) => reachesRegion(f.geometry) && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => ({ id: f.id, clipped: bboxClip(f as Feature<Polygon | MultiPolygon>, REGION_BBOX) }))
    .filter(({ clipped }) => clipped.geometry.coordinates.length > 0)
    .map(({ id, clipped }) => ({ type: 'Feature', id, properties: { focus: FOCUS.has(String(id)) }, geometry: round(clipped.geometry) as Geometry }));
  const inRegion = new Set(kept.map((f) => f.id));
  const clipLines = (lines: MultiLineString) => round(bboxClip({ type: 'Feature', properties: {}, geometry: lines }, REGION_BBOX).geometry) as MultiLineString;
  return {
    countries: { type: 'FeatureCollection', features: kept },
    countryBorders: clipLines(mesh(world, world.objects.countries, (a, b) => a !== b && (inRegion.has(a.id) || inRegion.has(b.id)))),
    stateBorders: clipLines(mesh(us, us.objects.states, (a, b) => a !== b)),
    mexicoStateBorders: roundMexico(mesh(mexico, mexico.objects.states, (a, b) => a !== b)) as MultiLineString,
    stateLabels: {
      type: 'FeatureCollection',
      features: [
        ...(feature(mexico, mexico.objects.states) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features.map((f) => ({ ...f, properties: { name: f.properties.name, country: 'MX' } })),
        ...(feature(us, us.objects.states) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features
          .filter((f) => US_BORDER_STATES.has(f.properties.name))
          .map((f) => ({ ...f, properties: { name: f.properties.name, country: 'US' } })),
      ].map((f) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'Point', coordinates: round(labelPoint(f)) as Position } })),
    },
  };
}

export function basemapPlugin(): Plugin {
  const id = 'virtual:basemap';
  const resolved = `\0${id}`;
  let cached: string | null = null;
  return {
    name: 'caravan-basemap',
    resolveId: (source) => (source === id ? resolved : null),
    load(loadId) {
      if (loadId !== resolved) return null;
      // A JSON.parse of a string is much faster for engines to load than the same data as a JS literal.
      cached ??= `export default JSON.parse(${JSON.stringify(JSON.stringify(buildBasemap()))});`;
      return cached;
    },
  };
}
