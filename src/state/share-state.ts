/**
 * The whole shareable state in the URL fragment: the scenario on screen, the pinned ones, the time,
 * the map view, the open panel and the preset. Compact (each scenario is a patch on the preset it is
 * closest to, then lz-string) and versioned: old links are migrated step by step to the current
 * format before they are checked, so a link someone saved last year still opens.
 *
 * Formats:
 * - v3 (current): `#s=<lz-string compressToEncodedURIComponent of JSON {v: 3, s, p?, t, m?, u?, k?}>.<checksum>`,
 *   the checksum being FNV-1a (32 bits, 7 base-36 digits) of the compressed text. A link damaged in
 *   transit (a character changed, lost or added) fails it and is refused, instead of opening with
 *   other values: lz-string decodes most damaged text to *something*.
 * - v2: the same layout without the checksum. Such links open as before (they were written before
 *   checksums; a v3 payload without its checksum is refused as damaged). v1 and v2 links were made
 *   when the preset id `as-of-2018-10-25` meant the plain walker, now `walker-2018-10-25` (the id
 *   went to the calibrated forecast): they open as the walker, which is what their author saw.
 * - v1: `#scenario=<base64url JSON scenario>&t=<hours>&view=<zoom>/<lat>/<lon>&preset=<id>`
 *   (uncompressed, one scenario, no pins, no panel).
 */
import LZString from 'lz-string';
import { z } from 'zod';
import { MAX_SCENARIO_FILE_CHARS } from '../data/scenario-file';
import { formatNumber, parsePlain } from '../sim/plain-issues';
import { parseScenario, ScenarioError, type Scenario } from '../sim/scenario';
import { SCENARIO_LIMITS } from '../sim/scenario-limits';
import { localDateAt } from '../sim/time';
import { applyScenarioPatch, diffScenario, isPlainObject, jsonEqual, MAX_PATCH_DEPTH, PatchError } from './scenario-patch';
import { MAX_PINNED_SCENARIOS as MAX_PINNED } from './store';

/** Pinned scenarios a link can carry beside the one on screen: as many as the store keeps (one limit). */
export { MAX_PINNED };
/** Longest fragment decodeShareState reads; bounds the work a hostile link can cause. */
export const MAX_SHARE_CHARS = 10_000;
/**
 * Longest text a link may unpack to: no more than a scenario file may hold. lz-string can unpack
 * 10,000 characters into some 10 million; this refuses those before JSON.parse reads them.
 */
export const MAX_UNPACKED_CHARS = MAX_SCENARIO_FILE_CHARS;
export const SHARE_FORMAT_VERSION = 3;
/** The first format whose links carry a checksum; older links open without one. */
const FIRST_CHECKSUM_VERSION = 3;
/** Longest time a link may hold: past the end of any scenario (maxDays ≤ 365, plus the timeline's tail). */
export const MAX_LINK_HOURS = 24 * 400;

export interface MapView {
  center: [lon: number, lat: number];
  zoom: number;
}

export interface ShareState {
  scenario: Scenario;
  /** 0…MAX_PINNED scenarios kept for comparison. */
  pinned: Scenario[];
  /** Model hours since the scenario's start (finite, ≥ 0). */
  tHours: number;
  /** lon in [-180, 180], lat in [-90, 90], zoom in [0, 24]; null: the app's default view. */
  view: MapView | null;
  /** Id of the open side panel (kebab-case, ≤ 40 characters), or null. */
  panel: string | null;
  /** The preset the scenario on screen is, or null once edited. */
  presetId: string | null;
}

export type ShareDecodeResult =
  | {
      ok: true;
      state: ShareState;
      /** Things the person should know but that do not stop the link from opening. */
      warnings: string[];
    }
  | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// Wire format v3 (short keys: every character counts in a URL).

const idPattern = /^[a-z0-9-]+$/;

/**
 * A JSON object passed on as it is, to be checked by the scenario schema. Not z.record: that copies
 * the keys into a new object, and a copied "__proto__" key sets the copy's prototype instead, so the
 * key would vanish without a word.
 */
const jsonObject = z.custom<Record<string, unknown>>(isPlainObject);

