/**
 * Ensembles: N seeded runs of one plan, each with its own random streams (daily speed, rest days,
 * ride availability), summarised as P10/P50/P90 arrival per crossing and group.
 */
import { planScenario, type ScenarioPlan } from './plan';
import { quantiles, type Quantiles } from './quantiles';
import { createRng } from './rng';
import { simulatePlan, type RngFactory } from './run-scenario';
import type { Scenario } from './scenario';
import { dateInZone } from './time';
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

export interface EnsembleArrival extends Quantiles {
  crossing: string;
  group: string;
  routeKm: number;
  /** Share of runs in which the group reached the crossing within maxDays. */
  reachedShare: number;
  p10Date: string | null;
  p50Date: string | null;
  p90Date: string | null;
  /** Arrival hour of every run (Infinity = never), in run order. */
  samples: Float64Array;
}

export interface EnsembleResult {
  runs: number;
  seed: number;
  arrivals: EnsembleArrival[];
}

/** Runs `runs` perturbed simulations of a planned scenario. Same seed, same answer. */
export function runPlanEnsemble(plan: ScenarioPlan, runs: number, seed: number, onProgress?: (done: number) => void): EnsembleResult {
  const samples = new Map<string, { crossing: string; group: string; routeKm: number; values: Float64Array }>();
  for (let run = 0; run < runs; run++) {
    const trajectory = simulatePlan(plan, rngForRun(seed, run), { withDates: false });
    for (const arrival of trajectory.arrivals) {
      const key = `${arrival.crossing}|${arrival.group}`;
      let entry = samples.get(key);
      if (!entry) {
        entry = { crossing: arrival.crossing, group: arrival.group, routeKm: arrival.routeKm, values: new Float64Array(runs).fill(Infinity) };
        samples.set(key, entry);
      }
      entry.values[run] = arrival.tHours ?? Infinity;
    }
    if (onProgress && (run + 1) % 100 === 0) onProgress(run + 1);
  }
  const zoneOf = new Map(plan.world.crossings.map((c) => [c.id, c.timeZone]));
  const toDate = (crossing: string, tHours: number) =>
    Number.isFinite(tHours) ? dateInZone(plan.scenario.start.date, tHours, zoneOf.get(crossing)!) : null;
  const arrivals = [...samples.values()].map((entry) => {
    const q = quantiles(Array.from(entry.values));
    const reached = entry.values.reduce((n, v) => (Number.isFinite(v) ? n + 1 : n), 0);
    return {
      crossing: entry.crossing,
      group: entry.group,
      routeKm: entry.routeKm,
      ...q,
      reachedShare: reached / runs,
      p10Date: toDate(entry.crossing, q.p10),
      p50Date: toDate(entry.crossing, q.p50),
      p90Date: toDate(entry.crossing, q.p90),
      samples: entry.values,
    };
  });
  return { runs, seed, arrivals };
}

export function runEnsemble(world: World, scenario: Scenario, runs: number, seed: number): EnsembleResult {
  return runPlanEnsemble(planScenario(world, scenario), runs, seed);
}
