/**
 * The CLI's options (DESIGN.md, "CLI"): parsed and checked before anything runs, so bad input
 * ends with one line naming the option and nothing on stdout.
 */
import { parseArgs } from 'node:util';
import { MAX_ENSEMBLE_GROUP_DAYS, MAX_ENSEMBLE_RUNS } from '../sim/ensemble';
import { MAX_FORECAST_RUN_DAYS } from '../sim/forecast/forecast';
import { FieldError } from '../sim/field-error';
import { formatNumber } from '../sim/plain-issues';
import { MAX_SCENARIO_DATE, MIN_SCENARIO_DATE } from '../sim/scenario-limits';
import { isIsoDate } from '../sim/time';

/** A date option: a calendar date the model's calendar covers. */
export function checkDateOption(option: string, text: string): string {
  if (!isIsoDate(text)) throw new UsageError(option, 'expected a date as YYYY-MM-DD');
  if (text < MIN_SCENARIO_DATE || text > MAX_SCENARIO_DATE) throw new UsageError(option, `must be between ${MIN_SCENARIO_DATE} and ${MAX_SCENARIO_DATE}, the years the model's calendar covers`);
  return text;
}

/** A bad option (or a file an option names): `field` is the option as typed, e.g. `--runs`. */
export class UsageError extends FieldError {
  get option(): string {
    return this.field;
  }
}

export type OutputFormat = 'table' | 'json' | 'csv';

export interface CliOptions {
  /** `backtest` prints the forecast's backtest table instead of running anything. */
  command: 'run' | 'backtest';
  /** A preset id or file; unset: the forecast (the default preset, or a new caravan). */
  scenario?: string;
  startPlace?: string;
  startDate?: string;
  walkKmPerDay?: number;
  destination?: string;
  runs?: number;
  seed: number;
  /** Whether --seed was given (forecast presets have their own default). */
  seedGiven: boolean;
  validate: boolean;
  format: OutputFormat;
  help: boolean;
  headcount?: number;
  policy?: 'let-pass' | 'contain';
  reports?: string;
  asOf?: string;
  horizonDays?: number;
}

export const HELP = `Usage: npm run --silent sim -- [options]
       npm run --silent sim -- backtest [--format table|json] [--runs N] [--seed S]

Without --scenario: the calibrated forecast (the preset as-of-2018-10-25, or a new caravan when
--start-place, --start-date or --reports is given).
  --start-place <id|name>     where the caravan sets off (a place of the network)
  --start-date YYYY-MM-DD     the local date it sets off
  --headcount N               people at the start
  --policy let-pass|contain   what the authorities do (default: the policy in force on the start date)
  --reports FILE.csv          sightings: date,place,lat,lon,headcount,group,source
  --as-of YYYY-MM-DD          use only the reports dated then or earlier (default: the last report)
  --destination <crossing id|place id|nearest|all>
  --runs N --seed S           ensemble size (default 1,000) and seed; runs × courses × days at most
                              ${formatNumber(MAX_FORECAST_RUN_DAYS)} (progress on stderr when it is a terminal, after a second)
  --horizon-days N            how far ahead to forecast (default 90)
  --format table|json|csv     output (default: table)

With --scenario <id|path.json> (a scenario preset of data/scenarios, or a scenario file):
  --start-place <id|name>, --start-date YYYY-MM-DD
  --walk-km-per-day N         km a day on foot (positive)
  --destination <crossing id|nearest|all>
  --runs N --seed S           an ensemble of N perturbed runs (P10/P50/P90), seeded; N from 1 to ${formatNumber(MAX_ENSEMBLE_RUNS)},
                              runs × groups × days at most ${formatNumber(MAX_ENSEMBLE_GROUP_DAYS)}
                              (progress on stderr when it is a terminal and the runs take over a second)
  --validate                  compare with the observed 2018 track
  --format table|json|csv     output (default: table)
  --help`;

function positiveNumber(option: string, text: string): number {
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text)) throw new UsageError(option, `expected a number, got "${text}"`);
  const value = Number(text);
  if (!(value > 0)) throw new UsageError(option, `must be a positive number, got ${text}`);
  return value;
}

