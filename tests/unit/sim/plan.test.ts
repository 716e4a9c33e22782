import { describe, expect, it } from 'vitest';
import { calendar, planScenario } from '../../../src/sim/plan';
import { ScenarioError, type ScenarioInput } from '../../../src/sim/scenario';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';

const world = tinyWorld();
const path = (route: { nodes: readonly { id: string }[] }) => route.nodes.map((n) => n.id).join('');
const refusal = (run: () => unknown): { field: string; reason: string } | null => {
  try {
    run();
    return null;
  } catch (err) {
    if (err instanceof ScenarioError) return { field: err.field, reason: err.reason };
    throw err;
  }
};

describe('planning a scenario', () => {
  it('routes the group to its destination and to the node facing every crossing', () => {
    const plan = planScenario(world, tinyScenario());
    const [main] = plan.groups;
    expect(main!.destination.id).toBe('east-port');
    expect(path(main!.route)).toBe('abcde');
    expect([...main!.routesByFacingNode.keys()].sort()).toEqual(['e', 'f']);
    // Risk does not count here (riskAversion 0): the 100 km road through c beats 110 km through g.
    expect(path(main!.routesByFacingNode.get('f')!)).toBe('abcf');
    expect(plan.reportedCrossings.map((c) => c.id)).toEqual(['east-port', 'west-port']);
  });

  it('picks the crossing with the shortest route for "nearest": West Port, 100 km against 120', () => {
    expect(planScenario(world, tinyScenario({ destination: 'nearest' })).groups[0]!.destination.id).toBe('west-port');
  });

  it('finds places by name, ignoring case', () => {
    expect(planScenario(world, tinyScenario({ start: { place: 'B', date: '2018-10-25' } })).startNodeId).toBe('b');
  });

  it('takes a via-place into the route even when it costs more', () => {
    const plan = planScenario(world, tinyScenario({ destination: 'west-port', route: { riskAversion: 0, via: ['g'] } }));
    expect(path(plan.groups[0]!.route)).toBe('abgf');
  });

  it('gives a split group the parent’s route to the split place, then its own road on', () => {
    const plan = planScenario(world, tinyScenario({ splits: [{ group: 'main', atPlace: 'c', into: 'west', share: 0.3, destination: 'west-port' }] }));
    expect(plan.splits[0]).toMatchObject({ parent: 'main', id: 'west', startNodeIndex: 2 });
    expect(path(plan.splits[0]!.route)).toBe('abcf');
    expect(plan.groups[0]!.splitIndices).toEqual([0]);
  });

  it('lists the local dates of days 0 to maxDays', () => {
    const dates = calendar(tinyScenario({ maxDays: 8 }));
    expect(dates).toHaveLength(9);
    expect([dates[0], dates[7], dates[8]]).toEqual(['2018-10-25', '2018-11-01', '2018-11-02']);
  });

  const refusals: [string, Partial<ScenarioInput>, { field: string; reason: string }][] = [
    ['an unknown via-place', { route: { via: ['atlantis'] } }, { field: 'route.via[0]', reason: 'unknown place "atlantis"' }],
    ['an unknown closed place', { route: { closedPlaces: ['atlantis'] } }, { field: 'route.closedPlaces[0]', reason: 'unknown place "atlantis"' }],
    ['a stay at an unknown place', { stays: [{ place: 'atlantis', nights: 2 }] }, { field: 'stays[0].place', reason: 'unknown place "atlantis"' }],
    ['a crossing that cannot be reached', { destination: 'east-port', route: { closedPlaces: ['d'] } }, { field: 'destination', reason: 'crossing "east-port" cannot be reached from the start' }],
    ['a start from which no crossing can be reached', { route: { closedPlaces: ['b'] } }, { field: 'start.place', reason: 'no crossing can be reached from "a"' }],
    ['a via-place behind a closed road', { route: { via: ['f'], closedPlaces: ['c', 'g'] } }, { field: 'route.via', reason: 'no road from "a" to "f"' }],
    ['a split of an unknown group', { splits: [{ group: 'rear', atPlace: 'c', into: 'x', share: 0.5, destination: 'west-port' }] }, { field: 'splits[0].group', reason: 'unknown group "rear"' }],
    ['a split into a group that exists', { splits: [{ group: 'main', atPlace: 'c', into: 'main', share: 0.5, destination: 'west-port' }] }, { field: 'splits[0].into', reason: 'group id "main" is already taken by another group' }],
    ['a merge into an unknown group', { merges: [{ group: 'main', into: 'rear', atPlace: 'c' }] }, { field: 'merges[0].into', reason: 'unknown group "rear"' }],
  ];
  it.each(refusals)('refuses %s, naming the field', (_what, overrides, expected) => {
    expect(refusal(() => planScenario(world, tinyScenario(overrides)))).toEqual(expected);
  });
});
