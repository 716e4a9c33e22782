/**
 * Build-time basemap: Natural Earth countries (world-atlas, 1:50m) and US state borders (us-atlas),
 * cut to the region the map shows and rounded to ~10 m, served to the app as the module
 * `virtual:basemap`. Nothing is generated into the tree; the browser gets small, ready GeoJSON.
 */
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { bboxClip } from '@turf/turf';

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

const round = (value: unknown): unknown => (typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : Array.isArray(value) ? value.map(round) : value);

export interface Basemap {
  countries: FeatureCollection;
  countryBorders: MultiLineString;
  stateBorders: MultiLineString;
}

export function buildBasemap(): Basemap {
  const world = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  const us = require('us-atlas/states-10m.json') as Topology<{ states: GeometryCollection }>;
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
