/**
 * A scenario says how the caravan moves, in the model's own terms (modes, speeds, rules, stays,
 * splits); it never lists positions. Validated with zod so a bad file or form value is refused with
 * the field named, before anything runs.
 */
import { z } from 'zod';
import { isIsoDate } from './time';

const isoDate = z.string().refine(isIsoDate, 'expected a date as YYYY-MM-DD');
const placeId = z.string().min(1, 'expected a place');

export const MODES = ['walk', 'hitch', 'bus'] as const;
export const modeSchema = z.enum(MODES);
export type Mode = z.infer<typeof modeSchema>;

const kmPerDay = z.number({ error: 'expected a number of km per day' }).positive('must be a positive number of km per day').max(2000, 'must be at most 2000 km per day');

export const modeRuleSchema = z.object({
  mode: modeSchema,
  /** The rule applies on local dates in [fromDate, untilDate]. */
  fromDate: isoDate.optional(),
  untilDate: isoDate.optional(),
  /** …while the group is on a leg in one of these states. */
  regions: z.array(z.string()).optional(),
  /** …once the group has reached this place on its route. */
  afterPlace: placeId.optional(),
  /** …for these groups only. */
  groups: z.array(z.string()).optional(),
  /** Km a day in this mode while the rule applies (default: the mode's own). */
  kmPerDay: kmPerDay.optional(),
  /** Chance of finding the ride on such a day (default: uncertainty.rideAvailability); otherwise the group walks. */
  rideAvailability: z.number().min(0).max(1).optional(),
});
export type ModeRule = z.infer<typeof modeRuleSchema>;

export const groupSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case group id'),
  name: z.string().optional(),
  nameEs: z.string().optional(),
  headcount: z.number().int().nonnegative(),
  speedMultiplier: z.number().positive().default(1),
  /** Days after the scenario start before this group sets off. */
  departDelayDays: z.number().int().nonnegative().default(0),
  /** Crossing id, 'nearest', or unset to follow the scenario's destination. */
  destination: z.string().optional(),
});
export type GroupSpec = z.infer<typeof groupSchema>;

export const splitSchema = z.object({
  /** The group that divides… */
  group: z.string(),
  /** …when it reaches this place… */
  atPlace: placeId,
  /** …into a new group with this id, this share of its people and its own destination. */
  into: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().optional(),
  nameEs: z.string().optional(),
  share: z.number().gt(0).lt(1),
  destination: z.string(),
  speedMultiplier: z.number().positive().optional(),
});
export type SplitSpec = z.infer<typeof splitSchema>;

export const mergeSchema = z.object({
  /** This group joins `into` when it reaches `atPlace`, and ends there. */
  group: z.string(),
  into: z.string(),
  atPlace: placeId,
});
export type MergeSpec = z.infer<typeof mergeSchema>;

export const staySchema = z.object({
  place: placeId,
  /** Nights spent there, counting the night of arrival: 5 = arrive on day d, leave on day d + 5. */
  nights: z.number().int().min(1).max(60),
  groups: z.array(z.string()).optional(),
});
export type StaySpec = z.infer<typeof staySchema>;

export const uncertaintySchema = z.object({
  /** Standard deviation of the log of the daily speed factor (0.15 ≈ ±15 %). */
  speedSpread: z.number().min(0).max(1).default(0.15),
  /** Chance that a travel day becomes an unplanned rest day. */
  extraRestChance: z.number().min(0).max(0.5).default(0.05),
  /** Chance that a ride (hitch, bus) is found on a day that plans one; otherwise the group walks. */
  rideAvailability: z.number().min(0).max(1).default(0.9),
});
export type Uncertainty = z.infer<typeof uncertaintySchema>;

export const scenarioSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case id'),
  name: z.string().min(1),
  description: z.string().default(''),
  /** The name and description in Spanish, for the interface's Spanish. */
  nameEs: z.string().optional(),
  descriptionEs: z.string().optional(),
  start: z.object({ place: placeId, date: isoDate }),
  /** The simulation stops after this many days if a group has not arrived. */
  maxDays: z.number().int().min(1).max(365).default(90),
  /** Crossing id, 'nearest' (cheapest route from the start) or 'all' (arrivals at every crossing; groups head for the nearest). */
  destination: z.string().default('all'),
  route: z
    .object({
      riskAversion: z.number().min(0).max(100).default(1),
      avoidRegions: z.array(z.string()).default([]),
      via: z.array(placeId).default([]),
      /** Places closed to the caravan: no route passes them. */
      closedPlaces: z.array(placeId).default([]),
    })
    .prefault({}),
  modes: z
    .object({
      walk: z.object({ kmPerDay }).prefault({ kmPerDay: 30 }),
      hitch: z.object({ kmPerDay }).prefault({ kmPerDay: 120 }),
      bus: z.object({ kmPerDay }).prefault({ kmPerDay: 600 }),
    })
    .prefault({}),
  /** First matching rule picks the day's mode; no match means walking. */
  modeRules: z.array(modeRuleSchema).default([]),
  rest: z
    .object({
      /** After this many travel days in a row, rest one day (null: no regular rest days). */
      everyNDays: z.number().int().min(1).nullable().default(null),
    })
    .prefault({}),
  stays: z.array(staySchema).default([]),
  groups: z.array(groupSchema).min(1),
  splits: z.array(splitSchema).default([]),
  merges: z.array(mergeSchema).default([]),
  attrition: z
    .object({
      /** Share of a group's people lost per day (0.005 = 0.5 %/day). */
      perDay: z.number().min(0).max(0.5).default(0),
      events: z.array(z.object({ date: isoDate, share: z.number().min(0).max(1), groups: z.array(z.string()).optional() })).default([]),
    })
    .prefault({}),
  /** Local hour groups set off and the hour by which walkers stop. */
  day: z
    .object({
      departHour: z.number().min(0).max(23).default(5),
      walkKmPerHour: z.number().positive().default(4),
      rideKmPerHour: z.number().positive().default(55),
    })
    .prefault({}),
  troops: z.object({ shiftDays: z.number().int().min(-60).max(60).default(0) }).prefault({}),
  uncertainty: uncertaintySchema.prefault({}),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

export class ScenarioError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ScenarioError';
  }
}

/** Validates a scenario; throws ScenarioError naming the first bad field (e.g. `modes.walk.kmPerDay`). */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
  throw new ScenarioError(field || 'scenario', issue.message);
}
