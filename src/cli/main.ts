/**
 * `npm run --silent sim -- [options]`: the same src/sim code path as the browser, for planners'
 * scripts, the tests and outside checks. Bad input: exit code 2, one line on stderr, nothing on stdout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DataFileError } from '../data/parse-data-file';
import { loadPresets, parseScenarioText } from '../data/presets';
import { loadWorldFromDisk, readPresetFiles } from '../data/read-data-files';
import { arrivalRows, overnightPositions } from '../sim/arrival-table';
import { runPlanEnsemble } from '../sim/ensemble';
import { planScenario } from '../sim/plan';
import { simulatePlan } from '../sim/run-scenario';
import { parseScenario, ScenarioError, type Scenario } from '../sim/scenario';
import { validateTrajectory } from '../sim/validation';
import { formatTable, toCsv, toJson, type Report } from './format';
import { HELP, optionForField, parseCliOptions, UsageError, type CliOptions } from './options';

function resolveScenario(options: CliOptions): Scenario {
  const presets = loadPresets(readPresetFiles());
  const preset = presets.get(options.scenario);
  let scenario: Scenario;
  if (preset) scenario = preset;
  else if (options.scenario.endsWith('.json') || existsSync(options.scenario)) {
    if (!existsSync(options.scenario)) throw new UsageError('--scenario', `no such file "${options.scenario}"`);
    scenario = parseScenarioText(options.scenario, readFileSync(options.scenario, 'utf8'));
  } else {
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
  const { world } = loadWorldFromDisk();
  const scenario = resolveScenario(options);
  const plan = planScenario(world, scenario);
  const trajectory = simulatePlan(plan);
  const ensemble = options.runs === undefined ? null : runPlanEnsemble(plan, options.runs, options.seed);
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

function describeError(err: unknown): string | null {
  if (err instanceof UsageError) return `error: ${err.option}: ${err.reason}`;
  if (err instanceof ScenarioError) {
    const option = optionForField(err.field);
    return `error: ${option ?? `scenario field ${err.field}`}: ${err.reason}`;
  }
  if (err instanceof DataFileError) return `error: ${err.message}`;
  return null;
}

try {
  process.stdout.write(`${run(process.argv.slice(2))}\n`);
} catch (err) {
  const line = describeError(err);
  if (line === null) throw err;
  process.stderr.write(`${line}\n`);
  process.exitCode = 2;
}
