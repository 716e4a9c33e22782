/**
 * What the reports' likelihood (the calibration's objective) sees, on the tiny line
 * a —30— b —30— c —30— d —30— e (tiny-forecast.ts; by default a caravan walks exactly 30 km a day,
 * reports have a position sd of 5 km, 1 % of them are wrong, placed anywhere on the 120 km).
 */
import { describe, expect, it } from 'vitest';
import { normalCdf, runFilter } from '../../../../src/sim/forecast/filter';
import { HeadcountCovariance } from '../../../../src/sim/forecast/headcount';
import type { ForecastParameters } from '../../../../src/sim/forecast/parameters';
import type { PlacedReport } from '../../../../src/sim/forecast/reports';
import { dayQuantile } from '../../../../src/sim/forecast/summary';
import { tinyCourse, tinyParams, tinyStructure } from '../../../fixtures/tiny-forecast';

const seen = (day: number, km: number, extra: Partial<PlacedReport> = {}): PlacedReport => ({ day, km, group: 'main', offRouteKm: 0, headcount: null, ended: false, date: '', ...extra });

function filter(params: Partial<ForecastParameters>, reports: PlacedReport[], { runs = 50, seed = 1, days = 4, structure = tinyStructure() } = {}) {
  return runFilter({ course: tinyCourse('let-pass', structure), structure, params: tinyParams(params), policy: 'let-pass', startHeadcount: 1000, reports, runs, seed, days, keepHistory: true });
}

/** A walker's density at a report 0 sd off (sd 5 km), plus the wrong-report share over 120 km; a dissolved caravan only the latter. */
const ON_TIME = 0.99 / (5 * Math.sqrt(2 * Math.PI)) + 0.01 / 120;
const WRONG = 0.01 / 120;

describe('survival in the likelihood', () => {
  it('counts the chance of not having ended: seen on days 0 and 3, a 10 %/day hazard costs log 0.9 + log(0.9³ + (1 − 0.9³) × wrong/on time)', () => {
    const reports = [seen(0, 30), seen(3, 120)];
    const base = filter({ endHazardLetPass: 0 }, reports).logLikelihood;
    const hazard = filter({ endHazardLetPass: 0.1 }, reports).logLikelihood;
    const survive3 = 0.9 ** 3;
    // The caravan could also have dissolved and the sighting be wrong: the mixture, exactly.
    const expected = Math.log(0.9 + 0.1 * (WRONG / ON_TIME)) + Math.log(survive3 + (1 - survive3) * (WRONG / ON_TIME));
    expect(hazard - base).toBeCloseTo(expected, 9);
    expect(base).toBeCloseTo(2 * Math.log(ON_TIME), 9);
  });

  it('is the same for every seed: no run dies at random while reports are still to come', () => {
    const reports = [seen(0, 30), seen(3, 120)];
    const values = [1, 2, 3].map((seed) => filter({ endHazardLetPass: 0.05, speedLogSd: 0 }, reports, { seed }).logLikelihood);
    expect(new Set(values).size).toBe(1);
  });

  it('lets runs end by chance after the last report: 10 %/day after a report on day 0 leaves 0.9^d alive on day d', () => {
    const h = filter({ endHazardLetPass: 0.1, restLogit: 60 }, [seen(0, 0)], { runs: 4000, days: 6 }).history!;
    const alive = (day: number) => Array.from({ length: h.runs }, (_, run) => h.ended[run * h.days + day] === 0).filter(Boolean).length / h.runs;
    expect(alive(0)).toBe(1);
    expect(alive(5)).toBeCloseTo(0.9 ** 5, 1);
  });

  it('explains a report of an ended caravan by ending: headcount 0 on day 2 is likelier under a higher hazard', () => {
    const reports = [seen(0, 30), seen(2, 90, { ended: true })];
    const low = filter({ endHazardLetPass: 0.001 }, reports).logLikelihood;
    const high = filter({ endHazardLetPass: 0.3 }, reports).logLikelihood;
    expect(high).toBeGreaterThan(low);
  });
});

