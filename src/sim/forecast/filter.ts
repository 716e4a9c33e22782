/**
 * Conditioning on reports: a particle filter. The runs move day by day from the start; on a day
 * with reports each run is weighted by how well it matches them (position: a normal of sd
 * positionKmSd around the run's km, mixed with a small share of wrong reports; headcount: a
 * log-normal of sd headcountReportLogSd; an ended / not-ended report: 1 − endedMissShare if the run
 * agrees), the runs are resampled in proportion to their weights (systematic resampling), and the
 * main group is put where the report says it slept. After the last report the runs go on
 * unweighted. The product over report days of the mean weight is the likelihood of the reports
 * given the model, each report predicted from the ones before it: the calibration maximises it.
 */
import { createUniformStream } from '../rng';
import type { Course, ModelStructure } from './course';
import { DayModel, DRAWS_PER_DAY, drawDay, ENDED, Particles, REGIME } from './engine';
import { HeadcountCovariance } from './headcount';
import type { ForecastParameters } from './parameters';
import type { PlacedReport } from './reports';

export interface FilterSetup {
  course: Course;
  structure: ModelStructure;
  params: ForecastParameters;
  policy: 'let-pass' | 'contain';
  startHeadcount: number;
  /** Reports on the course, sorted by day; only those the forecast may read (dated as of or earlier). */
  reports: readonly PlacedReport[];
  runs: number;
  seed: number;
  /** Days simulated: 0 … days − 1. */
  days: number;
  /** Keep every run's daily state (forecast outputs); calibration needs only the likelihood. */
  keepHistory: boolean;
  /** Told after each day is done (0-based), for progress. */
  onDay?: (day: number) => void;
}

/** Every run's state at the end of each day, row per run: `km[run * days + day]`. */
export interface EnsembleHistory {
  runs: number;
  days: number;
  km: Float32Array;
  /** The vanguard's km, NaN while there is none. */
  vanKm: Float32Array;
  headcount: Float32Array;
  vanHeadcount: Float32Array;
  regime: Uint8Array;
  ended: Uint8Array;
}

export interface FilterResult {
  particles: Particles;
  history: EnsembleHistory | null;
  /** Log-likelihood of all reports (sum over report days of log mean weight). */
  logLikelihood: number;
  /** The day of the last report read (−1: none). */
  lastReportDay: number;
  /** Effective sample size after each report day (diagnostics). */
  effectiveRuns: { day: number; ess: number }[];
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 on erf; error under 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * Adds each run's log-likelihood of one report to `logAlive` (the run has not ended since the last
 * report) and `logDead` (it has). A main sighting: a normal about the run's km, mixed with a share
 * of wrong reports anywhere on the route. A lead sighting: the same about the vanguard (or the main
 * group while there is none), wider, and also mixed with a share of sightings of splinter groups
 * the model does not follow. A rear sighting: the main group is there or ahead (a normal tail
 * behind it). A headcount: the Kalman predictive density (headcount.ts), after which each run's
 * headcount mean is updated. A dissolved caravan explains a sighting only as a wrong report.
 */
