/**
 * `sim -- backtest`: how good the forecasts are. Each past caravan is forecast with the parameters
 * fitted without it, from every second day of its track; each later milestone is scored by lead time
 * for the forecast and the two baselines (DESIGN.md, "Forecasts"; docs/FORECAST-MODEL.md).
 */
import { leaveOutFitId, type LoadedForecastData } from '../data/forecast-files';
import {
  BACKTEST_MODELS,
  backtestCaravan,
  backtestRows,
  brierScore,
  reliability,
  type BacktestOptions,
  type BacktestRow,
  type ProbabilityEvent,
  type ReliabilityBin,
  type ScoredMilestone,
} from '../sim/forecast/backtest';
import type { WalkerRules } from '../sim/forecast/baselines';
import type { Scenario } from '../sim/scenario';
import { alignedTable } from './format';
import { UsageError } from './options';

export const WALKER_PRESET = 'walker-2018-10-25';
export const BACKTEST_DEFAULTS = { runs: 400, seed: 1, horizonDays: 60, stepDays: 2, alpha: 0.2 } as const;

export interface ProbabilitySummary {
  model: (typeof BACKTEST_MODELS)[number];
  events: number;
  happened: number;
  brierScore: number;
  /** The same over the destination questions only (reached the destination crossing within the horizon?). */
  destinationEvents: number;
  destinationHappened: number;
  destinationBrierScore: number | null;
}

export interface BacktestReport {
  options: BacktestOptions;
  /** The published view: dates over the runs that arrive, with the probability of arriving. */
  rows: BacktestRow[];
  /** The second view: quantiles over all runs, non-arrivals the day after the horizon. */
  allRunsRows: BacktestRow[];
  scored: ScoredMilestone[];
  events: ProbabilityEvent[];
  probability: ProbabilitySummary[];
  reliability: ReliabilityBin[];
}

/** The plain walker's rules, read from its preset. */
export function walkerRules(walker: Scenario): WalkerRules {
  return { walkKmPerDay: walker.modes.walk.kmPerDay, restEveryNDays: walker.rest.everyNDays, speedSpread: walker.uncertainty.speedSpread, extraRestChance: walker.uncertainty.extraRestChance };
}

function probabilitySummary(events: readonly ProbabilityEvent[]): ProbabilitySummary[] {
  return BACKTEST_MODELS.map((model) => {
    const mine = events.filter((e) => e.model === model);
    const destinations = mine.filter((e) => e.isDestination);
    const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
    return {
      model,
      events: mine.length,
      happened: mine.filter((e) => e.happened).length,
      brierScore: round4(brierScore(mine)),
      destinationEvents: destinations.length,
      destinationHappened: destinations.filter((e) => e.happened).length,
      destinationBrierScore: destinations.length === 0 ? null : round4(brierScore(destinations)),
    };
  });
}

export function runBacktest(data: LoadedForecastData, walker: Scenario, settings: { runs: number; seed: number }): BacktestReport {
  const options: BacktestOptions = { ...BACKTEST_DEFAULTS, ...settings, walker: walkerRules(walker) };
  const scored: ScoredMilestone[] = [];
  const events: ProbabilityEvent[] = [];
  for (const caravan of data.caravans) {
    const fit = data.fits.get(leaveOutFitId(caravan.id));
    if (!fit) throw new UsageError('backtest', `no fit without ${caravan.id} in data/forecast-parameters.json (run npm run calibrate)`);
    const result = backtestCaravan(data.world, caravan, fit.parameters, options);
    scored.push(...result.milestones);
    events.push(...result.events);
  }
  const ids = data.caravans.map((c) => c.id);
  return {
    options,
    rows: backtestRows(scored, ids, options.alpha, 'published', options.horizonDays),
    allRunsRows: backtestRows(scored, ids, options.alpha, 'all-runs', options.horizonDays),
    scored,
    events,
    probability: probabilitySummary(events),
    reliability: reliability(events),
  };
}

