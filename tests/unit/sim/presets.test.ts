/**
 * Golden scenarios: the presets' outputs are pinned in tests/fixtures/golden. A change to the model
 * or the data that moves them fails here; regenerate on purpose with `UPDATE_GOLDEN=1 npm run test:unit`.
 */
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { loadWorldFromDisk, readPresetFiles } from '../../../src/data/read-data-files';
import { overnightPositions } from '../../../src/sim/arrival-table';
import { rngForRun } from '../../../src/sim/ensemble';
import { runScenario } from '../../../src/sim/run-scenario';
import { parseScenario } from '../../../src/sim/scenario';
import { validateTrajectory } from '../../../src/sim/validation';
import { expectGolden } from '../../golden';

const { world } = loadWorldFromDisk();
const presets = loadPresets(readPresetFiles());

function summary(id: string) {
  const trajectory = runScenario(world, presets.get(id)!);
  return {
    arrivals: trajectory.arrivals.map((a) => ({ crossing: a.crossing, group: a.group, date: a.date, routeKm: a.routeKm, isDestination: a.isDestination })),
    nights: overnightPositions(trajectory).map((p) => `${p.date} ${p.group} ${p.node ?? `roadside@${p.km}`} ${p.headcount}`),
  };
}

describe('presets', () => {
  it('are the four scenario presets the product promises (the forecast preset as-of-2018-10-25 is not a scenario)', () => {
    expect([...presets.keys()].sort()).toEqual(['historical-2018', 'shortest-to-texas', 'walk-only', 'walker-2018-10-25']);
  });

  it.each([...presets.keys()])('%s matches its golden output', (id) => {
    expectGolden(id, summary(id));
  });

  it('historical-2018 reproduces the observed 2018 milestones: mean error ≤ 1 day, none off by more than 3', () => {
    const result = validateTrajectory(runScenario(world, presets.get('historical-2018')!), world.observations);
    expect(result.compared).toBeGreaterThanOrEqual(30);
    expect(result.meanAbsErrorDays!).toBeLessThanOrEqual(1);
    expect(Math.abs(result.worst!.errorDays!)).toBeLessThanOrEqual(3);
  });

  it('historical-2018 has the main group at Mexico City on 2018-11-05 and in Tijuana by 2018-11-21', () => {
    const trajectory = runScenario(world, presets.get('historical-2018')!);
    const nights = overnightPositions(trajectory).filter((p) => p.group === 'main');
    expect(nights.find((p) => p.date === '2018-11-05')?.node).toBe('mexico-city');
    expect(nights.find((p) => p.date === '2018-11-21')?.node).toBe('tijuana');
  });

  it('shortest-to-texas heads for Texas along the Gulf route the caravan avoided', () => {
    const shortest = runScenario(world, presets.get('shortest-to-texas')!);
    expect(world.crossings.find((c) => c.id === shortest.groups[0]!.destination)?.usState).toBe('TX');
    expect(shortest.groups[0]!.route.nodes.map((n) => n.id)).toContain('ciudad-victoria');
  });

  it('walk-only reaches San Ysidro months after the 2018 caravan did', () => {
    const date = (id: string) => runScenario(world, presets.get(id)!).arrivals.find((a) => a.crossing === 'san-ysidro' && a.group === 'main')!.date!;
    expect(date('walk-only') > '2019-01-01').toBe(true);
    expect(date('historical-2018') < '2018-11-30').toBe(true);
  });

  it('walker-2018-10-25 (the plain-walker baseline) gives an arrival at every crossing', () => {
    const trajectory = runScenario(world, presets.get('walker-2018-10-25')!);
    expect(new Set(trajectory.arrivals.map((a) => a.crossing)).size).toBe(world.crossings.length);
    expect(trajectory.arrivals.every((a) => a.date !== null)).toBe(true);
  });

  it.each([
    ['walker-2018-10-25', 11],
    ['shortest-to-texas', 12],
    ['walk-only', 13],
  ])('%s estimates "if they went there instead" exactly as a run heading there (seed %i)', (id, seed) => {
    const base = presets.get(id)!;
    const all = runScenario(world, { ...base, destination: 'all' }, rngForRun(seed, 0));
    for (const crossing of ['san-ysidro', 'calexico-west', 'nogales-deconcini', 'el-paso-paso-del-norte', 'del-rio', 'laredo-juarez-lincoln', 'hidalgo', 'brownsville-gateway']) {
      const headed = runScenario(world, parseScenario({ ...base, destination: crossing }), rngForRun(seed, 0));
      expect(all.arrivals.find((a) => a.crossing === crossing)!.tHours, crossing).toBe(headed.groups[0]!.arrivalHours);
    }
  });
});
