import { describe, expect, it } from 'vitest';
import { createModelCache } from '../../../src/app/model-cache';
import { runScenario } from '../../../src/sim/run-scenario';
import { tinyData } from '../../fixtures/tiny-data';
import { tinyScenario } from '../../fixtures/tiny-world';

describe('the model cache', () => {
  it('plans a scenario once and runs that plan: the run uses the plan’s routes', () => {
    const models = createModelCache(tinyData());
    const scenario = tinyScenario();
    const plan = models.plan(scenario);
    expect(models.plan(scenario)).toBe(plan);
    const trajectory = models.trajectory(scenario);
    expect(trajectory.groups[0]!.route).toBe(plan.groups[0]!.route);
    expect(models.trajectory(scenario)).toBe(trajectory);
    expect(trajectory).toEqual(runScenario(tinyData().world, scenario));
  });

  it('keeps one result per scenario, with its run', () => {
    const models = createModelCache(tinyData());
    const scenario = tinyScenario();
    const result = models.result(scenario);
    expect(models.result(scenario)).toBe(result);
    expect(result.trajectory).toBe(models.trajectory(scenario));
    expect(models.result(tinyScenario())).not.toBe(result);
  });

  it('spans the timeline over the run and the tail, with a series point every 6 hours', () => {
    const result = createModelCache(tinyData(), 48).result(tinyScenario());
    // Walking 30 km a day from a, the group reaches e (120 km) on day 3: the run spans days 0–3.
    expect(result.trajectory.spanHours).toBeCloseTo(4 * 24, 0);
    expect(result.timelineSpanHours).toBeCloseTo(6 * 24, 0);
    expect(result.troopSeries.map((s) => s.usState)).toEqual(['CA', 'AZ', 'NM', 'TX']);
    expect(result.troopSeries[0]!.points.slice(0, 3).map((p) => p.tHours)).toEqual([0, 6, 12]);
  });

  it('gives road km to the nearest crossing at an instant and at a km: 100 at a, 70 at b, 55 halfway from b to c', () => {
    const result = createModelCache(tinyData()).result(tinyScenario());
    // At a: f is 100 km away (a–b–c–f), e 120 km: 100. At the end of day 0 (at b): f via c is 70 km.
    expect(result.nearestCrossingKm('main', 0)).toBe(100);
    expect(result.nearestCrossingKm('main', 20)).toBe(70);
    expect(result.nearestCrossingKm('nobody', 20)).toBeNull();
    expect(result.nearestCrossingKmAtKm('main', 45)).toBe(55);
  });
});
