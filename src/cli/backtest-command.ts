/**
 * `sim -- backtest`: how good the forecasts are. Each past caravan is forecast with the parameters
 * fitted without it, from every second day of its track; each later milestone is scored by lead time
 * for the forecast and the two baselines (DESIGN.md, "Forecasts"; docs/FORECAST-MODEL.md).
 */
import { leaveOutFitId, type LoadedForecastData } from '../data/forecast-files';
import { backtestCaravan, backtestRows, type BacktestOptions, type BacktestRow, type ScoredMilestone } from '../sim/forecast/backtest';
import type { WalkerRules } from '../sim/forecast/baselines';
import type { Scenario } from '../sim/scenario';
import { alignedTable } from './format';
import { UsageError } from './options';

export const WALKER_PRESET = 'walker-2018-10-25';
export const BACKTEST_DEFAULTS = { runs: 400, seed: 1, horizonDays: 60, stepDays: 2, alpha: 0.2 } as const;

export interface BacktestReport {
  options: BacktestOptions;
  rows: BacktestRow[];
  scored: ScoredMilestone[];
}

/** The plain walker's rules, read from its preset. */
export function walkerRules(walker: Scenario): WalkerRules {
  return { walkKmPerDay: walker.modes.walk.kmPerDay, restEveryNDays: walker.rest.everyNDays, speedSpread: walker.uncertainty.speedSpread, extraRestChance: walker.uncertainty.extraRestChance };
}

export function runBacktest(data: LoadedForecastData, walker: Scenario, settings: { runs: number; seed: number }): BacktestReport {
  const options: BacktestOptions = { ...BACKTEST_DEFAULTS, ...settings, walker: walkerRules(walker) };
  const scored: ScoredMilestone[] = [];
  for (const caravan of data.caravans) {
    const fit = data.fits.get(leaveOutFitId(caravan.id));
    if (!fit) throw new UsageError('backtest', `no fit without ${caravan.id} in data/forecast-parameters.json (run npm run calibrate)`);
    scored.push(...backtestCaravan(data.world, caravan, fit.parameters, options));
  }
  return { options, rows: backtestRows(scored, data.caravans.map((c) => c.id), options.alpha), scored };
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
      nonArrivals: `runs (or a baseline) not at the milestone within ${options.horizonDays} days count as arriving the day after the horizon`,
    },
    rows: report.rows,
  };
}

export function backtestTable(report: BacktestReport): string {
  const { options, rows, scored } = report;
  const out: string[] = [];
  out.push('Backtest of the forecast: each past caravan forecast with parameters fitted without it,');
  out.push(`from every ${options.stepDays} days of its track (as-of dates); each later milestone (first night at a place) scored by lead time.`);
  out.push(`P50 |error| in days; coverage = share inside P10–P90; interval score (alpha ${options.alpha}) in days, lower is better. ${options.runs} runs, seed ${options.seed}.`);
  out.push('');
  const body: string[][] = [];
  let previous = '';
  for (const r of rows) {
    body.push([r.caravan === previous ? '' : r.caravan, r.leadDays, r.model, String(r.n), r.p50AbsErrorDays.toFixed(1), `${Math.round(r.coverage * 100)} %`, r.intervalScore.toFixed(1)]);
    previous = r.caravan;
  }
  out.push(alignedTable(['Caravan', 'Lead (d)', 'Model', 'n', 'P50 |err| (d)', 'P10–P90', 'Int. score'], body, new Set([3, 4, 5, 6])));
  const persistence = scored.filter((s) => s.model === 'persistence');
  const never = persistence.filter((s) => s.censored);
  const finite = persistence.filter((s) => !s.censored);
  const mean = (list: ScoredMilestone[]) => (list.length === 0 ? 0 : list.reduce((sum, s) => sum + Math.abs(s.p50Day - s.observedDay), 0) / list.length);
  out.push('');
  out.push(`Non-arrivals count as arriving the day after the ${options.horizonDays}-day horizon. Persistence never arrives in ${never.length} of ${persistence.length} cases (no progress over the last 3 days reported);`);
  out.push(`on the other ${finite.length} its mean P50 |error| is ${mean(finite).toFixed(1)} d (the forecast's on the same: ${mean(scored.filter((s) => s.model === 'forecast' && finite.some((p) => p.asOf === s.asOf && p.town === s.town && p.caravan === s.caravan))).toFixed(1)} d).`);
  return out.join('\n');
}
