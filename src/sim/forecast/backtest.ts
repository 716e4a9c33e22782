/**
 * The backtest: for each past caravan, parameters fitted without it, forecasts from as-of dates every
 * `stepDays` along its track, each later observed milestone (the first night the main group was
 * seen at a place) scored by lead time: P50 error in days, whether it fell in P10–P90, and the
 * interval score (Gneiting & Raftery 2007, α = 0.2: width + 10 × how far outside). Persistence
 * and the plain walker are scored on the same milestones from the same reports.
 *
 * Non-arrivals are scored, not dropped: a run (or a baseline) that has not reached the milestone by
 * the end of the horizon counts as arriving the day after it (horizonDays ≥ 2 × the longest lead,
 * so such a forecast misses by weeks). Quantiles are over all runs, so a forecast in which most runs
 * never arrive has a late P50 and a wide interval, and pays for it.
 */
import { daysBetween, addDays } from '../time';
import { crossingNode } from './backtest-course';
import { persistenceArrivalDay, walkerArrivalDays, type WalkerRules } from './baselines';
import { runOnCourse, type ForecastWorld } from './forecast';
import type { ForecastParameters } from './parameters';
import { caravanReports, type PastCaravan } from './past-caravan';
import { projectOntoRoute, reportsAsOf } from './reports';
import { arrivalSpreads, dayQuantile } from './summary';

export const LEAD_BINS = [
  { label: '1-3', min: 1, max: 3 },
  { label: '4-7', min: 4, max: 7 },
  { label: '8-14', min: 8, max: 14 },
  { label: '15-30', min: 15, max: 30 },
] as const;
const MAX_LEAD_DAYS = 30;
export type LeadBin = (typeof LEAD_BINS)[number]['label'];
export const BACKTEST_MODELS = ['forecast', 'persistence', 'walker'] as const;
export type BacktestModel = (typeof BACKTEST_MODELS)[number];

export interface BacktestOptions {
  runs: number;
  seed: number;
  horizonDays: number;
  stepDays: number;
  walker: WalkerRules;
  /** Interval score level: 0.2 for the P10–P90 interval. */
  alpha: number;
}

export interface ScoredMilestone {
  caravan: string;
  asOf: string;
  town: string;
  observedDate: string;
  leadDays: number;
  model: BacktestModel;
  observedDay: number;
  p10Day: number;
  p50Day: number;
  p90Day: number;
  /** True when some runs never arrived within the horizon (they count as arriving after it). */
  censored: boolean;
  offRouteKm: number;
}

export interface BacktestRow {
  caravan: string;
  leadDays: LeadBin;
  model: BacktestModel;
  n: number;
  p50AbsErrorDays: number;
  coverage: number;
  intervalScore: number;
}

/** The first night the main group was seen at each place, in date order. */
export function milestones(caravan: PastCaravan): { date: string; town: string; lonLat: readonly [number, number] }[] {
  const seen = new Set<string>();
  const out: { date: string; town: string; lonLat: readonly [number, number] }[] = [];
  for (const o of [...caravan.observations].filter((o) => o.group === 'main' && o.date >= caravan.start.date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const key = o.nodeId ?? o.town;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ date: o.date, town: o.town, lonLat: o.lonLat });
  }
  return out;
}

function quantilesWithNever(days: readonly (number | null)[], never: number): { p10: number; p50: number; p90: number; censored: boolean } {
  const values = Float64Array.from(days, (d) => d ?? never).sort();
  return { p10: dayQuantile(values, 0.1), p50: dayQuantile(values, 0.5), p90: dayQuantile(values, 0.9), censored: days.some((d) => d === null) };
}

/**
 * Scores every milestone of one caravan from every as-of date, for the three models.
 * @example backtestCaravan(world, october2018, fits.get('without-october-2018').parameters, options).filter((s) => s.model === 'forecast')
 */
