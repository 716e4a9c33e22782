/** Scoring by hand: the baselines, the interval score, and the backtest's rows. */
import { describe, expect, it } from 'vitest';
import { backtestRows, intervalScore, type ScoredMilestone } from '../../../../src/sim/forecast/backtest';
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

  it('pools rows by lead time and model, per caravan and for all', () => {
    const base = { asOf: '', town: '', observedDate: '', censored: false, offRouteKm: 0 } as const;
    const scored: ScoredMilestone[] = [
      { ...base, caravan: 'x', leadDays: 2, model: 'forecast', observedDay: 10, p10Day: 9, p50Day: 11, p90Day: 12 },
      { ...base, caravan: 'y', leadDays: 3, model: 'forecast', observedDay: 10, p10Day: 11, p50Day: 13, p90Day: 14 },
      { ...base, caravan: 'y', leadDays: 20, model: 'walker', observedDay: 40, p10Day: 50, p50Day: 60, p90Day: 70 },
    ];
    const rows = backtestRows(scored, ['x', 'y'], 0.2);
    expect(rows.find((r) => r.caravan === 'all' && r.leadDays === '1-3' && r.model === 'forecast')).toEqual({ caravan: 'all', leadDays: '1-3', model: 'forecast', n: 2, p50AbsErrorDays: 2, coverage: 0.5, intervalScore: (3 + (3 + 10)) / 2 });
    expect(rows.find((r) => r.caravan === 'y' && r.leadDays === '15-30')).toEqual({ caravan: 'y', leadDays: '15-30', model: 'walker', n: 1, p50AbsErrorDays: 20, coverage: 0, intervalScore: 20 + 100 });
  });
});
