/**
 * `runScenario(world, scenario) → Trajectory`: simulate once, then scrub the result with sampleAt.
 */
import { drawDays, moveGroup, type DayRecord, type GroupMovement, type GroupRun, type GroupRunWithStates } from './movement';
import { planScenario, type ScenarioPlan } from './plan';
import { noRandomness, type Rng } from './rng';
import type { Route } from './route';
import type { Scenario } from './scenario';
import { dateInZone } from './time';
import type { World } from './world';

export interface GroupTrack {
  id: string;
  name: string;
  /** The name in Spanish, when the scenario gives one. */
  nameEs?: string;
  /** The group it split from, if any. */
  parent: string | null;
  destination: string;
  route: Route;
  /** One record per local day from the day the group exists. */
  days: DayRecord[];
  /** Model hour the group comes into being (0, or when its parent reached the split place). */
  startHours: number;
  startHeadcount: number;
  arrivalHours: number | null;
  endedBy: GroupRun['endedBy'];
}

export interface Arrival {
  crossing: string;
  group: string;
  /** Model hour of arrival at the node facing the crossing; null when not reached within maxDays. */
  tHours: number | null;
  /** Arrival date in the port's time zone. */
  date: string | null;
  routeKm: number;
  /** True when the group really heads there; false for "if it went there instead" estimates. */
  isDestination: boolean;
}

export interface Trajectory {
  scenario: Scenario;
  startDate: string;
  groups: GroupTrack[];
  arrivals: Arrival[];
  /** Model hours from the start to the end of the last day simulated. */
  spanHours: number;
}

/** Independent random streams per group and purpose, derived from one seed. */
export type RngFactory = (stream: number) => Rng;
export const deterministic: RngFactory = () => noRandomness;

const STREAM_PER_GROUP = 1000;

export interface SimulateOptions {
  /** Compute calendar dates of arrivals (ensembles only need the hours). Default true. */
  withDates?: boolean;
}

/** Runs a planned scenario with the given random streams. */
export function simulatePlan(plan: ScenarioPlan, rngFor: RngFactory = deterministic, options: SimulateOptions = {}): Trajectory {
  const { scenario } = plan;
  const { dates } = plan;
  const drawsFor = (stream: number) => drawDays(rngFor(stream), scenario.maxDays, scenario.uncertainty.speedSpread);
  const tracks: GroupTrack[] = [];
  const runs = new Map<string, GroupRunWithStates>();

  const pending: { stream: number; track: Omit<GroupTrack, 'days' | 'startHours' | 'startHeadcount' | 'arrivalHours' | 'endedBy'>; movement: GroupMovement }[] = plan.groups.map((g, i) => ({
    stream: i * STREAM_PER_GROUP,
    track: { id: g.id, name: g.name, ...(g.nameEs !== undefined ? { nameEs: g.nameEs } : {}), parent: null, destination: g.destination.id, route: g.route },
    movement: {
      groupId: g.id,
      route: g.route,
      speedMultiplier: g.speedMultiplier,
      headcount: g.headcount,
      startDay: 0,
      startHours: 0,
      departDelayDays: g.departDelayDays,
      startNodeIndex: 0,
      splitIndices: g.splitIndices,
      ...(g.mergeNodeId !== undefined ? { mergeNodeId: g.mergeNodeId } : {}),
      staysDone: [],
    },
  }));

  for (let next = pending.shift(); next; next = pending.shift()) {
    const run = moveGroup(scenario, next.movement, drawsFor(next.stream), dates, { recordDays: true, recordStates: true });
    runs.set(next.track.id, run);
    tracks.push({
      ...next.track,
      days: run.days,
      startHours: next.movement.startHours,
      startHeadcount: next.movement.headcount,
      arrivalHours: run.arrivalHours,
      endedBy: run.endedBy,
    });
    for (const off of run.splits) {
      const split = plan.splits[off.splitIndex]!;
      pending.push({
        stream: (plan.groups.length + off.splitIndex) * STREAM_PER_GROUP,
        track: { id: split.id, name: split.name, ...(split.nameEs !== undefined ? { nameEs: split.nameEs } : {}), parent: split.parent, destination: split.destination.id, route: split.route },
        movement: {
          groupId: split.id,
          route: split.route,
          speedMultiplier: split.speedMultiplier ?? next.movement.speedMultiplier,
          headcount: off.headcount,
          // It parts at the split place and sets off on its own the next morning.
          startDay: off.day + 1,
          startHours: off.tHours,
          departDelayDays: 0,
          startNodeIndex: split.startNodeIndex,
          splitIndices: plan.splits.filter((s) => s.parent === split.id).map((s) => s.index),
          staysDone: scenario.stays.map((_, i) => i),
        },
      });
    }
  }

  applyMerges(plan, tracks);
  const arrivals = estimateArrivals(plan, tracks, runs, drawsFor, dates, options.withDates !== false);
  const lastDay = Math.max(0, ...tracks.map((t) => t.days[t.days.length - 1]?.day ?? 0));
  // The span ends a minute before midnight of the last day, so its end still reads as that day.
  return { scenario, startDate: scenario.start.date, groups: tracks, arrivals, spanHours: (lastDay + 1) * 24 - 1 / 60 };
}

