/**
 * A route: the ordered nodes and legs from a start to a destination, laid out along one km axis so
 * that a position is a single number (km from the start) and can be turned into a point cheaply.
 */
import type { LonLat } from './geo';
import { greatCircleKm } from './geo';
import type { RoadEdge, RoadNetwork, RoadNode } from './network';

export interface Route {
  nodes: readonly RoadNode[];
  /** legs[i] joins nodes[i] and nodes[i + 1]. */
  legs: readonly RoadEdge[];
  /** nodeKm[i] = road km from the start to nodes[i]. */
  nodeKm: readonly number[];
  totalKm: number;
  /** Road geometry along the route, with each vertex's road km from the start. */
  vertices: readonly LonLat[];
  vertexKm: readonly number[];
}

/** Lays out a path of node ids (consecutive nodes must share a leg). */
export function routeFromPath(network: RoadNetwork, path: readonly string[]): Route {
  if (path.length === 0) throw new Error('a route needs at least one node');
  const nodes = path.map((id) => {
    const node = network.nodes.get(id);
    if (!node) throw new Error(`route: unknown node "${id}"`);
    return node;
  });
  const legs: RoadEdge[] = [];
  const nodeKm = [0];
  const vertices: LonLat[] = [[nodes[0]!.lon, nodes[0]!.lat]];
  const vertexKm = [0];
  for (let i = 1; i < nodes.length; i++) {
    const a = nodes[i - 1]!.id;
    const b = nodes[i]!.id;
    const key = network.graph.edge(a, b);
    if (key === undefined) throw new Error(`route: no road from "${a}" to "${b}"`);
    const leg = network.edges.get(key)!;
    legs.push(leg);
    const coords = leg.from === a ? leg.coordinates : [...leg.coordinates].reverse();
    // Road km (published or measured) is the truth; the geometry only says where along the leg a km falls.
    const geometryKm: number[] = [0];
    for (let j = 1; j < coords.length; j++) geometryKm.push(geometryKm[j - 1]! + greatCircleKm(coords[j - 1]!, coords[j]!));
    const geometryTotal = geometryKm[geometryKm.length - 1]! || 1;
    const startKm = nodeKm[i - 1]!;
    for (let j = 1; j < coords.length; j++) {
      vertices.push(coords[j]!);
      vertexKm.push(startKm + (geometryKm[j]! / geometryTotal) * leg.roadKm);
    }
    nodeKm.push(startKm + leg.roadKm);
  }
  return { nodes, legs, nodeKm, totalKm: nodeKm[nodeKm.length - 1]!, vertices, vertexKm };
}

/** Index of the last entry of an ascending array that is ≤ value (0 when value is before the first). */
export function lastIndexAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The point at `km` from the route's start (clamped to the route). */
export function pointAtKm(route: Route, km: number): LonLat {
  const clamped = Math.min(Math.max(km, 0), route.totalKm);
  const i = lastIndexAtOrBefore(route.vertexKm, clamped);
  const a = route.vertices[i]!;
  const b = route.vertices[Math.min(i + 1, route.vertices.length - 1)]!;
  const span = (route.vertexKm[i + 1] ?? route.vertexKm[i]!) - route.vertexKm[i]!;
  const f = span > 0 ? (clamped - route.vertexKm[i]!) / span : 0;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

/** Within this many road km of a place, a group is at it (not just near it). */
export const AT_PLACE_KM = 1;

export interface PlaceOnRoute {
  /** Index in route.nodes. */
  index: number;
  node: RoadNode;
  /** Road km from `km` to the place. */
  offKm: number;
  /** Within AT_PLACE_KM of it. */
  atPlace: boolean;
}

/**
 * The place on the route nearest to `km` along it: the one behind or the one ahead, whichever is
 * closer by road (a tie goes to the one behind, where the group has been).
 *
 * @example
 * // Route a (0 km) — b (30) — c (60):
 * nearestPlaceOnRoute(route, 44)   // → b, 14 km off, not at it
 * nearestPlaceOnRoute(route, 59.5) // → c, 0.5 km off, at it
 */
export function nearestPlaceOnRoute(route: Route, km: number): PlaceOnRoute {
  const behind = lastIndexAtOrBefore(route.nodeKm, km);
  const ahead = Math.min(behind + 1, route.nodes.length - 1);
  const index = km - route.nodeKm[behind]! <= route.nodeKm[ahead]! - km ? behind : ahead;
  const offKm = Math.abs(route.nodeKm[index]! - km);
  return { index, node: route.nodes[index]!, offKm, atPlace: offKm < AT_PLACE_KM };
}

/** Route km of a node on the route, or undefined when the route does not pass it. */
export function kmOfNode(route: Route, nodeId: string): number | undefined {
  const i = route.nodes.findIndex((n) => n.id === nodeId);
  return i < 0 ? undefined : route.nodeKm[i];
}

/** Joins two routes where the first ends and the second starts. */
export function joinPaths(first: readonly string[], second: readonly string[]): string[] {
  if (first.length === 0) return [...second];
  if (second[0] !== first[first.length - 1]) throw new Error('joinPaths: routes do not meet');
  return [...first, ...second.slice(1)];
}
