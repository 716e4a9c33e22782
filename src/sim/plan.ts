/**
 * Planning: everything about a scenario that does not depend on chance — checked references, the
 * routes of every group to its destination and to every crossing, the calendar. Done once per
 * scenario; each run (and each of an ensemble's thousands) reuses it.
 */
import { greatCircleKm } from './geo';
import type { RoadNetwork } from './network';
import { findNode } from './network';
import type { Route } from './route';
import { joinPaths, routeFromPath } from './route';
import { routesToAll, UnreachableError, type RoutePreferences } from './routing';
import { ScenarioError, type Scenario } from './scenario';
import { addDays } from './time';
import type { CrossingInfo, World } from './world';

export interface GroupPlan {
  id: string;
  name: string;
  nameEs?: string;
  headcount: number;
  speedMultiplier: number;
  departDelayDays: number;
  startNodeId: string;
  /** Crossing the group heads for. */
  destination: CrossingInfo;
  /** Its route there, and its route to the node facing every crossing (by node id). */
  route: Route;
  routesByFacingNode: ReadonlyMap<string, Route>;
  splitIndices: number[];
  mergeNodeId?: string;
}

export interface SplitPlan {
  index: number;
  parent: string;
  id: string;
  name: string;
  nameEs?: string;
  destination: CrossingInfo;
  speedMultiplier?: number;
  /** The parent's route up to the split place, then on to the split group's own destination. */
  route: Route;
  startNodeIndex: number;
}

export interface ScenarioPlan {
  scenario: Scenario;
  world: World;
  startNodeId: string;
  groups: GroupPlan[];
  splits: SplitPlan[];
  /** Local dates of days 0…maxDays. */
  dates: readonly string[];
  /** Crossings whose arrivals are reported: all of them (the groups' real destinations and "if they went there instead"). */
  reportedCrossings: CrossingInfo[];
}

function resolvePlace(network: RoadNetwork, query: string, field: string): string {
  const node = findNode(network, query);
  if (!node) throw new ScenarioError(field, `unknown place "${query}"`);
  return node.id;
}

/** Route from `from` through the via-places to every crossing-facing node, sharing one Dijkstra per leg. */
function routesFrom(world: World, from: string, prefs: RoutePreferences): Map<string, Route> {
  const { network } = world;
  let prefix = [from];
  for (const via of prefs.via) {
    if (via === prefix[prefix.length - 1]) continue;
    const [leg] = routesToAll(network, prefix[prefix.length - 1]!, [via], prefs);
    if (!leg) throw new UnreachableError(prefix[prefix.length - 1]!, via);
    prefix = joinPaths(prefix, leg.path);
  }
  const facing = [...new Set(world.crossings.map((c) => c.facing))];
  const routes = new Map<string, Route>();
  for (const summary of routesToAll(network, prefix[prefix.length - 1]!, facing, prefs)) {
    routes.set(summary.target, routeFromPath(network, joinPaths(prefix, summary.path)));
  }
  return routes;
}

/** The crossing with the shortest route; among the ports of one city, the one nearest its centre (Brownsville Gateway for Matamoros). */
function nearestCrossing(world: World, routes: ReadonlyMap<string, Route>): CrossingInfo {
  let best: CrossingInfo | undefined;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const crossing of world.crossings) {
    const km = routes.get(crossing.facing)?.totalKm ?? Infinity;
    const city = world.network.nodes.get(crossing.facing)!;
    const key: [number, number] = [km, greatCircleKm([city.lon, city.lat], [crossing.lon, crossing.lat])];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      bestKey = key;
      best = crossing;
    }
  }
  if (!best) throw new ScenarioError('destination', 'no crossing can be reached from the start');
  return best;
}

function resolveDestination(world: World, value: string, routes: ReadonlyMap<string, Route>, field: string): CrossingInfo {
  if (value === 'nearest' || value === 'all') return nearestCrossing(world, routes);
  const crossing = world.crossings.find((c) => c.id === value);
  if (!crossing) throw new ScenarioError(field, `unknown crossing "${value}"`);
  if (!routes.has(crossing.facing)) throw new ScenarioError(field, `crossing "${value}" cannot be reached from the start`);
  return crossing;
}

