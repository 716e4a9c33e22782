import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { PROJECT_ROOT, readPresetFiles } from '../../../src/data/read-data-files';
import { parseScenario, type Scenario } from '../../../src/sim/scenario';
import { clampLinkTime, decodeShareState, encodeShareState, linkChecksum, MAX_SHARE_CHARS, sameShareState, type ShareState } from '../../../src/state/share-state';

const presets = loadPresets(readPresetFiles());
const preset = (id: string) => presets.get(id)!;

function shareState(overrides: Partial<ShareState> = {}): ShareState {
  return { scenario: preset('historical-2018'), pinned: [], tHours: 0, view: null, panel: null, presetId: 'historical-2018', ...overrides };
}

function edited(id: string, change: (s: Scenario) => object): Scenario {
  const base = structuredClone(preset(id));
  return parseScenario({ ...base, ...change(base) });
}

/** A fragment in the v2 layout (no checksum) holding `wire` as it is, for hand-made damage. */
function wireHash(wire: unknown): string {
  return `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(wire))}`;
}

/** A fragment in the current layout (v3, with its checksum) holding `wire` as it is. */
function checkedHash(wire: unknown): string {
  const compressed = LZString.compressToEncodedURIComponent(JSON.stringify(wire));
  return `#s=${compressed}.${linkChecksum(compressed)}`;
}

/** A link in the v1 layout, as the first release wrote them. */
function v1Hash(scenario: unknown, extra = ''): string {
  const base64 = Buffer.from(JSON.stringify(scenario), 'utf8').toString('base64url');
  return `#scenario=${base64}${extra}`;
}

function decodeError(hash: string): string {
  const result = decodeShareState(hash, presets);
  if (result.ok) throw new Error('expected the link to be refused');
  return result.error;
}

