import { describe, expect, it } from 'vitest';
import { FieldError } from '../../../src/sim/field-error';
import { checkScenarioSize, parseScenario, ScenarioError } from '../../../src/sim/scenario';
import { SCENARIO_LIMITS } from '../../../src/sim/scenario-limits';

const base = { id: 'x', name: 'X', start: { place: 'a', date: '2018-10-25' }, groups: [{ id: 'main', headcount: 10 }] };
const group = (i: number) => ({ id: `g-${i}`, headcount: 10 });

function refusal(input: unknown): string {
  try {
    parseScenario(input);
  } catch (err) {
    if (err instanceof ScenarioError) return err.message;
    throw err;
  }
  throw new Error('expected the scenario to be refused');
}

describe('scenario bounds', () => {
  it('refuses more groups than a scenario can have, naming the bound and the count', () => {
    expect(refusal({ ...base, groups: Array.from({ length: 10_000 }, (_, i) => group(i)) })).toBe('groups: can have at most 12 groups (this one has 10,000)');
  });

  it('names the bound before looking inside the entries', () => {
    expect(refusal({ ...base, groups: Array.from({ length: 13 }, () => 'not a group') })).toBe('groups: can have at most 12 groups (this one has 13)');
  });

  it.each([
    ['route.via', { route: { via: Array(17).fill('b') } }, 'route.via: can have at most 16 via-places (this one has 17)'],
    ['route.closedPlaces', { route: { closedPlaces: Array(201).fill('b') } }, 'route.closedPlaces: can have at most 200 closed places (this one has 201)'],
    ['route.avoidRegions', { route: { avoidRegions: Array(33).fill('Oaxaca') } }, 'route.avoidRegions: can have at most 32 avoided regions (this one has 33)'],
    ['stays', { stays: Array(41).fill({ place: 'b', nights: 1 }) }, 'stays: can have at most 40 stays (this one has 41)'],
    ['modeRules', { modeRules: Array(41).fill({ mode: 'bus' }) }, 'modeRules: can have at most 40 mode rules (this one has 41)'],
    ['splits', { splits: Array(13).fill({}) }, 'splits: can have at most 12 splits (this one has 13)'],
    ['merges', { merges: Array(13).fill({}) }, 'merges: can have at most 12 merges (this one has 13)'],
    ['attrition.events', { attrition: { events: Array(101).fill({ date: '2018-10-26', share: 0.1 }) } }, 'attrition.events: can have at most 100 events (this one has 101)'],
    ['modeRules[0].regions', { modeRules: [{ mode: 'bus', regions: Array(33).fill('Oaxaca') }] }, 'modeRules[0].regions: can have at most 32 regions (this one has 33)'],
    ['stays[0].groups', { stays: [{ place: 'b', nights: 1, groups: Array(25).fill('main') }] }, 'stays[0].groups: can have at most 24 groups (this one has 25)'],
  ])('bounds %s', (_field, change, message) => {
    expect(refusal({ ...base, ...change })).toBe(message);
  });

  it('bounds names and descriptions, saying how long they are', () => {
    expect(refusal({ ...base, name: 'n'.repeat(10_000_000) })).toBe('name: can be at most 120 characters long (this one has 10,000,000)');
    expect(refusal({ ...base, description: 'd'.repeat(2_001) })).toBe('description: can be at most 2,000 characters long (this one has 2,001)');
    expect(refusal({ ...base, groups: [{ id: 'main', headcount: 1, name: 'g'.repeat(121) }] })).toBe('groups[0].name: can be at most 120 characters long (this one has 121)');
    expect(refusal({ ...base, start: { place: 'p'.repeat(101), date: '2018-10-25' } })).toBe('start.place: can be at most 100 characters long (this one has 101)');
  });

  it('accepts every list full to its bound', () => {
    const full = {
      ...base,
      groups: Array.from({ length: SCENARIO_LIMITS.groups }, (_, i) => group(i)),
      route: { via: Array(SCENARIO_LIMITS.via).fill('b'), closedPlaces: Array(SCENARIO_LIMITS.closedPlaces).fill('c'), avoidRegions: Array(SCENARIO_LIMITS.regions).fill('Oaxaca') },
      stays: Array(SCENARIO_LIMITS.stays).fill({ place: 'b', nights: 1 }),
      modeRules: Array(SCENARIO_LIMITS.modeRules).fill({ mode: 'walk' }),
    };
    expect(parseScenario(full).groups).toHaveLength(SCENARIO_LIMITS.groups);
  });

  it('leaves malformed entries to the full check when no list is too long', () => {
    expect(checkScenarioSize({ ...base, groups: 'many' })).toBeNull();
    expect(refusal({ ...base, groups: 'many' })).toBe('groups: expected a list, got text "many"');
  });
});

