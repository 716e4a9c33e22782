/**
 * Step 4: output. Deterministic text: places and features sorted by id, one record a line, keys in
 * a fixed order, coordinates already rounded to 5 decimals.
 */
import type { Edge, Place } from './source';

function placeJson(p: Place): string {
  return JSON.stringify({
    id: p.id,
    name: p.name,
    country: p.country,
    admin1: p.admin1,
    lat: p.lat,
    lon: p.lon,
    population: p.population,
    geonameId: p.geonameId,
    kind: p.kind,
    coordinateSource: p.coordinateSource,
  });
}

function nodeFeature(p: Place): string {
  return JSON.stringify({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: { id: p.id, name: p.name, kind: p.kind, admin1: p.admin1, country: p.country },
  });
}

function edgeFeature(e: Edge): string {
  return JSON.stringify({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: e.coordinates },
    properties: {
      id: e.id,
      from: e.from,
      to: e.to,
      highway: e.highway,
      roadKm: e.roadKm,
      kmSource: e.kmSource,
      kmReference: e.kmReference,
      terrain: e.terrain,
      risk: e.risk,
      region: e.region,
    },
  });
}

/** The text of data/places.json and data/network.geojson. */
export function outputTexts(places: ReadonlyMap<string, Place>, edges: readonly Edge[], source: string): { places: string; network: string } {
  const sortedPlaces = [...places.values()].sort((a, b) => a.id.localeCompare(b.id));
  const sortedEdges = [...edges].sort((a, b) => a.id.localeCompare(b.id));
  return {
    places: `{\n  "source": "${source}",\n  "places": [\n    ${sortedPlaces.map(placeJson).join(',\n    ')}\n  ]\n}\n`,
    network: `{\n  "type": "FeatureCollection",\n  "features": [\n    ${[...sortedPlaces.map(nodeFeature), ...sortedEdges.map(edgeFeature)].join(',\n    ')}\n  ]\n}\n`,
  };
}
