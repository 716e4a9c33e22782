/**
 * Fuzzing scenario files: random text, random JSON, real files (exported with their header, or
 * bare like data/scenarios, with or without a byte-order mark) damaged in transit, and files
 * whose scenario a hostile or careless editor wrote. Each must be refused on one short line that
 * names the file, or open exactly what the file says: nothing dropped, nothing changed. The reader
 * never throws, and no file touches the saved scenarios.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../src/data/json-text';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { scenarioFromFile, scenarioToFile, UNFORESEEN_FILE_PROBLEM, type ScenarioFileResult } from '../../../src/data/scenario-file';
import { parseScenario } from '../../../src/sim/scenario';
import { openScenarioLibrary } from '../../../src/state/saved-scenarios';
import { mutate, mutation, scenarioArbitrary } from '../../fixtures/share-arbitraries';
import { fuzz, FUZZ_TIMEOUT_MS, fuzzRuns } from './fuzz-budget';
import { hostileScenario, saysWhatWasWritten } from './hostile-scenarios';

const presets = loadPresets(readPresetFiles());
const scenario = scenarioArbitrary(presets);
const fileName = fc.oneof(fc.constantFrom('plan.json', 'Caravana 2018 (copia).json', 'x'), fc.string({ unit: 'binary', maxLength: 30 }));

/** What the file's text says the scenario is (header or bare), or undefined when it is not JSON. */
function writtenScenario(text: string): unknown {
  const json = parseJsonText(text);
  if (!json.ok) return undefined;
  const value = json.value as Record<string, unknown> | null;
  return value !== null && typeof value === 'object' && 'format' in value ? value.scenario : value;
}

/** The promise every read keeps; says which way it went. */
function wellFormed(result: ScenarioFileResult, text: string): 'refused' | 'opened' {
  if (!result.ok) {
    expect(result.error.endsWith(UNFORESEEN_FILE_PROBLEM)).toBe(false);
    expect(result.error.length).toBeLessThan(400);
    expect(result.error).not.toMatch(/[\n\r]/);
    return 'refused';
  }
  expect(parseScenario(result.scenario)).toEqual(result.scenario);
  expect(saysWhatWasWritten(writtenScenario(text), result.scenario)).toBe(true);
  return 'opened';
}

/** A real file as the app exports it, or bare as in data/scenarios, perhaps behind a byte-order mark. */
const realFile = fc.tuple(scenario, fc.boolean(), fc.boolean()).map(([s, header, bom]) => `${bom ? '\uFEFF' : ''}${header ? scenarioToFile(s) : `${JSON.stringify(s, null, 2)}\n`}`);

describe('fuzzing scenario files', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('random text and random JSON are refused or opened as written, never thrown on', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v)), fc.jsonValue().map((v) => JSON.stringify({ format: 'caravan-simulator/scenario', version: 1, scenario: v })));
    fuzz('random files', fc.tuple(text, fileName), fuzzRuns(1_500, 3_000), ([t, name], timed) => wellFormed(timed(() => scenarioFromFile(t, name)), t));
  });

  it('a real file damaged in transit is refused or opens what its text now says', () => {
    fuzz('damaged real files', fc.tuple(realFile, fc.array(mutation, { minLength: 1, maxLength: 3 }), fileName), fuzzRuns(800, 4_000), ([file, mutations, name], timed) => {
      const damaged = mutations.reduce(mutate, file);
      return wellFormed(timed(() => scenarioFromFile(damaged, name)), damaged);
    });
  });

  it('a file a hostile or careless editor wrote is refused in plain words or opens exactly what it says', () => {
    fuzz('hostile scenario files', fc.tuple(hostileScenario(scenario), fc.boolean()), fuzzRuns(800, 3_000), ([{ input }, header], timed) => {
      const text = header ? JSON.stringify({ format: 'caravan-simulator/scenario', version: 1, scenario: input }) : JSON.stringify(input);
      return wellFormed(timed(() => scenarioFromFile(text, 'plan.json')), text);
    });
  });

  it('no file, good, damaged or hostile, touches the saved scenarios', async () => {
    const library = await openScenarioLibrary('fuzz-files-untouched');
    await library.save('Mine', presets.get('walk-only')!);
    await library.save('<b>Theirs</b>', presets.get('historical-2018')!);
    const before = await library.list();
    fuzz('files beside saved scenarios', fc.tuple(realFile, mutation, hostileScenario(scenario)), fuzzRuns(60, 600), ([file, m, { input }], timed) => {
      const [hostile, damaged] = [JSON.stringify(input), mutate(file, m)];
      timed(() => scenarioFromFile(hostile, 'hostile.json'));
      return wellFormed(timed(() => scenarioFromFile(damaged, 'damaged.json')), damaged);
    });
    expect(await library.list()).toEqual(before);
    library.close();
  });
});
