/**
 * Conditioning and the as-of rule on the tiny network (tiny-forecast.ts): a —30— b —30— c —30— d —30— e,
 * e facing "east-port". By default a caravan walks exactly 30 km a day.
 */
import { describe, expect, it } from 'vitest';
import { checkForecastWork, forecastCaravan, ForecastError, forecastWork, type ForecastRequest } from '../../../../src/sim/forecast/forecast';
import { runFilter } from '../../../../src/sim/forecast/filter';
import type { Report } from '../../../../src/sim/forecast/reports';
import type { ForecastParameters } from '../../../../src/sim/forecast/parameters';
import { sampleAt } from '../../../../src/sim/sample';
import { tinyCourse, tinyForecastWorld, tinyParams, tinyStructure } from '../../../fixtures/tiny-forecast';
import { tinyNodes } from '../../../fixtures/tiny-world';

const world = tinyForecastWorld();
const at = (nodeId: string) => {
  const node = tinyNodes.find((n) => n.id === nodeId)!;
  return { nodeId, lonLat: [node.lon, node.lat] as const };
};
const report = (date: string, place: string, extra: Partial<Report> = {}): Report => ({ date, ...at(place), headcount: null, group: 'main', source: 'test', ...extra });

function request(overrides: Partial<ForecastRequest> = {}, params: Partial<ForecastParameters> = {}): ForecastRequest {
  return {
    caravan: { startNodeId: 'a', startDate: '2018-10-25', headcount: 1000, policy: 'let-pass' },
    reports: [],
    asOf: '2018-10-25',
    destination: 'east-port',
    runs: 200,
    seed: 3,
    horizonDays: 10,
    params: tinyParams(params),
    ...overrides,
  };
}

