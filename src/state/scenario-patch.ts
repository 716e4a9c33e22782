/**
 * Scenarios as small patches on a preset, so a shared link carries only what a planner changed.
 *
 * A patch is JSON: objects are compared key by key and recurse; anything else (numbers, strings,
 * null, arrays) is replaced whole when it differs. Keys the preset has and the scenario lacks are
 * listed separately as paths, because a JSON value cannot say "remove me" without stealing `null`,
 * which scenarios use (`rest.everyNDays: null`).
 */

/** A JSON object whose keys are the changed fields (nested objects recurse). */
export type JsonPatch = { [key: string]: unknown };

export interface ScenarioPatch {
  /** Changed or added fields. */
  set: JsonPatch;
  /** Paths of fields the base has and the target lacks. */
  unset: string[][];
}

/** Deeper patches than this are refused: no scenario field is nested so far, so it is damage. */
export const MAX_PATCH_DEPTH = 8;

/** Keys that would reach an object's prototype instead of a field. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

export class PatchError extends Error {
  override name = 'PatchError';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Structural equality of JSON-like values (objects, arrays, strings, finite numbers, booleans, null). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    return keysA.length === keysB.length && keysA.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * What turns `base` into `target`.
 *
 * @example
 * diffScenario({ modes: { walk: { kmPerDay: 30 }, bus: { kmPerDay: 600 } } }, { modes: { walk: { kmPerDay: 35 }, bus: { kmPerDay: 600 } } })
 * // → { set: { modes: { walk: { kmPerDay: 35 } } }, unset: [] }
 */
export function diffScenario(base: Record<string, unknown>, target: Record<string, unknown>): ScenarioPatch {
  const unset: string[][] = [];
  const set = diffObjects(base, target, [], unset);
  return { set, unset };
}

function diffObjects(base: Record<string, unknown>, target: Record<string, unknown>, path: string[], unset: string[][]): JsonPatch {
  const out: JsonPatch = {};
  for (const [key, value] of Object.entries(target)) {
    if (value === undefined) continue;
    const before = base[key];
    if (jsonEqual(before, value)) continue;
    out[key] = isPlainObject(before) && isPlainObject(value) ? diffObjects(before, value, [...path, key], unset) : value;
  }
  for (const key of Object.keys(base)) {
    if (base[key] !== undefined && (!Object.hasOwn(target, key) || target[key] === undefined)) unset.push([...path, key]);
  }
  return out;
}

/**
 * `base` with `patch` applied; `base` is not modified. Throws PatchError on a patch no encoder
 * writes (too deep, prototype keys, an unset path through a non-object).
 */
export function applyScenarioPatch(base: Record<string, unknown>, patch: ScenarioPatch): Record<string, unknown> {
  const result = mergeObjects(base, patch.set, 0);
  for (const path of patch.unset) unsetPath(result, path);
  return result;
}

function mergeObjects(base: Record<string, unknown>, patch: JsonPatch, depth: number): Record<string, unknown> {
  if (depth > MAX_PATCH_DEPTH) throw new PatchError('nested too deeply');
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (FORBIDDEN_KEYS.has(key)) throw new PatchError(`has a forbidden field "${key}"`);
    const before = base[key];
    out[key] = isPlainObject(before) && isPlainObject(value) ? mergeObjects(before, value, depth + 1) : checkDepth(value, depth + 1);
  }
  return out;
}

/** Replaced values are validated later by the scenario schema, but must not be absurdly nested. */
function checkDepth(value: unknown, depth: number): unknown {
  if (depth > MAX_PATCH_DEPTH + 4) throw new PatchError('nested too deeply');
  if (Array.isArray(value)) value.forEach((item) => checkDepth(item, depth + 1));
  else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new PatchError(`has a forbidden field "${key}"`);
      checkDepth(item, depth + 1);
    }
  }
  return value;
}

function unsetPath(target: Record<string, unknown>, path: readonly string[]): void {
  if (path.length === 0 || path.length > MAX_PATCH_DEPTH) throw new PatchError('removes a field that does not exist');
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (FORBIDDEN_KEYS.has(key) || !isPlainObject(next)) throw new PatchError('removes a field that does not exist');
    // Copy on the way down: nested objects may still be shared with the base.
    const copy = { ...next };
    node[key] = copy;
    node = copy;
  }
  const last = path[path.length - 1]!;
  if (FORBIDDEN_KEYS.has(last)) throw new PatchError(`has a forbidden field "${last}"`);
  Reflect.deleteProperty(node, last);
}
