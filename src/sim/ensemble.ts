/**
 * Ensembles: N seeded runs of one plan, each with its own random streams (daily speed, rest days,
 * ride availability), summarised as P10/P50/P90 arrival per crossing and group, the chance the
 * caravan reaches each crossing before the troops of its sector are in position, bands of likely
 * positions along each route over time, and how often the observed 2018 nights fall in the P10–P90
 * range. Runs are added in chunks so a worker can report progress and stop between chunks.
 */
import { FieldError } from './field-error';
import { planScenario, type ScenarioPlan } from './plan';
import { formatNumber } from './plain-issues';
import { quantiles } from './quantiles';
import { createRng } from './rng';
import { simulatePlan, type RngFactory } from './run-scenario';
import { kmAt } from './sample';
import type { Scenario } from './scenario';
import { daysBetween, dateInZone } from './time';
import { sectorInPositionDate } from './troops';
import { milestoneProbes } from './validation';
import type { World } from './world';

/** splitmix32: spreads (seed, run, stream) over the generator's seed space so runs do not correlate. */
export function mixSeed(seed: number, run: number, stream: number): number {
  let h = (seed ^ Math.imul(run + 1, 0x9e3779b9) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return (h ^ (h >>> 15)) | 0;
}

export function rngForRun(seed: number, run: number): RngFactory {
  return (stream) => createRng(mixSeed(seed, run, stream));
}

export interface EnsembleArrival {
  crossing: string;
  group: string;
  routeKm: number;
  /** Arrival in model hours; Infinity when more than the share of runs never arrived. */
  p10: number;
  p50: number;
  p90: number;
  p10Date: string | null;
  p50Date: string | null;
  p90Date: string | null;
  /** Share of runs in which the group reached the crossing within maxDays. */
  reachedShare: number;
  /** Runs arriving on each local day, from `startDay` (the distribution strip). */
  histogram: { startDay: number; counts: number[] };
}

export interface PositionBand {
  group: string;
  stepHours: number;
  /** Km along the group's route at t = i × stepHours (NaN where the group does not exist yet). */
  p10Km: Float32Array;
  p50Km: Float32Array;
  p90Km: Float32Array;
}

export interface MilestoneCoverage {
  date: string;
  group: string;
  place: string;
  observedDay: number;
  p10Day: number;
  p90Day: number;
  inside: boolean;
}

export interface EnsembleResult {
  runs: number;
  seed: number;
  arrivals: EnsembleArrival[];
  /** Per crossing: the share of runs in which the first group arrives before its sector's troops are in position. */
  caravanFirstChance: { crossing: string; chance: number | null }[];
  bands: PositionBand[];
  coverage: { compared: number; inside: number; share: number; milestones: MilestoneCoverage[] } | null;
}

/** Km bins of the position bands: fine enough to read, coarse enough to keep 10,000 runs small. */
const BAND_BIN_KM = 5;
const BAND_STEP_HOURS = 6;

/** Collects runs of a plan; `add` more runs at any time, `result()` summarises those so far. */
export class EnsembleAccumulator {
  private readonly arrivalKeys: { crossing: string; group: string; routeKm: number }[] = [];
  private readonly arrivalIndex = new Map<string, number>();
  private readonly arrivalHours: Float64Array[] = [];
  private readonly firstArrival = new Map<string, Float64Array>();
  private readonly bandHistograms = new Map<string, { bins: number; counts: Uint32Array; times: number }>();
  private readonly milestoneDays: Int16Array[];
  private probes: ReturnType<typeof milestoneProbes> | null = null;
  private readonly times: number;
  done = 0;

  constructor(
    readonly plan: ScenarioPlan,
    readonly runs: number,
    readonly seed: number,
  ) {
    this.times = Math.floor((plan.scenario.maxDays * 24) / BAND_STEP_HOURS) + 1;
    this.milestoneDays = plan.world.observations.map(() => new Int16Array(runs).fill(-32768));
    for (const crossing of plan.world.crossings) this.firstArrival.set(crossing.id, new Float64Array(runs).fill(Infinity));
  }

  /** Simulates runs [done, until). */
  add(until: number): void {
    const end = Math.min(until, this.runs);
    for (let run = this.done; run < end; run++) this.addRun(run);
    this.done = Math.max(this.done, end);
  }

  private addRun(run: number): void {
    const trajectory = simulatePlan(this.plan, rngForRun(this.seed, run), { withDates: false });
    trajectory.arrivals.forEach((arrival, position) => {
      // Runs list their arrivals in the same order: the slot at the same position is almost always it.
      const guess = this.arrivalKeys[position];
      let index = guess && guess.crossing === arrival.crossing && guess.group === arrival.group ? position : this.arrivalIndex.get(`${arrival.crossing}|${arrival.group}`);
      if (index === undefined) {
        const key = `${arrival.crossing}|${arrival.group}`;
        index = this.arrivalKeys.length;
        this.arrivalIndex.set(key, index);
        this.arrivalKeys.push({ crossing: arrival.crossing, group: arrival.group, routeKm: arrival.routeKm });
        this.arrivalHours.push(new Float64Array(this.runs).fill(Infinity));
      }
      const t = arrival.tHours ?? Infinity;
      this.arrivalHours[index]![run] = t;
      const first = this.firstArrival.get(arrival.crossing)!;
      if (t < first[run]!) first[run] = t;
    });
    for (const track of trajectory.groups) {
      let band = this.bandHistograms.get(track.id);
      if (!band) {
        const bins = Math.ceil(track.route.totalKm / BAND_BIN_KM) + 1;
        band = { bins, counts: new Uint32Array(bins * this.times), times: this.times };
        this.bandHistograms.set(track.id, band);
      }
      for (let i = 0; i < this.times; i++) {
        const at = kmAt(track, i * BAND_STEP_HOURS);
        if (!at) continue;
        band.counts[i * band.bins + Math.min(band.bins - 1, Math.floor(at.km / BAND_BIN_KM))]!++;
      }
    }
    this.probes ??= milestoneProbes(trajectory, this.plan.world.observations);
    this.probes.forEach((probe, i) => {
      const day = probe?.(trajectory) ?? null;
      if (day !== null) this.milestoneDays[i]![run] = day;
    });
  }

  result(): EnsembleResult {
    const n = this.done;
    const { scenario, world } = this.plan;
    const zoneOf = new Map(world.crossings.map((c) => [c.id, c.timeZone]));
    const toDate = (crossing: string, tHours: number) => (Number.isFinite(tHours) ? dateInZone(scenario.start.date, tHours, zoneOf.get(crossing)!) : null);
    const arrivals = this.arrivalKeys.map((key, index) => {
      const values = this.arrivalHours[index]!.subarray(0, n);
      const q = quantiles(Array.from(values));
      let reached = 0;
      let minDay = Infinity;
      let maxDay = -Infinity;
      for (const v of values) {
        if (!Number.isFinite(v)) continue;
        reached++;
        minDay = Math.min(minDay, Math.floor(v / 24));
        maxDay = Math.max(maxDay, Math.floor(v / 24));
      }
      const counts = reached === 0 ? [] : new Array<number>(maxDay - minDay + 1).fill(0);
      for (const v of values) if (Number.isFinite(v)) counts[Math.floor(v / 24) - minDay]!++;
      return {
        ...key,
        ...q,
        p10Date: toDate(key.crossing, q.p10),
        p50Date: toDate(key.crossing, q.p50),
        p90Date: toDate(key.crossing, q.p90),
        reachedShare: n === 0 ? 0 : reached / n,
        histogram: { startDay: reached === 0 ? 0 : minDay, counts },
      };
    });
    const caravanFirstChance = world.crossings.map((crossing) => {
      const ready = sectorInPositionDate(world.deployments, crossing.sector, scenario.troops.shiftDays);
      if (!ready || n === 0) return { crossing: crossing.id, chance: null };
      const readyHours = daysBetween(scenario.start.date, ready.date) * 24;
      const first = this.firstArrival.get(crossing.id)!.subarray(0, n);
      let before = 0;
      for (const t of first) if (t < readyHours) before++;
      return { crossing: crossing.id, chance: before / n };
    });
    const bands = [...this.bandHistograms].map(([group, band]) => bandQuantiles(group, band));
    return { runs: n, seed: this.seed, arrivals, caravanFirstChance, bands, coverage: this.coverage(n) };
  }

  private coverage(n: number): EnsembleResult['coverage'] {
    const { observations } = this.plan.world;
    const milestones: MilestoneCoverage[] = [];
    observations.forEach((obs, i) => {
      const days = Array.from(this.milestoneDays[i]!.subarray(0, n)).filter((d) => d !== -32768);
      // Compared only where most runs reach the place: a range over a few runs says little.
      if (n === 0 || days.length < 0.5 * n) return;
      const q = quantiles(days);
      const observedDay = daysBetween(this.plan.scenario.start.date, obs.date);
      const p10Day = Math.floor(q.p10);
      const p90Day = Math.ceil(q.p90);
      milestones.push({ date: obs.date, group: obs.group, place: obs.place, observedDay, p10Day, p90Day, inside: observedDay >= p10Day && observedDay <= p90Day });
    });
    if (milestones.length === 0) return null;
    const inside = milestones.filter((m) => m.inside).length;
    return { compared: milestones.length, inside, share: inside / milestones.length, milestones };
  }
}

/** P10/P50/P90 km at each time step from a histogram of positions (to the bin's middle). */
function bandQuantiles(group: string, band: { bins: number; counts: Uint32Array; times: number }): PositionBand {
  const p10Km = new Float32Array(band.times).fill(NaN);
  const p50Km = new Float32Array(band.times).fill(NaN);
  const p90Km = new Float32Array(band.times).fill(NaN);
  for (let i = 0; i < band.times; i++) {
    const row = band.counts.subarray(i * band.bins, (i + 1) * band.bins);
    let total = 0;
    for (const c of row) total += c;
    if (total === 0) continue;
    const targets = [0.1, 0.5, 0.9].map((p) => p * total);
    const out = [p10Km, p50Km, p90Km];
    let cumulative = 0;
    let next = 0;
    for (let b = 0; b < band.bins && next < 3; b++) {
      cumulative += row[b]!;
      while (next < 3 && cumulative >= targets[next]!) {
        out[next]![i] = (b + 0.5) * BAND_BIN_KM;
        next++;
      }
    }
  }
  return { group, stepHours: BAND_STEP_HOURS, p10Km, p50Km, p90Km };
}

/**
 * Most runs an ensemble makes: the app's largest choice. Beyond it P10/P90 no longer move (with
 * 10,000 runs a quantile is known to a fraction of a day), only the wait does.
 */
export const MAX_ENSEMBLE_RUNS = 10_000;

/**
 * Most group-days an ensemble may simulate: runs × (groups + split groups) × (maxDays + 1), the
 * worst case (groups that arrive early stop sooner). The 2018 preset's 10,000 runs are 2.4 million;
 * at the model's usual 5–15 µs a group-day, ten million are one to three minutes of a core. The
 * largest scenario the bounds allow (24 groups for 366 days) gets about 1,100 runs.
 */
export const MAX_ENSEMBLE_GROUP_DAYS = 10_000_000;

/** The worst-case work of `runs` runs of `scenario`, in group-days. */
export function ensembleGroupDays(scenario: Scenario, runs: number): number {
  return runs * (scenario.groups.length + scenario.splits.length) * (scenario.maxDays + 1);
}

/**
 * A cheap check, before an ensemble starts, that its work is within MAX_ENSEMBLE_GROUP_DAYS; the
 * refusal names the bound and the most runs that fit. Null when it fits.
 *
 * @example
 * checkEnsembleWork(scenarioWith24GroupsFor365Days, 10_000)
 * // → FieldError('runs', '10,000 runs of this scenario would simulate 87,840,000 group-days (24 groups for 366 days each); at most 10,000,000: use 1,138 runs or fewer')
 */
export function checkEnsembleWork(scenario: Scenario, runs: number): FieldError | null {
  const work = ensembleGroupDays(scenario, runs);
  if (work <= MAX_ENSEMBLE_GROUP_DAYS) return null;
  const perRun = ensembleGroupDays(scenario, 1);
  const groups = scenario.groups.length + scenario.splits.length;
  return new FieldError(
    'runs',
    `${formatNumber(runs)} runs of this scenario would simulate ${formatNumber(work)} group-days (${formatNumber(groups)} group${groups === 1 ? '' : 's'} for ${formatNumber(scenario.maxDays + 1)} days each); at most ${formatNumber(MAX_ENSEMBLE_GROUP_DAYS)}: use ${formatNumber(Math.floor(MAX_ENSEMBLE_GROUP_DAYS / perRun))} runs or fewer`,
  );
}

/** Runs `runs` perturbed simulations of a planned scenario. Same seed, same answer. Throws FieldError on a run count outside 1…MAX_ENSEMBLE_RUNS. */
export function runPlanEnsemble(plan: ScenarioPlan, runs: number, seed: number, onProgress?: (done: number) => void): EnsembleResult {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_ENSEMBLE_RUNS) throw new FieldError('runs', `must be a whole number from 1 to ${formatNumber(MAX_ENSEMBLE_RUNS)}`);
  const accumulator = new EnsembleAccumulator(plan, runs, seed);
  while (accumulator.done < runs) {
    accumulator.add(accumulator.done + 100);
    onProgress?.(accumulator.done);
  }
  return accumulator.result();
}

export function runEnsemble(world: World, scenario: Scenario, runs: number, seed: number): EnsembleResult {
  return runPlanEnsemble(planScenario(world, scenario), runs, seed);
}