const packedSchema = z.union([
  z.strictObject({
    /** Base preset id. */
    b: z.string().regex(idPattern),
    /** Fingerprint of the preset as the sender had it. */
    h: z.string().max(16),
    /** Changed fields. */
    d: jsonObject.optional(),
    /** Removed fields, as paths. */
    x: z.array(z.array(z.string().max(SCENARIO_LIMITS.idChars)).min(1).max(MAX_PATCH_DEPTH)).max(64).optional(),
  }),
  /** A full scenario, when no preset is a shorter base. */
  z.strictObject({ f: jsonObject }),
]);
type Packed = z.infer<typeof packedSchema>;

const wireSchema = z.strictObject({
  v: z.literal(SHARE_FORMAT_VERSION),
  s: packedSchema,
  p: z.array(packedSchema).max(MAX_PINNED, `at most ${MAX_PINNED} pinned scenarios`).optional(),
  t: z.number().min(0).max(MAX_LINK_HOURS, `is beyond the end of any scenario (at most ${formatNumber(MAX_LINK_HOURS / 24)} days)`),
  m: z
    .tuple([
      z.number().min(-180, 'longitude must be within ±180').max(180, 'longitude must be within ±180'),
      z.number().min(-90, 'latitude must be within ±90').max(90, 'latitude must be within ±90'),
      z.number().min(0, 'zoom must be between 0 and 24').max(24, 'zoom must be between 0 and 24'),
    ])
    .optional(),
  u: z.string().max(40).regex(idPattern, 'expected a panel id').optional(),
  k: z.string().max(80).regex(idPattern, 'expected a preset id').optional(),
});
type WireV3 = z.infer<typeof wireSchema>;

const WIRE_FIELD_NAMES: Record<string, string> = {
  v: 'version',
  s: 'scenario',
  p: 'pinned scenarios',
  t: 'time',
  m: 'map view',
  u: 'panel',
  k: 'preset',
};

// ---------------------------------------------------------------------------------------------
// Encoding

/**
 * The fragment (without `#`) that decodeShareState turns back into `state`.
 *
 * @param presets the app's presets; each scenario is stored as a patch on whichever preset gives
 *   the shortest text (or whole, if that is shorter). Pass the same presets to decode.
 * @example
 * encodeShareState({ scenario: presets.get('walk-only')!, pinned: [], tHours: 48, view: null, panel: null, presetId: 'walk-only' }, presets);
 * // 's=N4IgbiBcDMA0IGcqgEZRAdwIYBsDWAtAPYB2OAniPABboCMAtgFYBmL5AXiAL7wAuUACwAOeHnTZ8xMpW5A.0ris62u' (93 characters),
 * // from {"v":3,"s":{"b":"walk-only","h":"<fingerprint>"},"t":48,"k":"walk-only"}; assign it to location.hash.
 */
export function encodeShareState(state: ShareState, presets: ReadonlyMap<string, Scenario>): string {
  const wire: WireV3 = { v: SHARE_FORMAT_VERSION, s: packScenario(state.scenario, presets), t: state.tHours };
  if (state.pinned.length > 0) wire.p = state.pinned.map((s) => packScenario(s, presets));
  if (state.view) wire.m = [state.view.center[0], state.view.center[1], state.view.zoom];
  if (state.panel !== null) wire.u = state.panel;
  if (state.presetId !== null) wire.k = state.presetId;
  const compressed = LZString.compressToEncodedURIComponent(JSON.stringify(wire));
  return `s=${compressed}${CHECKSUM_SEPARATOR}${linkChecksum(compressed)}`;
}

/** Not in lz-string's URI alphabet, and left alone by mail programs and chat apps. */
const CHECKSUM_SEPARATOR = '.';
const CHECKSUM_DIGITS = 7;

/**
 * FNV-1a (32 bits) of a link's compressed text, as 7 base-36 digits. Not for security (anyone can
 * recompute it), only to notice damage: changing any one character always changes it.
 *
 * @example linkChecksum('N4IgbiBcDMA0IGcqgEZRAdwIYBsDWAtAPYB2OAniPABboCMAtgFYBmL5AXiAL7wAuUACwAOeHnTZ8xMpW5A') // → '0ris62u'
 */
