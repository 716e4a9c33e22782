/**
 * Routing: the cheapest path on the road network, where cost = road km weighted by the scenario
 * (risk aversion, avoided regions) and a route may be forced through via-places. Dijkstra comes
 * from graphology-shortest-path.
 */
import dijkstra from 'graphology-shortest-path/dijkstra';
import type { RoadEdge, RoadNetwork } from './network';
import { joinPaths, routeFromPath, type Route } from './route';

export interface RoutePreferences {
  /** cost = km × (1 + riskAversion × risk): 0 ignores risk, 1 makes a risk-1 leg count double. */
  riskAversion: number;
  /** States to stay out of: their legs cost AVOIDED_REGION_FACTOR times more (still usable when nothing else is). */
  avoidRegions: readonly string[];
  /** Places the route must pass through, in order. */
  via: readonly string[];
  /** Places closed to the caravan (a roadblock, a closed town): no route passes them. */
  closedPlaces?: readonly string[];
  /** Cost factor per terrain (the forecast's caravans prefer flat roads): mountain 2 makes a mountain km count double. */
  terrainCost?: Partial<Record<RoadEdge['terrain'], number>>;
}

export const AVOIDED_REGION_FACTOR = 25;

export const noPreferences: RoutePreferences = { riskAversion: 0, avoidRegions: [], via: [] };

export function legCost(edge: RoadEdge, prefs: RoutePreferences): number {
  if (prefs.closedPlaces?.includes(edge.from) || prefs.closedPlaces?.includes(edge.to)) return Infinity;
  const avoided = prefs.avoidRegions.includes(edge.region) ? AVOIDED_REGION_FACTOR : 1;
  const terrain = prefs.terrainCost?.[edge.terrain] ?? 1;
  return edge.roadKm * (1 + prefs.riskAversion * edge.risk) * avoided * terrain;
}

export class UnreachableError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`no road from "${from}" to "${to}"`);
    this.name = 'UnreachableError';
  }
}

function pathCost(network: RoadNetwork, path: readonly string[], prefs: RoutePreferences): number {
  let cost = 0;
  for (let i = 1; i < path.length; i++) cost += legCost(network.edges.get(network.graph.edge(path[i - 1]!, path[i]!)!)!, prefs);
  return cost;
}

function cheapestPath(network: RoadNetwork, from: string, to: string, prefs: RoutePreferences): string[] {
  if (!network.nodes.has(from)) throw new Error(`unknown place "${from}"`);
  if (!network.nodes.has(to)) throw new Error(`unknown place "${to}"`);
  if (from === to) return [from];
  // Typed as always finding a path; it returns null when there is none.
  const path = dijkstra.bidirectional(network.graph, from, to, (_key, attrs) => legCost(attrs.edge, prefs)) as string[] | null;
  if (!path || !Number.isFinite(pathCost(network, path, prefs))) throw new UnreachableError(from, to);
  return path;
}

/** The cheapest route from `from` to `to`, through `prefs.via` in order (via-places equal to an end are skipped). */
export function findRoute(network: RoadNetwork, from: string, to: string, prefs: RoutePreferences = noPreferences): Route {
  const stops = [from, ...prefs.via.filter((v) => v !== from && v !== to), to];
  let path: string[] = [];
  for (let i = 1; i < stops.length; i++) path = joinPaths(path, cheapestPath(network, stops[i - 1]!, stops[i]!, prefs));
  if (stops.length === 1) path = [from];
  return routeFromPath(network, path);
}

export interface RouteSummary {
  target: string;
  routeKm: number;
  cost: number;
  path: readonly string[];
}

/**
 * Cheapest routes from one node to many targets at once (one single-source Dijkstra), e.g. to every
 * crossing. Targets with no road are left out. Via-places are not applied here.
 */
export function routesToAll(
  network: RoadNetwork,
  from: string,
  targets: readonly string[],
  prefs: RoutePreferences = noPreferences,
): RouteSummary[] {
  if (!network.nodes.has(from)) throw new Error(`unknown place "${from}"`);
  const paths = dijkstra.singleSource(network.graph, from, (_key, attrs) => legCost(attrs.edge, prefs));
  const summaries: RouteSummary[] = [];
  for (const target of targets) {
    const path = paths[target];
    if (!path) continue;
    let routeKm = 0;
    let cost = 0;
    for (let i = 1; i < path.length; i++) {
      const edge = network.edges.get(network.graph.edge(path[i - 1]!, path[i]!)!)!;
      routeKm += edge.roadKm;
      cost += legCost(edge, prefs);
    }
    // Dijkstra still walks Infinity-cost legs; a path through a closed place is no path.
    if (Number.isFinite(cost)) summaries.push({ target, routeKm, cost, path });
  }
  return summaries;
}
