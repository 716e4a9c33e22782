/**
 * `npm run --silent sim -- [options]`: the same src/sim code path as the browser, for planners'
 * scripts, the tests and outside checks. Bad input: exit code 2, one line on stderr, nothing on stdout.
 */
import { existsSync } from 'node:fs';
import { loadForecastPresets } from '../data/forecast-presets';
import { loadPresets } from '../data/presets';
import { loadWorldFromDisk, readPresetFiles } from '../data/read-data-files';
import { loadForecastDataFromDisk } from '../data/read-forecast-files';
import { ForecastError } from '../sim/forecast/forecast';
import { arrivalRows, overnightPositions } from '../sim/arrival-table';
import { checkEnsembleWork, runPlanEnsemble } from '../sim/ensemble';
import { planScenario } from '../sim/plan';
import { simulatePlan } from '../sim/run-scenario';
import { FieldError } from '../sim/field-error';
import { parseScenario, ScenarioError, type Scenario } from '../sim/scenario';
import { validateTrajectory } from '../sim/validation';
import { backtestTable, backtestToJson, runBacktest, WALKER_PRESET } from './backtest-command';
import { runForecastCommand } from './forecast-command';
import { forecastTable, forecastToCsv, forecastToJson } from './forecast-format';
import { formatTable, toCsv, toJson, type Report } from './format';
import { HELP, optionForField, parseCliOptions, UsageError, type CliOptions } from './options';
import { createProgress } from './progress';
import { readScenarioFile } from './scenario-input';

/** Options only the forecast reads: refused with a scenario rather than silently ignored. */
const FORECAST_ONLY = [
  ['headcount', '--headcount'],
  ['policy', '--policy'],
  ['reports', '--reports'],
  ['asOf', '--as-of'],
  ['horizonDays', '--horizon-days'],
] as const;

function resolveScenario(options: CliOptions & { scenario: string }, presets: ReadonlyMap<string, Scenario>): Scenario {
  for (const [key, option] of FORECAST_ONLY) if (options[key] !== undefined) throw new UsageError(option, 'applies to forecasts, not to a scenario (drop --scenario, or use a forecast preset such as as-of-2018-10-25)');
  const preset = presets.get(options.scenario);
  let scenario: Scenario;
  if (preset) scenario = preset;
  else if (options.scenario.endsWith('.json') || existsSync(options.scenario)) scenario = readScenarioFile('--scenario', options.scenario);
  else {
    throw new UsageError('--scenario', `unknown preset "${options.scenario}" (presets: ${[...presets.keys()].join(', ')})`);
  }
  const overridden: Record<string, unknown> = structuredClone(scenario);
  const start = { ...scenario.start };
  if (options.startPlace !== undefined) start.place = options.startPlace;
  if (options.startDate !== undefined) start.date = options.startDate;
  overridden.start = start;
  if (options.walkKmPerDay !== undefined) overridden.modes = { ...scenario.modes, walk: { kmPerDay: options.walkKmPerDay } };
  if (options.destination !== undefined) {
    overridden.destination = options.destination;
    overridden.groups = scenario.groups.map(({ destination: _ignored, ...group }) => group);
    overridden.splits = [];
  }
  return parseScenario(overridden);
}

function run(argv: readonly string[]): string {
  const options = parseCliOptions(argv);
  if (options.help) return HELP;
  const loaded = loadWorldFromDisk();
  const { world } = loaded;
  const files = readPresetFiles();
  const presets = loadPresets(files);
  const forecastPresets = loadForecastPresets(files);
  if (options.command === 'backtest') {
    const report = runBacktest(loadForecastDataFromDisk(undefined, loaded), presets.get(WALKER_PRESET)!, { runs: options.runs ?? 400, seed: options.seed });
    return options.format === 'json' ? JSON.stringify(backtestToJson(report), null, 2) : backtestTable(report);
  }
  if (options.scenario === undefined || forecastPresets.has(options.scenario)) {
    const forecast = runForecastCommand(options, loadForecastDataFromDisk(undefined, loaded), forecastPresets);
    if (options.format === 'json') return JSON.stringify(forecastToJson(forecast, world), null, 2);
    if (options.format === 'csv') return forecastToCsv(forecast, world);
    return forecastTable(forecast, world);
  }
  const scenario = resolveScenario({ ...options, scenario: options.scenario }, presets);
  // Before any work: an ensemble beyond the work bound is refused at once.
  const tooMuch = options.runs === undefined ? null : checkEnsembleWork(scenario, options.runs);
  if (tooMuch) throw new UsageError('--runs', tooMuch.reason);
  const plan = planScenario(world, scenario);
  const trajectory = simulatePlan(plan);
  let ensemble = null;
  if (options.runs !== undefined) {
    const progress = createProgress({ total: options.runs, write: (text) => process.stderr.write(text), now: () => Date.now(), enabled: process.stderr.isTTY });
    ensemble = runPlanEnsemble(plan, options.runs, options.seed, (done) => progress.update(done));
    progress.finish();
  }
  const report: Report = {
    trajectory,
    rows: arrivalRows(trajectory, world, ensemble),
    positions: overnightPositions(trajectory),
    ensemble,
    validation: options.validate ? validateTrajectory(trajectory, world.observations) : null,
  };
  if (options.format === 'json') return JSON.stringify(toJson(report), null, 2);
  if (options.format === 'csv') return toCsv(report);
  return formatTable(report);
}

/** Which option sets a forecast request's field, so an error names what the user typed. */
const FORECAST_FIELD_OPTIONS: Record<string, string> = { destination: '--destination', asOf: '--as-of', policy: '--policy' };

function describeError(err: unknown): string | null {
  if (err instanceof ScenarioError) {
    const option = optionForField(err.field);
    return `error: ${option ?? `scenario field ${err.field}`}: ${err.reason}`;
  }
  if (err instanceof ForecastError) return `error: ${FORECAST_FIELD_OPTIONS[err.field] ?? err.field}: ${err.reason}`;
  if (err instanceof FieldError) return `error: ${err.message}`;
  return null;
}

/** One line, whatever the input echoed in it holds (a newline in an argument, a megabyte of it). */
function oneLine(text: string): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return flat.length > 500 ? `${flat.slice(0, 499)}…` : flat;
}

try {
  process.stdout.write(`${run(process.argv.slice(2))}\n`);
} catch (err) {
  const line = describeError(err);
  if (line === null) throw err;
  process.stderr.write(`${oneLine(line)}\n`);
  process.exitCode = 2;
}
