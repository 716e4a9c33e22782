import { describe, expect, it } from 'vitest';
import { applyScenarioPatch, diffScenario, PatchError } from '../../../src/state/scenario-patch';

const base = { name: 'Base', rest: { everyNDays: 4 }, modes: { walk: { kmPerDay: 30 }, bus: { kmPerDay: 600 } }, stays: [{ place: 'puebla', nights: 2 }] };

describe('scenario patches', () => {
  it('hold nothing when the scenario is its base', () => {
    expect(diffScenario(base, structuredClone(base))).toEqual({ set: {}, unset: [] });
  });

  it('hold only the changed leaf of a nested object', () => {
    const target = { ...base, modes: { ...base.modes, walk: { kmPerDay: 35 } } };
    expect(diffScenario(base, target)).toEqual({ set: { modes: { walk: { kmPerDay: 35 } } }, unset: [] });
  });

  it('replace an array whole when any item differs', () => {
    const target = { ...base, stays: [{ place: 'puebla', nights: 3 }] };
    expect(diffScenario(base, target).set).toEqual({ stays: [{ place: 'puebla', nights: 3 }] });
  });

  it('keep null as a value, not a removal', () => {
    const target = { ...base, rest: { everyNDays: null } };
    const patch = diffScenario(base, target);
    expect(applyScenarioPatch(base, patch)).toEqual(target);
  });

  it('list removed fields as paths and remove them on apply', () => {
    const { name: _name, ...target } = base;
    const patch = diffScenario(base, target);
    expect([patch.unset, applyScenarioPatch(base, patch)]).toEqual([[['name']], target]);
  });

  it('leave the base untouched when applied', () => {
    const copy = structuredClone(base);
    applyScenarioPatch(base, { set: { modes: { walk: { kmPerDay: 1 } } }, unset: [['rest', 'everyNDays']] });
    expect(base).toEqual(copy);
  });

  it('refuse a patch that reaches for the prototype', () => {
    const patch = { set: JSON.parse('{"modes":{"__proto__":{"x":1}}}') as Record<string, unknown>, unset: [] };
    expect(() => applyScenarioPatch(base, patch)).toThrow(PatchError);
  });

  it('refuse to remove a field under a value that is not an object', () => {
    expect(() => applyScenarioPatch(base, { set: {}, unset: [['name', 'first']] })).toThrow(PatchError);
  });
});
