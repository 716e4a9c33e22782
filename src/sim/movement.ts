/**
 * Movement of one group along its route, one local day at a time: wait, stay, rest or travel; on a
 * travel day pick the mode by the scenario's rules, go that day's distance and sleep in the town
 * nearest to where the distance runs out (at least the next town: caravans sleep in towns).
 */
import type { Rng } from './rng';
import type { Route } from './route';
import { legAtKm } from './route';
import type { Mode, ModeRule, Scenario } from './scenario';

export type Activity = Mode | 'waiting' | 'rest' | 'stay';

/** What one group did on one local day. Movement happens between departHour and arriveHour. */
export interface DayRecord {
  day: number;
  date: string;
  activity: Activity;
  startKm: number;
  endKm: number;
  departHour: number;
  arriveHour: number;
  /** The town where the group sleeps that night, or null at the roadside between towns. */
  overnightNode: string | null;
  /** People in the group at the end of the day. */
  headcount: number;
}

export interface SplitOff {
  splitIndex: number;
  day: number;
  /** Model hour at which the group reached the split place. */
  tHours: number;
  nodeId: string;
  km: number;
  headcount: number;
}

export interface GroupRun {
  groupId: string;
  route: Route;
  days: DayRecord[];
  /** Model hour of arrival at the end of the route, or null when the group never got there. */
  arrivalHours: number | null;
  endedBy: 'arrived' | 'merged' | 'unfinished';
  splits: SplitOff[];
}

export interface GroupMovement {
  groupId: string;
  route: Route;
  speedMultiplier: number;
  headcount: number;
  /** First local day the group moves (0 = scenario start day). */
  startDay: number;
  /** Model hour the group is at its start node (a split-off group: when its parent reached the split place). */
  startHours: number;
  /** Days it waits before setting off. */
  departDelayDays: number;
  /** Index in route.nodes where the group starts. */
  startNodeIndex: number;
  /** Splits that divide this group (indices into scenario.splits). */
  splitIndices: readonly number[];
  /** Stop and end at this node (merging into another group). */
  mergeNodeId?: string;
  /** Stays already spent before this group existed (a split-off group inherits its parent's). */
  staysDone: ReadonlySet<number>;
}

/** The first rule that applies to the group on this day and leg; undefined (walking) when none does. */
export function pickRule(rules: readonly ModeRule[], ctx: { date: string; region: string; passed: ReadonlySet<string>; groupId: string }): ModeRule | undefined {
  for (const rule of rules) {
    if (rule.fromDate !== undefined && ctx.date < rule.fromDate) continue;
    if (rule.untilDate !== undefined && ctx.date > rule.untilDate) continue;
    if (rule.regions !== undefined && !rule.regions.includes(ctx.region)) continue;
    if (rule.afterPlace !== undefined && !ctx.passed.has(rule.afterPlace)) continue;
    if (rule.groups !== undefined && !rule.groups.includes(ctx.groupId)) continue;
    return rule;
  }
  return undefined;
}

/** How far (as a share of the day's distance) a group will go on or stop short to sleep in a town. */
export const TOWN_REACH_SHARE = 0.35;

/**
 * Where to sleep: of the towns ahead (after `fromIndex`, up to `stopIndex`, a place where the group
 * must stop), the one nearest to `targetKm`, ties going farther — if it lies within TOWN_REACH_SHARE of
 * the day's distance of the target. Otherwise at the roadside where the day's distance runs out
 * (long empty stretches, e.g. the Sonoran desert, are not walked in a day to reach a town).
 * `overnightStop([0, 30, 60, 90], 0, 0, 40, 3)` → `{ km: 30, index: 1 }`.
 */
export function overnightStop(nodeKm: readonly number[], fromKm: number, fromIndex: number, targetKm: number, stopIndex: number): { km: number; index: number | null } {
  const reach = TOWN_REACH_SHARE * (targetKm - fromKm);
  if (targetKm >= nodeKm[stopIndex]! - reach) {
    // The stop is within reach: go no farther, unless a nearer town fits the day better.
    let best = stopIndex;
    for (let i = fromIndex + 1; i < stopIndex; i++) if (Math.abs(nodeKm[i]! - targetKm) < Math.abs(nodeKm[best]! - targetKm)) best = i;
    return { km: nodeKm[best]!, index: best };
  }
  let best = -1;
  for (let i = fromIndex + 1; i <= stopIndex && nodeKm[i]! <= targetKm + reach; i++) {
    if (best < 0 || Math.abs(nodeKm[i]! - targetKm) <= Math.abs(nodeKm[best]! - targetKm)) best = i;
  }
  if (best >= 0 && Math.abs(nodeKm[best]! - targetKm) <= reach) return { km: nodeKm[best]!, index: best };
  return { km: targetKm, index: null };
}

const LATEST_ARRIVAL_HOUR = 23.5;

