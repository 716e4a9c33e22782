/**
 * Pinned scenarios: each runs once (through the model cache) for the comparison panel and for the
 * ghosts that move on the map on the same clock as the scenario on screen.
 */
import type { ArrivalRow } from '../sim/arrival-table';
import { arrivalRows } from '../sim/arrival-table';
import type { EnsembleResult } from '../sim/ensemble';
import type { Trajectory } from '../sim/run-scenario';
import { sampleAt, type GroupPosition } from '../sim/sample';
import type { Scenario } from '../sim/scenario';
import { daysBetween } from '../sim/time';
import type { World } from '../sim/world';
import type { ComparedScenario } from '../ui/compare-panel';
import type { Text } from '../ui/i18n';
import type { ModelCache } from './model-cache';

/** A pinned scenario, run: what the frame samples for its ghost. */
export interface PinnedRun {
  scenario: Scenario;
  trajectory: Trajectory;
  rows: readonly ArrivalRow[];
}

const destinationsOf = (trajectory: Trajectory) => new Set(trajectory.groups.map((g) => g.destination));

/** Runs (or finds in the cache) each pinned scenario, with its arrival rows (and its ensemble's ranges, if one is cached). */
export function runPinned(models: ModelCache, world: World, pinned: readonly Scenario[], cachedEnsemble: (scenario: Scenario) => EnsembleResult | null): PinnedRun[] {
  return pinned.map((scenario) => {
    const trajectory = models.trajectory(scenario);
    return { scenario, trajectory, rows: arrivalRows(trajectory, world, cachedEnsemble(scenario)) };
  });
}

/** The scenario on screen first, then each pinned one, as the comparison panel lists them. */
export function comparedScenarios(current: { scenario: Scenario; trajectory: Trajectory; rows: readonly ArrivalRow[] }, pinned: readonly PinnedRun[], { localized }: Text): ComparedScenario[] {
  return [current, ...pinned].map((run) => ({ name: localized(run.scenario.name, run.scenario.nameEs), rows: run.rows, destinations: destinationsOf(run.trajectory) }));
}

/** The pinned scenarios' groups at the same calendar instant as `tHours` of a run starting on `startDate`. */
export function ghostsAt(pinned: readonly PinnedRun[], startDate: string, tHours: number): { trajectory: Trajectory; positions: GroupPosition[] }[] {
  return pinned.map(({ trajectory }) => {
    // The same instant on the pinned scenario's own clock (it may start on another day).
    const shift = daysBetween(startDate, trajectory.startDate) * 24;
    return { trajectory, positions: sampleAt(trajectory, tHours - shift) };
  });
}
