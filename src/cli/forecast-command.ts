/**
 * The forecast from the command line: a forecast preset (as-of-2018-10-25 by default) or a new
 * caravan (--start-place, --start-date, --reports), with the options overriding the preset's.
 */
import { ALL_CARAVANS_FIT, type LoadedForecastData } from '../data/forecast-files';
import { forecastRequestFromPreset, type ForecastPreset } from '../data/forecast-presets';
import { MAX_REPORTS_CSV_CHARS, parseReportsCsv, ReportsCsvError } from '../data/reports-csv';
import { checkForecastWork, forecastCaravan, forecastWork, type CaravanForecast, type ForecastRequest, type PolicyId } from '../sim/forecast/forecast';
import type { Report } from '../sim/forecast/reports';
import { findNode, nearestNode } from '../sim/network';
import { formatNumber } from '../sim/plain-issues';
import type { CliOptions } from './options';
import { checkDateOption, UsageError } from './options';
import { createProgress } from './progress';
import { readInputFile } from './read-input-file';

export const DEFAULT_FORECAST_PRESET = 'as-of-2018-10-25';
const NEW_CARAVAN_RUNS = 1000;
const NEW_CARAVAN_HORIZON_DAYS = 90;

export interface ForecastRun {
  forecast: CaravanForecast;
  /** What is forecast, for the heading. */
  title: string;
  presetId: string | null;
  fitId: string;
  headcountIsDefault: boolean;
}

function readReports(path: string, data: LoadedForecastData): Report[] {
  const text = readInputFile('--reports', path, { maxBytes: MAX_REPORTS_CSV_CHARS });
  try {
    return parseReportsCsv(text, data.world.network);
  } catch (err) {
    if (err instanceof ReportsCsvError) throw new UsageError('--reports', `${path} line ${err.line}, column ${err.column}: ${err.reason}`);
    throw err;
  }
}

/** The policy a caravan meets by default: the one in force on its start date (data/policies.json). */
function policyOn(date: string, data: LoadedForecastData): PolicyId {
  const contain = data.policies.find((p) => p.id === 'contain');
  return contain?.defaultFrom !== undefined && date >= contain.defaultFrom ? 'contain' : 'let-pass';
}

/** The median start headcount of the calibration caravans: the default when none is given. */
function typicalHeadcount(data: LoadedForecastData): number {
  const counts = data.caravans.map((c) => c.start.headcount).sort((a, b) => a - b);
  const mid = counts.length >> 1;
  return counts.length % 2 ? counts[mid]! : Math.round((counts[mid - 1]! + counts[mid]!) / 2);
}

function newCaravanRequest(options: CliOptions, data: LoadedForecastData): { request: ForecastRequest; headcountIsDefault: boolean } {
  if (options.startDate !== undefined) checkDateOption('--start-date', options.startDate);
  const reports = options.reports !== undefined ? readReports(options.reports, data) : [];
  const byDate = [...reports].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let startNodeId: string;
  if (options.startPlace !== undefined) {
    const node = findNode(data.world.network, options.startPlace);
    if (!node) throw new UsageError('--start-place', `unknown place "${options.startPlace}"`);
    startNodeId = node.id;
  } else if (byDate[0]) startNodeId = byDate[0].nodeId ?? nearestNode(data.world.network, byDate[0].lonLat).id;
  else throw new UsageError('--start-place', 'needed for a new caravan (or give --reports: the first report is then the start)');
  const startDate = options.startDate ?? byDate[0]?.date;
  if (startDate === undefined) throw new UsageError('--start-date', 'needed for a new caravan (or give --reports: the first report is then the start)');
  const early = byDate.find((r) => r.date < startDate);
  if (early) throw new UsageError('--reports', `a report of ${early.date} is before the start date ${startDate}`);
  const fit = data.fits.get(ALL_CARAVANS_FIT);
  if (!fit) throw new UsageError('--scenario', 'no calibrated parameters (run npm run calibrate)');
  const headcount = options.headcount ?? byDate.find((r) => r.group === 'main' && r.headcount !== null && r.headcount > 0)?.headcount ?? null;
  const lastDate = byDate.at(-1)?.date;
  return {
    request: {
      caravan: { startNodeId, startDate, headcount: headcount ?? typicalHeadcount(data), policy: options.policy ?? policyOn(startDate, data) },
      reports,
      asOf: options.asOf ?? (lastDate !== undefined && lastDate > startDate ? lastDate : startDate),
      destination: options.destination ?? 'all',
      runs: options.runs ?? NEW_CARAVAN_RUNS,
      seed: options.seed,
      horizonDays: options.horizonDays ?? NEW_CARAVAN_HORIZON_DAYS,
      params: fit.parameters,
    },
    headcountIsDefault: headcount === null,
  };
}

