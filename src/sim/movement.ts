/**
 * Movement of one group along its route, one local day at a time: wait, stay, rest or travel; on a
 * travel day pick the mode by the scenario's rules, go that day's distance and sleep in the town
 * nearest to where the distance runs out (at least the next town: caravans sleep in towns).
 */
import type { Rng } from './rng';
import type { Route } from './route';
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
  staysDone: readonly number[];
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

/**
 * The day-by-day random variates of one group in one run, drawn up front. Every day gets the same
 * three draws whatever the group does (common random numbers), so two runs with the same seed differ
 * only by their parameters, and a run can resume from any day.
 */
export interface DayDraws {
  /** The unperturbed run: expected values instead of draws. */
  expected: boolean;
  rest: Float64Array;
  ride: Float64Array;
  speedFactor: Float64Array;
}

export function drawDays(rng: Rng, days: number, speedSpread: number): DayDraws {
  const rest = new Float64Array(days);
  const ride = new Float64Array(days);
  const speedFactor = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    rest[d] = rng.next();
    ride[d] = rng.next();
    speedFactor[d] = Math.exp(speedSpread * rng.normal());
  }
  return { expected: rng.expected === true, rest, ride, speedFactor };
}

/** Where a group stands at the start of a day: enough to resume the walk from there. */
export interface MovementState {
  day: number;
  km: number;
  index: number;
  headcount: number;
  stayNightsLeft: number;
  travelStreak: number;
  /** Bit i set: stay i has been spent. */
  staysDone: number;
}

export interface MovementOptions {
  /** Keep day records (false: only the arrival, for "if it went there instead" estimates). */
  recordDays: boolean;
  /** Keep the state at the start of each day and how far ahead that day's choice looked (km). */
  recordStates: boolean;
  resume?: MovementState;
}

export interface GroupRunWithStates extends GroupRun {
  states: MovementState[];
  lookaheadKm: number[];
}

interface RouteLookups {
  /** Index of the stay that applies to the group at each node of the route, or -1. */
  stayAt: Int32Array;
  /** Route index of each mode rule's afterPlace (-1: no such condition; Infinity: not on this route). */
  ruleAfterIndex: number[];
  ruleApplies: boolean[];
}

// Thousands of runs of an ensemble walk the same routes: work the lookups out once per route and group.
const lookupCache = new WeakMap<Scenario, WeakMap<Route, Map<string, RouteLookups>>>();

function routeLookups(scenario: Scenario, route: Route, groupId: string): RouteLookups {
  let byRoute = lookupCache.get(scenario);
  if (!byRoute) lookupCache.set(scenario, (byRoute = new WeakMap()));
  let byGroup = byRoute.get(route);
  if (!byGroup) byRoute.set(route, (byGroup = new Map<string, RouteLookups>()));
  let lookups = byGroup.get(groupId);
  if (!lookups) {
    const stayAt = new Int32Array(route.nodes.length);
    route.nodes.forEach((node, i) => {
      stayAt[i] = scenario.stays.findIndex((s) => s.place === node.id && (s.groups === undefined || s.groups.includes(groupId)));
    });
    lookups = {
      stayAt,
      ruleAfterIndex: scenario.modeRules.map((rule) => {
        if (rule.afterPlace === undefined) return -1;
        const i = route.nodes.findIndex((n) => n.id === rule.afterPlace);
        return i < 0 ? Infinity : i;
      }),
      ruleApplies: scenario.modeRules.map((rule) => rule.groups === undefined || rule.groups.includes(groupId)),
    };
    byGroup.set(groupId, lookups);
  }
  return lookups;
}

/**
 * One group's walk along its route. A class so that its helpers are made once, not on every call:
 * an ensemble makes hundreds of thousands of these.
 */
class Walk {
  readonly days: DayRecord[] = [];
  readonly splits: SplitOff[] = [];
  readonly states: MovementState[] = [];
  readonly lookaheadKm: number[] = [];
  readonly nodeKm: readonly number[];
  readonly lastIndex: number;
  readonly mergeIndex: number;
  readonly lookups: RouteLookups;
  index: number;
  km: number;
  headcount: number;
  stayNightsLeft: number;
  travelStreak: number;
  staysDone: number;
  // The travel day being decided, set by planTravel (fields, not a returned object: an ensemble walks millions of days).
  mode: Mode = 'walk';
  dayKm = 0;

  constructor(
    readonly scenario: Scenario,
    readonly movement: GroupMovement,
    readonly draws: DayDraws,
    readonly dates: readonly string[],
    readonly options: MovementOptions,
  ) {
    const { route } = movement;
    this.nodeKm = route.nodeKm;
    this.lastIndex = route.nodes.length - 1;
    this.mergeIndex = movement.mergeNodeId === undefined ? -1 : route.nodes.findIndex((n) => n.id === movement.mergeNodeId);
    this.lookups = routeLookups(scenario, route, movement.groupId);
    const resume = options.resume;
    this.index = resume?.index ?? movement.startNodeIndex;
    this.km = resume?.km ?? this.nodeKm[this.index]!;
    this.headcount = resume?.headcount ?? movement.headcount;
    this.stayNightsLeft = resume?.stayNightsLeft ?? 0;
    this.travelStreak = resume?.travelStreak ?? 0;
    this.staysDone = resume?.staysDone ?? 0;
    for (const i of movement.staysDone) this.staysDone |= 1 << i;
  }

