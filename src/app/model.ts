/**
 * Simulate once, scrub the result: a scenario edit runs the model here; scrubbing and playing only
 * sample the cached trajectory. Also derives the series the charts draw, once per scenario.
 */
import type { LoadedData } from '../data/load-world';
import { nearestCrossingKmAt, nearestCrossingKmByNode } from '../sim/nearest-crossing';
import { planScenario } from '../sim/plan';
import { kmAt } from '../sim/sample';
import { simulatePlan, type Trajectory } from '../sim/run-scenario';
import type { Scenario } from '../sim/scenario';
import { troopsAt } from '../sim/troops';
import { validateTrajectory, type ValidationSummary } from '../sim/validation';

import type { SeriesPoint } from '../charts/series-charts';

export interface ModelResult {
  scenario: Scenario;
  trajectory: Trajectory;
  validation: ValidationSummary | null;
  /** Per group: road km to the nearest crossing over time. */
  distanceSeries: { group: string; points: SeriesPoint[] }[];
  /** Per US state: troops in place over time. */
  troopSeries: { usState: string; points: SeriesPoint[] }[];
  /** Per group, the same distance at any instant (for the chart cursor and the status line). */
  nearestCrossingKm(group: string, tHours: number): number | null;
  /** Per group, the same distance at a km along its route (for the ensemble's bands). */
  nearestCrossingKmAtKm(group: string, km: number): number | null;
}

const SERIES_STEP_HOURS = 6;
const STATES = ['CA', 'AZ', 'NM', 'TX'] as const;

/** `tailHours`: how far past the last simulated day the charts' series run (the timeline shows that much more). */
export function createModel(data: LoadedData, tailHours = 0): (scenario: Scenario) => ModelResult {
  const { world } = data;
  const byNode = nearestCrossingKmByNode(world.network, world.crossings.map((c) => c.facing));
  let last: { scenario: Scenario; result: ModelResult } | null = null;

  return (scenario) => {
    if (last?.scenario === scenario) return last.result;
    const trajectory = simulatePlan(planScenario(world, scenario));
    const spanHours = trajectory.spanHours + tailHours;
    const nearestCrossingKm = (group: string, tHours: number) => {
      const track = trajectory.groups.find((g) => g.id === group);
      const at = track && kmAt(track, tHours);
      return track && at ? nearestCrossingKmAt(track.route, at.km, byNode) : null;
    };
    const nearestCrossingKmAtKm = (group: string, km: number) => {
      const track = trajectory.groups.find((g) => g.id === group);
      return track ? nearestCrossingKmAt(track.route, km, byNode) : null;
    };
    const times: number[] = [];
    for (let t = 0; t <= spanHours; t += SERIES_STEP_HOURS) times.push(t);
    const result: ModelResult = {
      scenario,
      trajectory,
      validation: world.observations.length > 0 ? validateTrajectory(trajectory, world.observations) : null,
      distanceSeries: trajectory.groups.map((g) => ({
        group: g.id,
        points: times.flatMap((tHours) => {
          const value = nearestCrossingKm(g.id, tHours);
          return value === null ? [] : [{ tHours, value }];
        }),
      })),
      troopSeries: STATES.map((usState) => ({
        usState,
        points: times.map((tHours) => ({
          tHours,
          value: troopsAt(world.deployments, trajectory.startDate, tHours / 24, { usState }, scenario.troops.shiftDays),
        })),
      })),
      nearestCrossingKm,
      nearestCrossingKmAtKm,
    };
    last = { scenario, result };
    return result;
  };
}