/** Runs the forecast the options ask for. */
export function runForecastCommand(options: CliOptions, data: LoadedForecastData, presets: ReadonlyMap<string, ForecastPreset>): ForecastRun {
  const isNew = options.scenario === undefined && (options.startPlace !== undefined || options.startDate !== undefined || options.reports !== undefined);
  if (options.walkKmPerDay !== undefined) throw new UsageError('--walk-km-per-day', 'applies to scenarios (--scenario); the forecast model has calibrated speeds');
  if (options.validate) throw new UsageError('--validate', 'applies to scenarios (--scenario); for the forecast, see the backtest (sim -- backtest)');
  if (isNew) {
    const { request, headcountIsDefault } = newCaravanRequest(options, data);
    const start = data.world.network.nodes.get(request.caravan.startNodeId)!;
    return { forecast: run(data, request), title: `A caravan from ${start.name} on ${request.caravan.startDate}`, presetId: null, fitId: ALL_CARAVANS_FIT, headcountIsDefault };
  }
  const id = options.scenario ?? DEFAULT_FORECAST_PRESET;
  const preset = presets.get(id);
  if (!preset) throw new UsageError('--scenario', `unknown forecast preset "${id}"`);
  const base = forecastRequestFromPreset(preset, data);
  const request: ForecastRequest = {
    ...base,
    caravan: { ...base.caravan, ...(options.headcount !== undefined ? { headcount: options.headcount } : {}), ...(options.policy !== undefined ? { policy: options.policy } : {}) },
    ...(options.reports !== undefined ? { reports: readReports(options.reports, data) } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.destination !== undefined ? { destination: options.destination } : {}),
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    ...(options.seedGiven ? { seed: options.seed } : {}),
    ...(options.horizonDays !== undefined ? { horizonDays: options.horizonDays } : {}),
  };
  if (options.startPlace !== undefined || options.startDate !== undefined) throw new UsageError(options.startPlace !== undefined ? '--start-place' : '--start-date', `a forecast preset has its caravan's start; drop --scenario to forecast a new caravan`);
  return { forecast: run(data, request), title: base.caravanName, presetId: preset.id, fitId: preset.fit, headcountIsDefault: false };
}

/** Runs a forecast after checking its work (the same kind of bound as a scenario's --runs), with progress on stderr. */
function run(data: LoadedForecastData, request: ForecastRequest): CaravanForecast {
  const tooMuch = checkForecastWork(data.world, request);
  if (tooMuch) throw new UsageError('--runs', tooMuch.reason);
  const { runDays } = forecastWork(data.world, request);
  const progress = createProgress({
    total: runDays,
    write: (text) => process.stderr.write(text),
    now: () => Date.now(),
    enabled: process.stderr.isTTY,
    describe: (done, total) => `Forecasting ${formatNumber(request.runs)} runs: ${Math.floor((100 * done) / total)} %…`,
  });
  const forecast = forecastCaravan(data.world, request, (done) => progress.update(done));
  progress.finish();
  return forecast;
}
