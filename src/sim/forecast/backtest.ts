/**
 * The backtest: for each past caravan, parameters fitted without it, forecasts from as-of dates every
 * `stepDays` along its track, each later observed milestone (the first night the main group was
 * seen at a place) scored by lead time. Persistence and the plain walker are scored on the same
 * milestones from the same reports.
 *
 * Two views of the same forecasts (docs/FORECAST-MODEL.md, "Backtest"):
 * - **published** (the headline): exactly what a planner is shown — P10/P50/P90 over the runs that
 *   arrive within the horizon, and beside them the probability of arriving within it. The dates are
 *   scored on P50 error, P10–P90 coverage and the interval score (Gneiting & Raftery 2007, α = 0.2);
 *   the probability by the Brier score of "reaches this place within the horizon". A forecast that
 *   publishes no date (no run arrives; persistence of a caravan that has not moved) is scored as if
 *   its dates were the day after the horizon, and its probability 0 pays the Brier score in full.
 * - **all runs**: quantiles over every run, a run that never arrives counted as arriving the day
 *   after the horizon; one interval carries both the timing and the doubt about arriving.
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
export const SCORING_VIEWS = ['published', 'all-runs'] as const;
export type ScoringView = (typeof SCORING_VIEWS)[number];

export interface BacktestOptions {
  runs: number;
  seed: number;
  horizonDays: number;
  stepDays: number;
  walker: WalkerRules;
  /** Interval score level: 0.2 for the P10–P90 interval. */
  alpha: number;
}

/** P10/P50/P90 as whole days from the caravan's start. */
export interface DayQuantiles {
  p10Day: number;
  p50Day: number;
  p90Day: number;
}

export interface ScoredMilestone {
  caravan: string;
  asOf: string;
  town: string;
  observedDate: string;
  leadDays: number;
  model: BacktestModel;
  observedDay: number;
  /** Share of runs reaching the place within the horizon (persistence: 0 or 1). */
  probability: number;
  /** What a planner is shown: quantiles over the runs that arrive; null when none does. */
  published: DayQuantiles | null;
  /** Over all runs, a run that never arrives counted as arriving the day after the horizon. */
  allRuns: DayQuantiles;
  offRouteKm: number;
}

/**
 * A yes/no question the forecast gives a probability for: "does the main group reach this place
 * within the horizon?" Every scored milestone is one (it happened); so is the destination crossing
 * on each as-of date when its outcome is known and it is not already a scored milestone (it was
 * reached later than 30 days ahead, or the caravan ended before it: it did not happen).
 */
export interface ProbabilityEvent {
  caravan: string;
  asOf: string;
  town: string;
  model: BacktestModel;
  /** The lead time when it happened; null when it did not. */
  leadDays: number | null;
  probability: number;
  happened: boolean;
  isDestination: boolean;
}

export interface BacktestRow {
  caravan: string;
  leadDays: LeadBin;
  model: BacktestModel;
  n: number;
  p50AbsErrorDays: number;
  coverage: number;
  intervalScore: number;
  /** Mean probability given to reaching the milestone within the horizon (it did). */
  meanProbability: number;
  /** Brier score of that probability: mean (1 − p)², lower is better. */
  brierScore: number;
  /** Milestones for which the model published no date (no run arrived within the horizon). */
  noDate: number;
}

export interface ReliabilityBin {
  model: BacktestModel;
  /** Probability range [from, to) (the last bin includes 1). */
  from: number;
  to: number;
  n: number;
  meanProbability: number;
  observedShare: number;
}

/** The first night the main group was seen at each place, in date order. */
export function milestones(caravan: PastCaravan): { date: string; town: string; nodeId?: string; lonLat: readonly [number, number] }[] {
  const seen = new Set<string>();
  const out: { date: string; town: string; nodeId?: string; lonLat: readonly [number, number] }[] = [];
  for (const o of [...caravan.observations].filter((o) => o.group === 'main' && o.date >= caravan.start.date).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const key = o.nodeId ?? o.town;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ date: o.date, town: o.town, ...(o.nodeId !== undefined ? { nodeId: o.nodeId } : {}), lonLat: o.lonLat });
  }
  return out;
}

/**
 * The two scorings' quantiles of one sample of arrival days (null: not within the horizon).
 * @example scoredQuantiles([3, 4, null, 5], 61) // published 3/4/5 over the 3 that arrive, all runs 3/4/61, probability 0.75
 */
export function scoredQuantiles(days: readonly (number | null)[], never: number): { probability: number; published: DayQuantiles | null; allRuns: DayQuantiles } {
  const arrived = Float64Array.from(days.filter((d): d is number => d !== null)).sort();
  const all = Float64Array.from(days, (d) => d ?? never).sort();
  const quantiles = (values: Float64Array): DayQuantiles => ({ p10Day: dayQuantile(values, 0.1), p50Day: dayQuantile(values, 0.5), p90Day: dayQuantile(values, 0.9) });
  return { probability: arrived.length / days.length, published: arrived.length === 0 ? null : quantiles(arrived), allRuns: quantiles(all) };
}