describe('forecasts on the tiny network', () => {
  it('gives the walking caravan 30 km a day: at e (120 km) on day 3, 2018-10-28, in every run', () => {
    const f = forecastCaravan(world, request({ asOf: '2018-10-24' }));
    const main = f.arrivals.find((a) => a.crossing === 'east-port' && a.group === 'main')!;
    expect(main).toEqual(expect.objectContaining({ p10: '2018-10-28', p50: '2018-10-28', p90: '2018-10-28', probability: 1, routeKm: 120 }));
    expect(f.arrivals.find((a) => a.place === 'c' && a.group === 'main')?.p50).toBe('2018-10-26');
  });

  it('moves the median to where a report puts the caravan: seen still at b on day 2, it is behind and arrives later than unconditioned', () => {
    // Half the runs rest on any day (restLogit 0): unconditioned, the median is at ~45 km on day 2.
    const params = { restLogit: 0 };
    const free = forecastCaravan(world, request({ asOf: '2018-10-24' }, params));
    const seen = forecastCaravan(world, request({ reports: [report('2018-10-27', 'b')], asOf: '2018-10-27' }, params));
    const bandOn = (f: typeof free, date: string) => f.bands.find((b) => b.group === 'main' && b.date === date)!;
    expect(bandOn(seen, '2018-10-28').p50Km).toBeLessThanOrEqual(60);
    expect(bandOn(free, '2018-10-28').p50Km).toBeGreaterThan(bandOn(seen, '2018-10-28').p50Km);
    expect(seen.lastReport).toEqual(expect.objectContaining({ day: 2, km: 30 }));
    const p50 = seen.arrivals.find((a) => a.crossing === 'east-port' && a.group === 'main')!.p50!;
    expect(p50 > free.arrivals.find((a) => a.crossing === 'east-port' && a.group === 'main')!.p50!).toBe(true);
  });

  it('weights runs by how well they match: with a 60 km ride available, a report at c on day 0 keeps the riders', () => {
    const params = { rideLogitSouth: 0 };
    const reports = [report('2018-10-25', 'c')];
    const filtered = runFilter({ course: tinyCourse(), structure: tinyStructure(), params: tinyParams(params), policy: 'let-pass', startHeadcount: 1000, reports: [{ day: 0, group: 'main', km: 60, offRouteKm: 0, headcount: null, ended: false, date: '2018-10-25' }], runs: 4000, seed: 1, days: 2, keepHistory: true });
    // Half the runs rode (60 km), half walked (30 km, 6 sd off): after the report nearly every run is a rider, and the
    // likelihood is the mean weight: ½ × normal density at 0 sd (sd 5 km) + the outlier share spread over 120 km.
    const riders = Array.from({ length: 4000 }, (_, i) => filtered.history!.regime[i * 2]).filter((r) => r === 1).length;
    // (A walker keeps the outlier weight, a thousandth of a rider's: a handful survive.)
    expect(riders / 4000).toBeGreaterThan(0.99);
    expect(filtered.logLikelihood).toBeCloseTo(Math.log(0.5 * 0.99 / (5 * Math.sqrt(2 * Math.PI)) + 0.01 / 120), 1);
    expect(forecastCaravan(world, request({ reports, asOf: '2018-10-25' }, params)).lastReport?.km).toBe(60);
  });

  it('never reads a report dated after the as-of date: later reports change nothing', () => {
    const params = { restLogit: -1, speedLogSd: 0.3, rideLogitSouth: -1 };
    const known = [report('2018-10-25', 'b'), report('2018-10-26', 'b', { headcount: 900 })];
    const later = [report('2018-10-27', 'd'), report('2018-10-28', 'e', { headcount: 100 }), report('2018-10-29', 'e', { headcount: 0 })];
    const without = forecastCaravan(world, request({ reports: known, asOf: '2018-10-26' }, params));
    const withLater = forecastCaravan(world, request({ reports: [...later, ...known], asOf: '2018-10-26' }, params));
    expect(withLater.reportsAfterAsOf).toBe(3);
    expect({ ...withLater, reportsAfterAsOf: 0 }).toEqual({ ...without, reportsAfterAsOf: 0 });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const params = { restLogit: -1, speedLogSd: 0.3 };
    const a = forecastCaravan(world, request({ seed: 9 }, params));
    expect(forecastCaravan(world, request({ seed: 9 }, params))).toEqual(a);
    expect(forecastCaravan(world, request({ seed: 10 }, params)).bands).not.toEqual(a.bands);
  });

  it('knows a caravan reported ended has ended: headcount 0 on day 1 at b', () => {
    const f = forecastCaravan(world, request({ reports: [report('2018-10-26', 'b', { headcount: 0 })], asOf: '2018-10-26' }));
    expect(f.ended[0]).toEqual(expect.objectContaining({ p: 1, dissolved: 1 }));
    expect(f.arrivals.find((a) => a.crossing === 'east-port' && a.group === 'main')).toEqual(expect.objectContaining({ p50: null, probability: 0 }));
  });

  it('gives the chance of ending: a 10 % daily dissolution hazard has ended 1 − 0.9^(d+1) of the runs by day d', () => {
    const f = forecastCaravan(world, request({ runs: 2000, destination: 'c', asOf: '2018-10-24' }, { endHazardLetPass: 0.1, restLogit: 60 }));
    expect(f.ended[4]!.dissolved).toBeCloseTo(1 - 0.9 ** 5, 1);
  });

  it('forecasts a place that is not a crossing with `place`, and refuses an unknown destination naming it', () => {
    const f = forecastCaravan(world, request({ destination: 'd', asOf: '2018-10-24' }));
    expect(f.arrivals.find((a) => a.place === 'd' && a.group === 'main')).toEqual(expect.objectContaining({ p50: '2018-10-27', probability: 1, isDestination: true }));
    expect(() => forecastCaravan(world, request({ destination: 'narnia' }))).toThrow(new ForecastError('destination', 'unknown crossing or place "narnia"'));
  });

  it('gives every crossing with destination all, routing each on its own course (west-port via the cheaper b–g–f)', () => {
    const f = forecastCaravan(world, request({ destination: 'all', asOf: '2018-10-24' }));
    expect(new Set(f.arrivals.filter((a) => a.crossing !== undefined).map((a) => a.crossing))).toEqual(new Set(['east-port', 'west-port']));
    // a→b→c→f is 100 km but c–f is risky; with risk aversion 0 it is the cheapest: 100 km, day 3.
    expect(f.arrivals.find((a) => a.crossing === 'west-port' && a.group === 'main')).toEqual(expect.objectContaining({ routeKm: 100, p50: '2018-10-28' }));
  });

  it('shows a representative run as a Trajectory that sampleAt can scrub', () => {
    const f = forecastCaravan(world, request({ asOf: '2018-10-24' }));
    expect(f.trajectory.groups[0]!.arrivalHours).not.toBeNull();
    const noonDay1 = sampleAt(f.trajectory, 24 + 12).find((p) => p.group === 'main')!;
    expect(noonDay1.km).toBeGreaterThan(30);
    expect(noonDay1.km).toBeLessThan(60);
    expect(f.trajectory.groups[0]!.days.map((d) => d.overnightNode)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('refuses an as-of date before the start', () => {
    expect(() => forecastCaravan(world, request({ asOf: '2018-10-01' }))).toThrow(ForecastError);
  });

  it('counts its work before it starts: runs × courses × days, two courses (e and f) for destination all', () => {
    // As of the start day, ten days of horizon: days 0…10.
    expect(forecastWork(world, request({ destination: 'all' }))).toEqual({ courses: 2, days: 11, runDays: 200 * 2 * 11 });
    expect(forecastWork(world, request())).toEqual({ courses: 1, days: 11, runDays: 200 * 11 });
  });

  it('refuses, before any work, a forecast over ten million run-days, naming the bound and the runs that fit', () => {
    // A year to the as-of date and a year of horizon: 731 days on each of the two courses.
    const heavy = request({ destination: 'all', asOf: '2019-10-25', horizonDays: 365, runs: 10_000 });
    const refusal = checkForecastWork(world, heavy);
    expect(refusal).toBeInstanceOf(ForecastError);
    expect(refusal?.message).toBe('runs: 10,000 runs of this forecast would simulate 14,620,000 run-days (2 courses for 731 days each); at most 10,000,000: use 6,839 runs or fewer');
    expect(checkForecastWork(world, { ...heavy, runs: 6_839 })).toBeNull();
  });

  it('tells its progress in run-days, course by course and day by day, ending at the whole work', () => {
    const seen: number[] = [];
    const asked = request({ destination: 'all', runs: 20 });
    forecastCaravan(world, asked, (done) => seen.push(done));
    expect(seen).toHaveLength(2 * 11);
    expect(seen.every((done, i) => i === 0 || done > seen[i - 1]!)).toBe(true);
    expect(seen.at(-1)).toBe(forecastWork(world, asked).runDays);
  });
});
