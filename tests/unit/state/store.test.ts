import { describe, expect, it } from 'vitest';
import { planScenario } from '../../../src/sim/plan';
import type { Scenario } from '../../../src/sim/scenario';
import { createAppStore, MAX_PINNED_SCENARIOS } from '../../../src/state/store';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';

const world = tinyWorld();
/** A store whose checks are the model's planning on the tiny world, counting the candidates it checked. */
function tinyStore(initial: Scenario = tinyScenario()) {
  const checked: Scenario[] = [];
  const store = createAppStore({
    scenario: initial,
    presetId: 'tiny',
    check: (scenario) => {
      checked.push(scenario);
      planScenario(world, scenario);
    },
  });
  return { store, checked, actions: () => store.getState() };
}

describe('the store', () => {
  it('replaces the scenario with a valid edit, which is checked once and clears that field’s error', () => {
    const { store, checked, actions } = tinyStore();
    actions().refuse('walk', 'earlier refusal');
    const next = { ...tinyScenario(), modes: { ...tinyScenario().modes, walk: { kmPerDay: 45 } } };
    expect(actions().applyScenario(next, 'walk')).toBe(true);
    expect(store.getState().scenario.modes.walk.kmPerDay).toBe(45);
    expect(store.getState().fieldErrors).toEqual({});
    expect(store.getState().presetId).toBeNull();
    expect(checked).toEqual([store.getState().scenario]);
  });

  it('refuses an edit the schema refuses, naming the reason for the field, and keeps the scenario', () => {
    const { store, checked, actions } = tinyStore();
    const before = store.getState().scenario;
    expect(actions().applyScenario({ ...before, modes: { ...before.modes, walk: { kmPerDay: -5 } } }, 'walk')).toBe(false);
    expect(store.getState().fieldErrors).toEqual({ walk: 'must be a positive number of km per day' });
    expect(store.getState().scenario).toBe(before);
    expect(checked).toEqual([]);
  });

  it('refuses an edit the routes refuse (a crossing that cannot be reached) and keeps the scenario', () => {
    const { store, actions } = tinyStore();
    const before = store.getState().scenario;
    expect(actions().applyScenario({ ...before, route: { ...before.route, closedPlaces: ['d'] } }, 'destination')).toBe(false);
    expect(store.getState().fieldErrors.destination).toBe('crossing "east-port" cannot be reached from the start');
    expect(store.getState().scenario).toBe(before);
  });

  it('keeps the preset a scenario came from when told', () => {
    const { store, actions } = tinyStore();
    actions().applyScenario(tinyScenario({ id: 'other' }), 'preset', 'other');
    expect(store.getState().presetId).toBe('other');
  });

  it('keeps time inside the span, steps by days and restarts playing from the start at the end', () => {
    const { store, actions } = tinyStore();
    actions().setSpan(240);
    actions().setTime(500);
    expect(store.getState().clock.tHours).toBe(240);
    actions().stepDays(-3);
    expect(store.getState().clock.tHours).toBe(168);
    actions().setTime(240);
    actions().togglePlay();
    expect(store.getState().clock).toMatchObject({ playing: true, tHours: 0 });
    actions().setSpan(100);
    actions().setTime(90);
    actions().setSpan(48);
    expect(store.getState().clock.tHours).toBe(48);
  });

  it('ticks the clock only while playing: 500 ms at 2 days a second is a day', () => {
    const { store, actions } = tinyStore();
    actions().setSpan(240);
    actions().tick(500);
    expect(store.getState().clock.tHours).toBe(0);
    actions().setPlaying(true);
    actions().tick(500);
    expect(store.getState().clock.tHours).toBe(24);
  });

  it(`pins at most ${MAX_PINNED_SCENARIOS} scenarios and unpins by position`, () => {
    const { store, actions } = tinyStore();
    for (let i = 0; i < MAX_PINNED_SCENARIOS; i++) expect(actions().pin()).toBe(true);
    expect(actions().pin()).toBe(false);
    expect(store.getState().pinned).toHaveLength(MAX_PINNED_SCENARIOS);
    actions().unpin(0);
    expect(store.getState().pinned).toHaveLength(MAX_PINNED_SCENARIOS - 1);
  });

  it('restores a shared view whole, or refuses it whole when any scenario in it is refused', () => {
    const { store, actions } = tinyStore();
    const other = tinyScenario({ id: 'other', destination: 'west-port' });
    actions().restore({ scenario: other, pinned: [tinyScenario()], presetId: null, tHours: 30 });
    expect(store.getState()).toMatchObject({ scenario: other, presetId: null, clock: { tHours: 30, playing: false } });
    expect(store.getState().pinned).toHaveLength(1);
    const broken = tinyScenario({ id: 'broken', route: { closedPlaces: ['b'] } });
    const before = store.getState();
    expect(() => actions().restore({ scenario: tinyScenario(), pinned: [broken], presetId: 'tiny', tHours: 0 })).toThrow('no crossing can be reached');
    expect(store.getState()).toBe(before);
  });

  it('holds the language and its locale; setting the same language changes nothing', () => {
    const { store, actions } = tinyStore();
    expect([store.getState().language, store.getState().locale]).toEqual(['en', 'en-GB']);
    let notified = 0;
    store.subscribe(() => notified++);
    actions().setLanguage('es');
    expect([store.getState().language, store.getState().locale]).toEqual(['es', 'es-MX']);
    actions().setLanguage('es');
    expect(notified).toBe(1);
  });
});
