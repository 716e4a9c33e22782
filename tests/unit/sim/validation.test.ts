import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/sim/run-scenario';
import { validateTrajectory } from '../../../src/sim/validation';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';

// The walk-only run sleeps at b on 10-25, c on 10-26, d on 10-27, e on 10-28.
const trajectory = runScenario(tinyWorld(), tinyScenario());

describe('validation against observed nights', () => {
  it('scores an exact match as 0 days and 0 km', () => {
    const result = validateTrajectory(trajectory, [{ date: '2018-10-26', group: 'main', place: 'c' }]);
    expect(result.milestones[0]).toMatchObject({ errorDays: 0, errorKm: 0, status: 'compared' });
  });

  it('says the simulation is a day late and 30 km behind when the caravan really slept at d on 10-26', () => {
    const result = validateTrajectory(trajectory, [{ date: '2018-10-26', group: 'main', place: 'd' }]);
    expect(result.milestones[0]).toMatchObject({ errorDays: 1, errorKm: -30 });
  });

  it('summarises the mean absolute error and the worst milestone', () => {
    const result = validateTrajectory(trajectory, [
      { date: '2018-10-26', group: 'main', place: 'c' },
      { date: '2018-10-26', group: 'main', place: 'e' },
      { date: '2018-10-20', group: 'main', place: 'a' },
      { date: '2018-10-26', group: 'lead', place: 'f' },
    ]);
    expect(result.compared).toBe(2);
    expect(result.meanAbsErrorDays).toBe(1);
    expect(result.worst).toMatchObject({ place: 'e', errorDays: 2 });
    expect(result.milestones.map((m) => m.status)).toEqual(['compared', 'compared', 'before-start', 'not-on-route']);
  });
});

describe('validation after arrival', () => {
  it('counts every night after arrival as a night at the destination', () => {
    const result = validateTrajectory(trajectory, [{ date: '2018-11-02', group: 'main', place: 'e' }]);
    expect(result.milestones[0]).toMatchObject({ errorDays: 0, errorKm: 0 });
  });

  it('still says the simulation is early when it arrives before the observed first night', () => {
    // The walk-only run reaches e on 10-28; an observation of 10-28 matches, one of 10-27 is a day early for the caravan.
    expect(validateTrajectory(trajectory, [{ date: '2018-10-27', group: 'main', place: 'e' }]).milestones[0]!.errorDays).toBe(1);
  });
});
