import { describe, expect, it } from 'vitest';
import { joinPaths, kmOfNode, lastIndexAtOrBefore, nearestPlaceOnRoute, pointAtKm, routeFromPath } from '../../../src/sim/route';
import { buildNetwork } from '../../../src/sim/network';
import { tinyEdges, tinyNodes, tinyWorld } from '../../fixtures/tiny-world';

const { network } = tinyWorld();
const abcde = routeFromPath(network, ['a', 'b', 'c', 'd', 'e']);
const KM_PER_DEGREE = 111.195;

describe('a route', () => {
  it('lays its nodes out on one km axis: a 0, b 30, c 60, d 90, e 120', () => {
    expect(abcde.nodeKm).toEqual([0, 30, 60, 90, 120]);
    expect(abcde.totalKm).toBe(120);
    expect(abcde.legs.map((l) => l.id)).toEqual(['a--b', 'b--c', 'c--d', 'd--e']);
  });

  it('runs a leg backwards when the path goes against the way it is stored', () => {
    const back = routeFromPath(network, ['e', 'd', 'c']);
    expect(back.nodeKm).toEqual([0, 30, 60]);
    expect(back.vertices[0]).toEqual([tinyNodes[4]!.lon, tinyNodes[4]!.lat]);
    expect(back.vertices.at(-1)).toEqual([tinyNodes[2]!.lon, tinyNodes[2]!.lat]);
  });

  it('counts road km, not geometry km: a 30 km road drawn 10 km long still spans 30 km', () => {
    const short = buildNetwork(tinyNodes, tinyEdges.map((e) => (e.id === 'a--b' ? { ...e, coordinates: [e.coordinates[0]!, [0, 5 / KM_PER_DEGREE], [0, 10 / KM_PER_DEGREE]] } : e)));
    const route = routeFromPath(short, ['a', 'b']);
    expect(route.totalKm).toBe(30);
    expect(route.vertexKm.map((km) => Math.round(km))).toEqual([0, 15, 30]);
  });

  it('is a single point for a path of one node, and refuses an empty path, an unknown node or a missing road', () => {
    expect(routeFromPath(network, ['c']).totalKm).toBe(0);
    expect(() => routeFromPath(network, [])).toThrow('a route needs at least one node');
    expect(() => routeFromPath(network, ['a', 'atlantis'])).toThrow('route: unknown node "atlantis"');
    expect(() => routeFromPath(network, ['a', 'c'])).toThrow('route: no road from "a" to "c"');
  });

  it('turns km 45 into the point halfway from b to c, and clamps km outside the route to its ends', () => {
    const [lon, lat] = pointAtKm(abcde, 45);
    expect(lon).toBeCloseTo(0, 9);
    expect(lat * KM_PER_DEGREE).toBeCloseTo(45, 6);
    expect(pointAtKm(abcde, -10)).toEqual(pointAtKm(abcde, 0));
    expect(pointAtKm(abcde, 500)).toEqual(pointAtKm(abcde, 120));
  });

  it('finds the km of a node it passes, and nothing for one it does not', () => {
    expect(kmOfNode(abcde, 'd')).toBe(90);
    expect(kmOfNode(abcde, 'f')).toBeUndefined();
  });

  it('joins two paths where they meet, and refuses two that do not', () => {
    expect(joinPaths(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(joinPaths([], ['b', 'c'])).toEqual(['b', 'c']);
    expect(() => joinPaths(['a', 'b'], ['c', 'd'])).toThrow('joinPaths: routes do not meet');
  });
});

describe('lastIndexAtOrBefore', () => {
  it('finds the last entry at or before a value, 0 before the first', () => {
    const km = [0, 30, 60, 90];
    expect([-5, 0, 29.9, 30, 75, 90, 200].map((v) => lastIndexAtOrBefore(km, v))).toEqual([0, 0, 0, 1, 2, 3, 3]);
  });
});

describe('the nearest place on a route', () => {
  it('is the place behind when it is closer: km 44 is 14 km past b', () => {
    expect(nearestPlaceOnRoute(abcde, 44)).toEqual({ index: 1, node: network.nodes.get('b'), offKm: 14, atPlace: false });
  });

  it('is the place ahead when it is closer: km 46 is 14 km short of c', () => {
    expect(nearestPlaceOnRoute(abcde, 46).node.id).toBe('c');
  });

  it('goes to the place behind on a tie (km 45)', () => {
    expect(nearestPlaceOnRoute(abcde, 45).node.id).toBe('b');
  });

  it('says the group is at a place within 1 km of it, and only then', () => {
    expect(nearestPlaceOnRoute(abcde, 59.5)).toMatchObject({ index: 2, atPlace: true });
    expect(nearestPlaceOnRoute(abcde, 61)).toMatchObject({ index: 2, atPlace: false });
    expect(nearestPlaceOnRoute(abcde, 120)).toMatchObject({ index: 4, atPlace: true });
    expect(nearestPlaceOnRoute(abcde, 0)).toMatchObject({ index: 0, atPlace: true });
  });
});
