import { describe, expect, it } from 'vitest';
import { checkEdges, checkGraph, roadNetwork } from '../../../scripts/data/network/checks';
import { densify, MAX_SEGMENT_KM } from '../../../scripts/data/network/geometry';
import { outputTexts } from '../../../scripts/data/network/output';
import type { Edge, Place } from '../../../scripts/data/network/source';
import { greatCircleKm } from '../../../src/sim/geo';

const KM_PER_DEGREE = 111.195;
const place = (id: string, northKm: number): Place => ({ id, name: id.toUpperCase(), country: 'MX', admin1: 'Chiapas', lat: northKm / KM_PER_DEGREE, lon: 0, population: null, geonameId: null, kind: 'town', coordinateSource: 'test' });
const edge = (from: Place, to: Place, roadKm: number): Edge => ({
  id: `${from.id}--${to.id}`,
  from: from.id,
  to: to.id,
  highway: 'T-1',
  roadKm,
  kmSource: 'measured',
  kmReference: 'measured along geometry',
  terrain: 'flat',
  risk: 0,
  region: 'Chiapas',
  coordinates: [
    [from.lon, from.lat],
    [to.lon, to.lat],
  ],
  geometryKm: Math.abs(to.lat - from.lat) * KM_PER_DEGREE,
  greatCircleKm: Math.abs(to.lat - from.lat) * KM_PER_DEGREE,
});

const a = place('a', 0);
const b = place('b', 20);
const c = place('c', 45);
const places = new Map([a, b, c].map((p) => [p.id, p]));

describe('the network build', () => {
  it('densifies a 90 km line into four pieces at most 25 km long, keeping its ends', () => {
    const line = densify([
      [0, 0],
      [0, 90 / KM_PER_DEGREE],
    ]);
    expect(line).toHaveLength(5);
    expect(line[0]).toEqual([0, 0]);
    expect(line.at(-1)).toEqual([0, 90 / KM_PER_DEGREE]);
    for (let i = 1; i < line.length; i++) expect(greatCircleKm(line[i - 1]!, line[i]!)).toBeLessThanOrEqual(MAX_SEGMENT_KM + 1e-6);
  });

  it('refuses a leg shorter than the straight line or longer than twice it', () => {
    expect(checkEdges([edge(a, b, 20)], places)).toEqual([]);
    expect(checkEdges([edge(a, b, 15), edge(b, c, 51)], places)).toEqual(['edge a--b: roadKm 15 < great-circle 20.0', 'edge b--c: roadKm 51 > 2 × great-circle 25.0']);
  });

  it('finds a place no road reaches, with src/sim’s network and routing', () => {
    expect(checkGraph(roadNetwork(places, [edge(a, b, 20), edge(b, c, 25)]), 'a', ['c'])).toEqual([]);
    expect(checkGraph(roadNetwork(places, [edge(a, b, 20)]), 'a', ['c'])).toEqual(['node c has no edge', 'graph is not connected; unreachable from a: c', 'port-facing node c unreachable from a']);
  });

  it('writes places and features sorted by id, one a line', () => {
    const texts = outputTexts(new Map([b, a].map((p) => [p.id, p])), [edge(a, b, 20)], 'a test');
    expect(texts.places.split('\n').slice(0, 4)).toEqual(['{', '  "source": "a test",', '  "places": [', `    ${JSON.stringify({ id: 'a', name: 'A', country: 'MX', admin1: 'Chiapas', lat: 0, lon: 0, population: null, geonameId: null, kind: 'town', coordinateSource: 'test' })},`]);
    expect(JSON.parse(texts.network)).toMatchObject({ type: 'FeatureCollection', features: [{ properties: { id: 'a' } }, { properties: { id: 'b' } }, { properties: { id: 'a--b', roadKm: 20 } }] });
  });
});
