/**
 * Properties of the share link and the scenario file: every valid state survives a round trip, and
 * no input at all (random text, random JSON, damaged real links) makes the decoders throw or write
 * anywhere.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { scenarioFromFile, scenarioToFile, UNFORESEEN_FILE_PROBLEM } from '../../../src/data/scenario-file';
import { parseScenario, type Scenario } from '../../../src/sim/scenario';
import { openScenarioLibrary } from '../../../src/state/saved-scenarios';
import { decodeShareState, encodeShareState, MAX_PINNED, UNFORESEEN_LINK_ERROR, type ShareState } from '../../../src/state/share-state';
import { propertyRuns } from '../../property-runs';

const presets = loadPresets(readPresetFiles());
const presetList = [...presets.values()];

/** Doubles without -0, which JSON cannot tell from 0. */
const double = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);
const isoDate = fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2019-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const text = fc.string({ unit: 'binary', maxLength: 60 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A preset with a random handful of its fields changed, validated like any scenario. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    base: fc.constantFrom(...presetList),
    name: maybe(text.filter((s) => s.length > 0)),
    description: maybe(text),
    walk: maybe(double(0.5, 2000)),
    bus: maybe(double(0.5, 2000)),
    date: maybe(isoDate),
    restEvery: maybe(fc.option(fc.integer({ min: 1, max: 10 }), { nil: null })),
    shiftDays: maybe(fc.integer({ min: -60, max: 60 })),
    speedSpread: maybe(double(0, 1)),
    maxDays: maybe(fc.integer({ min: 1, max: 365 })),
    stays: maybe(fc.array(fc.record({ place: fc.constantFrom('puebla', 'mexico-city', 'guadalajara'), nights: fc.integer({ min: 1, max: 60 }) }), { maxLength: 3 })),
    dropGroupNames: fc.boolean(),
  })
  .map(({ base, ...c }) => {
    const s = structuredClone(base) as Record<string, unknown> & Scenario;
    if (c.name !== undefined) s.name = c.name;
    if (c.description !== undefined) s.description = c.description;
    if (c.walk !== undefined) s.modes.walk.kmPerDay = c.walk;
    if (c.bus !== undefined) s.modes.bus.kmPerDay = c.bus;
    if (c.date !== undefined) s.start.date = c.date;
    if (c.restEvery !== undefined) s.rest.everyNDays = c.restEvery;
    if (c.shiftDays !== undefined) s.troops.shiftDays = c.shiftDays;
    if (c.speedSpread !== undefined) s.uncertainty.speedSpread = c.speedSpread;
    if (c.maxDays !== undefined) s.maxDays = c.maxDays;
    if (c.stays !== undefined) s.stays = c.stays;
    if (c.dropGroupNames) s.groups = s.groups.map(({ name: _name, ...g }) => g);
    return parseScenario(s);
  });

const shareStateArb: fc.Arbitrary<ShareState> = fc.record({
  scenario: scenarioArb,
  pinned: fc.array(scenarioArb, { maxLength: MAX_PINNED }),
  tHours: double(0, 24 * 365),
  view: fc.option(fc.record({ center: fc.tuple(double(-180, 180), double(-90, 90)), zoom: double(0, 24) }), { nil: null }),
  panel: fc.option(fc.stringMatching(/^[a-z0-9-]{1,40}$/), { nil: null }),
  presetId: fc.option(fc.constantFrom(...presets.keys()), { nil: null }),
});

