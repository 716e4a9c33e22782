/**
 * Story mode: the 2018 story file is checked as a reviewer would (both languages, a source for every
 * step, dates in order, every id it names exists), and the pure helpers are checked on examples
 * worked by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/data/parse-data-file';
import { loadPresets } from '../../../src/data/presets';
import { loadWorldFromDisk, PROJECT_ROOT, readPresetFiles } from '../../../src/data/read-data-files';
import {
  checkStoryReferences,
  isBeforeScenarioStart,
  MAX_CAPTION_WORDS,
  nextStep,
  parseStory,
  previousStep,
  STORY_LANGUAGES,
  stepForKey,
  storyStepTime,
  type Story,
  type StoryReferences,
} from '../../../src/data/story';

const STORY_FILE = 'data/stories/2018-caravan.json';
const storyText = readFileSync(join(PROJECT_ROOT, STORY_FILE), 'utf8');
const story = parseStory(STORY_FILE, storyText);

const { world } = loadWorldFromDisk();
const presets = loadPresets(readPresetFiles());

function referencesFor(s: Story): StoryReferences {
  const scenario = presets.get(s.scenario);
  const groups = new Set([...(scenario?.groups.map((g) => g.id) ?? []), ...(scenario?.splits.map((sp) => sp.into) ?? [])]);
  return {
    crossings: new Set(world.crossings.map((c) => c.id)),
    places: new Set(world.network.nodes.keys()),
    groups,
    scenarios: new Set(presets.keys()),
  };
}

const words = (s: string) => s.trim().split(/\s+/).length;

describe('data/stories/2018-caravan.json', () => {
  it('parses, plays over the historical preset and has 10–14 steps', () => {
    expect(story.id).toBe('2018-caravan');
    expect(story.scenario).toBe('historical-2018');
    expect(presets.has(story.scenario)).toBe(true);
    expect(story.steps.length).toBeGreaterThanOrEqual(10);
    expect(story.steps.length).toBeLessThanOrEqual(14);
  });

  it('gives every title and caption in English and Spanish, different texts, captions of at most 60 words', () => {
    for (const lang of STORY_LANGUAGES) expect(story.title[lang].length).toBeGreaterThan(0);
    for (const step of story.steps) {
      for (const lang of STORY_LANGUAGES) {
        expect(step.title[lang].trim(), `${step.id} title.${lang}`).not.toBe('');
        expect(step.caption[lang].trim(), `${step.id} caption.${lang}`).not.toBe('');
        expect(words(step.caption[lang]), `${step.id} caption.${lang}`).toBeLessThanOrEqual(MAX_CAPTION_WORDS);
      }
      expect(step.caption.es, `${step.id}: the Spanish caption is not a copy of the English one`).not.toBe(step.caption.en);
    }
  });

  it('gives every step a source with a title, a publisher and an http(s) URL', () => {
    for (const step of story.steps) {
      expect(step.source.title, step.id).not.toBe('');
      expect(step.source.publisher, step.id).not.toBe('');
      expect(step.source.url, step.id).toMatch(/^https?:\/\/[^\s/]+\.[^\s/]+/);
    }
  });

  it('dates every step within 2018-10-01..2018-12-31, in time order, with unique ids', () => {
    const keys = story.steps.map((s) => `${s.date} ${String(s.hour).padStart(5, '0')}`);
    for (const step of story.steps) {
      expect(step.date >= '2018-10-01' && step.date <= '2018-12-31', `${step.id} ${step.date}`).toBe(true);
    }
    expect(keys).toEqual([...keys].sort());
    expect(new Set(story.steps.map((s) => s.id)).size).toBe(story.steps.length);
  });

  it('covers the milestones of the brief', () => {
    const dates = story.steps.map((s) => s.date);
    for (const date of ['2018-10-13', '2018-10-25', '2018-10-29', '2018-11-05', '2018-11-08', '2018-11-10', '2018-11-13', '2018-11-17', '2018-11-18', '2018-11-25']) {
      expect(dates, date).toContain(date);
    }
    const orders = story.steps.find((s) => s.date === '2018-10-25')!;
    expect(orders.caption.en).toMatch(/800/);
    expect(orders.caption.en).toMatch(/Mapastepec/);
    expect(orders.caption.en).toMatch(/80 miles/);
    expect(orders.caption.en).toMatch(/4,000/);
    expect(orders.caption.en).toMatch(/2,100/);
    expect(orders.caption.es).toMatch(/130 km/);
  });

  it('names only crossings, network places and scenario groups that exist', () => {
    expect(() => checkStoryReferences(STORY_FILE, story, referencesFor(story))).not.toThrow();
    const named = story.steps.flatMap((s) => [...s.highlight.crossings, ...s.highlight.places]);
    expect(named).toContain('san-ysidro');
    expect(named).toContain('mapastepec');
  });

  it('frames the map inside the region the basemap covers, at zooms from whole Mexico to a city', () => {
    for (const step of story.steps) {
      const [lon, lat] = step.view.center;
      expect(lon, step.id).toBeGreaterThan(-120);
      expect(lon, step.id).toBeLessThan(-85);
      expect(lat, step.id).toBeGreaterThan(12);
      expect(lat, step.id).toBeLessThan(34);
      expect(step.view.zoom, step.id).toBeGreaterThanOrEqual(4);
      expect(step.view.zoom, step.id).toBeLessThanOrEqual(9.5);
    }
  });

  it('notes every step that comes before the scenario start', () => {
    const start = presets.get(story.scenario)!.start.date;
    const early = story.steps.filter((s) => isBeforeScenarioStart(s, start));
    expect(early.map((s) => s.id)).toEqual(['departure-san-pedro-sula', 'suchiate-crossing']);
    for (const step of early) expect(step.note, step.id).toMatch(/before the scenario's start/i);
  });

  it('every story file in data/stories parses and names only known ids', () => {
    const dir = join(PROJECT_ROOT, 'data/stories');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toContain('2018-caravan.json');
    for (const file of files) {
      const fileName = `data/stories/${file}`;
      const s = parseStory(fileName, readFileSync(join(dir, file), 'utf8'));
      checkStoryReferences(fileName, s, referencesFor(s));
    }
  });
});

describe('parseStory on malformed files', () => {
  const base = JSON.parse(storyText) as { steps: Record<string, unknown>[] } & Record<string, unknown>;
  const withStep = (i: number, patch: Record<string, unknown>) =>
    JSON.stringify({ ...base, steps: base.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  it('names the file, the step and the field of a bad date', () => {
    expect(() => parseStory('data/stories/bad.json', withStep(2, { date: '25/10/2018' }))).toThrow(
      'data/stories/bad.json: steps[2] (troop-orders): field "date": expected a date as YYYY-MM-DD',
    );
  });

  it('names a missing Spanish caption', () => {
    const caption = (base.steps[1]!.caption as { en: string }).en;
    expect(() => parseStory('data/stories/bad.json', withStep(1, { caption: { en: caption } }))).toThrow(
      /^data\/stories\/bad\.json: steps\[1\] \(suchiate-crossing\): field "caption\.es"/,
    );
  });

  it('names a source without a URL, and a URL that is not http(s)', () => {
    const source = { title: 'A report', publisher: 'AP' };
    expect(() => parseStory('data/stories/bad.json', withStep(0, { source }))).toThrow(/steps\[0\] \(departure-san-pedro-sula\): field "source\.url"/);
    expect(() => parseStory('data/stories/bad.json', withStep(0, { source: { ...source, url: 'ftp://example.org/x' } }))).toThrow(/field "source\.url": expected an http\(s\) URL/);
  });

  it('refuses a caption over the word limit', () => {
    const long = Array.from({ length: MAX_CAPTION_WORDS + 1 }, () => 'word').join(' ');
    expect(() => parseStory('data/stories/bad.json', withStep(3, { caption: { en: long, es: 'corto' } }))).toThrow(/steps\[3\] \(troops-5200\): field "caption\.en": must be at most 60 words/);
  });

  it('refuses steps out of time order and duplicate step ids', () => {
    expect(() => parseStory('data/stories/bad.json', withStep(4, { date: '2018-10-01' }))).toThrow(/steps\[4\] \(mexico-city-stadium\): field "date": steps must be in time order/);
    expect(() => parseStory('data/stories/bad.json', withStep(4, { id: 'troops-5200' }))).toThrow(/steps\[4\] \(troops-5200\): field "id": step id "troops-5200" is used twice/);
  });

  it('refuses a bad view and a story with no steps', () => {
    expect(() => parseStory('data/stories/bad.json', withStep(0, { view: { center: [15.2, -90.3, 1], zoom: 6 } }))).toThrow(/steps\[0\] \(departure-san-pedro-sula\): field "view\.center/);
    expect(() => parseStory('data/stories/bad.json', JSON.stringify({ ...base, steps: [] }))).toThrow(/top level: field "steps": a story needs at least one step/);
  });

  it('names the file when the text is not JSON', () => {
    expect(() => parseStory('data/stories/bad.json', '{"id":')).toThrow(DataFileError);
    expect(() => parseStory('data/stories/bad.json', '{"id":')).toThrow(/^data\/stories\/bad\.json: not valid JSON/);
  });

  it('names an unknown crossing, place, group or scenario', () => {
    const known = referencesFor(story);
    const bad = (patch: Record<string, unknown>) => parseStory('data/stories/bad.json', withStep(5, patch));
    expect(() => checkStoryReferences('data/stories/bad.json', bad({ highlight: { crossings: ['san-ysidro', 'atlantis'] } }), known)).toThrow(
      'data/stories/bad.json: steps[5] (wire-san-ysidro): field "highlight.crossings[1]": no crossing "atlantis"',
    );
    expect(() => checkStoryReferences('data/stories/bad.json', bad({ highlight: { places: ['san-pedro-sula'] } }), known)).toThrow(/field "highlight\.places\[0\]": no network place "san-pedro-sula"/);
    expect(() => checkStoryReferences('data/stories/bad.json', bad({ highlight: { groups: ['vanguard'] } }), known)).toThrow(/field "highlight\.groups\[0\]": no group in scenario "historical-2018" "vanguard"/);
    expect(() => checkStoryReferences('data/stories/bad.json', { ...story, scenario: 'walk-everywhere' }, known)).toThrow(/field "scenario": no preset "walk-everywhere"/);
  });
});

describe('storyStepTime', () => {
  // Hours since local midnight of the start date: days between × 24 + hour, never below 0.
  it('counts whole days and the hour from the scenario start date', () => {
    expect(storyStepTime({ date: '2018-10-22', hour: 0 }, '2018-10-22')).toBe(0);
    expect(storyStepTime({ date: '2018-10-22', hour: 9 }, '2018-10-22')).toBe(9);
    // 22 → 25 October is 3 days: 3 × 24 + 10 = 82.
    expect(storyStepTime({ date: '2018-10-25', hour: 10 }, '2018-10-22')).toBe(82);
    // Across the month end: 22 Oct → 5 Nov is 9 + 5 = 14 days: 14 × 24 + 16 = 352.
    expect(storyStepTime({ date: '2018-11-05', hour: 16 }, '2018-10-22')).toBe(352);
    // 22 Oct → 25 Nov is 34 days: 34 × 24 + 13.5 = 829.5.
    expect(storyStepTime({ date: '2018-11-25', hour: 13.5 }, '2018-10-22')).toBe(829.5);
  });

  it('clamps steps before the start to 0', () => {
    // 13 Oct is 9 days before 22 Oct: −9 × 24 + 8 = −208 → 0.
    expect(storyStepTime({ date: '2018-10-13', hour: 8 }, '2018-10-22')).toBe(0);
    expect(storyStepTime({ date: '2018-10-21', hour: 23 }, '2018-10-22')).toBe(0);
    expect(isBeforeScenarioStart({ date: '2018-10-21', hour: 23 }, '2018-10-22')).toBe(true);
    expect(isBeforeScenarioStart({ date: '2018-10-22', hour: 0 }, '2018-10-22')).toBe(false);
  });

  it('uses the start date of the scenario it is given', () => {
    // A scenario starting three days later (walker-2018-10-25): 25 Oct 10:00 is hour 10.
    expect(storyStepTime({ date: '2018-10-25', hour: 10 }, '2018-10-25')).toBe(10);
    // Whatever its start, a story step lands on its own local date.
    const start = presets.get(story.scenario)!.start.date;
    const step = story.steps.find((s) => s.id === 'troop-orders')!;
    expect(storyStepTime(step, start)).toBe(82);
  });
});

describe('story navigation', () => {
  it('moves to the next step and stays on the last', () => {
    expect(nextStep(0, 13)).toBe(1);
    expect(nextStep(11, 13)).toBe(12);
    expect(nextStep(12, 13)).toBe(12);
    expect(nextStep(0, 1)).toBe(0);
    expect(nextStep(0, 0)).toBe(0);
  });

  it('moves to the previous step and stays on the first', () => {
    expect(previousStep(5)).toBe(4);
    expect(previousStep(1)).toBe(0);
    expect(previousStep(0)).toBe(0);
  });

  it('maps arrow, page and Home/End keys, and lets other keys through', () => {
    expect(stepForKey('ArrowRight', 3, 13)).toBe(4);
    expect(stepForKey('PageDown', 12, 13)).toBe(12);
    expect(stepForKey('ArrowLeft', 3, 13)).toBe(2);
    expect(stepForKey('PageUp', 0, 13)).toBe(0);
    expect(stepForKey('Home', 7, 13)).toBe(0);
    expect(stepForKey('End', 2, 13)).toBe(12);
    expect(stepForKey(' ', 2, 13)).toBeNull();
  });
});