export function linkChecksum(compressed: string): string {
  return fnv1a(compressed).toString(36).padStart(CHECKSUM_DIGITS, '0');
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function packScenario(scenario: Scenario, presets: ReadonlyMap<string, Scenario>): Packed {
  let best: Packed = { f: scenario as unknown as Record<string, unknown> };
  let bestLength = JSON.stringify(best).length;
  for (const [id, preset] of presets) {
    const { set, unset } = diffScenario(preset, scenario);
    const packed: Packed = { b: id, h: fingerprint(preset) };
    if (Object.keys(set).length > 0) packed.d = set;
    if (unset.length > 0) packed.x = unset;
    const length = JSON.stringify(packed).length;
    if (length < bestLength) [best, bestLength] = [packed, length];
  }
  return best;
}

/** A short hash of a preset's content, so a link notices when the preset has changed since. */
export function fingerprint(scenario: Scenario): string {
  // FNV-1a, 32 bits: not for security, only to notice a change.
  return fnv1a(JSON.stringify(scenario)).toString(36);
}

// ---------------------------------------------------------------------------------------------
// Decoding

class ShareError extends Error {}

const DAMAGED = 'the link is cut short or damaged';
/** Said when a check the decoder does not foresee fails; tests assert it never appears. */
export const UNFORESEEN_LINK_ERROR = 'the link could not be read';

/**
 * The state a fragment holds, or the reason it cannot be opened, in plain words. Never throws.
 *
 * @param hash `location.hash`, with or without the leading `#`.
 * @param presets the app's presets (shared scenarios are patches on them).
 * @example
 * const result = decodeShareState(location.hash, presets);
 * if (result.ok) store.getState().applyShared(result.state); else showNotice(result.error);
 */
export function decodeShareState(hash: string, presets: ReadonlyMap<string, Scenario>): ShareDecodeResult {
  try {
    const warnings: string[] = [];
    const wire = checkWire(migrate(readFragment(hash), warnings));
    const unpack = (packed: Packed, label: string) => unpackScenario(packed, label, presets, warnings);
    const scenario = unpack(wire.s, 'scenario');
    const pinned = (wire.p ?? []).map((packed, i) => unpack(packed, `pinned scenario ${i + 1}`));
    let presetId = wire.k ?? null;
    if (presetId !== null && !presets.has(presetId)) {
      warnings.push(`the link names preset "${presetId}", which this version does not have`);
      presetId = null;
    }
    const view = wire.m ? { center: [wire.m[0], wire.m[1]] as [number, number], zoom: wire.m[2] } : null;
    return { ok: true, state: { scenario, pinned, tHours: wire.t, view, panel: wire.u ?? null, presetId }, warnings };
  } catch (err) {
    if (err instanceof ShareError) return { ok: false, error: err.message };
    // Anything else is a bug or an input no check foresaw; the promise stands: no throw. The
    // wording differs from DAMAGED so that tests can tell foreseen damage from a missed case.
    return { ok: false, error: UNFORESEEN_LINK_ERROR };
  }
}

/** A fragment's payload, still in its own version's layout: `{ v: n, … }`. */
type VersionedPayload = { v: number } & Record<string, unknown>;

function readFragment(hash: string): VersionedPayload {
  if (typeof hash !== 'string') throw new ShareError(DAMAGED);
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment.length > MAX_SHARE_CHARS) throw new ShareError(`the link is too long (${formatNumber(fragment.length)} characters; at most ${formatNumber(MAX_SHARE_CHARS)})`);
  const params = new Map<string, string>();
  for (const part of fragment.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const compressed = params.get('s');
  if (compressed !== undefined) return readCompressed(compressed);
  if (params.has('scenario')) return readV1(params);
  throw new ShareError('the link holds no shared scenario');
}

/** Reads `s=` links: v3 with a checksum after the separator, v2 without. */
function readCompressed(value: string): VersionedPayload {
  // Some mail and chat programs percent-encode the fragment; lz-string's own alphabet has no '%'.
  const decoded = value.includes('%') ? safeDecodeURIComponent(value) : value;
  const separator = decoded.lastIndexOf(CHECKSUM_SEPARATOR);
  if (separator < 0) {
    const payload = decompress(decoded);
    // A current link without its checksum has lost it on the way.
    if (payload.v >= FIRST_CHECKSUM_VERSION) throw new ShareError(DAMAGED);
    return payload;
  }
  const text = decoded.slice(0, separator);
  const checksum = decoded.slice(separator + 1);
  // Checked before decompressing: damage is refused without doing the work.
  if (checksum.length !== CHECKSUM_DIGITS || checksum !== linkChecksum(text)) throw new ShareError(DAMAGED);
  const payload = decompress(text);
  if (payload.v < FIRST_CHECKSUM_VERSION) throw new ShareError(DAMAGED);
  return payload;
}

function decompress(text: string): VersionedPayload {
  if (!/^[A-Za-z0-9+\-$]+$/.test(text)) throw new ShareError(DAMAGED);
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(text);
  } catch {
    throw new ShareError(DAMAGED);
  }
  if (!json) throw new ShareError(DAMAGED);
  if (json.length > MAX_UNPACKED_CHARS) {
    throw new ShareError(`the link unpacks to more than a scenario can hold (${formatNumber(json.length)} characters; at most ${formatNumber(MAX_UNPACKED_CHARS)})`);
  }
  const payload = parseJson(json);
  if (!isPlainObject(payload) || typeof payload.v !== 'number') throw new ShareError(DAMAGED);
  return payload as VersionedPayload;
}

