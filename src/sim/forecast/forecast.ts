/**
 * `forecastCaravan(world, request) → CaravanForecast`: the calibrated model of a caravan described by
 * its start (place, date, headcount) and the policy it meets, conditioned on the reports known as of
 * a date, run on to a horizon. Arrivals per crossing and per place on the route, daily position and
 * headcount bands, the chance the caravan has ended by each date, and one representative run.
 */
import { MAX_ENSEMBLE_GROUP_DAYS } from '../ensemble';
import { FieldError } from '../field-error';
import type { RoadNetwork } from '../network';
import { findNode } from '../network';
import { formatNumber } from '../plain-issues';
import type { Route } from '../route';
import type { Trajectory } from '../run-scenario';
import { addDays, daysBetween } from '../time';
import type { CrossingInfo } from '../world';
import { buildCourse, courseRoute, waypointNode, type Course, type ModelStructure, type PolicySpec } from './course';
import { runFilter, type EnsembleHistory, type FilterResult } from './filter';
import type { ForecastParameters } from './parameters';
import { placeReports, reportsAsOf, type PlacedReport, type Report } from './reports';
import { forecastTrajectory, representativeRun } from './representative';
import { arrivalSpread, arrivalSpreads, endedShares, headcountBands, positionBands, type ArrivalSpread, type GroupKind } from './summary';

export type PolicyId = 'let-pass' | 'contain';

export interface ForecastWorld {
  network: RoadNetwork;
  crossings: readonly CrossingInfo[];
  structure: ModelStructure;
  policies: ReadonlyMap<string, PolicySpec>;
}

export interface CaravanSpec {
  startNodeId: string;
  startDate: string;
  headcount: number;
  policy: PolicyId;
}

export interface ForecastRequest {
  caravan: CaravanSpec;
  /** Every report known; those dated after `asOf` are never read. */
  reports: readonly Report[];
  asOf: string;
  /** A crossing id, a network place id, 'nearest' or 'all'. */
  destination: string;
  runs: number;
  seed: number;
  horizonDays: number;
  params: ForecastParameters;
}

/** A bad request: the field (`destination`, `asOf`, `policy`) and what is wrong with it. */
export class ForecastError extends FieldError {}

export interface ForecastArrival {
  /** Set for a crossing; `place` for any other place on the route. */
  crossing?: string;
  place?: string;
  group: GroupKind;
  routeKm: number;
  /** Local dates over the runs that arrive within the horizon (null: none does). */
  p10: string | null;
  p50: string | null;
  p90: string | null;
  probability: number;
  isDestination: boolean;
}

export interface CaravanForecast {
  asOf: string;
  /** Days from the start date to the as-of date. */
  asOfDay: number;
  /** First day the forecast does not know from a report. */
  firstForecastDay: number;
  caravan: CaravanSpec;
  destination: { crossing?: string; place?: string; nodeId: string };
  runs: number;
  seed: number;
  horizonDays: number;
  reportsUsed: number;
  reportsAfterAsOf: number;
  lastReport: PlacedReport | null;
  /** Reports farther than this from the course's road are still used (projected); how many were. */
  reportsOffRoute: number;
  route: Route;
  arrivals: ForecastArrival[];
  bands: { date: string; group: GroupKind; p10Km: number; p50Km: number; p90Km: number }[];
  headcount: { date: string; p10: number; p50: number; p90: number }[];
  ended: { date: string; p: number; dissolved: number; arrived: number }[];
  trajectory: Trajectory;
  logLikelihood: number;
}

export interface Target {
  nodeId: string;
  crossings: CrossingInfo[];
  place?: string;
}

function resolveTargets(world: ForecastWorld, destination: string): { targets: Target[]; pickNearest: boolean } {
  const byNode = new Map<string, CrossingInfo[]>();
  for (const crossing of world.crossings) byNode.set(crossing.facing, [...(byNode.get(crossing.facing) ?? []), crossing]);
  if (destination === 'all' || destination === 'nearest') {
    return { targets: [...byNode].map(([nodeId, crossings]) => ({ nodeId, crossings })), pickNearest: true };
  }
  const crossing = world.crossings.find((c) => c.id === destination);
  if (crossing) return { targets: [{ nodeId: crossing.facing, crossings: [crossing] }], pickNearest: false };
  const node = findNode(world.network, destination);
  if (!node) throw new ForecastError('destination', `unknown crossing or place "${destination}"`);
  return { targets: [{ nodeId: node.id, crossings: byNode.get(node.id) ?? [], place: node.id }], pickNearest: false };
}

/** A forecast on one course: the filtered ensemble and where its runs are known from. */
export interface CourseRun {
  target: Target;
  course: Course;
  placed: PlacedReport[];
  result: FilterResult & { history: EnsembleHistory };
  fromDay: number;
}

/**
 * The conditioned ensemble on the course to one place (a network node): reports `known` (already
 * cut at the as-of date) route it and weight it. The backtest scores it at any km.
 */
