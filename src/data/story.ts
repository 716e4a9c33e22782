/**
 * Story mode (data/stories/*.json): a guided sequence of dated steps for educators. Each step sets
 * the clock, frames the map, highlights what it talks about and shows a short caption in English and
 * Spanish with its source. Stories are data, validated like every other data file: a malformed story
 * fails with a message naming the file, the step and the field. How to write one:
 * data/sources/STORY-NOTES.md.
 */
import { z } from 'zod';
import { daysBetween, isIsoDate } from '../sim/time';
import { DataFileError, parseDataFile } from './parse-data-file';

/** The languages every story text is written in. */
export const STORY_LANGUAGES = ['en', 'es'] as const;
export type StoryLanguage = (typeof STORY_LANGUAGES)[number];

/** Captions are read aloud and shown on a big screen: this many words at most, in each language. */
export const MAX_CAPTION_WORDS = 60;

const isoDate = z.string().refine(isIsoDate, 'expected a date as YYYY-MM-DD');
const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id');
const text = z.string().trim().min(1, 'expected some text');

/** One text in every story language: `{ "en": "…", "es": "…" }`. */
const localized = z.object({ en: text, es: text });

const wordCount = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;
const caption = z.object({
  en: text.refine((s) => wordCount(s) <= MAX_CAPTION_WORDS, `must be at most ${MAX_CAPTION_WORDS} words`),
  es: text.refine((s) => wordCount(s) <= MAX_CAPTION_WORDS, `must be at most ${MAX_CAPTION_WORDS} words`),
});

export const storySourceSchema = z.object({
  title: text,
  publisher: text,
  /** Publication date of the source (it may be a day or two after the step's date). */
  date: isoDate.optional(),
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
});

export const storyViewSchema = z.object({
  /** Map centre as [longitude, latitude]. */
  center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  /** Map zoom: about 4 shows all of Mexico, about 9 one city. */
  zoom: z.number().min(2).max(12),
});

export const storyHighlightSchema = z
  .object({
    /** Crossing ids from data/crossings.json. */
    crossings: z.array(kebabId).default([]),
    /** Group ids of the story's scenario (its groups, and the groups its splits create). */
    groups: z.array(kebabId).default([]),
    /** Node ids from data/network.geojson. */
    places: z.array(kebabId).default([]),
  })
  .prefault({});

export const storyStepSchema = z.object({
  id: kebabId,
  /** The day the step shows, in the route's local time (Mexico City). */
  date: isoDate,
  /** Local hour of that day (route time, Mexico City; fractions allowed: 13.5 = 13:30). */
  hour: z.number().min(0).lt(24).default(12),
  view: storyViewSchema,
  title: localized,
  caption,
  source: storySourceSchema,
  highlight: storyHighlightSchema,
  /** For the educator or the app, not shown as the caption (e.g. "before the scenario's start"). */
  note: z.string().optional(),
});

export const storySchema = z
  .object({
    id: kebabId,
    title: localized,
    description: localized.optional(),
    /** The preset the story plays over (an id from data/scenarios/). */
    scenario: kebabId,
    steps: z.array(storyStepSchema).min(1, 'a story needs at least one step'),
  })
  .superRefine((story, ctx) => {
    const seen = new Set<string>();
    story.steps.forEach((step, i) => {
      if (seen.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `step id "${step.id}" is used twice` });
      seen.add(step.id);
      const prev = story.steps[i - 1];
      if (prev && (step.date < prev.date || (step.date === prev.date && step.hour < prev.hour))) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'date'], message: `steps must be in time order: ${step.date} ${step.hour}h comes before the previous step (${prev.date} ${prev.hour}h)` });
      }
    });
  });

export type Story = z.infer<typeof storySchema>;
export type StoryStep = z.infer<typeof storyStepSchema>;
export type StorySource = z.infer<typeof storySourceSchema>;
export type LocalizedText = z.infer<typeof localized>;

/** Parses and validates a story file's text; throws DataFileError naming the file, the step and the field. */
export function parseStory(fileName: string, text: string): Story {
  return parseDataFile(fileName, text, storySchema);
}

/** What a story may refer to: the world's crossing and place ids, and the groups of its scenario. */
export interface StoryReferences {
  crossings: ReadonlySet<string>;
  places: ReadonlySet<string>;
  groups: ReadonlySet<string>;
  /** Preset ids; when given, the story's `scenario` must be one of them. */
  scenarios?: ReadonlySet<string>;
}

/** Checks that every id a story names exists; throws DataFileError naming the step and the field. */
export function checkStoryReferences(fileName: string, story: Story, known: StoryReferences): void {
  if (known.scenarios && !known.scenarios.has(story.scenario)) {
    throw new DataFileError(fileName, `top level: field "scenario": no preset "${story.scenario}"`);
  }
  const kinds = [
    ['crossings', known.crossings, 'crossing'],
    ['places', known.places, 'network place'],
    ['groups', known.groups, `group in scenario "${story.scenario}"`],
  ] as const;
  story.steps.forEach((step, i) => {
    for (const [field, ids, what] of kinds) {
      step.highlight[field].forEach((id, j) => {
        if (!ids.has(id)) throw new DataFileError(fileName, `steps[${i}] (${step.id}): field "highlight.${field}[${j}]": no ${what} "${id}"`);
      });
    }
  });
}

/**
 * Model time of a step: hours since local midnight of the scenario's start date, that is
 * (days from the start date to the step's date) × 24 + the step's hour. Steps before the start
 * clamp to 0 (the app then only frames the map).
 * `storyStepTime({ date: '2018-10-25', hour: 10 }, '2018-10-22')` → 3 × 24 + 10 = 82.
 */
export function storyStepTime(step: Pick<StoryStep, 'date' | 'hour'>, scenarioStartDate: string): number {
  return Math.max(0, daysBetween(scenarioStartDate, step.date) * 24 + step.hour);
}

/** True when the step's moment is before the scenario starts, so its clock is clamped to the start. */
export function isBeforeScenarioStart(step: Pick<StoryStep, 'date' | 'hour'>, scenarioStartDate: string): boolean {
  return daysBetween(scenarioStartDate, step.date) * 24 + step.hour < 0;
}

/** Index of the step after `index`, staying on the last one (0 for an empty story). */
export function nextStep(index: number, count: number): number {
  return Math.max(0, Math.min(index + 1, count - 1));
}

/** Index of the step before `index`, staying on the first one. */
export function previousStep(index: number): number {
  return Math.max(0, index - 1);
}

/**
 * The step a key moves to: → / PageDown next, ← / PageUp previous, Home first, End last;
 * null for any other key, so the caller lets it through.
 */
export function stepForKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return nextStep(index, count);
    case 'ArrowLeft':
    case 'PageUp':
      return previousStep(index);
    case 'Home':
      return 0;
    case 'End':
      return Math.max(0, count - 1);
    default:
      return null;
  }
}

/** A story text in the given language. */
export function storyText(text: LocalizedText, language: StoryLanguage): string {
  return text[language];
}