/** When the main group reached the caravan's destination, if the data say: its date, 'never' (it ended first), or null (not known). */
type DestinationOutcome = { reachedOn: string } | 'never' | null;

function destinationOutcome(caravan: PastCaravan, destinationNode: string, stones: ReturnType<typeof milestones>): DestinationOutcome {
  const reached = stones.find((m) => m.nodeId === destinationNode);
  if (reached) return { reachedOn: reached.date };
  return caravan.end ? 'never' : null;
}

export interface CaravanBacktest {
  milestones: ScoredMilestone[];
  events: ProbabilityEvent[];
}

/**
 * Scores every milestone of one caravan from every as-of date, for the three models.
 * @example backtestCaravan(world, october2018, fits.get('without-october-2018').parameters, options).milestones.filter((s) => s.model === 'forecast')
 */
export function backtestCaravan(world: ForecastWorld, caravan: PastCaravan, params: ForecastParameters, options: BacktestOptions): CaravanBacktest {
  const reports = caravanReports(caravan);
  const stones = milestones(caravan);
  // As-of dates run to the last report: after its last milestone an ended caravan still asks "will it reach the destination?".
  const lastDate = reports[reports.length - 1]?.date;
  if (!lastDate) return { milestones: [], events: [] };
  const tolerance = world.structure.arrivalToleranceKm;
  const destinationNode = crossingNode(world, caravan.destination);
  const target = { nodeId: destinationNode, crossings: [] };
  const outcome = destinationOutcome(caravan, destinationNode, stones);
  const scored: ScoredMilestone[] = [];
  const events: ProbabilityEvent[] = [];
  const caravanSpec = { startNodeId: caravan.start.nodeId, startDate: caravan.start.date, headcount: caravan.start.headcount, policy: caravan.policy };
  for (let asOfDay = 0; addDays(caravan.start.date, asOfDay) < lastDate; asOfDay += options.stepDays) {
    const asOf = addDays(caravan.start.date, asOfDay);
    const known = reportsAsOf(reports, asOf);
    // A caravan reported ended has nothing left to forecast.
    if (known.some((r) => r.group === 'main' && r.headcount === 0)) break;
    const destinationAhead = outcome === 'never' || (outcome !== null && outcome.reachedOn > asOf);
    if (!destinationAhead && !stones.some((m) => m.date > asOf)) continue;
    const days = asOfDay + options.horizonDays + 1;
    const run = runOnCourse(world, { caravan: caravanSpec, runs: options.runs, seed: options.seed, horizonDays: options.horizonDays, params }, known, target, days);
    const lastMain = [...run.placed].reverse().find((r) => r.group === 'main');
    const reachedKm = lastMain?.km ?? 0;
    const ahead = stones
      .filter((m) => m.date > asOf)
      .map((m) => ({ ...m, ...projectOntoRoute(run.course.route, m.lonLat), observedDay: daysBetween(caravan.start.date, m.date) }))
      .filter((m) => m.observedDay - asOfDay >= LEAD_BINS[0].min && m.observedDay - asOfDay <= MAX_LEAD_DAYS && m.km > reachedKm + tolerance)
      .sort((a, b) => a.km - b.km);
    // The destination, when its outcome is known and it is not one of the milestones scored above.
    const destinationDay = outcome === null || outcome === 'never' ? null : daysBetween(caravan.start.date, outcome.reachedOn);
    const destinationEvent = destinationAhead && reachedKm < run.course.totalKm - tolerance && !ahead.some((m) => m.nodeId === destinationNode);
    if (ahead.length === 0 && !destinationEvent) continue;
    const kms = [...ahead.map((m) => m.km), ...(destinationEvent ? [run.course.totalKm] : [])];
    const never = days;
    const forecast = arrivalSpreads(run.result.history, 'main', kms, run.fromDay, tolerance);
    const walker = walkerArrivalDays(run.placed, kms, tolerance, days - 1, options.walker, options.runs, options.seed);
    const samplesAt = (i: number): [BacktestModel, (number | null)[]][] => [
      ['forecast', forecast[i]!.days],
      ['persistence', [persistenceArrivalDay(run.placed, kms[i]!, tolerance, days - 1)]],
      ['walker', walker[i]!],
    ];
    ahead.forEach((m, i) => {
      const leadDays = m.observedDay - asOfDay;
      const base = { caravan: caravan.id, asOf, town: m.town, observedDate: m.date, leadDays, observedDay: m.observedDay, offRouteKm: Math.round(m.offKm * 10) / 10 };
      for (const [model, sample] of samplesAt(i)) {
        const q = scoredQuantiles(sample, never);
        scored.push({ ...base, model, ...q });
        events.push({ caravan: caravan.id, asOf, town: m.town, model, leadDays, probability: q.probability, happened: true, isDestination: m.nodeId === destinationNode });
      }
    });
    if (destinationEvent) {
      // Within the horizon: the arrival is on or before the forecast's last day.
      const happened = destinationDay !== null && destinationDay <= days - 1;
      for (const [model, sample] of samplesAt(kms.length - 1)) {
        const q = scoredQuantiles(sample, never);
        events.push({ caravan: caravan.id, asOf, town: caravan.destination, model, leadDays: happened ? destinationDay - asOfDay : null, probability: q.probability, happened, isDestination: true });
      }
    }
  }
  return { milestones: scored, events };
}

