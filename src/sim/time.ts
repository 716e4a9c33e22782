/**
 * Model time. `tHours` counts wall-clock hours in the route's local time (Mexico City) since local
 * midnight of the scenario's start date, so local day `d` spans [24·d, 24·d + 24) and the local date
 * of any instant is `addDays(startDate, floor(tHours / 24))`. Crossings show dates in their own zone.
 */

export const ROUTE_TIME_ZONE = 'America/Mexico_City';
const DAY_MS = 86_400_000;

// Scenarios use a handful of dates thousands of times: parse (and check) each once.
const parsedDates = new Map<string, number>();

function parseIsoDate(iso: string): number {
  const cached = parsedDates.get(iso);
  if (cached !== undefined) return cached;
  const ms = parseAndCheck(iso);
  if (parsedDates.size > 10_000) parsedDates.clear();
  parsedDates.set(iso, ms);
  return ms;
}

function parseAndCheck(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got "${iso}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (formatIsoDate(ms) !== iso) throw new RangeError(`"${iso}" is not a calendar date`);
  return ms;
}

function formatIsoDate(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** True when `iso` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

/** `addDays('2018-10-31', 1)` → `'2018-11-01'`. */
export function addDays(iso: string, days: number): string {
  return formatIsoDate(parseIsoDate(iso) + days * DAY_MS);
}

/** Whole days from `fromIso` to `toIso`: `daysBetween('2018-10-25', '2018-11-05')` → 11. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((parseIsoDate(toIso) - parseIsoDate(fromIso)) / DAY_MS);
}

/** Local (route) date of an instant. */
export function localDateAt(startDate: string, tHours: number): string {
  return addDays(startDate, Math.floor(tHours / 24));
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

// Offsets change only on the hour (DST), so one lookup per zone and hour serves every instant in it.
const offsetCache = new Map<string, number>();

/** Offset of a time zone from UTC at a UTC instant, in minutes (Mexico City in Nov 2018: −360). */
function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(utcMs / 3_600_000)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size > 50_000) offsetCache.clear();
    offset = computeZoneOffsetMinutes(Math.floor(utcMs / 3_600_000) * 3_600_000, timeZone);
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeZoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(utcMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/** The UTC instant of model time `tHours` (route wall-clock time, with the zone's DST rules of that date). */
export function toUtcMs(startDate: string, tHours: number): number {
  const wallMs = parseIsoDate(startDate) + tHours * 3_600_000;
  let utc = wallMs - zoneOffsetMinutes(wallMs, ROUTE_TIME_ZONE) * 60_000;
  utc = wallMs - zoneOffsetMinutes(utc, ROUTE_TIME_ZONE) * 60_000;
  return utc;
}

/** The calendar date, in `timeZone`, of model time `tHours`. */
export function dateInZone(startDate: string, tHours: number, timeZone: string): string {
  if (timeZone === ROUTE_TIME_ZONE) return localDateAt(startDate, tHours);
  const utc = toUtcMs(startDate, tHours);
  return formatIsoDate(utc + zoneOffsetMinutes(utc, timeZone) * 60_000);
}
