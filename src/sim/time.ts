/**
 * Model time. `tHours` counts wall-clock hours in the route's local time (Mexico City) since local
 * midnight of the scenario's start date, so local day `d` spans [24·d, 24·d + 24) and the local date
 * of any instant is `addDays(startDate, floor(tHours / 24))`. Crossings show dates in their own zone.
 *
 * The calendar covers the dates YYYY-MM-DD can write from the year 1000 on (1000-01-01 …
 * 9999-12-31). Anything outside it — a date, a number of days or hours that is not finite, a result
 * past the year 9999, an unknown time zone — is refused with a CalendarError (a FieldError naming
 * what is wrong), never with a RangeError from deep inside Date or Intl. Scenarios are bounded far
 * inside it (scenario-limits.ts), so a valid scenario never meets a refusal here.
 */
import { FieldError } from './field-error';

export const ROUTE_TIME_ZONE = 'America/Mexico_City';
const DAY_MS = 86_400_000;
export const FIRST_CALENDAR_DATE = '1000-01-01';
export const LAST_CALENDAR_DATE = '9999-12-31';
const FIRST_MS = Date.UTC(1000, 0, 1);
const LAST_MS = Date.UTC(9999, 11, 31);

/** A date, day count, hour count or time zone the calendar cannot handle. */
export class CalendarError extends FieldError {}

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
  const match = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) throw new CalendarError('date', 'expected a date as YYYY-MM-DD');
  // Checked on the year itself: Date.UTC reads the years 0–99 as 1900–1999.
  if (Number(match[1]) < 1000) throw new CalendarError('date', `must be ${FIRST_CALENDAR_DATE} or later`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (formatIsoDate(ms) !== iso) throw new CalendarError('date', `"${iso}" is not a calendar date`);
  return ms;
}

function formatIsoDate(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** A UTC midnight as a date, refusing what YYYY-MM-DD cannot write. */
function checkedDate(utcMs: number, what: string): string {
  if (!Number.isFinite(utcMs)) throw new CalendarError(what, 'is not a finite number');
  const dayMs = Math.floor(utcMs / DAY_MS) * DAY_MS;
  if (dayMs < FIRST_MS) throw new CalendarError(what, `falls before ${FIRST_CALENDAR_DATE}, the first date the calendar handles`);
  if (dayMs > LAST_MS) throw new CalendarError(what, `falls after ${LAST_CALENDAR_DATE}, the last date the calendar handles`);
  return formatIsoDate(dayMs);
}

function finite(value: number, field: string, unit: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CalendarError(field, `must be a finite number of ${unit}`);
  return value;
}

/** True when `iso` is a real calendar date written as YYYY-MM-DD, from the year 1000 on. */
export function isIsoDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

/** `addDays('2018-10-31', 1)` → `'2018-11-01'`. Throws CalendarError past 9999-12-31. */
export function addDays(iso: string, days: number): string {
  return checkedDate(parseIsoDate(iso) + finite(days, 'days', 'days') * DAY_MS, 'date');
}

/** Whole days from `fromIso` to `toIso`: `daysBetween('2018-10-25', '2018-11-05')` → 11. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((parseIsoDate(toIso) - parseIsoDate(fromIso)) / DAY_MS);
}

/** Local (route) date of an instant. */
export function localDateAt(startDate: string, tHours: number): string {
  return addDays(startDate, Math.floor(finite(tHours, 'time', 'hours') / 24));
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    } catch {
      throw new CalendarError('timeZone', `unknown time zone "${timeZone.slice(0, 60)}"`);
    }
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA time zone this runtime knows (`America/Tijuana`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    zoneFormat(timeZone);
    return true;
  } catch {
    return false;
  }
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

/** Wall-clock ms of model time, refused outside the calendar (a day of margin for zone offsets). */
function wallMsAt(startDate: string, tHours: number): number {
  const wallMs = parseIsoDate(startDate) + finite(tHours, 'time', 'hours') * 3_600_000;
  checkedDate(wallMs, 'time');
  return wallMs;
}

/** The UTC instant of model time `tHours` (route wall-clock time, with the zone's DST rules of that date). */
export function toUtcMs(startDate: string, tHours: number): number {
  const wallMs = wallMsAt(startDate, tHours);
  let utc = wallMs - zoneOffsetMinutes(wallMs, ROUTE_TIME_ZONE) * 60_000;
  utc = wallMs - zoneOffsetMinutes(utc, ROUTE_TIME_ZONE) * 60_000;
  return utc;
}

/** The calendar date, in `timeZone`, of model time `tHours`. */
export function dateInZone(startDate: string, tHours: number, timeZone: string): string {
  if (timeZone === ROUTE_TIME_ZONE) return localDateAt(startDate, tHours);
  const utc = toUtcMs(startDate, tHours);
  return checkedDate(utc + zoneOffsetMinutes(utc, timeZone) * 60_000, 'time');
}