/** Interval score of [lower, upper] for observation y at level alpha. */
export function intervalScore(lower: number, upper: number, y: number, alpha: number): number {
  return upper - lower + (2 / alpha) * Math.max(0, lower - y) + (2 / alpha) * Math.max(0, y - upper);
}

/** The quantiles a view scores: the published ones (the day after the horizon when none is published), or all runs'. */
export function viewQuantiles(s: ScoredMilestone, view: ScoringView, neverDay: (s: ScoredMilestone) => number): DayQuantiles {
  if (view === 'all-runs') return s.allRuns;
  if (s.published) return s.published;
  const never = neverDay(s);
  return { p10Day: never, p50Day: never, p90Day: never };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Rows per caravan (and 'all', pooled over every scored milestone), lead bin and model, in one view.
 * `horizonDays` says which day a forecast that publishes no date is scored at (the day after it).
 */
export function backtestRows(scored: readonly ScoredMilestone[], caravans: readonly string[], alpha: number, view: ScoringView, horizonDays: number): BacktestRow[] {
  const rows: BacktestRow[] = [];
  const neverDay = (s: ScoredMilestone) => s.observedDay - s.leadDays + horizonDays + 1;
  for (const caravan of [...caravans, 'all']) {
    for (const bin of LEAD_BINS) {
      for (const model of BACKTEST_MODELS) {
        const group = scored.filter((s) => (caravan === 'all' || s.caravan === caravan) && s.model === model && s.leadDays >= bin.min && s.leadDays <= bin.max);
        if (group.length === 0) continue;
        const mean = (f: (s: ScoredMilestone) => number) => group.reduce((sum, s) => sum + f(s), 0) / group.length;
        const q = (s: ScoredMilestone) => viewQuantiles(s, view, neverDay);
        rows.push({
          caravan,
          leadDays: bin.label,
          model,
          n: group.length,
          p50AbsErrorDays: round(mean((s) => Math.abs(q(s).p50Day - s.observedDay)), 2),
          coverage: round(mean((s) => (q(s).p10Day <= s.observedDay && s.observedDay <= q(s).p90Day ? 1 : 0)), 3),
          intervalScore: round(mean((s) => intervalScore(q(s).p10Day, q(s).p90Day, s.observedDay, alpha)), 2),
          meanProbability: round(mean((s) => s.probability), 3),
          brierScore: round(mean((s) => (1 - s.probability) ** 2), 4),
          noDate: group.filter((s) => s.published === null).length,
        });
      }
    }
  }
  return rows;
}

export const RELIABILITY_EDGES = [0, 0.5, 0.8, 0.9, 0.95, 1] as const;

/** Brier score of a set of events: mean (p − outcome)². */
export function brierScore(events: readonly Pick<ProbabilityEvent, 'probability' | 'happened'>[]): number {
  if (events.length === 0) return NaN;
  return events.reduce((sum, e) => sum + (e.probability - (e.happened ? 1 : 0)) ** 2, 0) / events.length;
}

/**
 * Reliability: the events binned by the probability given, each bin's mean probability beside the
 * share that happened (a reliable forecast has them equal).
 * @example reliability([{ model: 'forecast', probability: 0.9, happened: true, … }, …]) // [{ from: 0.9, to: 0.95, n: 1, meanProbability: 0.9, observedShare: 1 }, …]
 */
export function reliability(events: readonly ProbabilityEvent[]): ReliabilityBin[] {
  const bins: ReliabilityBin[] = [];
  for (const model of BACKTEST_MODELS) {
    for (let b = 0; b < RELIABILITY_EDGES.length - 1; b++) {
      const from = RELIABILITY_EDGES[b]!;
      const to = RELIABILITY_EDGES[b + 1]!;
      const last = b === RELIABILITY_EDGES.length - 2;
      const inBin = events.filter((e) => e.model === model && e.probability >= from && (e.probability < to || (last && e.probability <= to)));
      if (inBin.length === 0) continue;
      const mean = (f: (e: ProbabilityEvent) => number) => inBin.reduce((sum, e) => sum + f(e), 0) / inBin.length;
      bins.push({ model, from, to, n: inBin.length, meanProbability: round(mean((e) => e.probability), 3), observedShare: round(mean((e) => (e.happened ? 1 : 0)), 3) });
    }
  }
  return bins;
}