/** Moves one group day by day until it arrives, merges or runs out of days. `dates[d]` is the local date of day d. */
export function moveGroup(scenario: Scenario, movement: GroupMovement, rng: Rng, dates: readonly string[]): GroupRun {
  const { route, groupId } = movement;
  const { modes, rest, uncertainty, attrition, day: dayRules } = scenario;
  const days: DayRecord[] = [];
  const splits: SplitOff[] = [];
  const passed = new Set(route.nodes.slice(0, movement.startNodeIndex + 1).map((n) => n.id));
  const staysDone = new Set(movement.staysDone);
  const lastIndex = route.nodes.length - 1;
  const mergeIndex = movement.mergeNodeId === undefined ? -1 : route.nodes.findIndex((n) => n.id === movement.mergeNodeId);

  /** Last node reached; `km` is the position (past it when the group slept at the roadside). */
  let index = movement.startNodeIndex;
  let km = route.nodeKm[index]!;
  let headcount = movement.headcount;
  let stayNightsLeft = 0;
  let travelStreak = 0;

  const staysAt = (nodeId: string) =>
    scenario.stays.findIndex((s, i) => s.place === nodeId && !staysDone.has(i) && (s.groups === undefined || s.groups.includes(groupId)));
  const isStop = (i: number) => i === lastIndex || i === mergeIndex || staysAt(route.nodes[i]!.id) >= 0;
  /** Called when the group reaches node i at model hour tHours. */
  const reach = (i: number, day: number, tHours: number) => {
    const nodeId = route.nodes[i]!.id;
    passed.add(nodeId);
    const stay = staysAt(nodeId);
    if (stay >= 0) {
      staysDone.add(stay);
      stayNightsLeft = scenario.stays[stay]!.nights - 1;
    }
    for (const splitIndex of movement.splitIndices) {
      const split = scenario.splits[splitIndex]!;
      if (split.atPlace !== nodeId) continue;
      const leaving = Math.round(headcount * split.share);
      headcount -= leaving;
      splits.push({ splitIndex, day, tHours, nodeId, km: route.nodeKm[i]!, headcount: leaving });
    }
  };

  reach(index, movement.startDay, movement.startHours);
  if (index === lastIndex || index === mergeIndex) {
    return { groupId, route, days, arrivalHours: movement.startHours, endedBy: index === mergeIndex ? 'merged' : 'arrived', splits };
  }

  for (let day = movement.startDay; day < scenario.maxDays; day++) {
    // Common random numbers: every day draws the same variates whatever the group does, so two runs
    // with the same seed differ only by their parameters (a faster walker is never unluckier).
    const restDraw = rng.next();
    const rideDraw = rng.next();
    const speedFactor = Math.exp(uncertainty.speedSpread * rng.normal());

    const date = dates[day]!;
    headcount *= 1 - attrition.perDay;
    for (const event of attrition.events) {
      if (event.date === date && (event.groups === undefined || event.groups.includes(groupId))) headcount *= 1 - event.share;
    }
    const atTown = km === route.nodeKm[index];
    const stayPut = (activity: Activity): DayRecord => ({
      day,
      date,
      activity,
      startKm: km,
      endKm: km,
      departHour: dayRules.departHour,
      arriveHour: dayRules.departHour,
      overnightNode: atTown ? route.nodes[index]!.id : null,
      headcount: Math.round(headcount),
    });

    if (day < movement.startDay + movement.departDelayDays) {
      days.push(stayPut('waiting'));
      continue;
    }
    if (stayNightsLeft > 0) {
      stayNightsLeft--;
      days.push(stayPut('stay'));
      continue;
    }
    if ((rest.everyNDays !== null && travelStreak >= rest.everyNDays) || restDraw < uncertainty.extraRestChance) {
      travelStreak = 0;
      days.push(stayPut('rest'));
      continue;
    }

    const region = legAtKm(route, km)?.region ?? '';
    const rule = pickRule(scenario.modeRules, { date, region, passed, groupId });
    let mode: Mode = rule?.mode ?? 'walk';
    const walkKm = modes.walk.kmPerDay;
    let plannedKm = rule?.kmPerDay ?? modes[mode].kmPerDay;
    if (mode !== 'walk') {
      const availability = rule?.rideAvailability ?? uncertainty.rideAvailability;
      if (rng.expected) plannedKm = availability * plannedKm + (1 - availability) * walkKm;
      else if (rideDraw >= availability) {
        mode = 'walk';
        plannedKm = walkKm;
      }
    }
    const dayKm = plannedKm * movement.speedMultiplier * speedFactor;

    let stopIndex = index + 1;
    while (stopIndex < lastIndex && !isStop(stopIndex)) stopIndex++;
    const stop = overnightStop(route.nodeKm, km, index, km + dayKm, stopIndex);
    const endKm = stop.km;
    const kmPerHour = mode === 'walk' ? dayRules.walkKmPerHour : dayRules.rideKmPerHour;
    const arriveHour = Math.min(dayRules.departHour + (endKm - km) / (kmPerHour * movement.speedMultiplier), LATEST_ARRIVAL_HOUR);
    const hourAtKm = (atKm: number) =>
      day * 24 + dayRules.departHour + ((atKm - km) / (endKm - km)) * (arriveHour - dayRules.departHour);
    while (index + 1 <= lastIndex && route.nodeKm[index + 1]! <= endKm) {
      index++;
      reach(index, day, hourAtKm(route.nodeKm[index]!));
    }
    travelStreak++;
    days.push({ day, date, activity: mode, startKm: km, endKm, departHour: dayRules.departHour, arriveHour, overnightNode: stop.index === null ? null : route.nodes[stop.index]!.id, headcount: Math.round(headcount) });
    km = endKm;

    if (stop.index === mergeIndex) return { groupId, route, days, arrivalHours: day * 24 + arriveHour, endedBy: 'merged', splits };
    if (stop.index === lastIndex) return { groupId, route, days, arrivalHours: day * 24 + arriveHour, endedBy: 'arrived', splits };
  }
  return { groupId, route, days, arrivalHours: null, endedBy: 'unfinished', splits };
}
