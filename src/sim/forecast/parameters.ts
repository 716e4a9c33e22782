/**
 * The forecast model's parameters: one flat record of named numbers, shared by every caravan. Their
 * meaning, bounds and priors live in data/forecast-model.json; their fitted values in
 * data/forecast-parameters.json (written by `npm run calibrate`). Policy and place carry the
 * differences between caravans, never a per-caravan parameter.
 */

export const PARAMETER_NAMES = [
  // Speeds of a moving day (median km/day), their spread (sd of log km) and how a run's pace persists.
  'walkKmPerDay',
  'rideKmPerDay',
  'busKmPerDay',
  'trainKmPerDay',
  'speedLogSd',
  'speedAutocorrelation',
  // Mode of a moving day: log-odds against walking, by zone (south, centre, north).
  'rideLogitSouth',
  'rideLogitCentre',
  'rideLogitNorth',
  'busLogitSouth',
  'busLogitCentre',
  'busLogitNorth',
  'trainLogitNorth',
  'motorStickiness',
  'headcountMotorEffect',
  'containMotorOffset',
  'containWalkFactor',
  // Rest days and halts.
  'restLogit',
  'restLogitPerDay',
  'capitalHaltChance',
  'capitalHaltNights',
  'bigCityHaltChance',
  'bigCityHaltNights',
  'isthmusHaltChance',
  'isthmusHaltNights',
  'haltNightsLogSd',
  'containHaltHazard',
  'containHaltNights',
  // Endings other than arrival.
  'endHazardLetPass',
  'endHazardContainHalted',
  // Headcount.
  'headcountGrowthPerDay',
  'headcountPeakDay',
  'headcountDecayPerDay',
  'headcountDriftSd',
  'headcountLevelLogSd',
  'headcountReportLogSd',
  // The vanguard.
  'vanguardChance',
  'vanguardShare',
  'vanguardMotorBonus',
] as const;

export type ParameterName = (typeof PARAMETER_NAMES)[number];
export type ForecastParameters = Record<ParameterName, number>;

/** How a parameter is searched during calibration: on its log, its logit, or as it is. */
export type ParameterScale = 'log' | 'logit' | 'linear';

export interface ParameterSpec {
  name: ParameterName;
  meaning: string;
  unit: string;
  /** Starting value and centre of the prior. */
  initial: number;
  min: number;
  max: number;
  scale: ParameterScale;
  /** Sd of the normal prior on the search scale (log, logit or linear units). */
  priorSd: number;
}

/** The value on the search scale: `toSearchScale({ scale: 'log', … }, Math.E)` → 1. */
export function toSearchScale(spec: Pick<ParameterSpec, 'scale'>, value: number): number {
  if (spec.scale === 'log') return Math.log(value);
  if (spec.scale === 'logit') return Math.log(value / (1 - value));
  return value;
}

/** The natural value of a search-scale value, clamped to the spec's bounds. */
export function fromSearchScale(spec: Pick<ParameterSpec, 'scale' | 'min' | 'max'>, x: number): number {
  const value = spec.scale === 'log' ? Math.exp(x) : spec.scale === 'logit' ? 1 / (1 + Math.exp(-x)) : x;
  return Math.min(spec.max, Math.max(spec.min, value));
}

/** The parameters at the specs' initial values (the priors' centres). */
export function initialParameters(specs: readonly ParameterSpec[]): ForecastParameters {
  const params = {} as ForecastParameters;
  for (const spec of specs) params[spec.name] = spec.initial;
  return params;
}