function integer(option: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(option, `expected a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new UsageError(option, `must be between ${formatNumber(min)} and ${formatNumber(max)}, got ${text}`);
  return value;
}

const VALUE_OPTIONS = new Set(['--scenario', '--start-place', '--start-date', '--walk-km-per-day', '--destination', '--runs', '--seed', '--format', '--headcount', '--policy', '--reports', '--as-of', '--horizon-days']);

/** `--walk-km-per-day -3` → `--walk-km-per-day=-3`, so a negative number reaches the check that names the problem. */
function attachNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (VALUE_OPTIONS.has(arg) && next !== undefined && /^-\d|^-\.\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: attachNegativeValues(argv),
      strict: true,
      allowPositionals: true,
      options: {
        scenario: { type: 'string' },
        'start-place': { type: 'string' },
        'start-date': { type: 'string' },
        'walk-km-per-day': { type: 'string' },
        destination: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        validate: { type: 'boolean' },
        format: { type: 'string' },
        headcount: { type: 'string' },
        policy: { type: 'string' },
        reports: { type: 'string' },
        'as-of': { type: 'string' },
        'horizon-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw argumentError(err as Error & { code?: string });
  }
  const v = parsed.values;
  const [command, ...extra] = parsed.positionals;
  const stray = command !== undefined && command !== 'backtest' ? command : extra[0];
  if (stray !== undefined) throw new UsageError('arguments', `unexpected ${JSON.stringify(stray.slice(0, 60))} (the one command is backtest; options start with --; see --help)`);
  const format = v.format ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'csv') throw new UsageError('--format', `expected table, json or csv, got "${format}"`);
  if (command === 'backtest' && format === 'csv') throw new UsageError('--format', 'the backtest prints table or json');
  const options: CliOptions = {
    command: command === 'backtest' ? 'backtest' : 'run',
    seed: v.seed === undefined ? 1 : integer('--seed', v.seed, -(2 ** 31), 2 ** 31 - 1),
    seedGiven: v.seed !== undefined,
    validate: v.validate ?? false,
    format,
    help: v.help ?? false,
  };
  if (v.scenario !== undefined) options.scenario = v.scenario;
  if (v.headcount !== undefined) options.headcount = integer('--headcount', v.headcount, 1, 1_000_000);
  if (v.policy !== undefined) {
    if (v.policy !== 'let-pass' && v.policy !== 'contain') throw new UsageError('--policy', `expected let-pass or contain, got "${v.policy}"`);
    options.policy = v.policy;
  }
  if (v.reports !== undefined) options.reports = v.reports;
  if (v['as-of'] !== undefined) {
    options.asOf = checkDateOption('--as-of', v['as-of']);
  }
  if (v['horizon-days'] !== undefined) options.horizonDays = integer('--horizon-days', v['horizon-days'], 1, 365);
  if (v['start-place'] !== undefined) options.startPlace = v['start-place'];
  if (v['start-date'] !== undefined) options.startDate = v['start-date'];
  if (v['walk-km-per-day'] !== undefined) options.walkKmPerDay = positiveNumber('--walk-km-per-day', v['walk-km-per-day']);
  if (v.destination !== undefined) options.destination = v.destination;
  if (v.runs !== undefined) options.runs = integer('--runs', v.runs, 1, MAX_ENSEMBLE_RUNS);
  return options;
}

/** node:util parseArgs' several-line messages, as one line naming the option. */
function argumentError(err: Error & { code?: string }): UsageError {
  const option = /'(--?[\w-]+)/.exec(err.message)?.[1] ?? 'arguments';
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "argument missing" (nothing follows) and "argument is ambiguous" (`--runs --validate`) alike.
    return new UsageError(option, /does not take an argument/.test(err.message) ? 'takes no value' : 'needs a value');
  }
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(option, 'unknown option (see --help)');
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /argument '(.*)'\. This command/s.exec(err.message)?.[1] ?? '';
    return new UsageError('arguments', `unexpected ${JSON.stringify(argument.slice(0, 60))} (options start with --; see --help)`);
  }
  return new UsageError(option, err.message.split('\n')[0]!);
}

/** Which CLI option sets a scenario field, so a scenario error can name what the user typed. */
export function optionForField(field: string): string | undefined {
  if (field.startsWith('start.place')) return '--start-place';
  if (field.startsWith('start.date')) return '--start-date';
  if (field.startsWith('modes.walk')) return '--walk-km-per-day';
  if (field.startsWith('destination') || /^groups\[\d+\]\.destination/.test(field)) return '--destination';
  return undefined;
}
