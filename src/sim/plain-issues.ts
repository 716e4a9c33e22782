/**
 * The one place where schema (zod) issues become plain words. Schemas say *what* is allowed; this
 * says it to a person: "must be at least −60 days", "can have at most 12 groups (this one has
 * 10,000)", `unknown field "kmPerDy"` — never zod's own "Too small: expected number to be >=-60".
 *
 * Units come from the field's name (the project writes units into names: `kmPerDay`, `shiftDays`),
 * and list items from the list's name (`groups`, `via`), so a schema needs no message of its own
 * except where only it knows the meaning (a pattern, a refinement).
 */
import type { z } from 'zod';

export type PlainParseResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** Where the first problem is, as zod gives it (`['modes', 'walk', 'kmPerDay']`). */
      path: readonly PropertyKey[];
      /** The same, written for a person: `modes.walk.kmPerDay`, `groups[2].id`. */
      field: string;
      reason: string;
      /** zod's code for the problem (`too_big`, `unrecognized_keys`, …), for callers that sort problems. */
      code: z.core.$ZodIssue['code'];
    };

/** Marks "the schema gave no message of its own": such issues are worded here. */
const UNWORDED = '\u0000unworded';

/**
 * Validates `input`; on failure gives the first problem (or the first that `pick` prefers), in plain
 * words, with its field. By default an unknown field comes first: a misspelt `kmPerDy` also makes
 * `kmPerDay` missing, and the misspelling is what the person must fix.
 *
 * @example
 * parsePlain(z.strictObject({ shiftDays: z.number().min(-60) }), { shiftDays: -90 })
 * // → { ok: false, path: ['shiftDays'], field: 'shiftDays', reason: 'must be at least −60 days', code: 'too_small' }
 */
export function parsePlain<S extends z.ZodType>(schema: S, input: unknown, pick: (issue: z.core.$ZodIssue) => boolean = isUnknownField): PlainParseResult<z.infer<S>> {
  // The wording context slows zod's parse down by half: ask for it only once the input has failed.
  const quick = schema.safeParse(input);
  if (quick.success) return { ok: true, data: quick.data };
  const result = schema.safeParse(input, { reportInput: true, error: () => UNWORDED });
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues.find(pick) ?? result.error.issues[0]!;
  return { ok: false, path: issue.path, field: fieldPath(issue.path), reason: plainReason(issue, input), code: issue.code };
}

function isUnknownField(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'unrecognized_keys';
}

