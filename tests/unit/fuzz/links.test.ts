/**
 * Fuzzing share links: random text, random JSON in every link layout, real links damaged in
 * transit, and links whose scenario a hostile sender wrote. Each case must come out one of two
 * ways: refused, in plain words on one short line, or opened exactly as written (a damaged link:
 * exactly as the undamaged one). The decoder never throws, and no case touches the saved scenarios.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { parseScenario } from '../../../src/sim/scenario';
import { openScenarioLibrary } from '../../../src/state/saved-scenarios';
import { decodeShareState, encodeShareState, fingerprint, linkChecksum, MAX_PINNED, UNFORESEEN_LINK_ERROR, type ShareDecodeResult } from '../../../src/state/share-state';
import { mutate, mutation, scenarioArbitrary, shareStateArbitrary } from '../../fixtures/share-arbitraries';
import { fuzz, FUZZ_TIMEOUT_MS, fuzzRuns } from './fuzz-budget';
import { hostileScenario, saysWhatWasWritten } from './hostile-scenarios';

const presets = loadPresets(readPresetFiles());
const shareState = shareStateArbitrary(presets);

/** A v3 link (with its checksum) holding `wire` as it is, so that it reaches the checks past the checksum. */
function checkedLink(wire: unknown): string {
  const compressed = LZString.compressToEncodedURIComponent(JSON.stringify(wire));
  return `#s=${compressed}.${linkChecksum(compressed)}`;
}

/** The promise every decode keeps, whatever it was given; says which way it went. */
function wellFormed(result: ShareDecodeResult): 'refused' | 'opened' {
  if (!result.ok) {
    expect(result.error).not.toBe(UNFORESEEN_LINK_ERROR);
    expect(result.error.length).toBeLessThan(400);
    expect(result.error).not.toMatch(/[\n\r]/);
    return 'refused';
  }
  expect(parseScenario(result.state.scenario)).toEqual(result.state.scenario);
  expect(result.state.pinned.length).toBeLessThanOrEqual(MAX_PINNED);
  expect(Number.isFinite(result.state.tHours)).toBe(true);
  return 'opened';
}

describe('fuzzing share links', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('random text is refused or opened, never thrown on', () => {
    const prefix = fc.constantFrom('', '#', '#s=', 's=', '#scenario=', '#scenario=e30&t=', '#s=N4Ig', '#s=N4Ig.', '#s=.');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: fc.constantFrom(...'ABCXYZabcxyz0189+-$.%&='.split('')), maxLength: 300 }));
    fuzz('random text', fc.tuple(prefix, text), fuzzRuns(1_500, 30_000), ([p, rest], timed) => wellFormed(timed(() => decodeShareState(p + rest, presets))));
  });

  it('random JSON in every link layout is refused or opened, never thrown on', () => {
    const wireLike = fc.record({ v: fc.oneof(fc.constantFrom(1, 2, 3), fc.integer()), s: fc.jsonValue(), p: fc.jsonValue(), t: fc.jsonValue(), m: fc.jsonValue() }, { requiredKeys: ['v'] });
    const layout = fc.constantFrom('v1', 'v2', 'v3');
    fuzz('random JSON', fc.tuple(fc.oneof(fc.jsonValue(), wireLike), layout), fuzzRuns(800, 20_000), ([value, as], timed) => {
      const json = JSON.stringify(value);
      const hash = as === 'v1' ? `#scenario=${Buffer.from(json).toString('base64url')}&t=1` : as === 'v2' ? `#s=${LZString.compressToEncodedURIComponent(json)}` : checkedLink(value);
      return wellFormed(timed(() => decodeShareState(hash, presets)));
    });
  });

  it('a real link damaged in transit is refused or opens exactly what it held', () => {
    fuzz('damaged real links', fc.tuple(shareState, fc.array(mutation, { minLength: 1, maxLength: 3 })), fuzzRuns(400, 40_000), ([state, mutations], timed) => {
      const link = `#${encodeShareState(state, presets)}`;
      const damaged = mutations.reduce(mutate, link);
      const result = timed(() => decodeShareState(damaged, presets));
      const outcome = wellFormed(result);
      if (result.ok) expect(result).toEqual({ ok: true, state, warnings: [] });
      return outcome;
    });
  });

  it('a link a hostile sender wrote is refused in plain words or opens exactly what it says', () => {
    const hostile = hostileScenario(scenarioArbitrary(presets));
    const packing = fc.constantFrom('whole', 'patch', 'v1');
    fuzz('hostile scenarios in links', fc.tuple(hostile, packing), fuzzRuns(400, 10_000), ([{ input }, packing], timed) => {
      const base = presets.get('walk-only')!;
      const hash =
        packing === 'whole'
          ? checkedLink({ v: 3, s: { f: input }, t: 0 })
          : packing === 'patch'
            ? checkedLink({ v: 3, s: { b: 'walk-only', h: fingerprint(base), d: input }, t: 0 })
            : `#scenario=${Buffer.from(JSON.stringify(input)).toString('base64url')}`;
      const result = timed(() => decodeShareState(hash, presets));
      const outcome = wellFormed(result);
      // A patch is merged into the preset; what it says must still all be there.
      if (result.ok) expect(saysWhatWasWritten(input, result.state.scenario)).toBe(true);
      return outcome;
    });
  });

  it('no link, good, damaged or hostile, touches the saved scenarios', async () => {
    const library = await openScenarioLibrary('fuzz-links-untouched');
    await library.save('Mine', presets.get('walk-only')!);
    await library.save('<b>Theirs</b>', presets.get('historical-2018')!);
    const before = await library.list();
    const hostile = hostileScenario(scenarioArbitrary(presets));
    fuzz('links beside saved scenarios', fc.tuple(shareState, mutation, hostile, fc.string({ maxLength: 200 })), fuzzRuns(100, 1_000), ([state, m, { input }, junk], timed) => {
      const [damaged, hostileLink] = [mutate(`#${encodeShareState(state, presets)}`, m), checkedLink({ v: 3, s: { f: input }, t: 0 })];
      timed(() => [decodeShareState(damaged, presets), decodeShareState(hostileLink, presets)]);
      return wellFormed(timed(() => decodeShareState(junk, presets)));
    });
    expect(await library.list()).toEqual(before);
    library.close();
  });
});