describe('lead and rear sightings', () => {
  it('reads a rear sighting as "the main group is there or ahead": 30 km behind costs log(0.99 Φ(30/40) + 0.01), nothing else', () => {
    const without = filter({}, [seen(1, 60)]).logLikelihood;
    const withRear = filter({}, [seen(1, 60), seen(1, 30, { group: 'rear' })]).logLikelihood;
    expect(withRear - without).toBeCloseTo(Math.log(0.99 * normalCdf(30 / 40) + 0.01), 9);
    // The main group is where the main report says, whatever the rear sighting.
    expect(filter({}, [seen(1, 60), seen(1, 30, { group: 'rear' })]).history!.km[1]).toBe(60);
  });

  it('reads a lead sighting far from every run as a splinter group: it costs log((wrong + splinter share) / 120 km)', () => {
    const structure = tinyStructure({ reports: { ...tinyStructure().reports, leadSplinterShare: 0.3 } });
    const without = filter({}, [seen(0, 30)], { structure }).logLikelihood;
    const withLead = filter({}, [seen(0, 30), seen(0, 120, { group: 'lead' })], { structure }).logLikelihood;
    // 90 km off with sd 5 + 20 km: the normal part is e^−6.5 of its peak, next to nothing.
    const sd = 25;
    const normal = ((1 - 0.31) / (sd * Math.sqrt(2 * Math.PI))) * Math.exp(-0.5 * (90 / sd) ** 2);
    expect(withLead - without).toBeCloseTo(Math.log(normal + 0.31 / 120), 9);
  });

  it('estimates the normal CDF to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });
});

describe('headcount conditioned exactly (Kalman, in log)', () => {
  const flat = { headcountLevelLogSd: 0.5, headcountReportLogSd: 0.5, headcountGrowthPerDay: 0, headcountDecayPerDay: 0, headcountDriftSd: 0.001 };

  it('meets a report halfway in log when the start and the report are equally uncertain: 1,000 then 4,000 → 2,000', () => {
    const f = filter(flat, [seen(0, 30, { headcount: 4000 })], { runs: 2000, days: 1 });
    const counts = Float64Array.from(f.history!.headcount).sort();
    // Posterior sd of log: 0.5/√2; the runs draw their count from it after the last report.
    expect(dayQuantile(counts, 0.5) / 2000).toBeCloseTo(1, 1);
    expect(Math.log(dayQuantile(counts, 0.9) / dayQuantile(counts, 0.1)) / (2 * 1.2816)).toBeCloseTo(0.5 / Math.SQRT2, 1);
  });

  it('adds the predictive density of the count to the likelihood: N(log 4,000; log 1,000, 0.5² + 0.5²)', () => {
    const without = filter(flat, [seen(0, 30)], { days: 1 }).logLikelihood;
    const withCount = filter(flat, [seen(0, 30, { headcount: 4000 })], { days: 1 }).logLikelihood;
    const variance = 0.5 ** 2 + 0.5 ** 2 + 0.001 ** 2;
    const z = Math.log(4);
    expect(withCount - without).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * variance) - (0.5 * z * z) / variance, 4);
  });

  it('learns a caravan’s own drift: counts 1,000, 800, 640 on days 0–2 forecast about 410 on day 4', () => {
    const params = { headcountLevelLogSd: 1, headcountReportLogSd: 0.02, headcountGrowthPerDay: 0, headcountDecayPerDay: 0, headcountDriftSd: 0.5 };
    const reports = [seen(0, 30, { headcount: 1000 }), seen(1, 60, { headcount: 800 }), seen(2, 90, { headcount: 640 })];
    const h = filter(params, reports, { runs: 400, days: 5 }).history!;
    const day4 = Float64Array.from({ length: h.runs }, (_, run) => h.headcount[run * h.days + 4]!).sort();
    // −22.3 % a day in log (0.8 a day) carried on two more days: 640 × 0.8² ≈ 410.
    expect(dayQuantile(day4, 0.5) / 410).toBeCloseTo(1, 1);
  });

  it('shares one covariance: after a report P shrinks by the Kalman gain, the same whatever the count', () => {
    const cov = new HeadcountCovariance({ levelLogSd: 0.6, driftSd: 0, dailyLogSd: 0, reportLogSd: 0.8 });
    expect(cov.gains().level).toBeCloseTo(0.36 / (0.36 + 0.64), 12);
    cov.update();
    expect(cov.ll).toBeCloseTo(0.36 * 0.64, 12);
    cov.predict();
    expect(cov.ll).toBeCloseTo(0.36 * 0.64, 12);
  });
});

describe('a caravan’s pace persists', () => {
  it('keeps a fast caravan fast: seen at c (60 km) after one day, with correlation 0.99 it makes ~60 km the next day, with 0.01 ~30', () => {
    const dayAfter = (speedAutocorrelation: number) => {
      const h = filter({ speedLogSd: 0.5, speedAutocorrelation }, [seen(0, 60)], { runs: 2000, days: 2, structure: tinyStructure({ arrivalToleranceKm: 0 }) }).history!;
      return dayQuantile(Float64Array.from({ length: h.runs }, (_, run) => h.km[run * h.days + 1]! - 60).sort(), 0.5);
    };
    // The pace behind 60 km is log 2 / 0.5; the next day's median is 30 × 2^0.99 or 30 × 2^0.01.
    expect(dayAfter(0.99)).toBeGreaterThan(56);
    expect(dayAfter(0.99)).toBeLessThan(60.5);
    expect(dayAfter(0.01)).toBeGreaterThan(28);
    expect(dayAfter(0.01)).toBeLessThan(32.5);
  });

  it('correlates one day’s log km with the next by the autocorrelation (0.8 over 2,000 free runs)', () => {
    const h = filter({ speedLogSd: 0.3, speedAutocorrelation: 0.8, walkKmPerDay: 10 }, [], { runs: 2000, days: 3 }).history!;
    const day = (d: number) => Array.from({ length: h.runs }, (_, run) => Math.log(h.km[run * h.days + d]! - (d === 0 ? 0 : h.km[run * h.days + d - 1]!)));
    const [x, y] = [day(1), day(2)];
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const [mx, my] = [mean(x), mean(y)];
    const cov = mean(x.map((v, i) => (v - mx) * (y[i]! - my)));
    const correlation = cov / Math.sqrt(mean(x.map((v) => (v - mx) ** 2)) * mean(y.map((v) => (v - my) ** 2)));
    expect(correlation).toBeGreaterThan(0.75);
    expect(correlation).toBeLessThan(0.85);
  });
});