export function backtestCaravan(world: ForecastWorld, caravan: PastCaravan, params: ForecastParameters, options: BacktestOptions): ScoredMilestone[] {
  const reports = caravanReports(caravan);
  const stones = milestones(caravan);
  const lastDate = stones[stones.length - 1]?.date;
  if (!lastDate) return [];
  const tolerance = world.structure.arrivalToleranceKm;
  const target = { nodeId: crossingNode(world, caravan.destination), crossings: [] };
  const scored: ScoredMilestone[] = [];
  const caravanSpec = { startNodeId: caravan.start.nodeId, startDate: caravan.start.date, headcount: caravan.start.headcount, policy: caravan.policy };
  for (let asOfDay = 0; addDays(caravan.start.date, asOfDay) < lastDate; asOfDay += options.stepDays) {
    const asOf = addDays(caravan.start.date, asOfDay);
    const known = reportsAsOf(reports, asOf);
    // A caravan reported ended has nothing left to forecast.
    if (known.some((r) => r.group === 'main' && r.headcount === 0)) break;
    const days = asOfDay + options.horizonDays + 1;
    const run = runOnCourse(world, { caravan: caravanSpec, runs: options.runs, seed: options.seed, horizonDays: options.horizonDays, params }, known, target, days);
    const lastMain = [...run.placed].reverse().find((r) => r.group === 'main');
    const reachedKm = lastMain?.km ?? 0;
    const ahead = stones
      .filter((m) => m.date > asOf)
      .map((m) => ({ ...m, ...projectOntoRoute(run.course.route, m.lonLat), observedDay: daysBetween(caravan.start.date, m.date) }))
      .filter((m) => m.observedDay - asOfDay >= LEAD_BINS[0].min && m.observedDay - asOfDay <= MAX_LEAD_DAYS && m.km > reachedKm + tolerance)
      .sort((a, b) => a.km - b.km);
    if (ahead.length === 0) continue;
    const kms = ahead.map((m) => m.km);
    const never = days;
    const forecast = arrivalSpreads(run.result.history, 'main', kms, run.fromDay, tolerance);
    const walker = walkerArrivalDays(run.placed, kms, tolerance, days - 1, options.walker, options.runs, options.seed);
    ahead.forEach((m, i) => {
      const base = { caravan: caravan.id, asOf, town: m.town, observedDate: m.date, leadDays: m.observedDay - asOfDay, observedDay: m.observedDay, offRouteKm: Math.round(m.offKm * 10) / 10 };
      const forecastDays = forecast[i]!.days;
      const walkerDays = walker[i]!;
      const persistence = persistenceArrivalDay(run.placed, m.km, tolerance, days - 1);
      const samples: [BacktestModel, (number | null)[]][] = [
        ['forecast', forecastDays],
        ['persistence', [persistence]],
        ['walker', walkerDays],
      ];
      for (const [model, sample] of samples) {
        const q = quantilesWithNever(sample, never);
        scored.push({ ...base, model, p10Day: q.p10, p50Day: q.p50, p90Day: q.p90, censored: q.censored });
      }
    });
  }
  return scored;
}

/** Interval score of [lower, upper] for observation y at level alpha. */
export function intervalScore(lower: number, upper: number, y: number, alpha: number): number {
  return upper - lower + (2 / alpha) * Math.max(0, lower - y) + (2 / alpha) * Math.max(0, y - upper);
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Rows per caravan (and 'all', pooled over every scored milestone), lead bin and model. */
export function backtestRows(scored: readonly ScoredMilestone[], caravans: readonly string[], alpha: number): BacktestRow[] {
  const rows: BacktestRow[] = [];
  for (const caravan of [...caravans, 'all']) {
    for (const bin of LEAD_BINS) {
      for (const model of BACKTEST_MODELS) {
        const group = scored.filter((s) => (caravan === 'all' || s.caravan === caravan) && s.model === model && s.leadDays >= bin.min && s.leadDays <= bin.max);
        if (group.length === 0) continue;
        const mean = (f: (s: ScoredMilestone) => number) => group.reduce((sum, s) => sum + f(s), 0) / group.length;
        rows.push({
          caravan,
          leadDays: bin.label,
          model,
          n: group.length,
          p50AbsErrorDays: round(mean((s) => Math.abs(s.p50Day - s.observedDay)), 2),
          coverage: round(mean((s) => (s.p10Day <= s.observedDay && s.observedDay <= s.p90Day ? 1 : 0)), 3),
          intervalScore: round(mean((s) => intervalScore(s.p10Day, s.p90Day, s.observedDay, alpha)), 2),
        });
      }
    }
  }
  return rows;
}
