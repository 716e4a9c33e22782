/**
 * Scenarios as a hostile sender or a careless editor writes them: a real scenario with one field
 * (or one new field) set to something else — any JSON, a list one past its bound or ten thousand
 * long, a text of thousands of characters, a date outside the calendar, a misspelt key, a
 * prototype key. What the decoders must do with them: refuse in plain words, or open exactly what
 * was written.
 */
import fc from 'fast-check';
import type { Scenario } from '../../../src/sim/scenario';
import { SCENARIO_LIMITS } from '../../../src/sim/scenario-limits';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value, objects and arrays alike (`['groups', 0, 'id']`). */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

const longList = <T>(item: T) => fc.integer({ min: 1, max: 40 }).map((extra) => Array.from({ length: SCENARIO_LIMITS.groups + extra }, () => item));

export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('9999-12-31', '1999-12-31', '2100-12-31', '2018-02-30', '0000-01-01', '+010000-01-01', '', '__proto__', 'constructor', '<img src=x onerror=alert(1)>'),
  fc.constantFrom<Json>(1e308, -1e308, 5e-324, -0, 2 ** 53 + 1, -60.5, 0, 1, 366, 100_000),
  fc.integer({ min: 100, max: 5_000 }).map((n): Json => 'x'.repeat(n)),
  longList<Json>({ id: 'main', headcount: 1 }),
  longList<Json>('mexico-city'),
  fc.constant<Json>(Array.from({ length: 10_000 }, () => ({ id: 'main', headcount: 1 }))),
);

/** A key that a scenario does not have: a misspelling of one it has, or something else. */
const strangeKey = fc.oneof(fc.constantFrom('kmPerDy', 'headCount', 'grups', 'startDate', '__proto__', 'constructor', 'prototype', 'toString'), fc.string({ maxLength: 12 }));

export interface HostileScenario {
  /** The scenario as the sender wrote it (JSON). */
  input: Json;
  /** What was changed, for a failing case's report. */
  change: string;
}

/** A real scenario with one field set to a hostile value, or one unknown field added. */
export function hostileScenario(base: fc.Arbitrary<Scenario>): fc.Arbitrary<HostileScenario> {
  return fc.tuple(base, fc.nat(), hostileValue, fc.boolean(), strangeKey).map(([scenario, pick, value, addKey, key]) => {
    const input = JSON.parse(JSON.stringify(scenario)) as Json;
    const all = paths(input);
    const path = all[pick % all.length]!;
    if (path.length === 0) return { input: value, change: `the whole scenario := ${JSON.stringify(value).slice(0, 60)}` };
    // Every path but the last step leads to an object or an array: paths() only descends into those.
    const parent = path.slice(0, -1).reduce<Json>((node, k) => (node as Record<string, Json>)[k]!, input) as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (addKey && !Array.isArray(parent)) {
      // defineProperty: a plain assignment of "__proto__" would set the prototype, not a key.
      Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
      return { input, change: `${path.slice(0, -1).join('.')}.${key} added` };
    }
    parent[last] = value;
    return { input, change: `${path.join('.')} := ${JSON.stringify(value).slice(0, 60)}` };
  });
}

/**
 * True when everything `written` says is in `opened`, unchanged: nothing dropped, nothing altered
 * (defaults may be added). `written` is compared as JSON carries it.
 */
export function saysWhatWasWritten(written: unknown, opened: unknown): boolean {
  const a = JSON.parse(JSON.stringify(written)) as unknown;
  return subset(a, opened);
}

function subset(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => subset(item, b[i]));
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    return Object.entries(a).every(([key, value]) => Object.hasOwn(b, key) && subset(value, (b as Record<string, unknown>)[key]));
  }
  return a === b;
}