function addReportLogWeights(s: Particles, report: PlacedReport, setup: FilterSetup, previousKm: number, headcount: HeadcountCovariance, logAlive: Float64Array, logDead: Float64Array): void {
  const { structure, course } = setup;
  const { outlierShare, endedMissShare, leadSplinterShare } = structure.reports;
  let sd = structure.reports.positionKmSd + structure.reports.positionSdPerKm * Math.abs(report.km - previousKm);
  if (report.group === 'lead') sd += structure.reports.leadKmSd;
  const anywhere = report.group === 'lead' ? outlierShare + leadSplinterShare : outlierShare;
  const inlier = (1 - anywhere) / (sd * Math.sqrt(2 * Math.PI));
  const uniform = anywhere / Math.max(1, course.totalKm);
  const logWrong = Math.log(outlierShare / Math.max(1, course.totalKm));
  const isMain = report.group === 'main';
  const logHeadReport = isMain && !report.ended && report.headcount !== null ? Math.log(report.headcount) : NaN;
  const endedYes = Math.log(1 - endedMissShare);
  const endedNo = Math.log(endedMissShare);
  for (let i = 0; i < s.size; i++) {
    if (s.ended[i] === ENDED.dissolved && !report.ended) {
      // Dissolved by an earlier report: only a wrong report explains a sighting.
      logAlive[i]! += report.group === 'rear' ? Math.log(outlierShare) : logWrong;
      logDead[i]! += report.group === 'rear' ? Math.log(outlierShare) : logWrong;
      continue;
    }
    let x = s.km[i]!;
    if (report.group === 'lead' && !Number.isNaN(s.vanKm[i]!)) x = s.vanKm[i]!;
    let position: number;
    if (report.group === 'rear') position = Math.log((1 - outlierShare) * normalCdf((x - report.km) / structure.reports.rearKmSd) + outlierShare);
    else {
      const z = (report.km - x) / sd;
      position = Math.log(inlier * Math.exp(-0.5 * z * z) + uniform);
    }
    if (report.ended) {
      logAlive[i]! += position + endedNo;
      logDead[i]! += position + endedYes;
      continue;
    }
    logAlive[i]! += position + (Number.isNaN(logHeadReport) ? 0 : headcount.logPredictive(s.logHead[i]!, logHeadReport));
    logDead[i]! += report.group === 'rear' ? Math.log(outlierShare) : logWrong;
  }
  if (!Number.isNaN(logHeadReport)) {
    const gain = headcount.gains();
    for (let i = 0; i < s.size; i++) {
      const innovation = logHeadReport - s.logHead[i]!;
      s.logHead[i]! += gain.level * innovation;
      s.headDrift[i]! += gain.drift * innovation;
    }
    headcount.update();
  }
}

/** log(exp(a) + exp(b)) without overflow. */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** Systematic resampling: parent indices proportional to the weights, from one uniform. */
export function systematicResample(weights: Float64Array, uniform: () => number, out: Int32Array): Int32Array {
  const n = weights.length;
  let total = 0;
  for (const w of weights) total += w;
  const step = total / n;
  let position = uniform() * step;
  let cumulative = weights[0]!;
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (position > cumulative && j < n - 1) cumulative += weights[++j]!;
    out[i] = j;
    position += step;
  }
  return out;
}

/** Puts the main group where a report says it slept (it has not ended, or has if the report says so). */
function placeAtReport(s: Particles, i: number, report: PlacedReport, setup: FilterSetup): void {
  const tolerance = setup.structure.arrivalToleranceKm;
  if (report.ended) {
    if (s.ended[i] === ENDED.no) s.ended[i] = ENDED.dissolved;
    s.regime[i] = REGIME.ended;
    return;
  }
  const y = Math.min(report.km, setup.course.totalKm);
  if (Math.abs(s.km[i]! - y) > tolerance) {
    // Hubs behind the report are passed; those at or ahead of it are still to be decided.
    const hubs = setup.course.hubs;
    let next = 0;
    while (next < hubs.length && hubs[next]!.km <= y - tolerance) next++;
    s.nextHub[i] = next;
  }
  s.km[i] = y;
  if (s.ended[i] !== ENDED.no && y < setup.course.totalKm - tolerance) {
    s.ended[i] = ENDED.no;
    s.regime[i] = REGIME.halted;
    s.haltLeft[i] = 0;
  } else if (y >= setup.course.totalKm) s.ended[i] = ENDED.arrived;
}

function gatherRows(array: Float32Array | Uint8Array, parents: Int32Array, days: number, filled: number): void {
  const copy = array.slice(0, parents.length * days);
  for (let i = 0; i < parents.length; i++) {
    const from = parents[i]! * days;
    if (parents[i] !== i) array.set(copy.subarray(from, from + filled), i * days);
  }
}

/**
 * Runs the ensemble through the reports and on to the last day. Same setup and seed, same result.
 * @example runFilter({ …setup, reports: [] }).history.km // unconditioned runs from the start
 */
