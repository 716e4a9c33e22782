/**
 * Pinned scenarios: each runs once (cached by scenario) for the comparison panel and for the ghosts
 * that move on the map on the same clock as the scenario on screen.
 */
import type { EnsembleResult } from '../sim/ensemble';
import { arrivalRows, type ArrivalRow } from '../sim/arrival-table';
import { runScenario, type Trajectory } from '../sim/run-scenario';
import { sampleAt, type GroupPosition } from '../sim/sample';
import type { Scenario } from '../sim/scenario';
import { daysBetween } from '../sim/time';
import type { World } from '../sim/world';
import type { ComparedScenario } from '../ui/compare-panel';
import { localized } from '../ui/i18n';

export interface Comparison {
  /** The scenario on screen first, then each pinned one. */
  scenarios(current: { scenario: Scenario; trajectory: Trajectory; rows: readonly ArrivalRow[] }, pinned: readonly Scenario[]): ComparedScenario[];
  /** The pinned scenarios' groups at the same calendar instant as `tHours` of a run starting on `startDate`. */
  ghosts(pinned: readonly Scenario[], startDate: string, tHours: number): { trajectory: Trajectory; positions: GroupPosition[] }[];
}

const destinationsOf = (trajectory: Trajectory) => new Set(trajectory.groups.map((g) => g.destination));

export function createComparison(world: World, cachedEnsemble: (scenario: Scenario) => EnsembleResult | null): Comparison {
  const runs = new WeakMap<Scenario, Trajectory>();
  const trajectoryOf = (scenario: Scenario) => {
    let trajectory = runs.get(scenario);
    if (!trajectory) runs.set(scenario, (trajectory = runScenario(world, scenario)));
    return trajectory;
  };
  return {
    scenarios(current, pinned) {
      return [
        { name: localized(current.scenario.name, current.scenario.nameEs), rows: current.rows, destinations: destinationsOf(current.trajectory) },
        ...pinned.map((scenario) => {
          const trajectory = trajectoryOf(scenario);
          return { name: localized(scenario.name, scenario.nameEs), rows: arrivalRows(trajectory, world, cachedEnsemble(scenario)), destinations: destinationsOf(trajectory) };
        }),
      ];
    },
    ghosts(pinned, startDate, tHours) {
      return pinned.map((scenario) => {
        const trajectory = trajectoryOf(scenario);
        // The same instant on the pinned scenario's own clock (it may start on another day).
        const shift = daysBetween(startDate, trajectory.startDate) * 24;
        return { trajectory, positions: sampleAt(trajectory, tHours - shift) };
      });
    },
  };
}
