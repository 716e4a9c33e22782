import { describe, expect, it } from 'vitest';
import { runEnsemble } from '../../../src/sim/ensemble';
import { quantiles } from '../../../src/sim/quantiles';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';

describe('quantiles', () => {
  it('interpolates between order statistics: 1..5 → P10 1.4, P50 3, P90 4.6', () => {
    expect(quantiles([5, 3, 1, 4, 2])).toEqual({ p10: 1.4, p50: 3, p90: 4.6 });
  });

  it('reads 0..100 as its own percentiles', () => {
    const q = quantiles(Array.from({ length: 101 }, (_, i) => 100 - i));
    expect(q).toEqual({ p10: 10, p50: 50, p90: 90 });
  });

  it('says "never" (Infinity) for a percentile that falls among runs that never arrived', () => {
    expect(quantiles([1, 2, 3, Infinity, Infinity]).p90).toBe(Infinity);
    expect(quantiles([1, 2, 3, Infinity, Infinity]).p50).toBe(3);
  });
});

describe('ensembles', () => {
  const world = tinyWorld();
  const scenario = tinyScenario({ uncertainty: { speedSpread: 0.3, extraRestChance: 0.2, rideAvailability: 0.5 } });

  it('gives the same answer for the same seed', () => {
    const a = runEnsemble(world, scenario, 200, 7);
    const b = runEnsemble(world, scenario, 200, 7);
    expect(a.arrivals.map((x) => [x.p10, x.p50, x.p90])).toEqual(b.arrivals.map((x) => [x.p10, x.p50, x.p90]));
  });

  it('gives a different sample for a different seed', () => {
    const a = runEnsemble(world, scenario, 200, 7).arrivals[0]!.samples;
    const b = runEnsemble(world, scenario, 200, 8).arrivals[0]!.samples;
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it('spreads arrivals around the unperturbed one: P10 ≤ P50 ≤ P90 and a real spread', () => {
    const east = runEnsemble(world, scenario, 500, 1).arrivals.find((a) => a.crossing === 'east-port')!;
    expect(east.p10).toBeLessThanOrEqual(east.p50);
    expect(east.p50).toBeLessThanOrEqual(east.p90);
    expect(east.p90 - east.p10).toBeGreaterThan(12);
    expect(east.reachedShare).toBe(1);
  });
});
