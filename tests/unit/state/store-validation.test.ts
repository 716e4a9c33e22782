import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { createAppStore } from '../../../src/state/store';

const presets = loadPresets(readPresetFiles());
const walkOnly = presets.get('walk-only')!;

describe('the store refuses a scenario edit it cannot run', () => {
  it('keeps the scenario on screen and says why a start date of 9999-12-31 is refused', () => {
    const store = createAppStore({ scenario: walkOnly, presetId: 'walk-only' });
    const accepted = store.getState().applyScenario({ ...walkOnly, start: { ...walkOnly.start, date: '9999-12-31' } }, 'start-date');
    expect(accepted).toBe(false);
    expect(store.getState().scenario).toBe(walkOnly);
    expect(store.getState().fieldErrors).toEqual({ 'start-date': "must be between 2000-01-01 and 2100-12-31, the years the model's calendar covers" });
  });

  it('names a misspelt field instead of dropping it', () => {
    const store = createAppStore({ scenario: walkOnly, presetId: 'walk-only' });
    expect(store.getState().applyScenario({ ...walkOnly, modes: { ...walkOnly.modes, walk: { kmPerDy: 99 } } }, 'import')).toBe(false);
    expect(store.getState().fieldErrors.import).toBe('unknown field "kmPerDy"');
  });
});
