/**
 * The two baselines the forecast is scored against, run from the last report on the same course:
 * persistence (the last 3 days' km/day carried along the route) and the plain walker (the old
 * as-of preset's rules: 30 km a day on foot, a rest day after every 4 travel days, ±20 % daily
 * speed, 5 % unplanned rest days; data/scenarios/walker-2018-10-25.json).
 */
import { createUniformStream } from '../rng';
import type { PlacedReport } from './reports';

/** A main-group track known from reports: km by day, with the start (day −1, km 0). */
function reportedKmAt(reports: readonly PlacedReport[], day: number): number {
  const points = [{ day: -1, km: 0 }, ...reports.filter((r) => r.group === 'main' && !r.ended).map((r) => ({ day: r.day, km: r.km }))];
  let before = points[0]!;
  // Before the start the caravan is at the start.
  if (day <= before.day) return before.km;
  for (const point of points) {
    if (point.day <= day) before = point;
    else {
      const f = (day - before.day) / (point.day - before.day);
      return before.km + f * (point.km - before.km);
    }
  }
  return before.km;
}

/**
 * Persistence: speed = (km at the last report − km three days before it) / 3, carried on; the first
 * day at or past `km − toleranceKm`. Null when the speed is 0 (a halted caravan never arrives) or the
 * day lies past `lastDay`.
 * @example persistenceArrivalDay([{ day: 2, km: 90, … }], 180, 1, 30) // 30 km/day from day 2 → day 5
 */
export function persistenceArrivalDay(reports: readonly PlacedReport[], km: number, toleranceKm: number, lastDay: number): number | null {
  const main = reports.filter((r) => r.group === 'main' && !r.ended);
  const last = main[main.length - 1];
  const lastDayKnown = last?.day ?? -1;
  const lastKm = last?.km ?? 0;
  if (lastKm >= km - toleranceKm) return lastDayKnown;
  const speed = (lastKm - reportedKmAt(main, lastDayKnown - 3)) / 3;
  if (!(speed > 0)) return null;
  const day = lastDayKnown + Math.ceil((km - toleranceKm - lastKm) / speed - 1e-9);
  return day <= lastDay ? day : null;
}

export interface WalkerRules {
  walkKmPerDay: number;
  /** A rest day after this many travel days in a row (null: none). */
  restEveryNDays: number | null;
  speedSpread: number;
  extraRestChance: number;
}

/**
 * The plain walker's arrival day at each km (ascending) in each of `runs` runs, from the last main
 * report (or the start), or null when not by `lastDay`. Same seed, same runs.
 */
export function walkerArrivalDays(reports: readonly PlacedReport[], kms: readonly number[], toleranceKm: number, lastDay: number, rules: WalkerRules, runs: number, seed: number): (number | null)[][] {
  const main = reports.filter((r) => r.group === 'main' && !r.ended);
  const last = main[main.length - 1];
  const fromDay = (last?.day ?? -1) + 1;
  const fromKm = last?.km ?? 0;
  const uniform = createUniformStream(seed);
  const out = kms.map(() => new Array<number | null>(runs).fill(null));
  for (let run = 0; run < runs; run++) {
    let km = fromKm;
    let streak = 0;
    let next = 0;
    while (next < kms.length && km >= kms[next]! - toleranceKm) out[next++]![run] = fromDay - 1;
    for (let day = fromDay; day <= lastDay && next < kms.length; day++) {
      const restDraw = uniform();
      const normal = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
      if ((rules.restEveryNDays !== null && streak >= rules.restEveryNDays) || restDraw < rules.extraRestChance) {
        streak = 0;
        continue;
      }
      km += rules.walkKmPerDay * Math.exp(rules.speedSpread * normal);
      streak++;
      while (next < kms.length && km >= kms[next]! - toleranceKm) out[next++]![run] = day;
    }
  }
  return out;
}
