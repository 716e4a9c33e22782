/**
 * The regime model on the 5-node line a —30— b —30— c —30— d —30— e, with hand-set parameters whose
 * answers can be worked out by hand (tiny-forecast.ts: by default a caravan walks exactly 30 km a day).
 */
import { describe, expect, it } from 'vitest';
import { ENDED, REGIME } from '../../../../src/sim/forecast/engine';
import { runFilter, type EnsembleHistory } from '../../../../src/sim/forecast/filter';
import type { ForecastParameters } from '../../../../src/sim/forecast/parameters';
import { tinyCourse, tinyParams, tinyStructure } from '../../../fixtures/tiny-forecast';

function simulate(params: Partial<ForecastParameters>, { policy = 'let-pass', days = 8, runs = 50, seed = 1 }: { policy?: 'let-pass' | 'contain'; days?: number; runs?: number; seed?: number } = {}): EnsembleHistory {
  return runFilter({ course: tinyCourse(policy), structure: tinyStructure(), params: tinyParams(params), policy, startHeadcount: 1000, reports: [], runs, seed, days, keepHistory: true }).history!;
}

const kmOf = (h: EnsembleHistory, run: number) => Array.from(h.km.subarray(run * h.days, (run + 1) * h.days));
const regimesOf = (h: EnsembleHistory, run: number) => Array.from(h.regime.subarray(run * h.days, (run + 1) * h.days));
const everyRun = (h: EnsembleHistory, check: (run: number) => boolean) => Array.from({ length: h.runs }, (_, run) => check(run)).every(Boolean);