/** Ways a link gets damaged in transit: cut, a character changed, dropped, doubled or inserted. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 10 }) }),
  fc.record({ op: fc.constant('double' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 50 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(link: string, m: Mutation): string {
  const at = m.at % (link.length + 1);
  switch (m.op) {
    case 'cut':
      return link.slice(0, at);
    case 'replace':
      return link.slice(0, at) + m.char + link.slice(at + 1);
    case 'drop':
      return link.slice(0, at) + link.slice(at + m.length);
    case 'insert':
      return link.slice(0, at) + m.text + link.slice(at);
    case 'double':
      return link.slice(0, at + m.length) + link.slice(at);
  }
}

/** A decode result keeps its promise: ok with a valid state, or a short plain-words error. */
function expectWellFormed(result: ReturnType<typeof decodeShareState>) {
  if (result.ok) {
    expect(parseScenario(result.state.scenario)).toEqual(result.state.scenario);
    expect(result.state.pinned.length).toBeLessThanOrEqual(MAX_PINNED);
    expect(Number.isFinite(result.state.tHours)).toBe(true);
  } else {
    expect(result.error).not.toBe(UNFORESEEN_LINK_ERROR);
    expect(result.error.length).toBeLessThan(400);
  }
}

describe('share link properties', () => {
  it('any valid state survives encode → decode unchanged', () => {
    fc.assert(
      fc.property(shareStateArb, (state) => {
        expect(decodeShareState(encodeShareState(state, presets), presets)).toEqual({ ok: true, state, warnings: [] });
      }),
      propertyRuns(20),
    );
  });

  it('random text never makes the decoder throw', () => {
    const prefix = fc.constantFrom('', '#', '#s=', 's=', '#scenario=', '#scenario=e30&t=', '#s=N4Ig');
    fc.assert(
      fc.property(prefix, fc.string({ unit: 'binary', maxLength: 300 }), (p, rest) => expectWellFormed(decodeShareState(p + rest, presets))),
      propertyRuns(1000),
    );
  });

  it('random JSON, compressed or in the v1 layout, never makes the decoder throw', () => {
    const wireLike = fc.record({ v: fc.oneof(fc.constant(2), fc.constant(1), fc.integer()), s: fc.jsonValue(), p: fc.jsonValue(), t: fc.jsonValue(), m: fc.jsonValue() }, { requiredKeys: ['v'] });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), wireLike), fc.boolean(), (value, asV1) => {
        const json = JSON.stringify(value);
        const hash = asV1 ? `#scenario=${Buffer.from(json).toString('base64url')}&t=1` : `#s=${LZString.compressToEncodedURIComponent(json)}`;
        expectWellFormed(decodeShareState(hash, presets));
      }),
      propertyRuns(400),
    );
  });

  it('a damaged real link never makes the decoder throw', () => {
    fc.assert(
      fc.property(shareStateArb, fc.array(mutation, { minLength: 1, maxLength: 3 }), (state, mutations) => {
        const damaged = mutations.reduce(mutate, `#${encodeShareState(state, presets)}`);
        expectWellFormed(decodeShareState(damaged, presets));
      }),
      propertyRuns(100),
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

  it('random text, random JSON and damaged files never make the reader throw', () => {
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.tuple(scenarioArb, mutation).map(([s, m]) => mutate(scenarioToFile(s), m)),
    );
    fc.assert(
      fc.property(input, fc.string({ unit: 'binary', maxLength: 30 }), (fileText, fileName) => {
        const result = scenarioFromFile(fileText, fileName);
        if (!result.ok) expect(result.error.endsWith(UNFORESEEN_FILE_PROBLEM)).toBe(false);
      }),
      propertyRuns(300),
    );
  });
});

describe('decoders and saved scenarios', () => {
  it('reading links and files, good or damaged, never touches the saved scenarios', async () => {
    const library = await openScenarioLibrary('untouched-by-decoders');
    await library.save('Mine', presets.get('walk-only')!);
    await library.save('<b>Theirs</b>', presets.get('historical-2018')!);
    const before = await library.list();
    fc.assert(
      fc.property(shareStateArb, mutation, fc.string({ maxLength: 200 }), (state, m, junk) => {
        const link = encodeShareState(state, presets);
        decodeShareState(mutate(link, m), presets);
        decodeShareState(junk, presets);
        scenarioFromFile(mutate(scenarioToFile(state.scenario), m), 'x.json');
      }),
      propertyRuns(100),
    );
    expect(await library.list()).toEqual(before);
    library.close();
  });
});
