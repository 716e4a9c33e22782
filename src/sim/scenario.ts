/**
 * A scenario says how the caravan moves, in the model's own terms (modes, speeds, rules, stays,
 * splits); it never lists positions. Validated with zod so a bad file, link or form value is refused
 * with the field named, before anything runs. Every object is strict (a misspelt field is refused
 * and named, never dropped so that a default shows through) and every list and text is bounded
 * (scenario-limits.ts says why each bound is what it is), so no scenario can cause unbounded work.
 */
import { z } from 'zod';
import { FieldError } from './field-error';
import { listTooLong, parsePlain } from './plain-issues';
import { MAX_SCENARIO_DATE, MIN_SCENARIO_DATE, SCENARIO_LIMITS as LIMITS } from './scenario-limits';
import { isIsoDate } from './time';

const isoDate = z
  .string()
  .max(10, 'expected a date as YYYY-MM-DD')
  .refine(isIsoDate, { message: 'expected a date as YYYY-MM-DD', abort: true })
  .refine((d) => d >= MIN_SCENARIO_DATE && d <= MAX_SCENARIO_DATE, `must be between ${MIN_SCENARIO_DATE} and ${MAX_SCENARIO_DATE}, the years the model's calendar covers`);
const placeId = z.string().min(1, 'expected a place').max(LIMITS.placeChars);
const kebabId = (what: string) => z.string().max(LIMITS.idChars).regex(/^[a-z0-9-]+$/, `expected a kebab-case ${what} (lower-case letters, digits and dashes)`);
const groupRef = z.string().max(LIMITS.idChars);
const groupRefs = z.array(groupRef).max(LIMITS.groupRefs);
const label = z.string().max(LIMITS.nameChars);
const description = z.string().max(LIMITS.descriptionChars);
const region = z.string().max(LIMITS.regionChars);
const destination = z.string().max(LIMITS.placeChars);

export const MODES = ['walk', 'hitch', 'bus'] as const;
export const modeSchema = z.enum(MODES);
export type Mode = z.infer<typeof modeSchema>;

const kmPerDay = z.number().positive().max(2000);

export const modeRuleSchema = z.strictObject({
  mode: modeSchema,
  /** The rule applies on local dates in [fromDate, untilDate]. */
  fromDate: isoDate.optional(),
  untilDate: isoDate.optional(),
  /** …while the group is on a leg in one of these states. */
  regions: z.array(region).max(LIMITS.regions).optional(),
  /** …once the group has reached this place on its route. */
  afterPlace: placeId.optional(),
  /** …for these groups only. */
  groups: groupRefs.optional(),
  /** Km a day in this mode while the rule applies (default: the mode's own). */
  kmPerDay: kmPerDay.optional(),
  /** Chance of finding the ride on such a day (default: uncertainty.rideAvailability); otherwise the group walks. */
  rideAvailability: z.number().min(0).max(1).optional(),
});
export type ModeRule = z.infer<typeof modeRuleSchema>;

export const groupSchema = z.strictObject({
  id: kebabId('group id'),
  name: label.optional(),
  nameEs: label.optional(),
  headcount: z.number().int().nonnegative().max(1_000_000),
  speedMultiplier: z.number().positive().max(10).default(1),
  /** Days after the scenario start before this group sets off. */
  departDelayDays: z.number().int().nonnegative().max(365).default(0),
  /** Crossing id, 'nearest', or unset to follow the scenario's destination. */
  destination: destination.optional(),
});
export type GroupSpec = z.infer<typeof groupSchema>;

export const splitSchema = z.strictObject({
  /** The group that divides… */
  group: groupRef,
  /** …when it reaches this place… */
  atPlace: placeId,
  /** …into a new group with this id, this share of its people and its own destination. */
  into: kebabId('group id'),
  name: label.optional(),
  nameEs: label.optional(),
  share: z.number().gt(0).lt(1),
  destination,
  speedMultiplier: z.number().positive().max(10).optional(),
});
export type SplitSpec = z.infer<typeof splitSchema>;

export const mergeSchema = z.strictObject({
  /** This group joins `into` when it reaches `atPlace`, and ends there. */
  group: groupRef,
  into: groupRef,
  atPlace: placeId,
});
export type MergeSpec = z.infer<typeof mergeSchema>;

export const staySchema = z.strictObject({
  place: placeId,
  /** Nights spent there, counting the night of arrival: 5 = arrive on day d, leave on day d + 5. */
  nights: z.number().int().min(1).max(60),
  groups: groupRefs.optional(),
});
export type StaySpec = z.infer<typeof staySchema>;

export const uncertaintySchema = z.strictObject({
  /** Standard deviation of the log of the daily speed factor (0.15 ≈ ±15 %). */
  speedSpread: z.number().min(0).max(1).default(0.15),
  /** Chance that a travel day becomes an unplanned rest day. */
  extraRestChance: z.number().min(0).max(0.5).default(0.05),
  /** Chance that a ride (hitch, bus) is found on a day that plans one; otherwise the group walks. */
  rideAvailability: z.number().min(0).max(1).default(0.9),
});
export type Uncertainty = z.infer<typeof uncertaintySchema>;

const attritionEventSchema = z.strictObject({ date: isoDate, share: z.number().min(0).max(1), groups: groupRefs.optional() });