describe('the regime model on a 5-node line', () => {
  it('walks 30 km a day and arrives at e (120 km) on day 3', () => {
    const h = simulate({});
    expect(kmOf(h, 0).slice(0, 5)).toEqual([30, 60, 90, 120, 120]);
    expect(regimesOf(h, 0).slice(0, 5)).toEqual([REGIME.walk, REGIME.walk, REGIME.walk, REGIME.walk, REGIME.ended]);
    expect(h.ended[3]).toBe(ENDED.arrived);
  });

  it('rides in the south and takes buses in the north when those modes are certain', () => {
    // a…c (60 km) is south: a 60 km ride reaches c on day 0; c…e is north: a 90 km bus day reaches e.
    const h = simulate({ rideLogitSouth: 60, busLogitNorth: 60 });
    expect(kmOf(h, 0).slice(0, 2)).toEqual([60, 120]);
    expect(regimesOf(h, 0).slice(0, 2)).toEqual([REGIME.ride, REGIME.bus]);
  });

  it('takes freight trains only in the north', () => {
    const h = simulate({ trainLogitNorth: 60 });
    // Walks the south (30, 60), then a 120 km train day from c is cut at e.
    expect(kmOf(h, 0).slice(0, 3)).toEqual([30, 60, 120]);
    expect(regimesOf(h, 0).slice(0, 3)).toEqual([REGIME.walk, REGIME.walk, REGIME.train]);
  });

  it('rests every day when the rest hazard is 1 and never when it is 0', () => {
    const always = simulate({ restLogit: 60 });
    expect(everyRun(always, (run) => kmOf(always, run).every((km) => km === 0))).toBe(true);
    expect(regimesOf(always, 0)[0]).toBe(REGIME.halted);
    const never = simulate({ restLogit: -60 });
    expect(everyRun(never, (run) => !regimesOf(never, run).slice(0, 3).includes(REGIME.halted))).toBe(true);
  });

  it('rests after the travel days pile up (fatigue): logistic(-60 + 30 × streak) passes 1/2 after two travel days', () => {
    // Streak 0 and 1: the hazard is ~0; streak 2: logistic(0) = 1/2; streak 3 or more: ~1.
    const h = simulate({ restLogit: -60, restLogitPerDay: 30 }, { runs: 400 });
    for (let run = 0; run < h.runs; run++) expect(regimesOf(h, run).slice(0, 2)).toEqual([REGIME.walk, REGIME.walk]);
    const restedOnDay2 = Array.from({ length: h.runs }, (_, run) => regimesOf(h, run)[2] === REGIME.halted).filter(Boolean).length;
    expect(restedOnDay2 / h.runs).toBeGreaterThan(0.4);
    expect(restedOnDay2 / h.runs).toBeLessThan(0.6);
  });

  it('halts 3 nights at a big city: arrives at c on day 1, stays on days 2, 3 and 4, leaves on day 5', () => {
    const h = simulate({ bigCityHaltChance: 1, bigCityHaltNights: 3 });
    expect(kmOf(h, 0).slice(0, 7)).toEqual([30, 60, 60, 60, 60, 90, 120]);
    expect(regimesOf(h, 0).slice(0, 6)).toEqual([REGIME.walk, REGIME.walk, REGIME.halted, REGIME.halted, REGIME.halted, REGIME.walk]);
  });

  it('halts at the capital with its own chance and length, not the big cities\' (c as the capital)', () => {
    const structure = tinyStructure({}, [['c', 'capital']]);
    const course = tinyCourse('let-pass', structure);
    const run = (params: Partial<ForecastParameters>) => runFilter({ course, structure, params: tinyParams(params), policy: 'let-pass', startHeadcount: 1000, reports: [], runs: 5, seed: 1, days: 8, keepHistory: true }).history!;
    expect(kmOf(run({ capitalHaltChance: 1, capitalHaltNights: 4, bigCityHaltChance: 0 }), 0).slice(0, 8)).toEqual([30, 60, 60, 60, 60, 60, 90, 120]);
    expect(kmOf(run({ capitalHaltChance: 0, bigCityHaltChance: 1 }), 0).slice(0, 3)).toEqual([30, 60, 90]);
  });

  it('never halts at a big city when the halt chance is 0, and halts at the isthmus (b) with its own chance and length', () => {
    expect(kmOf(simulate({ bigCityHaltChance: 0 }), 0).slice(0, 3)).toEqual([30, 60, 90]);
    const h = simulate({ isthmusHaltChance: 1, isthmusHaltNights: 2 });
    expect(kmOf(h, 0).slice(0, 5)).toEqual([30, 30, 30, 60, 90]);
  });

  it('is halted on the first day by the authorities under contain when their hazard is 1, never under let-pass', () => {
    const contained = simulate({ containHaltHazard: 1, containHaltNights: 2 }, { policy: 'contain' });
    // Halted days 0-1, then the hazard strikes again on day 2 (still in the south at km 0).
    expect(everyRun(contained, (run) => kmOf(contained, run).slice(0, 4).every((km) => km === 0))).toBe(true);
    expect(regimesOf(contained, 0)[0]).toBe(REGIME.halted);
    const free = simulate({ containHaltHazard: 1 }, { policy: 'let-pass' });
    expect(kmOf(free, 0).slice(0, 2)).toEqual([30, 60]);
  });

  it('leaves the contained zone unhindered: the containment hazard does not act in the north', () => {
    // A 60 km ride on day 0 reaches c (the start of the north); from there it walks on.
    const h = simulate({ containHaltHazard: 0, rideLogitSouth: 60 }, { policy: 'contain' });
    expect(kmOf(h, 0).slice(0, 3)).toEqual([60, 90, 120]);
  });

  it('dissolves the caravans the authorities hold: halted on day 0, ended on day 1', () => {
    const held = simulate({ containHaltHazard: 1, containHaltNights: 5, endHazardContainHalted: 1 }, { policy: 'contain' });
    expect(everyRun(held, (run) => held.ended[run * held.days + 1] === ENDED.dissolved && held.ended[run * held.days] === ENDED.no)).toBe(true);
    // The same hazards under let-pass: never held, so never dissolved; it arrives.
    const free = simulate({ containHaltHazard: 1, containHaltNights: 5, endHazardContainHalted: 1 }, { policy: 'let-pass' });
    expect(everyRun(free, (run) => free.ended[run * free.days + 3] === ENDED.arrived)).toBe(true);
  });

  it('ends every run on the first day when the ending hazard is 1, and none when it is 0', () => {
    const h = simulate({ endHazardLetPass: 1 });
    expect(everyRun(h, (run) => h.ended[run * h.days] === ENDED.dissolved && h.headcount[run * h.days] === 0)).toBe(true);
    const none = simulate({ endHazardLetPass: 0 });
    expect(everyRun(none, (run) => none.ended[run * none.days + 3] === ENDED.arrived)).toBe(true);
  });

  it('sends a vanguard ahead when the caravan halts at the big city: it leaves c on day 2 while the main group stays', () => {
    const h = simulate({ bigCityHaltChance: 1, bigCityHaltNights: 3, vanguardChance: 1, vanguardShare: 0.2 });
    const van = Array.from(h.vanKm.subarray(0, 5));
    expect(van.slice(0, 1).every(Number.isNaN)).toBe(true);
    expect(van.slice(1, 4)).toEqual([60, 90, 120]);
    expect(kmOf(h, 0).slice(1, 5)).toEqual([60, 60, 60, 60]);
    // 1,000 people split 800 / 200.
    expect(h.headcount[1]).toBeCloseTo(800, 6);
    expect(h.vanHeadcount[1]).toBeCloseTo(200, 6);
  });

  it('lets headcount peak early and wear down: +10 %/day in log until day 2, then −5 %/day', () => {
    const h = simulate({ headcountGrowthPerDay: 0.1, headcountPeakDay: 2, headcountDecayPerDay: 0.05, restLogit: 60 });
    const expected = [0.1, 0.2, 0.15, 0.1].map((log) => 1000 * Math.exp(log));
    Array.from(h.headcount.subarray(0, 4)).forEach((value, day) => expect(value).toBeCloseTo(expected[day]!, 3));
  });

  it('gives the same runs for the same seed, other runs for another', () => {
    const params = { speedLogSd: 0.3, rideLogitSouth: 0, restLogit: -1 };
    expect(simulate(params, { seed: 4 }).km).toEqual(simulate(params, { seed: 4 }).km);
    expect(simulate(params, { seed: 4 }).km).not.toEqual(simulate(params, { seed: 5 }).km);
  });
});
