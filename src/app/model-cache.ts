/**
 * Simulate once, scrub the result: the one cache of model work, keyed by scenario. Checking an edit
 * plans it (references and routes) and keeps the plan; showing it runs that plan once and keeps the
 * trajectory and the series the charts draw. Scrubbing, playing and the pinned scenarios' ghosts
 * only read what is here.
 */
import type { LoadedData } from '../data/load-world';
import type { SeriesPoint } from '../charts/series-charts';
import { nearestCrossingKmAt, nearestCrossingKmByNode } from '../sim/nearest-crossing';
import { planScenario, type ScenarioPlan } from '../sim/plan';
import { kmAt } from '../sim/sample';
import { simulatePlan, type Trajectory } from '../sim/run-scenario';
import type { Scenario } from '../sim/scenario';
import { troopsAt } from '../sim/troops';
import { validateTrajectory, type ValidationSummary } from '../sim/validation';

export interface ModelResult {
  scenario: Scenario;
  trajectory: Trajectory;
  validation: ValidationSummary | null;
  /** Per group: road km to the nearest crossing over time. */
  distanceSeries: { group: string; points: SeriesPoint[] }[];
  /** Per US state: troops in place over time. */
  troopSeries: { usState: string; points: SeriesPoint[] }[];
  /** Model hours the timeline spans: the run and a tail after its last day. */
  timelineSpanHours: number;
  /** Per group, road km to the nearest crossing at an instant (the status line). */
  nearestCrossingKm(group: string, tHours: number): number | null;
  /** Per group, the same distance at a km along its route (the ensemble's bands). */
  nearestCrossingKmAtKm(group: string, km: number): number | null;
}

export interface ModelCache {
  /** The scenario's plan; throws ScenarioError when a reference or a route is wrong. Runs no simulation. */
  plan(scenario: Scenario): ScenarioPlan;
  /** The scenario's run (the plan simulated once, without randomness). */
  trajectory(scenario: Scenario): Trajectory;
  /** The run and everything the views derive from it once per scenario. */
  result(scenario: Scenario): ModelResult;
}

const SERIES_STEP_HOURS = 6;
const STATES = ['CA', 'AZ', 'NM', 'TX'] as const;

/**
 * `tailHours`: how far past the last simulated day the timeline (and the charts' series) run.
 * Entries go with their scenario (a WeakMap): scenarios no longer on screen or pinned are dropped.
 */
export function createModelCache(data: LoadedData, tailHours = 0): ModelCache {
  const { world } = data;
  const byNode = nearestCrossingKmByNode(world.network, world.crossings.map((c) => c.facing));
  const plans = new WeakMap<Scenario, ScenarioPlan>();
  const trajectories = new WeakMap<Scenario, Trajectory>();
  const results = new WeakMap<Scenario, ModelResult>();

  const cache: ModelCache = {
    plan(scenario) {
      let plan = plans.get(scenario);
      if (!plan) plans.set(scenario, (plan = planScenario(world, scenario)));
      return plan;
    },
    trajectory(scenario) {
      let trajectory = trajectories.get(scenario);
      if (!trajectory) trajectories.set(scenario, (trajectory = simulatePlan(cache.plan(scenario))));
      return trajectory;
    },
    result(scenario) {
      let result = results.get(scenario);
      if (!result) results.set(scenario, (result = derive(scenario, cache.trajectory(scenario))));
      return result;
    },
  };

  const derive = (scenario: Scenario, trajectory: Trajectory): ModelResult => {
    const timelineSpanHours = trajectory.spanHours + tailHours;
    const trackOf = (group: string) => trajectory.groups.find((g) => g.id === group);
    const nearestCrossingKm = (group: string, tHours: number) => {
      const track = trackOf(group);
      const at = track && kmAt(track, tHours);
      return track && at ? nearestCrossingKmAt(track.route, at.km, byNode) : null;
    };
    const nearestCrossingKmAtKm = (group: string, km: number) => {
      const track = trackOf(group);
      return track ? nearestCrossingKmAt(track.route, km, byNode) : null;
    };
    const times: number[] = [];
    for (let t = 0; t <= timelineSpanHours; t += SERIES_STEP_HOURS) times.push(t);
    return {
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
      timelineSpanHours,
      nearestCrossingKm,
      nearestCrossingKmAtKm,
    };
  };
  return cache;
}
