/** Scoring by hand: the baselines, the interval score, and the backtest's rows. */
import { describe, expect, it } from 'vitest';
import { backtestRows, brierScore, intervalScore, reliability, scoredQuantiles, type ProbabilityEvent, type ScoredMilestone } from '../../../../src/sim/forecast/backtest';
import { persistenceArrivalDay, walkerArrivalDays } from '../../../../src/sim/forecast/baselines';
import type { PlacedReport } from '../../../../src/sim/forecast/reports';

const seen = (day: number, km: number): PlacedReport => ({ day, km, group: 'main', offRouteKm: 0, headcount: null, ended: false, date: '' });

describe('persistence', () => {
  it('carries the last 3 days’ km/day on: 90 km in 3 days, 30 more to km 120 is one day', () => {
    expect(persistenceArrivalDay([seen(0, 30), seen(2, 90)], 120, 0, 60)).toBe(3);
    // From the start (day −1 at km 0): 60 km by day 1 is 20 km a day over the last 3 days; 60 more is 3 days.
    expect(persistenceArrivalDay([seen(1, 60)], 120, 0, 60)).toBe(4);
  });

  it('never arrives when the caravan has not moved for 3 days, or not by the last day', () => {
    expect(persistenceArrivalDay([seen(2, 60), seen(5, 60)], 120, 0, 60)).toBeNull();
    expect(persistenceArrivalDay([seen(2, 90)], 3000, 0, 60)).toBeNull();
  });
});

describe('the plain walker', () => {
  it('walks 30 km a day and rests after every 4 travel days, from the last report', () => {
    const [at120, at180] = walkerArrivalDays([seen(1, 60)], [120, 180], 0, 60, { walkKmPerDay: 30, restEveryNDays: 4, speedSpread: 0, extraRestChance: 0 }, 3, 1);
    // Days 2, 3 → 120 km; days 4, 5 → 180 km.
    expect(at120).toEqual([3, 3, 3]);
    // Travel days 2–5 reach 180 km on day 5, before the rest on day 6.
    expect(at180).toEqual([5, 5, 5]);
    const [withRest] = walkerArrivalDays([seen(1, 60)], [210], 0, 60, { walkKmPerDay: 30, restEveryNDays: 4, speedSpread: 0, extraRestChance: 0 }, 1, 1);
    expect(withRest).toEqual([7]);
  });
});

describe('scores', () => {
  it('gives the interval score: width, plus 2/alpha times the miss', () => {
    expect(intervalScore(10, 14, 12, 0.2)).toBe(4);
    expect(intervalScore(10, 14, 16, 0.2)).toBe(4 + 10 * 2);
    expect(intervalScore(10, 14, 9, 0.2)).toBe(4 + 10 * 1);
  });

  it('gives a planner’s quantiles over the runs that arrive, and all runs’ with a non-arrival the day after the horizon', () => {
    expect(scoredQuantiles([3, 4, null, 5], 61)).toEqual({ probability: 0.75, published: { p10Day: 3, p50Day: 4, p90Day: 5 }, allRuns: { p10Day: 3, p50Day: 4, p90Day: 61 } });
    expect(scoredQuantiles([null], 61)).toEqual({ probability: 0, published: null, allRuns: { p10Day: 61, p50Day: 61, p90Day: 61 } });
  });

  const base = { asOf: '', town: '', observedDate: '', offRouteKm: 0 } as const;
  const q = (p10Day: number, p50Day: number, p90Day: number) => ({ p10Day, p50Day, p90Day });
  const scored: ScoredMilestone[] = [
    // As of day 8, seen on day 10; 90 % of the runs arrive, on days 9-12; the other 10 % never (day 8 + 60 + 1 = 69).
    { ...base, caravan: 'x', leadDays: 2, model: 'forecast', observedDay: 10, probability: 0.9, published: q(9, 11, 12), allRuns: q(9, 11, 69) },
    { ...base, caravan: 'y', leadDays: 3, model: 'forecast', observedDay: 10, probability: 0.5, published: q(11, 13, 14), allRuns: q(11, 69, 69) },
    // A walker that never gets there within the horizon: as of day 20, no date, scored as day 81.
    { ...base, caravan: 'y', leadDays: 20, model: 'walker', observedDay: 40, probability: 0, published: null, allRuns: q(81, 81, 81) },
  ];

  it('pools the published view by lead time and model, per caravan and for all, with the probability’s Brier score', () => {
    const rows = backtestRows(scored, ['x', 'y'], 0.2, 'published', 60);
    expect(rows.find((r) => r.caravan === 'all' && r.leadDays === '1-3' && r.model === 'forecast')).toEqual({
      caravan: 'all',
      leadDays: '1-3',
      model: 'forecast',
      n: 2,
      p50AbsErrorDays: 2,
      coverage: 0.5,
      intervalScore: (3 + (3 + 10)) / 2,
      meanProbability: 0.7,
      brierScore: (0.01 + 0.25) / 2,
      noDate: 0,
    });
    expect(rows.find((r) => r.caravan === 'y' && r.leadDays === '15-30')).toEqual({ caravan: 'y', leadDays: '15-30', model: 'walker', n: 1, p50AbsErrorDays: 41, coverage: 0, intervalScore: 10 * 41, meanProbability: 0, brierScore: 1, noDate: 1 });
  });

  it('scores the same milestones over all runs as the second view', () => {
    const row = backtestRows(scored, ['x', 'y'], 0.2, 'all-runs', 60).find((r) => r.caravan === 'all' && r.leadDays === '1-3' && r.model === 'forecast')!;
    expect([row.p50AbsErrorDays, row.coverage, row.intervalScore]).toEqual([(1 + 59) / 2, 0.5, (60 + (58 + 10)) / 2]);
  });

  it('gives the Brier score of events that happened and did not, and bins them for reliability', () => {
    const event = (probability: number, happened: boolean): ProbabilityEvent => ({ caravan: 'x', asOf: '', town: '', model: 'forecast', leadDays: happened ? 5 : null, probability, happened, isDestination: false });
    const events = [event(0.9, true), event(0.92, true), event(0.3, false), event(1, true)];
    expect(brierScore(events)).toBeCloseTo((0.01 + 0.0064 + 0.09 + 0) / 4, 12);
    expect(reliability(events)).toEqual([
      { model: 'forecast', from: 0, to: 0.5, n: 1, meanProbability: 0.3, observedShare: 0 },
      { model: 'forecast', from: 0.9, to: 0.95, n: 2, meanProbability: 0.91, observedShare: 1 },
      { model: 'forecast', from: 0.95, to: 1, n: 1, meanProbability: 1, observedShare: 1 },
    ]);
  });
});
