/**
 * Calibration: maximum a posteriori parameters for a set of past caravans. The objective is the sum
 * over caravans of the particle filter's log-likelihood of their sightings (each sighting predicted
 * from the ones before it, filter.ts) plus weak normal log-priors on each parameter's search scale.
 * It is searched by a cyclic coordinate search: each sweep tries every parameter at ±1 and ±2 steps
 * from the current point and keeps the best; a parameter's step (first its prior sd) halves after a
 * sweep in which no move of it helped. The filter uses the
 * same seed for every evaluation (common random numbers), so the search is deterministic and two
 * parameter sets are compared on the same draws.
 */
import { crossingNode } from './backtest-course';
import { buildCourse, courseRoute, waypointNode, type Course } from './course';
import { runFilter } from './filter';
import type { ForecastWorld } from './forecast';
import { fromSearchScale, toSearchScale, type ForecastParameters, type ParameterSpec } from './parameters';
import { caravanReports, type PastCaravan } from './past-caravan';
import { placeReports, type PlacedReport } from './reports';

export interface CalibrationCase {
  caravan: PastCaravan;
  course: Course;
  reports: PlacedReport[];
  days: number;
}

/** A past caravan ready for the likelihood: its course through every place it was seen, its sightings on it. */
export function calibrationCase(world: ForecastWorld, caravan: PastCaravan): CalibrationCase {
  const reports = caravanReports(caravan);
  const waypoints = reports.filter((r) => r.group === 'main' && r.headcount !== 0).map((r) => waypointNode(world.network, r, world.structure.route.reportSnapKm)).filter((id): id is string => id !== null);
  const route = courseRoute(world.network, caravan.start.nodeId, waypoints, crossingNode(world, caravan.destination), world.structure);
  const policy = world.policies.get(caravan.policy)!;
  const placed = placeReports(route, caravan.start.date, reports);
  return { caravan, course: buildCourse(route, world.structure, policy), reports: placed, days: placed[placed.length - 1]!.day + 1 };
}

/** Log-likelihood of the cases' sightings under `params`. */
export function casesLogLikelihood(world: ForecastWorld, cases: readonly CalibrationCase[], params: ForecastParameters, particles: number, seed: number): number {
  let total = 0;
  for (const c of cases) {
    total += runFilter({ course: c.course, structure: world.structure, params, policy: c.caravan.policy, startHeadcount: c.caravan.start.headcount, reports: c.reports, runs: particles, seed, days: c.days, keepHistory: false }).logLikelihood;
  }
  return total;
}

/** Sum of normal log-densities (without constants) of each parameter around its initial value, on its search scale. */
export function logPrior(specs: readonly ParameterSpec[], params: ForecastParameters): number {
  let total = 0;
  for (const spec of specs) {
    const z = (toSearchScale(spec, params[spec.name]) - toSearchScale(spec, spec.initial)) / spec.priorSd;
    total -= 0.5 * z * z;
  }
  return total;
}

export interface FitOptions {
  /** Values of the parameters that `specs` leaves out (a fit of some parameters only). */
  base?: ForecastParameters;
  particles: number;
  seed: number;
  sweeps: number;
  /** Called after each sweep (progress for the script). */
  onSweep?: (sweep: number, logPosterior: number) => void;
}

export interface FitResult {
  parameters: ForecastParameters;
  logLikelihood: number;
  logPrior: number;
  evaluations: number;
}

const STEP_MULTIPLES = [-2, -1, 1, 2];

/**
 * The method in a paragraph, as data/forecast-parameters.json records it.
 * @example calibrationMethod({ particles: 500, seed: 1, sweeps: 4 }) // 'Maximum a posteriori: …'
 */
export function calibrationMethod(settings: { particles: number; seed: number; sweeps: number }): string {
  return (
    `Maximum a posteriori: the particle filter's log-likelihood of each caravan's dated sightings (each predicted from the ones before it, ` +
    `the chance of not having ended since the previous sighting counted exactly and the headcount by a Kalman filter in log; ` +
    `${settings.particles} runs, seed ${settings.seed}) summed over the caravans of the fit, plus normal log-priors on each parameter's search scale ` +
    `(data/forecast-model.json), maximised by a cyclic coordinate search (${settings.sweeps} sweeps; each tries every parameter at ±1 and ±2 steps ` +
    `from the current point, a step starting at the prior sd and halving after a sweep in which it found nothing better; the same random numbers ` +
    `for every evaluation). Values rounded to 4 significant digits; the likelihoods are of the rounded values.`
  );
}

/**
 * The MAP parameters for the cases, from the specs' initial values.
 * @example fitParameters(world, cases, specs, { particles: 400, seed: 1, sweeps: 4 }).parameters.walkKmPerDay // ≈ 35
 */
export function fitParameters(world: ForecastWorld, cases: readonly CalibrationCase[], specs: readonly ParameterSpec[], options: FitOptions): FitResult {
  const x = specs.map((spec) => toSearchScale(spec, spec.initial));
  const params = (values: readonly number[]) => ({ ...options.base, ...Object.fromEntries(specs.map((spec, i) => [spec.name, fromSearchScale(spec, values[i]!)])) }) as ForecastParameters;
  let evaluations = 0;
  const objective = (values: readonly number[]) => {
    evaluations++;
    const p = params(values);
    return casesLogLikelihood(world, cases, p, options.particles, options.seed) + logPrior(specs, p);
  };
  let best = objective(x);
  const steps = specs.map((spec) => spec.priorSd);
  for (let sweep = 1; sweep <= options.sweeps; sweep++) {
    for (let j = 0; j < specs.length; j++) {
      const spec = specs[j]!;
      const current = fromSearchScale(spec, x[j]!);
      let bestX = x[j]!;
      const tried = new Set([current]);
      for (const multiple of STEP_MULTIPLES) {
        const candidate = x[j]! + multiple * steps[j]!;
        const value = fromSearchScale(spec, candidate);
        if (tried.has(value)) continue;
        tried.add(value);
        const trial = [...x];
        trial[j] = toSearchScale(spec, value);
        const score = objective(trial);
        if (score > best) {
          best = score;
          bestX = trial[j]!;
        }
      }
      if (bestX === x[j]) steps[j]! /= 2;
      x[j] = bestX;
    }
    options.onSweep?.(sweep, best);
  }
  const parameters = params(x);
  return { parameters, logLikelihood: casesLogLikelihood(world, cases, parameters, options.particles, options.seed), logPrior: logPrior(specs, parameters), evaluations };
}