  /** A place the group must stop at: its destination, where it merges, or an unspent stay. */
  isStop(i: number): boolean {
    const stay = this.lookups.stayAt[i]!;
    return i === this.lastIndex || i === this.mergeIndex || (stay >= 0 && (this.staysDone & (1 << stay)) === 0);
  }

  /** The group reaches node i at model hour tHours: stays start, splits part. */
  reach(i: number, day: number, tHours: number): void {
    const stay = this.lookups.stayAt[i]!;
    if (stay >= 0 && (this.staysDone & (1 << stay)) === 0) {
      this.staysDone |= 1 << stay;
      this.stayNightsLeft = this.scenario.stays[stay]!.nights - 1;
    }
    for (const splitIndex of this.movement.splitIndices) {
      const split = this.scenario.splits[splitIndex]!;
      if (split.atPlace !== this.movement.route.nodes[i]!.id) continue;
      const leaving = Math.round(this.headcount * split.share);
      this.headcount -= leaving;
      this.splits.push({ splitIndex, day, tHours, nodeId: split.atPlace, km: this.nodeKm[i]!, headcount: leaving });
    }
  }

  stayPut(day: number, activity: Activity): void {
    if (this.options.recordDays) {
      const departHour = this.scenario.day.departHour;
      this.days.push({
        day,
        date: this.dates[day]!,
        activity,
        startKm: this.km,
        endKm: this.km,
        departHour,
        arriveHour: departHour,
        overnightNode: this.km === this.nodeKm[this.index] ? this.movement.route.nodes[this.index]!.id : null,
        headcount: Math.round(this.headcount),
      });
    }
    if (this.options.recordStates) this.lookaheadKm.push(this.km);
  }

  result(arrivalHours: number | null, endedBy: GroupRun['endedBy']): GroupRunWithStates {
    const { groupId, route } = this.movement;
    return { groupId, route, days: this.days, arrivalHours, endedBy, splits: this.splits, states: this.states, lookaheadKm: this.lookaheadKm };
  }

  /** The first rule that applies on this day and leg; undefined (walking) when none does. */
  rule(date: string): ModeRule | undefined {
    const { modeRules } = this.scenario;
    const { ruleApplies, ruleAfterIndex } = this.lookups;
    const legs = this.movement.route.legs;
    const region = legs[Math.min(this.index, legs.length - 1)]?.region ?? '';
    for (let r = 0; r < modeRules.length; r++) {
      const candidate = modeRules[r]!;
      if (!ruleApplies[r] || this.index < ruleAfterIndex[r]!) continue;
      if (candidate.fromDate !== undefined && date < candidate.fromDate) continue;
      if (candidate.untilDate !== undefined && date > candidate.untilDate) continue;
      if (candidate.regions !== undefined && !candidate.regions.includes(region)) continue;
      return candidate;
    }
    return undefined;
  }

  /**
   * One group's days, each decided by the day rules below in this order: attrition; a day without
   * travel (waiting to set off, a stay, a rest day); otherwise the mode and the day's distance, the
   * overnight stop, and the road between (stays start and splits part at each place passed); the
   * walk ends on arriving or merging.
   */
  run(): GroupRunWithStates {
    const { movement, options } = this;
    if (!options.resume) {
      this.reach(this.index, movement.startDay, movement.startHours);
      if (this.index === this.lastIndex || this.index === this.mergeIndex) return this.result(movement.startHours, this.index === this.mergeIndex ? 'merged' : 'arrived');
    }
    for (let day = options.resume?.day ?? movement.startDay; day < this.scenario.maxDays; day++) {
      if (options.recordStates) this.states.push(this.stateNow(day));
      const date = this.dates[day]!;
      this.loseToAttrition(date);
      const still = this.dayWithoutTravel(day);
      if (still !== null) {
        this.stayPut(day, still);
        continue;
      }
      this.planTravel(day, date);
      const ended = this.travel(day, date);
      if (ended) return ended;
    }
    return this.result(null, 'unfinished');
  }

  /** Where the group stands at the start of `day` (a run can resume from it). */
  stateNow(day: number): MovementState {
    return { day, km: this.km, index: this.index, headcount: this.headcount, stayNightsLeft: this.stayNightsLeft, travelStreak: this.travelStreak, staysDone: this.staysDone };
  }