export function runOnCourse(world: ForecastWorld, request: Omit<ForecastRequest, 'destination' | 'reports' | 'asOf'>, known: readonly Report[], target: Target, days: number, onDay?: (day: number) => void): CourseRun {
  const { caravan } = request;
  const policy = world.policies.get(caravan.policy);
  if (!policy) throw new ForecastError('policy', `unknown policy "${caravan.policy}"`);
  const main = known.filter((r) => r.group === 'main' && r.headcount !== 0);
  const waypoints = main.map((r) => waypointNode(world.network, r, world.structure.route.reportSnapKm)).filter((id): id is string => id !== null);
  let route: Route;
  try {
    route = courseRoute(world.network, caravan.startNodeId, waypoints, target.nodeId, world.structure);
  } catch (err) {
    throw new ForecastError('destination', (err as Error).message);
  }
  const course = buildCourse(route, world.structure, policy);
  const placed = placeReports(route, caravan.startDate, known);
  const result = runFilter({ course, structure: world.structure, params: request.params, policy: caravan.policy, startHeadcount: caravan.headcount, reports: placed, runs: request.runs, seed: request.seed, days, keepHistory: true, ...(onDay ? { onDay } : {}) });
  const lastMain = [...placed].reverse().find((r) => r.group === 'main');
  return { target, course, placed, result: result as CourseRun['result'], fromDay: lastMain ? lastMain.day + 1 : 0 };
}

/**
 * Most run-days a forecast may simulate: runs × courses × days, each course (to one crossing city or
 * place) run by every run for every day to the horizon. The same bound as a scenario's ensemble
 * (MAX_ENSEMBLE_GROUP_DAYS): a run-day costs about a microsecond and keeps 18 bytes of history until
 * the forecast is summarised, so ten million are some ten seconds of a core and 180 MB. The 2018
 * forecast preset (30 courses, 94 days) gets 3,546 runs.
 */
export const MAX_FORECAST_RUN_DAYS = MAX_ENSEMBLE_GROUP_DAYS;

/** What a forecast will simulate, known before it starts: its courses and days, and their product with the runs. */
export function forecastWork(world: ForecastWorld, request: ForecastRequest): { courses: number; days: number; runDays: number } {
  const asOfDay = daysBetween(request.caravan.startDate, request.asOf);
  const days = Math.max(1, asOfDay + request.horizonDays + 1);
  const courses = resolveTargets(world, request.destination).targets.length;
  return { courses, days, runDays: request.runs * courses * days };
}

/**
 * A cheap check, before a forecast starts, that its work is within MAX_FORECAST_RUN_DAYS; the
 * refusal (field `runs`) names the bound and the most runs that fit. Null when it fits.
 *
 * @example
 * checkForecastWork(world, { ...asOf20181025, runs: 10_000 })
 * // → ForecastError('runs', '10,000 runs of this forecast would simulate 28,200,000 run-days (30 courses for 94 days each); at most 10,000,000: use 3,546 runs or fewer')
 */
export function checkForecastWork(world: ForecastWorld, request: ForecastRequest): ForecastError | null {
  const { courses, days, runDays } = forecastWork(world, request);
  if (runDays <= MAX_FORECAST_RUN_DAYS) return null;
  const fit = Math.floor(MAX_FORECAST_RUN_DAYS / (courses * days));
  const advice = fit >= 1 ? `use ${formatNumber(fit)} runs or fewer` : 'shorten the horizon or move the as-of date closer to the start';
  return new ForecastError(
    'runs',
    `${formatNumber(request.runs)} runs of this forecast would simulate ${formatNumber(runDays)} run-days (${formatNumber(courses)} course${courses === 1 ? '' : 's'} for ${formatNumber(days)} days each); at most ${formatNumber(MAX_FORECAST_RUN_DAYS)}: ${advice}`,
  );
}

/**
 * Forecasts a caravan as of a date.
 * @example
 * const f = forecastCaravan(world, { caravan: { startNodeId: 'tapachula', startDate: '2018-10-21', headcount: 7000, policy: 'let-pass' }, reports: [], asOf: '2018-10-21', destination: 'san-ysidro', runs: 500, seed: 1, horizonDays: 60, params });
 * f.arrivals.find((a) => a.crossing === 'san-ysidro' && a.group === 'main')?.p50; // a date, e.g. '2018-11-19'
 */
