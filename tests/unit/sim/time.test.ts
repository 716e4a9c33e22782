import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_DATE, MIN_SCENARIO_DATE } from '../../../src/sim/scenario-limits';
import { addDays, CalendarError, dateInZone, daysBetween, isIsoDate, localDateAt, ROUTE_TIME_ZONE, toUtcMs } from '../../../src/sim/time';

/** Runs `f`; its outcome, with any error but a CalendarError rethrown. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (err) {
    if (err instanceof CalendarError) return err;
    throw err;
  }
}

describe('calendar functions', () => {
  it('work on the dates a scenario may use, and on a year and a season beyond them', () => {
    expect(addDays(MAX_SCENARIO_DATE, 365 + 60)).toBe('2102-03-01');
    expect(addDays(MIN_SCENARIO_DATE, -60)).toBe('1999-11-02');
    expect(daysBetween(MIN_SCENARIO_DATE, MAX_SCENARIO_DATE)).toBe(36889);
    expect(dateInZone(MAX_SCENARIO_DATE, 365 * 24 + 12, 'America/Tijuana')).toBe('2101-12-31');
  });

  it('refuse a date past 9999-12-31 with a CalendarError, not a RangeError', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(new CalendarError('date', 'falls after 9999-12-31, the last date the calendar handles'));
    expect(() => localDateAt('9999-12-31', 48)).toThrow(CalendarError);
    expect(() => toUtcMs('9999-12-31', 48)).toThrow(CalendarError);
    expect(() => dateInZone('9999-12-31', 48, 'America/Tijuana')).toThrow(CalendarError);
  });

  it('refuse what is not a date, a finite number of days or a known time zone', () => {
    expect(() => daysBetween('2018-10-25', '2018-02-30')).toThrow(new CalendarError('date', '"2018-02-30" is not a calendar date'));
    expect(() => addDays('0050-01-01', 1)).toThrow(new CalendarError('date', 'must be 1000-01-01 or later'));
    expect(() => addDays('2018-10-25', Number.NaN)).toThrow(new CalendarError('days', 'must be a finite number of days'));
    expect(() => localDateAt('2018-10-25', Infinity)).toThrow(new CalendarError('time', 'must be a finite number of hours'));
    expect(() => dateInZone('2018-10-25', 10, 'Mars/Olympus_Mons')).toThrow(new CalendarError('timeZone', 'unknown time zone "Mars/Olympus_Mons"'));
    expect(isIsoDate('9999-99-99')).toBe(false);
  });

  it('never throw anything but a CalendarError, whatever they are given', () => {
    const date = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fc.constantFrom('9999-12-31', '1000-01-01', '0000-01-01'));
    const number = fc.oneof(fc.double(), fc.integer({ min: -1e7, max: 1e7 }), fc.constantFrom(Infinity, -Infinity, Number.NaN, 1e300));
    const zone = fc.oneof(fc.constantFrom('America/Mexico_City', 'America/Tijuana', 'America/Chicago', 'UTC'), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(date, date, number, zone, (a, b, n, z) => {
        outcome(() => addDays(a, n));
        outcome(() => daysBetween(a, b));
        outcome(() => localDateAt(a, n));
        outcome(() => toUtcMs(a, n));
        outcome(() => dateInZone(a, n, z));
        expect(typeof isIsoDate(a)).toBe('boolean');
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});

describe('model time', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2018-10-31', 1)).toBe('2018-11-01');
    expect(addDays('2018-12-31', 1)).toBe('2019-01-01');
    expect(addDays('2018-03-01', -1)).toBe('2018-02-28');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('counts whole days between dates, negative backwards', () => {
    expect(daysBetween('2018-10-25', '2018-11-05')).toBe(11);
    expect(daysBetween('2018-11-05', '2018-10-25')).toBe(-11);
    expect(daysBetween('2018-10-25', '2018-10-25')).toBe(0);
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(['2018-10-25', '2020-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2018-02-30', '2019-02-29', '2018-13-01', '2018-1-5', '25/10/2018', ''].map(isIsoDate)).toEqual([false, false, false, false, false, false]);
    expect(() => addDays('2018-02-30', 1)).toThrow('"2018-02-30" is not a calendar date');
  });

  it('gives the local date of any instant: day d spans hours [24d, 24d + 24)', () => {
    expect(localDateAt('2018-10-25', 0)).toBe('2018-10-25');
    expect(localDateAt('2018-10-25', 23.99)).toBe('2018-10-25');
    expect(localDateAt('2018-10-25', 24)).toBe('2018-10-26');
    expect(localDateAt('2018-10-25', 11 * 24 + 15)).toBe('2018-11-05');
  });

  it('places route time in Mexico City time: 06:00 UTC is local midnight in November 2018 (UTC−6)', () => {
    expect(new Date(toUtcMs('2018-11-05', 0)).toISOString()).toBe('2018-11-05T06:00:00.000Z');
  });

  it('follows Mexico City’s own summer time while it had one: UTC−5 on 2018-10-25', () => {
    expect(new Date(toUtcMs('2018-10-25', 0)).toISOString()).toBe('2018-10-25T05:00:00.000Z');
    // Mexico City left summer time on 28 October 2018 at 02:00 local time.
    expect(new Date(toUtcMs('2018-10-25', 3 * 24 + 12)).toISOString()).toBe('2018-10-28T18:00:00.000Z');
  });

  it('dates an instant in a port’s own zone: Mexico City’s midnight is still the evening before in Tijuana', () => {
    // 2018-11-20 23:30 in Mexico City (UTC−6) = 05:30 UTC on the 21st: 21:30 on the 20th in Tijuana (UTC−8), 23:30 in Chicago (UTC−6).
    const t = 26 * 24 + 23.5;
    expect(dateInZone('2018-10-25', t, ROUTE_TIME_ZONE)).toBe('2018-11-20');
    expect(dateInZone('2018-10-25', t, 'America/Tijuana')).toBe('2018-11-20');
    expect(dateInZone('2018-10-25', t, 'America/Chicago')).toBe('2018-11-20');
    // Midnight in Mexico City is 22:00 the day before in Tijuana.
    expect(dateInZone('2018-10-25', 27 * 24, 'America/Tijuana')).toBe('2018-11-20');
    expect(dateInZone('2018-10-25', 27 * 24, ROUTE_TIME_ZONE)).toBe('2018-11-21');
  });

  it('keeps US summer time apart from Mexico’s: on 2018-10-30 Tijuana (UTC−7) and Mexico City (UTC−6)', () => {
    // 00:30 Mexico City on 10-30 = 06:30 UTC = 23:30 on 10-29 in Tijuana (still on summer time until 11-04).
    expect(dateInZone('2018-10-25', 5 * 24 + 0.5, 'America/Tijuana')).toBe('2018-10-29');
    // 01:30 Mexico City = 07:30 UTC = 00:30 on 10-30 in Tijuana.
    expect(dateInZone('2018-10-25', 5 * 24 + 1.5, 'America/Tijuana')).toBe('2018-10-30');
  });
});