  /** Day rule: the day's attrition, the daily share and any dated event for this group. */
  loseToAttrition(date: string): void {
    const { attrition } = this.scenario;
    this.headcount *= 1 - attrition.perDay;
    for (const event of attrition.events) {
      if (event.date === date && (event.groups === undefined || event.groups.includes(this.movement.groupId))) this.headcount *= 1 - event.share;
    }
  }

  /**
   * Day rule: a day the group does not travel, and why — it has not set off yet, it spends a night
   * of a stay, or it rests (after `rest.everyNDays` travel days in a row, or by chance). Null: it travels.
   */
  dayWithoutTravel(day: number): 'waiting' | 'stay' | 'rest' | null {
    const { movement, draws } = this;
    const { rest, uncertainty } = this.scenario;
    if (day < movement.startDay + movement.departDelayDays) return 'waiting';
    if (this.stayNightsLeft > 0) {
      this.stayNightsLeft--;
      return 'stay';
    }
    if ((rest.everyNDays !== null && this.travelStreak >= rest.everyNDays) || (!draws.expected && draws.rest[day]! < uncertainty.extraRestChance)) {
      this.travelStreak = 0;
      return 'rest';
    }
    return null;
  }

  /**
   * Day rule: the mode and the distance. The first mode rule that applies picks the mode (none:
   * walking); a ride is found with the rule's (or the scenario's) availability, else the group
   * walks — in the unperturbed run the distance is the expected one. The group's speed multiplier
   * and the day's speed draw scale it.
   */
  planTravel(day: number, date: string): void {
    const { draws, movement } = this;
    const { modes, uncertainty } = this.scenario;
    const rule = this.rule(date);
    let mode: Mode = rule?.mode ?? 'walk';
    const walkKm = modes.walk.kmPerDay;
    let plannedKm = rule?.kmPerDay ?? modes[mode].kmPerDay;
    if (mode !== 'walk') {
      const availability = rule?.rideAvailability ?? uncertainty.rideAvailability;
      if (draws.expected) plannedKm = availability * plannedKm + (1 - availability) * walkKm;
      else if (draws.ride[day]! >= availability) {
        mode = 'walk';
        plannedKm = walkKm;
      }
    }
    this.mode = mode;
    this.dayKm = plannedKm * movement.speedMultiplier * (draws.expected ? 1 : draws.speedFactor[day]!);
  }

  /**
   * Day rules: the overnight stop (a town near where the day's distance runs out, never past a
   * place the group must stop at), then the road there — departing at `day.departHour`, each place
   * passed is reached at its hour (stays start, splits part) — and the end of the walk on arriving
   * at the destination or the merge place. Returns the finished run, or null to go on tomorrow.
   */
  travel(day: number, date: string): GroupRunWithStates | null {
    const { movement, options, nodeKm, lastIndex, mergeIndex, mode, dayKm } = this;
    const dayRules = this.scenario.day;
    let stopIndex = this.index + 1;
    while (stopIndex < lastIndex && !this.isStop(stopIndex)) stopIndex++;
    const startKm = this.km;
    const targetKm = startKm + dayKm;
    if (options.recordStates) this.lookaheadKm.push(targetKm + TOWN_REACH_SHARE * dayKm);
    const stop = overnightStop(nodeKm, startKm, this.index, targetKm, stopIndex);
    const endKm = stop.km;
    const kmPerHour = mode === 'walk' ? dayRules.walkKmPerHour : dayRules.rideKmPerHour;
    const arriveHour = Math.min(dayRules.departHour + (endKm - startKm) / (kmPerHour * movement.speedMultiplier), LATEST_ARRIVAL_HOUR);
    const hoursPerKm = (arriveHour - dayRules.departHour) / (endKm - startKm);
    while (this.index + 1 <= lastIndex && nodeKm[this.index + 1]! <= endKm) {
      this.index++;
      this.reach(this.index, day, day * 24 + dayRules.departHour + (nodeKm[this.index]! - startKm) * hoursPerKm);
    }
    this.travelStreak++;
    this.km = endKm;
    if (options.recordDays) {
      this.days.push({
        day,
        date,
        activity: mode,
        startKm,
        endKm,
        departHour: dayRules.departHour,
        arriveHour,
        overnightNode: stop.index === null ? null : movement.route.nodes[stop.index]!.id,
        headcount: Math.round(this.headcount),
      });
    }
    if (stop.index === mergeIndex) return this.result(day * 24 + arriveHour, 'merged');
    if (stop.index === lastIndex) return this.result(day * 24 + arriveHour, 'arrived');
    return null;
  }
}

/**
 * Moves one group day by day until it arrives, merges or runs out of days. `dates[d]` is the local
 * date of day d; `draws` its random variates.
 */
export function moveGroup(
  scenario: Scenario,
  movement: GroupMovement,
  draws: DayDraws,
  dates: readonly string[],
  options: MovementOptions = { recordDays: true, recordStates: false },
): GroupRunWithStates {
  return new Walk(scenario, movement, draws, dates, options).run();
}