/** A merging group's people count in the group it joins from the day it joins. */
function applyMerges(plan: ScenarioPlan, tracks: GroupTrack[]): void {
  for (const merge of plan.scenario.merges) {
    const from = tracks.find((t) => t.id === merge.group);
    const into = tracks.find((t) => t.id === merge.into);
    if (!from || !into || from.endedBy !== 'merged') continue;
    const last = from.days[from.days.length - 1];
    if (!last) continue;
    for (const record of into.days) if (record.day >= last.day) record.headcount += last.headcount;
  }
}

/** Index of the last node two routes share from their start. */
function branchIndex(a: Route, b: Route): number {
  let i = 0;
  while (i + 1 < a.nodes.length && i + 1 < b.nodes.length && a.nodes[i + 1] === b.nodes[i + 1]) i++;
  return i;
}

/**
 * Arrivals at each reported crossing for each group: the real run where the group heads there,
 * otherwise the same group's run to that crossing instead (same rules, same random draws). That run
 * is identical to the real one until the day whose choice looks past the fork in the road, so it
 * resumes from the real run's state on that day instead of starting over.
 */
function estimateArrivals(
  plan: ScenarioPlan,
  tracks: readonly GroupTrack[],
  runs: ReadonlyMap<string, GroupRunWithStates>,
  drawsFor: (stream: number) => ReturnType<typeof drawDays>,
  dates: readonly string[],
  withDates: boolean,
): Arrival[] {
  const arrivals: Arrival[] = [];
  const { scenario } = plan;
  const dateOf = (tHours: number | null, timeZone: string) => (tHours === null || !withDates ? null : dateInZone(scenario.start.date, tHours, timeZone));
  plan.groups.forEach((group, groupIndex) => {
    const track = tracks.find((t) => t.id === group.id)!;
    const real = runs.get(group.id)!;
    const draws = drawsFor(groupIndex * STREAM_PER_GROUP);
    const byNode = new Map<string, { tHours: number | null; routeKm: number }>();
    for (const crossing of plan.reportedCrossings) {
      let estimate = byNode.get(crossing.facing);
      if (!estimate) {
        const route = group.routesByFacingNode.get(crossing.facing);
        if (!route) continue;
        if (crossing.facing === group.destination.facing) {
          estimate = { tHours: track.arrivalHours, routeKm: route.totalKm };
        } else {
          const forkKm = route.nodeKm[branchIndex(group.route, route)]!;
          const day = real.lookaheadKm.findIndex((km) => km >= forkKm);
          const resume = day >= 0 && real.endedBy !== 'merged' ? real.states[day] : undefined;
          const run = moveGroup(
            scenario,
            { groupId: group.id, route, speedMultiplier: group.speedMultiplier, headcount: group.headcount, startDay: 0, startHours: 0, departDelayDays: group.departDelayDays, startNodeIndex: 0, splitIndices: [], staysDone: [] },
            draws,
            dates,
            resume ? { recordDays: false, recordStates: false, resume } : { recordDays: false, recordStates: false },
          );
          estimate = { tHours: run.arrivalHours, routeKm: route.totalKm };
        }
        byNode.set(crossing.facing, estimate);
      }
      arrivals.push({
        crossing: crossing.id,
        group: group.id,
        tHours: estimate.tHours,
        date: dateOf(estimate.tHours, crossing.timeZone),
        routeKm: Math.round(estimate.routeKm * 10) / 10,
        isDestination: crossing.facing === group.destination.facing,
      });
    }
  });
  for (const track of tracks) {
    if (track.parent === null) continue;
    // A split-off group's own destination is always reported: it is where part of the caravan really goes.
    const crossing = plan.world.crossings.find((c) => c.id === track.destination)!;
    arrivals.push({
      crossing: crossing.id,
      group: track.id,
      tHours: track.arrivalHours,
      date: dateOf(track.arrivalHours, crossing.timeZone),
      routeKm: Math.round(track.route.totalKm * 10) / 10,
      isDestination: true,
    });
  }
  return arrivals;
}

/**
 * Plans and runs a scenario once, without randomness.
 * @example runScenario(world, parseScenario(preset)).arrivals.find((a) => a.crossing === 'san-ysidro')?.date
 */
export function runScenario(world: World, scenario: Scenario, rngFor: RngFactory = deterministic): Trajectory {
  return simulatePlan(planScenario(world, scenario), rngFor);
}
