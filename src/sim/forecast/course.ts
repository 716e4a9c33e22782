/**
 * A caravan's course: the route it follows (start → the places reported so far → the hubs it heads
 * for → its destination) with what the hazards need at every km: the zone (south, centre, north),
 * whether the policy contains caravans there, and the hubs (big cities, the isthmus) where it may halt.
 */
import type { LonLat } from '../geo';
import type { RoadNetwork } from '../network';
import { nearestNode } from '../network';
import type { Route } from '../route';
import { lastIndexAtOrBefore, routeFromPath, joinPaths } from '../route';
import { routesToAll, type RoutePreferences } from '../routing';

export type Zone = 'south' | 'centre' | 'north';
export const ZONE_CODE: Record<Zone, number> = { south: 0, centre: 1, north: 2 };
export type HubClass = 'capital' | 'big-city' | 'isthmus';

export interface Hub {
  nodeId: string;
  km: number;
  hubClass: HubClass;
}

/** The fixed structure of the model (data/forecast-model.json), as the simulation needs it. */
export interface ModelStructure {
  /** States of the south and centre zones; every other state is north. */
  zones: { south: readonly string[]; centre: readonly string[] };
  /** Places where a caravan may halt for several nights, by class. */
  placeClasses: ReadonlyMap<string, HubClass>;
  route: {
    riskAversion: number;
    terrainCost: Partial<Record<'flat' | 'rolling' | 'mountain', number>>;
    /** Places a caravan heads for on its way (Mexico City), when the detour is at most hubMaxDetourShare. */
    hubs: readonly string[];
    hubMaxDetourShare: number;
    /** A report within this many km of a town routes the course through that town. */
    reportSnapKm: number;
  };
  reports: {
    /** Sd of a reported overnight position of the main group, km… */
    positionKmSd: number;
    /** …plus this share of the km since the previous report (road km on the network are approximate). */
    positionSdPerKm: number;
    /** Added to the sd of a lead sighting (the head of a caravan is spread out)… */
    leadKmSd: number;
    /** …and the share of lead sightings that are of a splinter group the model does not follow (placed anywhere on the route). */
    leadSplinterShare: number;
    /** A rear sighting says the main group is there or ahead: it is behind it with a normal tail of this sd. */
    rearKmSd: number;
    /** Share of reports that are wrong (placed anywhere on the route). */
    outlierShare: number;
    /** Chance that a caravan that has not ended is reported as ended (or the reverse). */
    endedMissShare: number;
  };
  /** A run is at a place once it is within this many km of it. */
  arrivalToleranceKm: number;
  /** Day-to-day noise of the log headcount. */
  headcountDailyLogSd: number;
}

export interface PolicySpec {
  id: string;
  /** States where the authorities stop caravans (the southern border states under `contain`). */
  containmentRegions: readonly string[];
}

export interface Course {
  route: Route;
  totalKm: number;
  /** Zone code (ZONE_CODE) at each whole km from the start. */
  zoneByKm: Uint8Array;
  /** 1 where the policy contains caravans, at each whole km. */
  containedByKm: Uint8Array;
  /** Hubs after the start, in route order. */
  hubs: readonly Hub[];
}

/** Lays out a course on a route: zones and containment per km, hubs in order. */
export function buildCourse(route: Route, structure: Pick<ModelStructure, 'zones' | 'placeClasses'>, policy: PolicySpec): Course {
  const size = Math.ceil(route.totalKm) + 1;
  const zoneByKm = new Uint8Array(size);
  const containedByKm = new Uint8Array(size);
  const south = new Set(structure.zones.south);
  const centre = new Set(structure.zones.centre);
  const contained = new Set(policy.containmentRegions);
  for (let km = 0; km < size; km++) {
    const leg = route.legs[Math.min(lastIndexAtOrBefore(route.nodeKm, km), route.legs.length - 1)];
    // A route of one node (start = destination) has no leg: use the node's state.
    const region = leg?.region ?? route.nodes[0]!.admin1;
    zoneByKm[km] = south.has(region) ? ZONE_CODE.south : centre.has(region) ? ZONE_CODE.centre : ZONE_CODE.north;
    containedByKm[km] = contained.has(region) ? 1 : 0;
  }
  const hubs: Hub[] = [];
  const seen = new Set<string>();
  route.nodes.forEach((node, i) => {
    const hubClass = structure.placeClasses.get(node.id);
    if (i === 0 || !hubClass || seen.has(node.id)) return;
    seen.add(node.id);
    hubs.push({ nodeId: node.id, km: route.nodeKm[i]!, hubClass });
  });
  return { route, totalKm: route.totalKm, zoneByKm, containedByKm, hubs };
}

/** Cost preferences of the course's routing: risk aversion and a cost factor per terrain. */
export function coursePreferences(structure: Pick<ModelStructure, 'route'>): RoutePreferences {
  return { riskAversion: structure.route.riskAversion, avoidRegions: [], via: [], terrainCost: structure.route.terrainCost };
}

function cheapestPath(network: RoadNetwork, from: string, to: string, prefs: RoutePreferences): { path: string[]; km: number } | null {
  if (from === to) return { path: [from], km: 0 };
  const [summary] = routesToAll(network, from, [to], prefs);
  return summary ? { path: [...summary.path], km: summary.routeKm } : null;
}

/** A course's route waypoint: a reported town, or a reported point snapped to its nearest town. */
export function waypointNode(network: RoadNetwork, point: { nodeId?: string; lonLat: LonLat }, snapKm: number): string | null {
  if (point.nodeId !== undefined) return point.nodeId;
  const node = nearestNode(network, point.lonLat);
  const dx = (node.lon - point.lonLat[0]) * 111.32 * Math.cos((point.lonLat[1] * Math.PI) / 180);
  const dy = (node.lat - point.lonLat[1]) * 110.57;
  return Math.hypot(dx, dy) <= snapKm ? node.id : null;
}

/**
 * The route of a course: from the start through the waypoints in order (the towns reported so far),
 * then through each hub not yet passed when it lies on the way (a detour of at most
 * hubMaxDetourShare of the direct distance), then to the destination.
 * @example courseRoute(network, 'tapachula', ['huixtla'], 'tijuana', structure).nodes.map((n) => n.id)
 * // ['tapachula', 'huixtla', …, 'mexico-city', …, 'tijuana']
 */
export function courseRoute(network: RoadNetwork, start: string, waypoints: readonly string[], destination: string, structure: Pick<ModelStructure, 'route'>): Route {
  const prefs = coursePreferences(structure);
  let path = [start];
  for (const waypoint of waypoints) {
    const last = path[path.length - 1]!;
    if (waypoint === last) continue;
    const leg = cheapestPath(network, last, waypoint, prefs);
    if (leg) path = joinPaths(path, leg.path);
  }
  const passed = new Set(path);
  for (const hub of structure.route.hubs) {
    const last = path[path.length - 1]!;
    if (passed.has(hub) || hub === destination || !network.nodes.has(hub)) continue;
    const direct = cheapestPath(network, last, destination, prefs);
    const toHub = cheapestPath(network, last, hub, prefs);
    const onward = cheapestPath(network, hub, destination, prefs);
    if (!direct || !toHub || !onward) continue;
    if (toHub.km + onward.km <= direct.km * (1 + structure.route.hubMaxDetourShare)) {
      path = joinPaths(path, toHub.path);
      passed.add(hub);
    }
  }
  const last = path[path.length - 1]!;
  const final = cheapestPath(network, last, destination, prefs);
  if (!final) throw new Error(`no road from "${last}" to "${destination}"`);
  return routeFromPath(network, joinPaths(path, final.path));
}
