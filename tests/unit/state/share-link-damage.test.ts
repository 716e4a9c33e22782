/**
 * No one-character change of a real link opens a different scenario: every substitution (by every
 * printable ASCII character and a few others), every deletion and every insertion, at every
 * position of a few links the app writes, is either refused or opens exactly what the link held.
 * Exhaustive, not a sample: the checksum makes each case a few microseconds.
 */
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { parseScenario, type Scenario } from '../../../src/sim/scenario';
import { decodeShareState, encodeShareState, type ShareState } from '../../../src/state/share-state';

const presets = loadPresets(readPresetFiles());
const preset = (id: string) => presets.get(id)!;
const edited = (id: string, change: (s: Scenario) => object) => parseScenario({ ...structuredClone(preset(id)), ...change(preset(id)) });

/** Printable ASCII, plus characters that links meet in mail and chat: non-ASCII, a NUL, a newline. */
const ALPHABET = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), 'é', 'ñ', '\u0000', '\n', '\u00a0'];

const LINKS: Record<string, ShareState> = {
  'an unedited preset with a time and a view': { scenario: preset('walk-only'), pinned: [], tHours: 130.5, view: { center: [-99.13, 19.43], zoom: 5.5 }, panel: null, presetId: 'walk-only' },
  'an edited walking speed and start date': {
    scenario: edited('historical-2018', (s) => ({ modes: { ...s.modes, walk: { kmPerDay: 37.5 } }, start: { place: 'tapachula', date: '2018-10-20' } })),
    pinned: [],
    tHours: 48,
    view: null,
    panel: null,
    presetId: null,
  },
  'two pinned scenarios': {
    scenario: preset('shortest-to-texas'),
    pinned: [edited('walk-only', () => ({ rest: { everyNDays: null } })), edited('walker-2018-10-25', () => ({ troops: { shiftDays: -10 } }))],
    tHours: 500,
    view: { center: [-104, 25], zoom: 4 },
    panel: null,
    presetId: 'shortest-to-texas',
  },
};

function* oneCharacterChanges(link: string): Generator<string> {
  for (let i = 0; i <= link.length; i++) {
    if (i < link.length) yield link.slice(0, i) + link.slice(i + 1);
    for (const c of ALPHABET) {
      if (i < link.length && c !== link[i]) yield link.slice(0, i) + c + link.slice(i + 1);
      yield link.slice(0, i) + c + link.slice(i);
    }
  }
}

describe('a damaged share link', () => {
  it.each(Object.entries(LINKS))('never opens a scenario other than its own: %s', (_name, state) => {
    const link = `#${encodeShareState(state, presets)}`;
    const original = decodeShareState(link, presets);
    expect(original).toEqual({ ok: true, state, warnings: [] });
    let cases = 0;
    let refused = 0;
    const different: string[] = [];
    for (const damaged of oneCharacterChanges(link)) {
      cases++;
      const result = decodeShareState(damaged, presets);
      if (!result.ok) refused++;
      else if (JSON.stringify(result) !== JSON.stringify(original)) different.push(damaged);
    }
    expect(different).toEqual([]);
    expect(cases).toBe(link.length + (2 * link.length + 1) * ALPHABET.length - link.length);
    // Only changes the decoder forgives by design open at all: the '#' it accepts with or without.
    expect(cases - refused).toBeLessThan(5);
    // Some 37,000 decodes a link: a few seconds, more on a busy machine (a bound, not a speed target).
  }, 60_000);
});