export function runFilter(setup: FilterSetup): FilterResult {
  const { runs, days, reports } = setup;
  const uniform = createUniformStream(setup.seed);
  const model = new DayModel(setup.course, setup.params, setup.structure, setup.policy);
  const particles = new Particles(runs);
  model.start(particles, setup.startHeadcount, uniform);
  const headcount = new HeadcountCovariance({
    levelLogSd: setup.params.headcountLevelLogSd,
    driftSd: setup.params.headcountDriftSd,
    dailyLogSd: setup.structure.headcountDailyLogSd,
    reportLogSd: setup.params.headcountReportLogSd,
  });
  const history: EnsembleHistory | null = setup.keepHistory
    ? {
        runs,
        days,
        km: new Float32Array(runs * days),
        vanKm: new Float32Array(runs * days),
        headcount: new Float32Array(runs * days),
        vanHeadcount: new Float32Array(runs * days),
        regime: new Uint8Array(runs * days),
        ended: new Uint8Array(runs * days),
      }
    : null;
  const draws = new Float64Array(runs * DRAWS_PER_DAY);
  const logAlive = new Float64Array(runs);
  const logDead = new Float64Array(runs);
  const logWeights = new Float64Array(runs);
  const weights = new Float64Array(runs);
  const parents = new Int32Array(runs);
  let logLikelihood = 0;
  let lastReportDay = -1;
  const effectiveRuns: FilterResult['effectiveRuns'] = [];
  let next = 0;
  let previousMainKm = 0;
  while (next < reports.length && reports[next]!.day < 0) next++;
  // Conditioning lasts until the last report the ensemble's days hold; from the next day the runs are free.
  const inRange = reports.filter((r) => r.day >= 0 && r.day < days);
  const conditionUntil = inRange.length === 0 ? -1 : inRange[inRange.length - 1]!.day;
  if (conditionUntil < 0) model.drawHeadcounts(particles, headcount, uniform);

  for (let day = 0; day < days; day++) {
    const conditioning = day <= conditionUntil;
    model.step(particles, day, drawDay(uniform, runs, draws), conditioning);
    if (conditioning) headcount.predict();
    const todays: PlacedReport[] = [];
    while (next < reports.length && reports[next]!.day === day) todays.push(reports[next++]!);
    if (todays.length > 0) {
      logAlive.fill(0);
      logDead.fill(0);
      for (const report of todays) addReportLogWeights(particles, report, setup, previousMainKm, headcount, logAlive, logDead);
      // Each run: it has not ended since the last report (probability S) or it has (1 − S).
      let max = -Infinity;
      for (let i = 0; i < runs; i++) {
        const logS = particles.logSurvival[i]!;
        const logEnded = logS === 0 ? -Infinity : Math.log(-Math.expm1(logS));
        logWeights[i] = logAddExp(logS + logAlive[i]!, logEnded + logDead[i]!);
        if (logWeights[i]! > max) max = logWeights[i]!;
      }
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < runs; i++) {
        weights[i] = Math.exp(logWeights[i]! - max);
        sum += weights[i]!;
        sumSq += weights[i]! * weights[i]!;
      }
      logLikelihood += max + Math.log(sum / runs);
      effectiveRuns.push({ day, ess: (sum * sum) / sumSq });
      systematicResample(weights, uniform, parents);
      particles.gather(parents);
      particles.logSurvival.fill(0);
      if (history) {
        for (const array of [history.km, history.vanKm, history.headcount, history.vanHeadcount, history.regime, history.ended]) gatherRows(array, parents, days, day);
      }
      const main = todays.filter((r) => r.group === 'main');
      const last = main[main.length - 1];
      if (last) {
        for (let i = 0; i < runs; i++) placeAtReport(particles, i, last, setup);
        previousMainKm = last.km;
      }
      lastReportDay = day;
    }
    if (day === conditionUntil) model.drawHeadcounts(particles, headcount, uniform);
    if (history) {
      for (let i = 0; i < runs; i++) {
        const at = i * days + day;
        history.km[at] = particles.km[i]!;
        history.vanKm[at] = particles.vanKm[i]!;
        const dissolved = particles.ended[i] === ENDED.dissolved;
        history.headcount[at] = dissolved ? 0 : Math.exp(particles.logHead[i]!);
        history.vanHeadcount[at] = Math.exp(particles.vanLogHead[i]!);
        history.regime[at] = particles.regime[i]!;
        history.ended[at] = particles.ended[i]!;
      }
    }
    setup.onDay?.(day);
  }
  return { particles, history, logLikelihood, lastReportDay, effectiveRuns };
}