function decoded(hash: string): ShareState {
  const result = decodeShareState(hash, presets);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

describe('share state in the URL', () => {
  it('brings back an unedited preset, the time, the view and the panel', () => {
    const state = shareState({ tHours: 130.5, view: { center: [-99.13, 19.43], zoom: 5.5 }, panel: 'arrivals' });
    expect(decoded(encodeShareState(state, presets))).toEqual(state);
  });

  it('keeps an unedited preset’s link under 150 characters', () => {
    expect(encodeShareState(shareState({ tHours: 240, view: { center: [-99.13, 19.43], zoom: 5 } }), presets).length).toBeLessThan(150);
  });

  it('brings back an edited walking speed and start date', () => {
    const scenario = edited('walk-only', () => ({ modes: { walk: { kmPerDay: 37.5 } }, start: { place: 'tapachula', date: '2018-10-20' } }));
    const state = shareState({ scenario, presetId: null });
    expect(decoded(encodeShareState(state, presets))).toEqual(state);
  });

  it('brings back four pinned scenarios in under 2,000 characters', () => {
    const pinned = [
      edited('historical-2018', (s) => ({ modes: { ...s.modes, walk: { kmPerDay: 25 } } })),
      edited('walk-only', () => ({ rest: { everyNDays: null } })),
      edited('shortest-to-texas', () => ({ troops: { shiftDays: -10 } })),
      preset('walker-2018-10-25'),
    ];
    const state = shareState({ pinned, tHours: 500 });
    const hash = encodeShareState(state, presets);
    expect(decoded(hash)).toEqual(state);
    expect(hash.length).toBeLessThan(2000);
  });

  it('brings back a scenario with optional fields removed (its group names)', () => {
    const scenario = edited('historical-2018', (s) => ({ groups: s.groups.map(({ name: _name, ...g }) => g) }));
    expect(decoded(encodeShareState(shareState({ scenario }), presets)).scenario).toEqual(scenario);
  });

  it('stores a scenario whole when there are no presets to build on', () => {
    const state = shareState({ presetId: null });
    const none = new Map<string, Scenario>();
    const result = decodeShareState(encodeShareState(state, none), none);
    expect(result).toEqual({ ok: true, state, warnings: [] });
  });

  it('keeps markup in a scenario name as literal text', () => {
    const scenario = edited('walk-only', () => ({ name: '<script>alert(1)</script> & <b>"x"</b>' }));
    expect(decoded(encodeShareState(shareState({ scenario }), presets)).scenario.name).toBe('<script>alert(1)</script> & <b>"x"</b>');
  });

  it('reads the fragment with or without its leading #', () => {
    const hash = encodeShareState(shareState(), presets);
    expect(decoded(`#${hash}`)).toEqual(decoded(hash));
  });

  it('reads a fragment that a mail program percent-encoded', () => {
    const hash = encodeShareState(shareState({ tHours: 77 }), presets);
    expect(decoded(hash.replace(/\+/g, '%2B').replace(/\$/g, '%24')).tHours).toBe(77);
  });

  it('warns, and still opens, when the base preset has changed since the link was made', () => {
    const hash = encodeShareState(shareState({ scenario: edited('walk-only', () => ({ maxDays: 100 })) }), presets);
    const changed = new Map(presets).set('walk-only', edited('walk-only', () => ({ description: 'revised' })));
    const result = decodeShareState(hash, changed);
    expect(result.ok && result.warnings).toEqual([expect.stringContaining('preset "walk-only" has changed since the link was made')]);
  });

  it('tells two states apart by content, not identity', () => {
    const state = shareState({ tHours: 10 });
    expect([sameShareState(state, structuredClone(state)), sameShareState(state, { ...state, tHours: 11 })]).toEqual([true, false]);
  });

  it('drops a preset id this version does not have, with a warning', () => {
    const result = decodeShareState(wireHash({ v: 2, s: { f: preset('walk-only') }, t: 0, k: 'gone-preset' }), presets);
    expect(result.ok && [result.state.presetId, result.warnings]).toEqual([null, ['the link names preset "gone-preset", which this version does not have']]);
  });
});

describe('share state from older links', () => {
  it('opens a v1 link: a whole scenario, the time and a zoom/lat/lon view', () => {
    const scenario = edited('walk-only', () => ({ modes: { walk: { kmPerDay: 33 } } }));
    const state = decoded(v1Hash(scenario, '&t=72&view=6/19.4/-99.1&preset=walk-only'));
    expect(state).toEqual({ scenario, pinned: [], tHours: 72, view: { center: [-99.1, 19.4], zoom: 6 }, panel: null, presetId: 'walk-only' });
  });

  it('opens a v1 link that holds only the scenario input, filling in defaults', () => {
    const input = { id: 'mine', name: 'Mine', start: { place: 'tapachula', date: '2018-10-22' }, groups: [{ id: 'main', headcount: 5000 }] };
    expect(decoded(v1Hash(input)).scenario).toEqual(parseScenario(input));
  });

  it('names the bad field of a v1 scenario', () => {
    expect(decodeError(v1Hash({ ...preset('walk-only'), modes: { walk: { kmPerDay: 0 } } }))).toBe('scenario field modes.walk.kmPerDay: must be a positive number of km per day');
  });

  it('opens a v2 link made when "as-of-2018-10-25" was the plain walker as that walker, and says so', () => {
    const walker = preset('walker-2018-10-25');
    const result = decodeShareState(wireHash({ v: 2, s: { b: 'as-of-2018-10-25', h: 'x', d: { maxDays: 90 } }, p: [{ b: 'as-of-2018-10-25', h: 'x' }], t: 30, k: 'as-of-2018-10-25' }), presets);
    if (!result.ok) throw new Error(result.error);
    expect([result.state.scenario.maxDays, result.state.scenario.modes, result.state.pinned[0]!.modes, result.state.presetId]).toEqual([90, walker.modes, walker.modes, 'walker-2018-10-25']);
    // One notice for the rename (however many scenarios name it), beside the usual "has changed" ones.
    expect(result.warnings.filter((w) => w.includes('"as-of-2018-10-25" was the plain walker'))).toEqual([
      'the link was made when preset "as-of-2018-10-25" was the plain walker; it opens as that walker, now "walker-2018-10-25" ("as-of-2018-10-25" is the calibrated forecast now)',
    ]);
  });

  it('opens a v1 link naming "as-of-2018-10-25" with the walker’s preset id', () => {
    const scenario = preset('walker-2018-10-25');
    const result = decodeShareState(v1Hash(scenario, '&t=5&preset=as-of-2018-10-25'), presets);
    expect(result.ok && [result.state.presetId, result.warnings.length]).toEqual(['walker-2018-10-25', 1]);
  });

  it('leaves a current link naming "as-of-2018-10-25" alone: it is refused in plain words, not opened as something else', () => {
    expect(decodeError(checkedHash({ v: 3, s: { b: 'as-of-2018-10-25', h: 'x' }, t: 0 }))).toBe('the scenario builds on preset "as-of-2018-10-25", which this version of the simulator does not have');
  });

  it('says what is wrong with a v1 view', () => {
    expect(decodeError(v1Hash(preset('walk-only'), '&view=6/abc/-99'))).toBe("the link's map view is not a number");
  });
});

describe('share state refuses damaged links in plain words', () => {
  it('says a cut-short link is cut short', () => {
    const hash = encodeShareState(shareState({ pinned: [preset('walk-only')] }), presets);
    expect(decodeError(hash.slice(0, Math.floor(hash.length / 2)))).toBe('the link is cut short or damaged');
  });

  it('says a link with no state holds no shared scenario', () => {
    expect(decodeError('')).toBe('the link holds no shared scenario');
    expect(decodeError('#about')).toBe('the link holds no shared scenario');
  });

  it('says garbage is damaged', () => {
    expect(decodeError('#s=%%%<script>')).toBe('the link is cut short or damaged');
    expect(decodeError('#scenario=not*base64')).toBe('the link is cut short or damaged');
  });

  it('says valid JSON of the wrong shape is damaged', () => {
    expect(decodeError(wireHash({ v: 2, s: 5, t: 0 }))).toBe('the link is cut short or damaged');
    expect(decodeError(wireHash([1, 2, 3]))).toBe('the link is cut short or damaged');
  });

  it('says a link from a newer version comes from a newer version', () => {
    expect(decodeError(checkedHash({ v: 9, anything: true }))).toBe('the link was made by a newer version of the simulator (format 9); this one reads up to format 3');
  });

  it('names the time when it is a huge number', () => {
    const hash = `#s=${LZString.compressToEncodedURIComponent(`{"v":2,"s":{"b":"walk-only","h":"x"},"t":1e999}`)}`;
    expect(decodeError(hash)).toMatch(/^the link's time is not valid/);
  });

  it('names the field of a scenario with a bad value', () => {
    const hash = wireHash({ v: 2, s: { b: 'walk-only', h: 'x', d: { modes: { walk: { kmPerDay: -4 } } } }, t: 0 });
    expect(decodeError(hash)).toBe('scenario field modes.walk.kmPerDay: must be a positive number of km per day');
  });

  it('says which pinned scenario has the bad field', () => {
    const good = { b: 'walk-only', h: 'x' };
    const hash = wireHash({ v: 2, s: good, p: [good, { ...good, d: { start: { date: '2018-02-31' } } }], t: 0 });
    expect(decodeError(hash)).toBe('pinned scenario 2 field start.date: expected a date as YYYY-MM-DD');
  });

  it('says when a scenario builds on a preset this version lacks', () => {
    expect(decodeError(wireHash({ v: 2, s: { b: 'caravan-2030', h: 'x' }, t: 0 }))).toBe(
      'the scenario builds on preset "caravan-2030", which this version of the simulator does not have',
    );
  });

  it('refuses more pinned scenarios than the app can show', () => {
    const good = { b: 'walk-only', h: 'x' };
    expect(decodeError(wireHash({ v: 2, s: good, p: [good, good, good, good, good], t: 0 }))).toBe('the link pins more than 4 scenarios');
  });

  it('refuses a link longer than any it writes', () => {
    expect(decodeError(`#s=${'A'.repeat(MAX_SHARE_CHARS + 1)}`)).toMatch(/^the link is too long/);
  });

  it('refuses a patch that reaches for the object prototype, and pollutes nothing', () => {
    const hash = `#s=${LZString.compressToEncodedURIComponent('{"v":2,"s":{"b":"walk-only","h":"x","d":{"modes":{"__proto__":{"polluted":1}}}},"t":0}')}`;
    expect(decodeShareState(hash, presets).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names a "__proto__" field in a whole scenario instead of letting it vanish', () => {
    const hash = `#s=${LZString.compressToEncodedURIComponent(`{"v":2,"s":{"f":${JSON.stringify(preset('walk-only')).replace(/^\{/, '{"__proto__":{"maxDays":1},')}},"t":0}`)}`;
    expect(decodeError(hash)).toBe('the scenario: unknown field "__proto__"');
  });

  it('refuses a markup panel id', () => {
    expect(decodeError(wireHash({ v: 2, s: { b: 'walk-only', h: 'x' }, t: 0, u: '<img src=x>' }))).toBe("the link's panel is not valid (expected a panel id)");
  });
});

describe('share links carry a checksum', () => {
  const hash = encodeShareState(shareState({ tHours: 30 }), presets);

  it('ends the link in a 7-digit checksum of its compressed text', () => {
    const [, compressed, checksum] = /^s=([A-Za-z0-9+\-$]+)\.([0-9a-z]{7})$/.exec(hash)!;
    expect(checksum).toBe(linkChecksum(compressed!));
  });

  it('refuses a link whose checksum does not match, with the usual message', () => {
    const changed = hash.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(decodeError(changed)).toBe('the link is cut short or damaged');
  });

  it('refuses a current link that has lost its checksum', () => {
    expect(decodeError(hash.slice(0, hash.lastIndexOf('.')))).toBe('the link is cut short or damaged');
  });

  it('refuses a checksum on an older payload (no encoder writes one)', () => {
    expect(decodeError(checkedHash({ v: 2, s: { b: 'walk-only', h: 'x' }, t: 0 }))).toBe('the link is cut short or damaged');
  });

  it('still opens a v2 link, which has none', () => {
    const result = decodeShareState(wireHash({ v: 2, s: { f: preset('walk-only') }, t: 12, k: 'walk-only' }), presets);
    expect(result.ok && result.state).toEqual({ scenario: preset('walk-only'), pinned: [], tHours: 12, view: null, panel: null, presetId: 'walk-only' });
  });

  it('refuses a garbled field name in an old link instead of letting the preset show through', () => {
    const garbled = wireHash({ v: 2, s: { b: 'walk-only', h: 'x', d: { modes: { walk: { kmPerDy: 45 } } } }, t: 0 });
    expect(decodeError(garbled)).toBe('scenario field modes.walk: unknown field "kmPerDy"');
  });
});

describe('links that cost more than they look', () => {
  it('refuses a short link that unpacks to ten million characters, before reading them', () => {
    // Made by scripts/make-hostile-links.ts (packing ten million characters takes lz-string ~50 s).
    const hash = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/links/name-10-million.txt'), 'utf8').trim();
    expect(hash.length).toBeLessThan(MAX_SHARE_CHARS);
    expect(decodeError(hash)).toBe('the link unpacks to more than a scenario can hold (10,000,059 characters; at most 1,000,000)');
  });

  it('refuses a link with 10,000 groups, naming the bound', () => {
    const groups = Array.from({ length: 10_000 }, () => ({ id: 'main', headcount: 10 }));
    const hash = checkedHash({ v: 3, s: { b: 'walk-only', h: 'x', d: { groups } }, t: 0 });
    expect(hash.length).toBeLessThan(MAX_SHARE_CHARS);
    expect(decodeError(hash)).toBe('scenario field groups: can have at most 12 groups (this one has 10,000)');
  });
});

describe('link times', () => {
  it('refuses a time past the end of any scenario, naming the bound', () => {
    expect(decodeError(checkedHash({ v: 3, s: { b: 'walk-only', h: 'x' }, t: 24 * 401 }))).toBe("the link's time is not valid (is beyond the end of any scenario (at most 400 days))");
  });

  it('refuses a negative time in plain words', () => {
    expect(decodeError(checkedHash({ v: 3, s: { b: 'walk-only', h: 'x' }, t: -5 }))).toBe("the link's time is not valid (must be at least 0 hours)");
  });

  it('moves a time past the timeline to its last day and says so', () => {
    expect(clampLinkTime(24 * 80 + 12, 24 * 50, '2018-10-22')).toEqual({
      tHours: 24 * 50,
      notice: "the link's time, 2019-01-10, is after the end of this scenario's timeline; showing its last day, 2018-12-11",
    });
  });

  it('leaves a time on the timeline as it is, without a notice', () => {
    expect(clampLinkTime(100, 24 * 50, '2018-10-22')).toEqual({ tHours: 100, notice: null });
  });
});
