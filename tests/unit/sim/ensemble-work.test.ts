import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { checkEnsembleWork, ensembleGroupDays, MAX_ENSEMBLE_GROUP_DAYS, MAX_ENSEMBLE_RUNS } from '../../../src/sim/ensemble';
import { parseScenario } from '../../../src/sim/scenario';
import { tinyScenario } from '../../fixtures/tiny-world';

const presets = loadPresets(readPresetFiles());

describe('the work an ensemble may cause', () => {
  it('counts group-days as runs × (groups + split groups) × (maxDays + 1)', () => {
    const scenario = tinyScenario({ maxDays: 9, groups: [{ id: 'a', headcount: 1 }, { id: 'b', headcount: 1 }], splits: [{ group: 'a', atPlace: 'c', into: 'c', share: 0.5, destination: 'west-port' }] });
    expect(ensembleGroupDays(scenario, 100)).toBe(100 * 3 * 10);
  });

  it('lets every preset run the largest ensemble the app offers', () => {
    for (const preset of presets.values()) expect(checkEnsembleWork(preset, MAX_ENSEMBLE_RUNS)).toBeNull();
  });

  it('refuses more than the bound, naming it and the most runs that fit', () => {
    const groups = Array.from({ length: 12 }, (_, i) => ({ id: `g-${i}`, headcount: 10 }));
    const heavy = parseScenario({ ...presets.get('walk-only')!, maxDays: 365, groups });
    expect(checkEnsembleWork(heavy, 10_000)?.message).toBe('runs: 10,000 runs of this scenario would simulate 43,920,000 group-days (12 groups for 366 days each); at most 10,000,000: use 2,276 runs or fewer');
    expect(checkEnsembleWork(heavy, 2_276)).toBeNull();
    expect(ensembleGroupDays(heavy, 2_277)).toBeGreaterThan(MAX_ENSEMBLE_GROUP_DAYS);
  });
});
