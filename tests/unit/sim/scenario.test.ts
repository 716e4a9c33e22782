import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../../src/sim/scenario';
import { planScenario } from '../../../src/sim/plan';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';

const base = { id: 'x', name: 'X', start: { place: 'a', date: '2018-10-25' }, groups: [{ id: 'main', headcount: 10 }] };

describe('scenario validation', () => {
  it('fills in the defaults of a minimal scenario', () => {
    const scenario = parseScenario(base);
    expect(scenario.modes.walk.kmPerDay).toBe(30);
    expect(scenario.destination).toBe('all');
    expect(scenario.route.riskAversion).toBe(1);
  });

  it('names the field of a negative walking speed', () => {
    expect(() => parseScenario({ ...base, modes: { walk: { kmPerDay: -5 } } })).toThrow(new ScenarioError('modes.walk.kmPerDay', 'must be a positive number of km per day'));
  });

  it('names the field of a malformed date', () => {
    expect(() => parseScenario({ ...base, start: { place: 'a', date: '2018-13-45' } })).toThrow(/^start\.date: expected a date as YYYY-MM-DD/);
  });

  it('refuses an unknown start place when planning, naming the field', () => {
    expect(() => planScenario(tinyWorld(), tinyScenario({ start: { place: 'atlantis', date: '2018-10-25' } }))).toThrow('start.place: unknown place "atlantis"');
  });

  it('refuses an unknown destination crossing', () => {
    expect(() => planScenario(tinyWorld(), tinyScenario({ destination: 'nowhere-port' }))).toThrow('destination: unknown crossing "nowhere-port"');
  });

  it('refuses a split at a place off the group’s route', () => {
    expect(() =>
      planScenario(tinyWorld(), tinyScenario({ splits: [{ group: 'main', atPlace: 'g', into: 'x', share: 0.5, destination: 'west-port' }] })),
    ).toThrow('splits[0].atPlace: "g" is not on the route of group "main"');
  });
});