export function planScenario(world: World, scenario: Scenario): ScenarioPlan {
  const { network } = world;
  const startNodeId = resolvePlace(network, scenario.start.place, 'start.place');
  const prefs: RoutePreferences = {
    riskAversion: scenario.route.riskAversion,
    avoidRegions: scenario.route.avoidRegions,
    via: scenario.route.via.map((v, i) => resolvePlace(network, v, `route.via[${i}]`)),
    closedPlaces: scenario.route.closedPlaces.map((v, i) => resolvePlace(network, v, `route.closedPlaces[${i}]`)),
  };
  scenario.stays.forEach((s, i) => resolvePlace(network, s.place, `stays[${i}].place`));
  scenario.modeRules.forEach((r, i) => r.afterPlace !== undefined && resolvePlace(network, r.afterPlace, `modeRules[${i}].afterPlace`));

  let routes: Map<string, Route>;
  try {
    routes = routesFrom(world, startNodeId, prefs);
  } catch (err) {
    if (err instanceof UnreachableError) throw new ScenarioError('route.via', err.message);
    throw err;
  }
  if (routes.size === 0) throw new ScenarioError('start.place', `no crossing can be reached from "${startNodeId}"`);

  const groupIds = new Set(scenario.groups.map((g) => g.id));
  const groups: GroupPlan[] = scenario.groups.map((g, i) => {
    const destination = resolveDestination(world, g.destination ?? scenario.destination, routes, g.destination ? `groups[${i}].destination` : 'destination');
    return {
      id: g.id,
      name: g.name ?? g.id,
      ...(g.nameEs !== undefined ? { nameEs: g.nameEs } : {}),
      headcount: g.headcount,
      speedMultiplier: g.speedMultiplier,
      departDelayDays: g.departDelayDays,
      startNodeId,
      destination,
      route: routes.get(destination.facing)!,
      routesByFacingNode: routes,
      splitIndices: [],
    };
  });

  const splitsSoFar: SplitPlan[] = [];
  const splits: SplitPlan[] = scenario.splits.map((s, index) => {
    const field = `splits[${index}]`;
    if (!groupIds.has(s.group)) throw new ScenarioError(`${field}.group`, `unknown group "${s.group}"`);
    if (groupIds.has(s.into)) throw new ScenarioError(`${field}.into`, `group "${s.into}" already exists`);
    groupIds.add(s.into);
    resolvePlace(network, s.atPlace, `${field}.atPlace`);
    const destination = world.crossings.find((c) => c.id === s.destination);
    if (!destination) throw new ScenarioError(`${field}.destination`, `unknown crossing "${s.destination}"`);
    const parentRoute = groups.find((g) => g.id === s.group)?.route ?? splitsSoFar.find((p) => p.id === s.group)?.route;
    if (!parentRoute) throw new ScenarioError(`${field}.group`, `group "${s.group}" must be defined before it splits`);
    const startNodeIndex = parentRoute.nodes.findIndex((n) => n.id === s.atPlace);
    if (startNodeIndex < 0) throw new ScenarioError(`${field}.atPlace`, `"${s.atPlace}" is not on the route of group "${s.group}"`);
    const [onward] = routesToAll(network, s.atPlace, [destination.facing], prefs);
    if (!onward) throw new ScenarioError(`${field}.destination`, `crossing "${s.destination}" cannot be reached from "${s.atPlace}"`);
    const path = joinPaths(parentRoute.nodes.slice(0, startNodeIndex + 1).map((n) => n.id), onward.path);
    groups.find((g) => g.id === s.group)?.splitIndices.push(index);
    const plan: SplitPlan = { index, parent: s.group, id: s.into, name: s.name ?? s.into, destination, route: routeFromPath(network, path), startNodeIndex };
    if (s.speedMultiplier !== undefined) plan.speedMultiplier = s.speedMultiplier;
    if (s.nameEs !== undefined) plan.nameEs = s.nameEs;
    splitsSoFar.push(plan);
    return plan;
  });

  scenario.merges.forEach((m, i) => {
    const group = groups.find((g) => g.id === m.group);
    if (!group) throw new ScenarioError(`merges[${i}].group`, `unknown group "${m.group}"`);
    if (!groupIds.has(m.into)) throw new ScenarioError(`merges[${i}].into`, `unknown group "${m.into}"`);
    group.mergeNodeId = resolvePlace(network, m.atPlace, `merges[${i}].atPlace`);
  });

  // Every crossing gets an arrival estimate, whatever the destination: planners read them all.
  const reportedCrossings = [...world.crossings];
  return { scenario, world, startNodeId, groups, splits, reportedCrossings, dates: calendar(scenario) };
}

/** Local dates of days 0…maxDays, computed once per plan (date arithmetic is the slow part of a day step). */
export function calendar(scenario: Scenario): string[] {
  return Array.from({ length: scenario.maxDays + 1 }, (_, d) => addDays(scenario.start.date, d));
}
