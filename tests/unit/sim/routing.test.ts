import { describe, expect, it } from 'vitest';
import { findRoute, routesToAll } from '../../../src/sim/routing';
import { pointAtKm } from '../../../src/sim/route';
import { findNode, nearestNode } from '../../../src/sim/network';
import { nearestCrossingKmAt, nearestCrossingKmByNode } from '../../../src/sim/nearest-crossing';
import { tinyWorld } from '../../fixtures/tiny-world';

const ids = (route: { nodes: readonly { id: string }[] }) => route.nodes.map((n) => n.id);

describe('routing on the tiny network', () => {
  const { network } = tinyWorld();

  it('takes the straight road from a to e: 120 km through b, c, d', () => {
    const route = findRoute(network, 'a', 'e');
    expect(ids(route)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(route.totalKm).toBe(120);
    expect(route.nodeKm).toEqual([0, 30, 60, 90, 120]);
  });

  it('takes the risky 100 km road to f when risk does not matter', () => {
    const route = findRoute(network, 'a', 'f', { riskAversion: 0, avoidRegions: [], via: [] });
    expect(ids(route)).toEqual(['a', 'b', 'c', 'f']);
    expect(route.totalKm).toBe(100);
  });

  it('takes the safe 110 km road through g when risk aversion doubles the risky leg (140 vs 110)', () => {
    const route = findRoute(network, 'a', 'f', { riskAversion: 1, avoidRegions: [], via: [] });
    expect(ids(route)).toEqual(['a', 'b', 'g', 'f']);
    expect(route.totalKm).toBe(110);
  });

  it('stays out of an avoided region', () => {
    expect(ids(findRoute(network, 'a', 'f', { riskAversion: 0, avoidRegions: ['Risky'], via: [] }))).toEqual(['a', 'b', 'g', 'f']);
  });

  it('passes through a via-place even when it costs more', () => {
    const route = findRoute(network, 'a', 'f', { riskAversion: 1, avoidRegions: [], via: ['c'] });
    expect(ids(route)).toEqual(['a', 'b', 'c', 'f']);
  });

  it('gives the route km to every target from one search', () => {
    const summaries = routesToAll(network, 'a', ['e', 'f']);
    expect(summaries.map((s) => [s.target, s.routeKm])).toEqual([
      ['e', 120],
      ['f', 100],
    ]);
  });

  it('places km 45 halfway between b and c', () => {
    const route = findRoute(network, 'a', 'e');
    const [lon, lat] = pointAtKm(route, 45);
    const b = network.nodes.get('b')!;
    const c = network.nodes.get('c')!;
    expect(lat).toBeCloseTo((b.lat + c.lat) / 2, 6);
    expect(lon).toBeCloseTo(0, 6);
  });

  it('finds places by name regardless of case and accents, and snaps a point to the nearest node', () => {
    expect(findNode(network, 'C')?.id).toBe('c');
    expect(nearestNode(network, [0.01, 0.5]).id).toBe('c');
  });
});

describe('closed places', () => {
  const { network } = tinyWorld();
  const closed = { riskAversion: 0, avoidRegions: [], via: [], closedPlaces: ['c'] };

  it('routes around a closed place', () => {
    expect(findRoute(network, 'a', 'f', closed).nodes.map((n) => n.id)).toEqual(['a', 'b', 'g', 'f']);
  });

  it('finds no road when the only way is closed', () => {
    expect(() => findRoute(network, 'a', 'e', closed)).toThrow('no road from "a" to "e"');
    expect(routesToAll(network, 'a', ['e', 'f'], closed).map((s) => s.target)).toEqual(['f']);
  });
});

describe('distance to the nearest crossing', () => {
  const { network } = tinyWorld();
  const byNode = nearestCrossingKmByNode(network, ['e', 'f']);

  it('is the road km to the closest crossing-facing node from every node', () => {
    expect(Object.fromEntries(byNode)).toEqual({ a: 100, b: 70, c: 40, d: 30, e: 0, g: 25, f: 0 });
  });

  it('interpolates along a route: 15 km past c toward d is 45 km back via c or 45 km on via d', () => {
    const route = findRoute(network, 'a', 'e');
    expect(nearestCrossingKmAt(route, 75, byNode)).toBe(45);
    expect(nearestCrossingKmAt(route, 85, byNode)).toBe(35);
  });
});
