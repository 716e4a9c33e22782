/**
 * Round trips of the share link and the scenario file: every valid state comes back unchanged.
 * (What damaged, random and hostile input does to the decoders is the fuzz suite's business:
 * tests/unit/fuzz.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { scenarioFromFile, scenarioToFile } from '../../../src/data/scenario-file';
import { decodeShareState, encodeShareState } from '../../../src/state/share-state';
import { scenarioArbitrary, shareStateArbitrary } from '../../fixtures/share-arbitraries';
import { propertyRuns } from '../../property-runs';

const presets = loadPresets(readPresetFiles());
const scenarioArb = scenarioArbitrary(presets);
const shareStateArb = shareStateArbitrary(presets);

describe('share link properties', () => {
  it('any valid state survives encode → decode unchanged', () => {
    fc.assert(
      fc.property(shareStateArb, (state) => {
        expect(decodeShareState(encodeShareState(state, presets), presets)).toEqual({ ok: true, state, warnings: [] });
      }),
      propertyRuns(20),
    );
  });
});

describe('scenario file properties', () => {
  it('any valid scenario survives file → scenario unchanged', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        expect(scenarioFromFile(scenarioToFile(scenario), 'x.json')).toEqual({ ok: true, scenario });
      }),
      propertyRuns(100),
    );
  });
});
