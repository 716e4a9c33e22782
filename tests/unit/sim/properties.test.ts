import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../../src/sim/run-scenario';
import { rngForRun } from '../../../src/sim/ensemble';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';
import { propertyRuns } from '../../property-runs';

const world = tinyWorld();

describe('movement properties', () => {
  // Only the unperturbed run is monotone. With random draws, a faster group meets the calendar's
  // draws on other days: it may spend its stay on the day a slower group meets a random rest day
  // (tiny world, walk 58 vs 86 km/day, rest every day, seed 35: arrivals at hour 140 vs 156.5).
  it('a faster walking speed never makes the unperturbed arrival later (rest days, stays and date rules)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 5, max: 80, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        (slow, extra, restEvery) => {
          const make = (kmPerDay: number) =>
            tinyScenario({
              modes: { walk: { kmPerDay } },
              rest: { everyNDays: restEvery },
              stays: [{ place: 'c', nights: 2 }],
              modeRules: [{ mode: 'bus', fromDate: '2018-11-05' }],
              uncertainty: { speedSpread: 0.3, extraRestChance: 0.1, rideAvailability: 0.7 },
            });
          const arrival = (kmPerDay: number) => runScenario(world, make(kmPerDay)).groups[0]!.arrivalHours ?? Infinity;
          expect(arrival(slow + extra)).toBeLessThanOrEqual(arrival(slow));
        },
      ),
      propertyRuns(100),
    );
  });

  it('positions never move backwards along the route, whatever the seed', () => {
    fc.assert(
      fc.property(fc.double({ min: 5, max: 200, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (kmPerDay, seed) => {
        const trajectory = runScenario(world, tinyScenario({ modes: { walk: { kmPerDay } }, uncertainty: { speedSpread: 0.5 } }), rngForRun(seed, 0));
        for (const group of trajectory.groups) {
          for (const day of group.days) expect(day.endKm).toBeGreaterThanOrEqual(day.startKm);
          for (let i = 1; i < group.days.length; i++) expect(group.days[i]!.startKm).toBe(group.days[i - 1]!.endKm);
        }
      }),
      propertyRuns(100),
    );
  });
});
