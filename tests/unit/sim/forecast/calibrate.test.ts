import { describe, expect, it } from 'vitest';
import { casesLogLikelihood, fitParameters, logPrior, type CalibrationCase } from '../../../../src/sim/forecast/calibrate';
import { buildCourse, courseRoute } from '../../../../src/sim/forecast/course';
import type { ParameterSpec } from '../../../../src/sim/forecast/parameters';
import type { PastCaravan } from '../../../../src/sim/forecast/past-caravan';
import { placeReports } from '../../../../src/sim/forecast/reports';
import { tinyForecastWorld, tinyParams, tinyPolicies } from '../../../fixtures/tiny-forecast';

const world = tinyForecastWorld();
const KM_PER_DEGREE = 111.195;

/** A caravan seen every night on the line a…e at 40, 80 and 120 km: 40 km a day. */
function fortyKmADay(): CalibrationCase {
  const caravan: PastCaravan = {
    id: 'forty',
    name: 'Forty',
    policy: 'let-pass',
    start: { nodeId: 'a', date: '2018-10-25', headcount: 1000 },
    destination: 'east-port',
    end: null,
    observations: [40, 80, 120].map((km, day) => ({ date: `2018-10-2${5 + day}`, group: 'main' as const, town: `km ${km}`, lonLat: [0, km / KM_PER_DEGREE] as const, headcount: null })),
  };
  const route = courseRoute(world.network, 'a', [], 'e', world.structure);
  const reports = placeReports(route, '2018-10-25', caravan.observations.map((o) => ({ date: o.date, lonLat: o.lonLat, headcount: null, group: 'main', source: '' })));
  return { caravan, course: buildCourse(route, world.structure, tinyPolicies.get('let-pass')!), reports, days: 3 };
}

const walkSpec: ParameterSpec = { name: 'walkKmPerDay', meaning: 'km a day on foot', unit: 'km/day', initial: 30, min: 10, max: 70, scale: 'log', priorSd: 0.4 };

describe('calibration', () => {
  it('finds the walking speed of a caravan that walked 40 km a day, starting from 30', () => {
    const base = tinyParams({ speedLogSd: 0.1 });
    const fit = fitParameters(world, [fortyKmADay()], [walkSpec], { base, particles: 200, seed: 1, sweeps: 8 });
    expect(fit.parameters.walkKmPerDay).toBeGreaterThan(37);
    expect(fit.parameters.walkKmPerDay).toBeLessThan(43);
    expect(fit.logLikelihood).toBeGreaterThan(casesLogLikelihood(world, [fortyKmADay()], { ...base, walkKmPerDay: 30 }, 200, 1));
  });

  it('gives the same likelihood for the same seed', () => {
    const params = tinyParams({ speedLogSd: 0.2, walkKmPerDay: 38 });
    expect(casesLogLikelihood(world, [fortyKmADay()], params, 100, 7)).toBe(casesLogLikelihood(world, [fortyKmADay()], params, 100, 7));
  });

  it('puts a normal prior on the search scale: one prior sd away costs 1/2', () => {
    expect(logPrior([walkSpec], { ...tinyParams(), walkKmPerDay: 30 })).toBe(0);
    expect(logPrior([walkSpec], { ...tinyParams(), walkKmPerDay: 30 * Math.exp(0.4) })).toBeCloseTo(-0.5, 10);
  });
});
