/**
 * The project's own layers on the basemap. Built when the scenario changes (`setScenario`); per
 * frame only small sources (group positions, travelled lines, troop circles) are replaced (`update`).
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { LoadedData } from '../data/load-world';
import type { ArrivalRow } from '../sim/arrival-table';
import type { GroupPosition } from '../sim/sample';
import type { Trajectory } from '../sim/run-scenario';
import { lastIndexAtOrBefore, pointAtKm, type Route } from '../sim/route';
import { groupColor } from './palette';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The part of a route between two km marks, as a line (for the travelled part and a group's extent). */
export function routeSlice(route: Route, fromKm: number, toKm: number): [number, number][] {
  const a = Math.max(0, Math.min(fromKm, toKm));
  const b = Math.min(route.totalKm, Math.max(fromKm, toKm));
  const coords: [number, number][] = [pointAtKm(route, a) as [number, number]];
  for (let i = lastIndexAtOrBefore(route.vertexKm, a) + 1; i < route.vertices.length && route.vertexKm[i]! < b; i++) {
    coords.push([route.vertices[i]![0], route.vertices[i]![1]]);
  }
  coords.push(pointAtKm(route, b) as [number, number]);
  return coords;
}

export function addStaticLayers(map: MapLibreMap, data: LoadedData): void {
  const roads: FeatureCollection<LineString> = {
    type: 'FeatureCollection',
    features: [...data.world.network.edges.values()].map((e) => ({
      type: 'Feature',
      properties: { id: e.id, highway: e.highway, risk: e.risk, toll: /D$/.test(e.highway) },
      geometry: { type: 'LineString', coordinates: e.coordinates.map((c) => [c[0], c[1]]) },
    })),
  };
  map.addSource('roads', { type: 'geojson', data: roads });
  map.addLayer({
    id: 'roads',
    type: 'line',
    source: 'roads',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['interpolate', ['linear'], ['get', 'risk'], 0, '#b8ad95', 0.6, '#c98d6b', 1, '#b5523b'],
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, ['case', ['get', 'toll'], 1.6, 1.1], 8, ['case', ['get', 'toll'], 3.5, 2.4]],
      'line-dasharray': ['case', ['>=', ['get', 'risk'], 0.6], ['literal', [2, 1.5]], ['literal', [1, 0]]],
    },
  });
  for (const id of ['routes', 'travelled', 'extents', 'groups', 'observed', 'crossings', 'deployments']) {
    map.addSource(id, { type: 'geojson', data: empty });
  }
  map.addLayer({ id: 'routes', type: 'line', source: 'routes', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['get', 'color'], 'line-width': 2.5, 'line-opacity': 0.45 } });
  map.addLayer({ id: 'travelled', type: 'line', source: 'travelled', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['get', 'color'], 'line-width': 5 } });
  map.addLayer({
    id: 'observed',
    type: 'circle',
    source: 'observed',
    paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': '#24292f', 'circle-stroke-width': 1.5 },
  });
  map.addLayer({
    id: 'deployments',
    type: 'circle',
    source: 'deployments',
    paint: {
      'circle-radius': ['max', 3, ['*', 0.45, ['sqrt', ['get', 'headcount']]]],
      'circle-color': ['match', ['get', 'status'], 'in-position', '#3d4a1f', 'arriving', '#9c7a1d', '#ffffff'],
      'circle-opacity': ['match', ['get', 'status'], 'announced', 0.2, 0.75],
      'circle-stroke-color': '#3d4a1f',
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({
    id: 'crossings',
    type: 'circle',
    source: 'crossings',
    paint: {
      'circle-radius': ['case', ['get', 'destination'], 7, 4.5],
      'circle-color': ['get', 'color'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({ id: 'extents', type: 'line', source: 'extents', layout: { 'line-cap': 'round' }, paint: { 'line-color': ['get', 'color'], 'line-width': 12, 'line-opacity': 0.55 } });
  map.addLayer({
    id: 'groups',
    type: 'circle',
    source: 'groups',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'headcount']], 0, 5, 100, 13],
      'circle-color': ['get', 'color'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2.5,
    },
  });
}

/** Rebuilds the scenario-dependent sources (routes, crossings with their arrival colour, observed points). */
export function setScenarioLayers(map: MapLibreMap, data: LoadedData, trajectory: Trajectory, rows: readonly ArrivalRow[], marginColor: (row: ArrivalRow) => string): void {
  const routes: Feature<LineString>[] = trajectory.groups.map((g, i) => ({
    type: 'Feature',
    properties: { group: g.id, color: groupColor(g.id, i) },
    geometry: { type: 'LineString', coordinates: g.route.vertices.map((v) => [v[0], v[1]]) },
  }));
  (map.getSource('routes') as GeoJSONSource).setData({ type: 'FeatureCollection', features: routes });
  const destinations = new Set(trajectory.groups.map((g) => g.destination));
  const rowById = new Map(rows.map((r) => [r.crossing, r]));
  const crossings: Feature<Point>[] = data.world.crossings.map((c) => {
    const row = rowById.get(c.id);
    return {
      type: 'Feature',
      properties: { id: c.id, destination: destinations.has(c.id), color: row ? marginColor(row) : '#6e7781' },
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    };
  });
  (map.getSource('crossings') as GeoJSONSource).setData({ type: 'FeatureCollection', features: crossings });
}

export interface FrameView {
  trajectory: Trajectory;
  positions: readonly GroupPosition[];
  deployments: FeatureCollection<Point>;
  observed: FeatureCollection<Point>;
}

/** People walking in a column stretch over about a km per thousand; riding, over several. */
export function extentKm(position: GroupPosition): number {
  const perThousand = position.activity === 'walk' || position.activity === 'waiting' || position.activity === 'rest' || position.activity === 'stay' ? 1.5 : 8;
  return Math.max(1, (position.headcount / 1000) * perThousand);
}

export function updateFrameLayers(map: MapLibreMap, view: FrameView): void {
  const groupIndex = new Map(view.trajectory.groups.map((g, i) => [g.id, i]));
  const tracks = new Map(view.trajectory.groups.map((g) => [g.id, g]));
  const groups: Feature<Point>[] = [];
  const travelled: Feature<LineString>[] = [];
  const extents: Feature<LineString>[] = [];
  for (const p of view.positions) {
    const track = tracks.get(p.group)!;
    const color = groupColor(p.group, groupIndex.get(p.group)!);
    groups.push({ type: 'Feature', properties: { group: p.group, headcount: p.headcount, color }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } });
    if (p.km > 0) travelled.push({ type: 'Feature', properties: { color }, geometry: { type: 'LineString', coordinates: routeSlice(track.route, 0, p.km) } });
    extents.push({ type: 'Feature', properties: { color }, geometry: { type: 'LineString', coordinates: routeSlice(track.route, p.km - extentKm(p), p.km) } });
  }
  (map.getSource('groups') as GeoJSONSource).setData({ type: 'FeatureCollection', features: groups });
  (map.getSource('travelled') as GeoJSONSource).setData({ type: 'FeatureCollection', features: travelled });
  (map.getSource('extents') as GeoJSONSource).setData({ type: 'FeatureCollection', features: extents });
  (map.getSource('deployments') as GeoJSONSource).setData(view.deployments);
  (map.getSource('observed') as GeoJSONSource).setData(view.observed);
}
