/**
 * Summaries of a conditioned ensemble: arrival days per place and group, daily position and headcount
 * bands, the chance the caravan has ended by each day. Quantiles are of whole days, read off the
 * sorted sample (the inverted empirical distribution: P50 is a day some run really arrived).
 */
import { ENDED } from './engine';
import type { EnsembleHistory } from './filter';

export type GroupKind = 'main' | 'lead';

/** The k-quantile (inverted CDF) of a sorted sample: `dayQuantile([3, 4, 4, 9], 0.5)` → 4. */
export function dayQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!;
}

/** The lead of a caravan is its vanguard once one has gone ahead, and the main group until then. */
export function groupKm(history: EnsembleHistory, group: GroupKind, run: number, day: number): number {
  const at = run * history.days + day;
  if (group === 'lead') {
    const van = history.vanKm[at]!;
    if (!Number.isNaN(van)) return van;
  }
  return history.km[at]!;
}

/**
 * The first day on or after `fromDay` on which a run's group is within `toleranceKm` of `km`
 * (null: not within the ensemble's days, or the caravan dissolved first).
 */
export function arrivalDay(history: EnsembleHistory, group: GroupKind, run: number, km: number, fromDay: number, toleranceKm: number): number | null {
  for (let day = Math.max(0, fromDay); day < history.days; day++) {
    if (group === 'main' && history.ended[run * history.days + day] === ENDED.dissolved) return null;
    if (groupKm(history, group, run, day) >= km - toleranceKm) return day;
  }
  return null;
}

export interface ArrivalSpread {
  /** Whole days from the start; null when no run arrives. */
  p10Day: number | null;
  p50Day: number | null;
  p90Day: number | null;
  /** Share of runs arriving within the ensemble's days (the horizon). */
  probability: number;
  /** Arrival day of every run (null: never), for scoring. */
  days: (number | null)[];
}

function spreadOf(days: (number | null)[]): ArrivalSpread {
  const arrived = days.filter((d): d is number => d !== null).sort((a, b) => a - b);
  const q = (p: number) => (arrived.length === 0 ? null : dayQuantile(arrived, p));
  return { p10Day: q(0.1), p50Day: q(0.5), p90Day: q(0.9), probability: days.length === 0 ? 0 : arrived.length / days.length, days };
}

/** Arrival spread at `km` over all runs; dates are over the runs that arrive. */
export function arrivalSpread(history: EnsembleHistory, group: GroupKind, km: number, fromDay: number, toleranceKm: number): ArrivalSpread {
  return arrivalSpreads(history, group, [km], fromDay, toleranceKm)[0]!;
}

/**
 * Arrival spreads at many places at once (`kms` ascending): one pass over each run's days. A place
 * counts as reached on the first day from `fromDay` on which the run is within the tolerance of it.
 */
export function arrivalSpreads(history: EnsembleHistory, group: GroupKind, kms: readonly number[], fromDay: number, toleranceKm: number): ArrivalSpread[] {
  const perPlace: (number | null)[][] = kms.map(() => new Array<number | null>(history.runs).fill(null));
  for (let run = 0; run < history.runs; run++) {
    // Runs can be put back by a report only before fromDay, so from there on each place is passed once.
    let next = 0;
    let best = -Infinity;
    for (let day = Math.max(0, fromDay); day < history.days && next < kms.length; day++) {
      if (group === 'main' && history.ended[run * history.days + day] === ENDED.dissolved) break;
      best = Math.max(best, groupKm(history, group, run, day));
      while (next < kms.length && best >= kms[next]! - toleranceKm) perPlace[next++]![run] = day;
    }
  }
  return perPlace.map(spreadOf);
}

export interface DayBand {
  day: number;
  group: GroupKind;
  p10Km: number;
  p50Km: number;
  p90Km: number;
}

/** P10/P50/P90 km of a group on each day from `fromDay`, over the runs in which the caravan has not dissolved. */
export function positionBands(history: EnsembleHistory, group: GroupKind, fromDay: number): DayBand[] {
  const bands: DayBand[] = [];
  const values = new Float64Array(history.runs);
  for (let day = Math.max(0, fromDay); day < history.days; day++) {
    let n = 0;
    for (let run = 0; run < history.runs; run++) {
      if (history.ended[run * history.days + day] === ENDED.dissolved) continue;
      values[n++] = groupKm(history, group, run, day);
    }
    if (n === 0) continue;
    const sorted = values.subarray(0, n).sort();
    bands.push({ day, group, p10Km: dayQuantile(sorted, 0.1), p50Km: dayQuantile(sorted, 0.5), p90Km: dayQuantile(sorted, 0.9) });
  }
  return bands;
}

/** P10/P50/P90 of the main group's headcount on each day from `fromDay` (a dissolved caravan counts 0). */
export function headcountBands(history: EnsembleHistory, fromDay: number): { day: number; p10: number; p50: number; p90: number }[] {
  const out: { day: number; p10: number; p50: number; p90: number }[] = [];
  const values = new Float64Array(history.runs);
  for (let day = Math.max(0, fromDay); day < history.days; day++) {
    for (let run = 0; run < history.runs; run++) values[run] = history.headcount[run * history.days + day]!;
    const sorted = values.slice().sort();
    out.push({ day, p10: dayQuantile(sorted, 0.1), p50: dayQuantile(sorted, 0.5), p90: dayQuantile(sorted, 0.9) });
  }
  return out;
}

/** Share of runs that have ended by each day from `fromDay`: in all, by dissolving, by arriving. */
export function endedShares(history: EnsembleHistory, fromDay: number): { day: number; p: number; dissolved: number; arrived: number }[] {
  const out: { day: number; p: number; dissolved: number; arrived: number }[] = [];
  for (let day = Math.max(0, fromDay); day < history.days; day++) {
    let dissolved = 0;
    let arrived = 0;
    for (let run = 0; run < history.runs; run++) {
      const ended = history.ended[run * history.days + day];
      if (ended === ENDED.dissolved) dissolved++;
      else if (ended === ENDED.arrived) arrived++;
    }
    out.push({ day, p: (dissolved + arrived) / history.runs, dissolved: dissolved / history.runs, arrived: arrived / history.runs });
  }
  return out;
}