/** `['groups', 2, 'id']` → `groups[2].id`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** The reason for one issue, in plain words. `root` is the value that was validated (to tell "missing" from "wrong"). */
export function plainReason(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.message !== UNWORDED && issue.message !== '') return issue.message;
  const name = lastName(issue.path);
  const unit = unitOf(name);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue, input, isMissing(root, issue.path), unit);
    case 'too_small':
      return tooSmall(issue, name, unit, input);
    case 'too_big':
      return tooBig(issue, name, unit, input);
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quote(issue.values[0])}` : `must be one of ${issue.values.map(quote).join(', ')}${input === undefined ? '' : ` (got ${quote(input)})`}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.slice(0, 5).map((k) => quote(k)).join(', ')}${issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : ''}`;
    case 'invalid_union':
      return 'does not match any of the forms this field can take';
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not written in the expected form' : `is not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${formatNumber(issue.divisor)}`;
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an entry that is not allowed';
    default:
      return 'is not valid';
  }
}

/** Numbers as a person writes them: thousands grouped, a real minus sign. `-60` → `−60`, `10000` → `10,000`. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  // Very large and very small numbers keep their exponent: 1e+308 is 1e+308, not 309 digits or 0.
  const text = size >= 1e15 ? size.toExponential() : size > 0 && size < 1e-6 ? String(size) : groupThousands(size);
  return value < 0 ? `−${text}` : text;
}

/** 10000.5 → "10,000.5". By hand: the first toLocaleString call loads the locale data, ~100 ms of a CLI start. */
function groupThousands(size: number): string {
  const [whole = '0', fraction] = String(Math.round(size * 1e6) / 1e6).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function invalidType(issue: z.core.$ZodIssueInvalidType, input: unknown, missing: boolean, unit: string): string {
  if (missing) return 'is missing';
  const got = describeValue(input, issue);
  const ofUnit = unit ? ` of ${unit}` : '';
  switch (issue.expected) {
    case 'int':
      return typeof input === 'number' && Number.isFinite(input) ? `must be a whole number${ofUnit}` : `expected a whole number${ofUnit}, got ${got}`;
    case 'number':
      return `expected a number${ofUnit}, got ${got}`;
    case 'string':
      return `expected text, got ${got}`;
    case 'boolean':
      return `expected true or false, got ${got}`;
    case 'array':
      return `expected a list, got ${got}`;
    case 'object':
    case 'record':
      return `expected a group of fields, got ${got}`;
    default:
      return `has the wrong kind of value (${got})`;
  }
}

/** "1 night", "2 nights": units whose plural ends in s. */
function unitFor(unit: string, value: number): string {
  return Math.abs(value) === 1 && /^(days|nights|hours)$/.test(unit) ? unit.slice(0, -1) : unit;
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, name: string, anyUnit: string, input: unknown): string {
  const min = Number(issue.minimum);
  const unit = unitFor(anyUnit, min);
  switch (issue.origin) {
    case 'array':
    case 'set':
      return `needs at least ${formatNumber(min)} ${itemNoun(name, min)}`;
    case 'string':
      return min <= 1 ? 'cannot be empty' : `must be at least ${formatNumber(min)} characters long${lengthNow(input)}`;
    default: {
      const withUnit = unit ? ` ${unit}` : '';
      if (issue.inclusive) return `must be at least ${formatNumber(min)}${withUnit}`;
      if (min === 0) return `must be a positive number${unit ? ` of ${unit}` : ''}`;
      return `must be more than ${formatNumber(min)}${withUnit}`;
    }
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig, name: string, anyUnit: string, input: unknown): string {
  const max = Number(issue.maximum);
  const unit = unitFor(anyUnit, max);
  switch (issue.origin) {
    case 'array':
    case 'set':
      return listTooLong(name, max, Array.isArray(input) ? input.length : null);
    case 'string':
      return `can be at most ${formatNumber(max)} characters long${lengthNow(input)}`;
    default: {
      const withUnit = unit ? ` ${unit}` : '';
      return issue.inclusive ? `must be at most ${formatNumber(max)}${withUnit}` : `must be less than ${formatNumber(max)}${withUnit}`;
    }
  }
}

/**
 * A list over its bound, named by the list's field name.
 *
 * @example listTooLong('groups', 12, 10_000) // → 'can have at most 12 groups (this one has 10,000)'
 */
export function listTooLong(listName: string, max: number, count: number | null): string {
  return `can have at most ${formatNumber(max)} ${itemNoun(listName, max)}${count === null ? '' : ` (this one has ${formatNumber(count)})`}`;
}

function lengthNow(input: unknown): string {
  return typeof input === 'string' ? ` (this one has ${formatNumber(input.length)})` : '';
}

/** Units by field name: the project writes them into names. */
function unitOf(name: string): string {
  if (/kmPerDay$/i.test(name)) return 'km per day';
  if (/KmPerHour$/.test(name)) return 'km per hour';
  if (name === 'nights') return 'nights';
  if (name === 'headcount') return 'people';
  if (/Days$/.test(name) || name === 'maxDays') return 'days';
  if (/Hours$/.test(name) || name === 't') return 'hours';
  return '';
}

/** Plain names of what a list holds, by the list's field name; `p` and `x` are the share link's short keys. */
const ITEM_NOUNS: Record<string, [one: string, many: string]> = {
  groups: ['group', 'groups'],
  via: ['via-place', 'via-places'],
  closedPlaces: ['closed place', 'closed places'],
  avoidRegions: ['avoided region', 'avoided regions'],
  regions: ['region', 'regions'],
  stays: ['stay', 'stays'],
  modeRules: ['mode rule', 'mode rules'],
  splits: ['split', 'splits'],
  merges: ['merge', 'merges'],
  events: ['event', 'events'],
  reports: ['report', 'reports'],
  deployments: ['deployment', 'deployments'],
  steps: ['step', 'steps'],
  p: ['pinned scenario', 'pinned scenarios'],
  x: ['removed field', 'removed fields'],
};

function itemNoun(name: string, count: number): string {
  const [one, many] = ITEM_NOUNS[name] ?? ['entry', 'entries'];
  return count === 1 ? one : many;
}

function lastName(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

function isMissing(root: unknown, path: readonly PropertyKey[]): boolean {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[path[i]!];
  }
  if (path.length === 0) return root === undefined;
  return node !== null && typeof node === 'object' && !Object.hasOwn(node, path[path.length - 1]!);
}

function describeValue(input: unknown, issue: z.core.$ZodIssueInvalidType): string {
  const received = (issue as { received?: string }).received;
  if (received === 'NaN' || received === 'Infinity') return 'a number that is not finite';
  if (input === null) return 'nothing (null)';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return `text ${quote(input)}`;
  if (typeof input === 'number') return `the number ${formatNumber(input)}`;
  if (typeof input === 'object') return 'a group of fields';
  return typeof input;
}

/** A value quoted for a message: short, one line, no control characters. */
function quote(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  const text = typeof value === 'string' ? value : String(value);
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return JSON.stringify(short).replace(/\\u[0-9a-f]{4}|\\[nrtbf]/gi, '?');
}