export function backtestToJson(report: BacktestReport): object {
  const { options } = report;
  return {
    method: {
      asOfEveryDays: options.stepDays,
      horizonDays: options.horizonDays,
      runs: options.runs,
      seed: options.seed,
      intervalScoreAlpha: options.alpha,
      rows: `what a planner is shown: P10/P50/P90 over the runs that arrive within ${options.horizonDays} days, and the probability of arriving (meanProbability, brierScore); a forecast with no date (no run arrives) is scored at the day after the horizon`,
      allRunsRows: `quantiles over all runs, a run (or a baseline) not at the milestone within ${options.horizonDays} days counted as arriving the day after the horizon`,
      probability: 'Brier score of "the main group reaches this place within the horizon": every scored milestone (it happened) and the destination crossing on each as-of date when its outcome is known',
    },
    rows: report.rows,
    allRunsRows: report.allRunsRows,
    probability: report.probability,
    reliability: report.reliability,
  };
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

function rowsTable(rows: readonly BacktestRow[], withProbability: boolean): string {
  const body: string[][] = [];
  let previous = '';
  for (const r of rows) {
    const cells = [r.caravan === previous ? '' : r.caravan, r.leadDays, r.model, String(r.n), r.p50AbsErrorDays.toFixed(1), percent(r.coverage), r.intervalScore.toFixed(1)];
    if (withProbability) cells.push(percent(r.meanProbability), r.brierScore.toFixed(3));
    body.push(cells);
    previous = r.caravan;
  }
  const header = ['Caravan', 'Lead (d)', 'Model', 'n', 'P50 |err| (d)', 'P10–P90', 'Int. score'];
  if (withProbability) header.push('P(arrive)', 'Brier');
  return alignedTable(header, body, new Set([3, 4, 5, 6, 7, 8]));
}

export function backtestTable(report: BacktestReport): string {
  const { options, rows, scored } = report;
  const horizon = options.horizonDays;
  const out: string[] = [];
  out.push('Backtest of the forecast: each past caravan forecast with parameters fitted without it,');
  out.push(`from every ${options.stepDays} days of its track (as-of dates); each later milestone (first night at a place) scored by lead time.`);
  out.push(`${options.runs} runs, seed ${options.seed}, horizon ${horizon} days. P50 |error| in days; P10–P90 = share of milestones inside the interval;`);
  out.push(`interval score (alpha ${options.alpha}) in days, lower is better; P(arrive) = mean probability given to reaching the milestone within the horizon (it did); Brier = mean (1 − P)².`);
  out.push('');
  out.push(`As published (dates over the runs that arrive within ${horizon} days, beside the probability of arriving):`);
  out.push(rowsTable(rows, true));
  const noDate = (model: string) => scored.filter((s) => s.model === model && s.published === null).length;
  const total = (model: string) => scored.filter((s) => s.model === model).length;
  out.push('');
  out.push(`No date published (no run arrives within the horizon; scored as the day after it): forecast ${noDate('forecast')}, persistence ${noDate('persistence')}, walker ${noDate('walker')} of ${total('forecast')} each.`);
  out.push('');
  out.push(`Will it arrive within ${horizon} days? Brier score over every milestone (it happened) and the destination on each as-of date when known:`);
  out.push(
    alignedTable(
      ['Model', 'Questions', 'Happened', 'Brier', 'Destination', 'Happened', 'Brier'],
      report.probability.map((p) => [p.model, String(p.events), String(p.happened), p.brierScore.toFixed(3), String(p.destinationEvents), String(p.destinationHappened), p.destinationBrierScore === null ? '—' : p.destinationBrierScore.toFixed(3)]),
      new Set([1, 2, 3, 4, 5, 6]),
    ),
  );
  out.push('');
  out.push('Reliability (the questions binned by the probability given; a reliable forecast happens as often as it says):');
  out.push(
    alignedTable(
      ['Model', 'P given', 'n', 'Mean P', 'Happened'],
      report.reliability.map((b) => [b.model, `${Math.round(b.from * 100)}–${Math.round(b.to * 100)} %`, String(b.n), percent(b.meanProbability), percent(b.observedShare)]),
      new Set([2, 3, 4]),
    ),
  );
  out.push('');
  out.push(`Second view, over all runs (a run that never arrives counts as arriving the day after the ${horizon}-day horizon):`);
  out.push(rowsTable(report.allRunsRows, false));
  return out.join('\n');
}