function readV1(params: ReadonlyMap<string, string>): VersionedPayload {
  const scenario = parseJson(decodeBase64Url(params.get('scenario')!));
  return { v: 1, scenario, t: params.get('t') ?? null, view: params.get('view') ?? null, preset: params.get('preset') ?? null };
}

/**
 * Preset ids that v1 and v2 links used for presets since renamed: `as-of-2018-10-25` was the plain
 * walker until that id went to the calibrated forecast (which is not a scenario a link can build on).
 */
export const PRESETS_RENAMED_SINCE_V2: Readonly<Record<string, string>> = { 'as-of-2018-10-25': 'walker-2018-10-25' };

/** A packed scenario of a v2 payload with a renamed base preset under its new id (anything else as it is). */
function renameBase(packed: unknown, renamed: Set<string>): unknown {
  if (!isPlainObject(packed) || typeof packed.b !== 'string' || !Object.hasOwn(PRESETS_RENAMED_SINCE_V2, packed.b)) return packed;
  renamed.add(packed.b);
  return { ...packed, b: PRESETS_RENAMED_SINCE_V2[packed.b] };
}

/** Migrations, each from version n to n + 1, in the layout of that version; `notes` gathers what the person should be told. */
const MIGRATIONS: Record<number, (payload: VersionedPayload, notes: string[]) => VersionedPayload> = {
  /**
   * v2 → v3: the same layout (v3 links carry a checksum, checked and dropped before this); presets
   * renamed since are named by their new ids.
   */
  2: (old, notes) => {
    const renamed = new Set<string>();
    const next: VersionedPayload = { ...old, v: 3, s: renameBase(old.s, renamed) };
    if (Array.isArray(old.p)) next.p = old.p.map((packed) => renameBase(packed, renamed));
    if (typeof old.k === 'string' && Object.hasOwn(PRESETS_RENAMED_SINCE_V2, old.k)) {
      renamed.add(old.k);
      next.k = PRESETS_RENAMED_SINCE_V2[old.k];
    }
    for (const id of renamed) notes.push(`the link was made when preset "${id}" was the plain walker; it opens as that walker, now "${PRESETS_RENAMED_SINCE_V2[id]}" ("${id}" is the calibrated forecast now)`);
    return next;
  },
  /** v1 → v2: a whole scenario, a time and view as text (view as zoom/lat/lon) → the compact layout. */
  1: (old) => {
    const next: VersionedPayload = { v: 2, s: { f: old.scenario }, t: old.t === null ? 0 : numberFromText(old.t, 'time') };
    if (typeof old.view === 'string') {
      const [zoom, lat, lon] = old.view.split('/').map((part) => numberFromText(part, 'map view'));
      if (zoom === undefined || lat === undefined || lon === undefined) throw new ShareError('the link\'s map view is not zoom/lat/lon');
      next.m = [lon, lat, zoom];
    }
    if (typeof old.preset === 'string') next.k = old.preset;
    return next;
  },
};