export function forecastCaravan(world: ForecastWorld, request: ForecastRequest, onProgress?: (runDaysDone: number) => void): CaravanForecast {
  const { caravan } = request;
  const asOfDay = daysBetween(caravan.startDate, request.asOf);
  if (asOfDay < -1) throw new ForecastError('asOf', `${request.asOf} is before the start date ${caravan.startDate}`);
  const known = reportsAsOf(request.reports, request.asOf).filter((r) => r.date >= caravan.startDate);
  const days = Math.max(1, asOfDay + request.horizonDays + 1);
  const { targets, pickNearest } = resolveTargets(world, request.destination);
  let runs = targets.map((target, course) => runOnCourse(world, request, known, target, days, onProgress && ((day) => onProgress(request.runs * (course * days + day + 1)))));
  const primaryIndex = pickNearest ? runs.reduce((best, r, i) => (r.course.totalKm < runs[best]!.course.totalKm ? i : best), 0) : 0;
  if (request.destination === 'nearest') runs = [runs[primaryIndex]!];
  const primary = request.destination === 'nearest' ? runs[0]! : runs[primaryIndex]!;
  const tolerance = world.structure.arrivalToleranceKm;
  const date = (day: number | null) => (day === null ? null : addDays(caravan.startDate, day));
  const arrival = (spread: ArrivalSpread, group: GroupKind, routeKm: number, where: { crossing: string } | { place: string }, isDestination: boolean): ForecastArrival => ({
    ...where,
    group,
    routeKm: Math.round(routeKm * 10) / 10,
    p10: date(spread.p10Day),
    p50: date(spread.p50Day),
    p90: date(spread.p90Day),
    probability: Math.round(spread.probability * 1000) / 1000,
    isDestination,
  });

  const arrivals: ForecastArrival[] = [];
  let primaryMainDays: (number | null)[] = [];
  for (const run of runs) {
    const isPrimary = run === primary;
    const spreads = (['main', 'lead'] as const).map((group) => ({ group, spread: arrivalSpread(run.result.history, group, run.course.totalKm, run.fromDay, tolerance) }));
    if (isPrimary) primaryMainDays = spreads[0]!.spread.days;
    for (const crossing of run.target.crossings) {
      for (const { group, spread } of spreads) arrivals.push(arrival(spread, group, run.course.totalKm, { crossing: crossing.id }, isPrimary));
    }
    if (run.target.place !== undefined && run.target.crossings.length === 0) {
      for (const { group, spread } of spreads) arrivals.push(arrival(spread, group, run.course.totalKm, { place: run.target.place }, true));
    }
  }
  const { history } = primary.result;
  const lastReport = [...primary.placed].reverse().find((r) => r.group === 'main') ?? null;
  const reachedKm = lastReport?.km ?? 0;
  const ahead = primary.course.route.nodes
    .map((node, i) => ({ node, km: primary.course.route.nodeKm[i]! }))
    .filter((p, i, all) => p.km > reachedKm + tolerance && i < all.length - 1 && all.findIndex((q) => q.node.id === p.node.id) === i);
  for (const group of ['main', 'lead'] as const) {
    const spreads = arrivalSpreads(history, group, ahead.map((p) => p.km), primary.fromDay, tolerance);
    ahead.forEach((p, i) => arrivals.push(arrival(spreads[i]!, group, p.km, { place: p.node.id }, false)));
  }

  const from = primary.fromDay;
  const run = representativeRun(history, primaryMainDays);
  const trajectory = forecastTrajectory(history, run, primary.course.route, caravan.startDate, `Forecast as of ${request.asOf}`);
  for (const group of trajectory.groups) {
    for (const crossing of primary.target.crossings) {
      trajectory.arrivals.push({ crossing: crossing.id, group: group.id, tHours: group.arrivalHours, date: group.arrivalHours === null ? null : addDays(caravan.startDate, Math.floor(group.arrivalHours / 24)), routeKm: Math.round(primary.course.totalKm * 10) / 10, isDestination: true });
    }
  }
  const round1 = (km: number) => Math.round(km * 10) / 10;
  return {
    asOf: request.asOf,
    asOfDay,
    firstForecastDay: from,
    caravan,
    destination: { nodeId: primary.target.nodeId, ...(primary.target.place !== undefined && primary.target.crossings.length === 0 ? { place: primary.target.place } : { crossing: primary.target.crossings[0]?.id ?? '' }) },
    runs: request.runs,
    seed: request.seed,
    horizonDays: request.horizonDays,
    reportsUsed: known.length,
    reportsAfterAsOf: request.reports.length - reportsAsOf(request.reports, request.asOf).length,
    lastReport,
    reportsOffRoute: primary.placed.filter((r) => r.offRouteKm > world.structure.route.reportSnapKm).length,
    route: primary.course.route,
    arrivals,
    bands: (['main', 'lead'] as const).flatMap((group) => positionBands(history, group, from)).map((b) => ({ date: addDays(caravan.startDate, b.day), group: b.group, p10Km: round1(b.p10Km), p50Km: round1(b.p50Km), p90Km: round1(b.p90Km) })),
    headcount: headcountBands(history, from).map((h) => ({ date: addDays(caravan.startDate, h.day), p10: Math.round(h.p10), p50: Math.round(h.p50), p90: Math.round(h.p90) })),
    ended: endedShares(history, from).map((e) => ({ date: addDays(caravan.startDate, e.day), p: e.p, dissolved: e.dissolved, arrived: e.arrived })),
    trajectory,
    logLikelihood: primary.result.logLikelihood,
  };
}