describe('unknown fields', () => {
  it('refuses a misspelt field instead of dropping it and using the default', () => {
    expect(refusal({ ...base, modes: { walk: { kmPerDy: 99 } } })).toBe('modes.walk: unknown field "kmPerDy"');
  });

  it('names an unknown field at the top level and in list entries', () => {
    expect(refusal({ ...base, speed: 3 })).toBe('scenario: unknown field "speed"');
    expect(refusal({ ...base, groups: [{ id: 'main', headcount: 1, headCount: 2 }] })).toBe('groups[0]: unknown field "headCount"');
  });
});

describe('duplicate ids', () => {
  it('refuses two groups with one id', () => {
    expect(refusal({ ...base, groups: [group(1), group(2), group(1)] })).toBe('groups[2].id: group id "g-1" is used twice');
  });

  it('refuses a split into an id a group already has', () => {
    const split = { group: 'main', atPlace: 'c', into: 'main', share: 0.5, destination: 'west-port' };
    expect(refusal({ ...base, splits: [split] })).toBe('splits[0].into: group id "main" is already taken by another group');
  });

  it('refuses two splits into one id', () => {
    const split = { group: 'main', atPlace: 'c', into: 'west', share: 0.5, destination: 'west-port' };
    expect(refusal({ ...base, splits: [split, split] })).toBe('splits[1].into: group id "west" is already taken by another group');
  });
});

describe('scenario dates', () => {
  it('refuses a start date past the calendar the model covers, in plain words', () => {
    expect(refusal({ ...base, start: { place: 'a', date: '9999-12-31' } })).toBe("start.date: must be between 2000-01-01 and 2100-12-31, the years the model's calendar covers");
  });

  it('accepts the first and last dates of that range', () => {
    expect(parseScenario({ ...base, start: { place: 'a', date: '2000-01-01' } }).start.date).toBe('2000-01-01');
    expect(parseScenario({ ...base, start: { place: 'a', date: '2100-12-31' }, maxDays: 365 }).start.date).toBe('2100-12-31');
  });

  it('bounds the dates of rules and events too', () => {
    expect(refusal({ ...base, modeRules: [{ mode: 'bus', fromDate: '1999-12-31' }] })).toBe("modeRules[0].fromDate: must be between 2000-01-01 and 2100-12-31, the years the model's calendar covers");
    expect(refusal({ ...base, attrition: { events: [{ date: '2018-02-30', share: 0.1 }] } })).toBe('attrition.events[0].date: expected a date as YYYY-MM-DD');
  });
});

describe('plain reasons', () => {
  it.each([
    [{ troops: { shiftDays: -90 } }, 'troops.shiftDays: must be at least −60 days'],
    [{ troops: { shiftDays: 1.5 } }, 'troops.shiftDays: must be a whole number of days'],
    [{ modes: { walk: { kmPerDay: 0 } } }, 'modes.walk.kmPerDay: must be a positive number of km per day'],
    [{ modes: { walk: { kmPerDay: 5000 } } }, 'modes.walk.kmPerDay: must be at most 2,000 km per day'],
    [{ modes: { walk: { kmPerDay: 'fast' } } }, 'modes.walk.kmPerDay: expected a number of km per day, got text "fast"'],
    [{ maxDays: 400 }, 'maxDays: must be at most 365 days'],
    [{ stays: [{ place: 'b', nights: 0 }] }, 'stays[0].nights: must be at least 1 night'],
    [{ modeRules: [{ mode: 'plane' }] }, 'modeRules[0].mode: must be one of "walk", "hitch", "bus" (got "plane")'],
    [{ groups: [] }, 'groups: needs at least 1 group'],
    [{ name: '' }, 'name: cannot be empty'],
    [{ start: { place: 'a' } }, 'start.date: is missing'],
  ])('says %j plainly', (change, message) => {
    expect(refusal({ ...base, ...change })).toBe(message);
  });

  it('makes every scenario refusal a FieldError with the field and the reason', () => {
    try {
      parseScenario({ ...base, maxDays: 0 });
    } catch (err) {
      expect(err).toBeInstanceOf(FieldError);
      expect([(err as FieldError).field, (err as FieldError).reason]).toEqual(['maxDays', 'must be at least 1 day']);
    }
  });
});