export const scenarioSchema = z
  .strictObject({
    id: kebabId('id'),
    name: label.min(1),
    description: description.default(''),
    /** The name and description in Spanish, for the interface's Spanish. */
    nameEs: label.optional(),
    descriptionEs: description.optional(),
    start: z.strictObject({ place: placeId, date: isoDate }),
    /** The simulation stops after this many days if a group has not arrived. */
    maxDays: z.number().int().min(1).max(365).default(90),
    /** Crossing id, 'nearest' (cheapest route from the start) or 'all' (arrivals at every crossing; groups head for the nearest). */
    destination: destination.default('all'),
    route: z
      .strictObject({
        riskAversion: z.number().min(0).max(100).default(1),
        avoidRegions: z.array(region).max(LIMITS.regions).default([]),
        via: z.array(placeId).max(LIMITS.via).default([]),
        /** Places closed to the caravan: no route passes them. */
        closedPlaces: z.array(placeId).max(LIMITS.closedPlaces).default([]),
      })
      .prefault({}),
    modes: z
      .strictObject({
        walk: z.strictObject({ kmPerDay }).prefault({ kmPerDay: 30 }),
        hitch: z.strictObject({ kmPerDay }).prefault({ kmPerDay: 120 }),
        bus: z.strictObject({ kmPerDay }).prefault({ kmPerDay: 600 }),
      })
      .prefault({}),
    /** First matching rule picks the day's mode; no match means walking. */
    modeRules: z.array(modeRuleSchema).max(LIMITS.modeRules).default([]),
    rest: z
      .strictObject({
        /** After this many travel days in a row, rest one day (null: no regular rest days). */
        everyNDays: z.number().int().min(1).max(365).nullable().default(null),
      })
      .prefault({}),
    stays: z.array(staySchema).max(LIMITS.stays).default([]),
    groups: z.array(groupSchema).min(1).max(LIMITS.groups),
    splits: z.array(splitSchema).max(LIMITS.splits).default([]),
    merges: z.array(mergeSchema).max(LIMITS.merges).default([]),
    attrition: z
      .strictObject({
        /** Share of a group's people lost per day (0.005 = 0.5 %/day). */
        perDay: z.number().min(0).max(0.5).default(0),
        events: z.array(attritionEventSchema).max(LIMITS.attritionEvents).default([]),
      })
      .prefault({}),
    /** Local hour groups set off and the hour by which walkers stop. */
    day: z
      .strictObject({
        departHour: z.number().min(0).max(23).default(5),
        walkKmPerHour: z.number().positive().max(20).default(4),
        rideKmPerHour: z.number().positive().max(200).default(55),
      })
      .prefault({}),
    troops: z.strictObject({ shiftDays: z.number().int().min(-60).max(60).default(0) }).prefault({}),
    uncertainty: uncertaintySchema.prefault({}),
  })
  .superRefine((scenario, ctx) => {
    // Ids name groups everywhere else (rules, stays, splits, the map): each must name one group.
    const ids = new Set<string>();
    scenario.groups.forEach((group, i) => {
      if (ids.has(group.id)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `group id "${group.id}" is used twice` });
      ids.add(group.id);
    });
    scenario.splits.forEach((split, i) => {
      if (ids.has(split.into)) ctx.addIssue({ code: 'custom', path: ['splits', i, 'into'], message: `group id "${split.into}" is already taken by another group` });
      ids.add(split.into);
    });
  });
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** A scenario field that is missing, malformed or out of bounds; `field` is its path (`groups[1].id`). */
export class ScenarioError extends FieldError {}

/** The lists a scenario carries, by path, with their bounds: checked for length before anything else. */
const LISTS: readonly (readonly [path: readonly string[], max: number])[] = [
  [['groups'], LIMITS.groups],
  [['splits'], LIMITS.splits],
  [['merges'], LIMITS.merges],
  [['modeRules'], LIMITS.modeRules],
  [['stays'], LIMITS.stays],
  [['route', 'via'], LIMITS.via],
  [['route', 'closedPlaces'], LIMITS.closedPlaces],
  [['route', 'avoidRegions'], LIMITS.regions],
  [['attrition', 'events'], LIMITS.attritionEvents],
];

/**
 * Cheap first look at a would-be scenario: the length of every list it carries, in time that does
 * not grow with their contents, so an oversized link or file is refused at once with the bound
 * named, even when its entries are malformed too. Null when no list is over its bound (lists
 * inside entries, such as a rule's regions, are bounded by the full check, after this one).
 *
 * @example
 * checkScenarioSize({ groups: Array(10_000).fill({}) })
 * // → ScenarioError('groups', 'can have at most 12 groups (this one has 10,000)')
 */
export function checkScenarioSize(input: unknown): ScenarioError | null {
  for (const [path, max] of LISTS) {
    let node: unknown = input;
    for (const key of path) node = isRecord(node) ? node[key] : undefined;
    if (Array.isArray(node) && node.length > max) return new ScenarioError(path.join('.'), listTooLong(path[path.length - 1]!, max, node.length));
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a scenario; throws ScenarioError naming the first bad field in plain words.
 *
 * @example
 * parseScenario({ ...scenario, modes: { walk: { kmPerDy: 99 } } })
 * // throws ScenarioError: 'modes.walk: unknown field "kmPerDy"'
 */
export function parseScenario(input: unknown): Scenario {
  const oversized = checkScenarioSize(input);
  if (oversized) throw oversized;
  const result = parsePlain(scenarioSchema, input);
  if (result.ok) return result.data;
  throw new ScenarioError(result.field || 'scenario', result.reason);
}
