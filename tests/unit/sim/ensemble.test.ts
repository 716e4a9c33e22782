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
    const a = runEnsemble(world, scenario, 200, 7).arrivals[0]!.histogram;
    const b = runEnsemble(world, scenario, 200, 8).arrivals[0]!.histogram;
    expect(a).not.toEqual(b);
  });

  it('counts every run that arrives once in the distribution strip', () => {
    const east = runEnsemble(world, scenario, 300, 2).arrivals.find((a) => a.crossing === 'east-port')!;
    expect(east.histogram.counts.reduce((x, y) => x + y, 0)).toBe(300);
  });

  it('gives the chance the caravan reaches a crossing before its sector’s troops are in position', () => {
    // The walk to e takes 4 days (10-28); the East sector's engineers are in position on 10-31.
    const steady = { speedSpread: 0, extraRestChance: 0, rideAvailability: 1 };
    const result = runEnsemble(world, tinyScenario({ uncertainty: steady }), 50, 1);
    expect(result.caravanFirstChance.find((c) => c.crossing === 'east-port')!.chance).toBe(1);
    const late = runEnsemble(world, tinyScenario({ uncertainty: steady, troops: { shiftDays: -10 } }), 50, 1);
    expect(late.caravanFirstChance.find((c) => c.crossing === 'east-port')!.chance).toBe(0);
  });

  it('bands the positions along the route: without randomness P10 = P50 = P90, the run’s own km', () => {
    // Walking 30 km a day from 05:00 at 4 km/h: at 12:00 on day 1 the group is 28 km along (7 h), in bin 25–30 km.
    const band = runEnsemble(world, tinyScenario({ uncertainty: { speedSpread: 0, extraRestChance: 0, rideAvailability: 1 } }), 20, 1).bands.find((b) => b.group === 'main')!;
    expect(band.stepHours).toBe(6);
    expect([band.p10Km[2], band.p50Km[2], band.p90Km[2]]).toEqual([27.5, 27.5, 27.5]);
  });

  it('widens the band when speeds vary', () => {
    const band = runEnsemble(world, scenario, 500, 3).bands.find((b) => b.group === 'main')!;
    const i = 2 * 4 + 2; // noon of the third day
    expect(band.p90Km[i]! - band.p10Km[i]!).toBeGreaterThan(10);
  });

  it('spreads arrivals around the unperturbed one: P10 ≤ P50 ≤ P90 and a real spread', () => {
    const east = runEnsemble(world, scenario, 500, 1).arrivals.find((a) => a.crossing === 'east-port')!;
    expect(east.p10).toBeLessThanOrEqual(east.p50);
    expect(east.p50).toBeLessThanOrEqual(east.p90);
    expect(east.p90 - east.p10).toBeGreaterThan(12);
    expect(east.reachedShare).toBe(1);
  });
});
