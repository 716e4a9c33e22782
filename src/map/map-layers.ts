/**
 * The project's own layers on the basemap. Built when the scenario changes (`setScenario`); per
 * frame only small sources (group positions, travelled lines, troop circles) are replaced (`update`).
 */
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { LoadedData } from '../data/load-world';
import type { ArrivalRow } from '../sim/arrival-table';
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

/**
 * The project's sources and layers, part of the style from the start so the first render has them
 * (adding them after load would cost a second round through the map's worker). Routes and crossings
 * start empty and are filled by setScenarioLayers.
 */
export function projectStyle(data: LoadedData): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const roads: FeatureCollection<LineString> = {
    type: 'FeatureCollection',
    features: [...data.world.network.edges.values()].map((e) => ({
      type: 'Feature',
      properties: { id: e.id, highway: e.highway, risk: e.risk, toll: /D$/.test(e.highway) },
      geometry: { type: 'LineString', coordinates: e.coordinates.map((c) => [c[0], c[1]]) },
    })),
  };
  return {
    sources: {
      roads: { type: 'geojson', data: roads },
      routes: { type: 'geojson', data: empty },
      crossings: { type: 'geojson', data: empty },
    },
    layers: [
      {
        id: 'roads',
        type: 'line',
        source: 'roads',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ['interpolate', ['linear'], ['get', 'risk'], 0, '#b8ad95', 0.6, '#c98d6b', 1, '#b5523b'],
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, ['case', ['get', 'toll'], 1.6, 1.1], 8, ['case', ['get', 'toll'], 3.5, 2.4]],
          'line-dasharray': ['case', ['>=', ['get', 'risk'], 0.6], ['literal', [2, 1.5]], ['literal', [1, 0]]],
        },
      },
      { id: 'routes', type: 'line', source: 'routes', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['get', 'color'], 'line-width': 2.5, 'line-opacity': 0.45 } },
      {
        id: 'crossings',
        type: 'circle',
        source: 'crossings',
        paint: {
          'circle-radius': ['case', ['get', 'destination'], 7, 4.5],
          'circle-color': ['get', 'color'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  };
}

/** Rebuilds the scenario-dependent sources (routes, crossings with their arrival colour, observed points). */
export function setScenarioLayers(map: MapLibreMap, data: LoadedData, trajectory: Trajectory, rows: readonly ArrivalRow[], marginColor: (row: ArrivalRow) => string): void {
  const routes: Feature<LineString>[] = trajectory.groups.map((g, i) => ({
    type: 'Feature',
    properties: { group: g.id, color: groupColor(g.id, i) },
    geometry: { type: 'LineString', coordinates: g.route.vertices.map((v) => [v[0], v[1]]) },
  }));
  // setData's promise only says when the worker has the data; the next repaint shows it either way.
  void (map.getSource('routes') as GeoJSONSource).setData({ type: 'FeatureCollection', features: routes });
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
  void (map.getSource('crossings') as GeoJSONSource).setData({ type: 'FeatureCollection', features: crossings });
}