/** Brings any known version's payload to the current layout. */
function migrate(payload: VersionedPayload, notes: string[]): VersionedPayload {
  let current = payload;
  if (current.v > SHARE_FORMAT_VERSION) {
    throw new ShareError(`the link was made by a newer version of the simulator (format ${current.v}); this one reads up to format ${SHARE_FORMAT_VERSION}`);
  }
  while (current.v < SHARE_FORMAT_VERSION) {
    const step = MIGRATIONS[current.v];
    if (!step) throw new ShareError(`the link's format (${String(current.v)}) is not one this simulator knows`);
    current = step(current, notes);
  }
  return current;
}

function checkWire(payload: VersionedPayload): WireV3 {
  const result = parsePlain(wireSchema, payload);
  if (result.ok) return result.data;
  const top = String(result.path[0] ?? '');
  if (result.code === 'unrecognized_keys') throw new ShareError(DAMAGED);
  // Scenarios are checked field by field later; a wrong container here means damage.
  if (top === 's' || top === 'p') {
    if (result.path.length === 1 && top === 'p' && result.code === 'too_big') throw new ShareError(`the link pins more than ${MAX_PINNED} scenarios`);
    throw new ShareError(DAMAGED);
  }
  const name = WIRE_FIELD_NAMES[top];
  if (!name) throw new ShareError(DAMAGED);
  throw new ShareError(`the link's ${name} is not valid (${result.reason})`);
}

function unpackScenario(packed: Packed, label: string, presets: ReadonlyMap<string, Scenario>, warnings: string[]): Scenario {
  let input: unknown;
  if ('f' in packed) input = packed.f;
  else {
    const base = presets.get(packed.b);
    if (!base) throw new ShareError(`the ${label} builds on preset "${packed.b}", which this version of the simulator does not have`);
    if (fingerprint(base) !== packed.h) {
      warnings.push(`preset "${packed.b}" has changed since the link was made; the ${label}'s unchanged settings follow the current preset`);
    }
    try {
      input = applyScenarioPatch(base, { set: packed.d ?? {}, unset: packed.x ?? [] });
    } catch (err) {
      if (err instanceof PatchError) throw new ShareError(DAMAGED);
      throw err;
    }
  }
  try {
    return parseScenario(input);
  } catch (err) {
    if (err instanceof ScenarioError) throw new ShareError(err.field === 'scenario' ? `the ${label}: ${err.reason}` : `${label} field ${err.field}: ${err.reason}`);
    throw err;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ShareError(DAMAGED);
  }
}

function numberFromText(text: unknown, what: string): number {
  const value = typeof text === 'string' && text.trim() !== '' ? Number(text) : NaN;
  if (!Number.isFinite(value)) throw new ShareError(`the link's ${what} is not a number`);
  return value;
}

function safeDecodeURIComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ShareError(DAMAGED);
  }
}

function decodeBase64Url(text: string): string {
  const clean = safeDecodeURIComponent(text).replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new ShareError(DAMAGED);
  try {
    const bytes = Uint8Array.from(atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareError(DAMAGED);
  }
}

/**
 * A link's time placed on the timeline of the scenario it opened, and what to tell the person when it
 * had to move: the decoder cannot know the timeline's end (it depends on the run), the app can.
 *
 * @example
 * clampLinkTime(2000, 1500, '2018-10-22')
 * // → { tHours: 1500, notice: "the link's time, 2018-12-24, is after the end of this scenario's timeline; showing its last day, 2018-12-24" }
 */
export function clampLinkTime(tHours: number, spanHours: number, startDate: string): { tHours: number; notice: string | null } {
  if (!Number.isFinite(tHours) || tHours < 0) return { tHours: 0, notice: "the link's time is not a time on this scenario's timeline; showing its first day" };
  if (tHours <= spanHours) return { tHours, notice: null };
  return {
    tHours: spanHours,
    notice: `the link's time, ${localDateAt(startDate, tHours)}, is after the end of this scenario's timeline; showing its last day, ${localDateAt(startDate, spanHours)}`,
  };
}

/** True when two share states hold the same things (for "has the link changed?" checks). */
export function sameShareState(a: ShareState, b: ShareState): boolean {
  return jsonEqual(a, b);
}
