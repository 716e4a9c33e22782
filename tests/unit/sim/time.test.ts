import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_DATE, MIN_SCENARIO_DATE } from '../../../src/sim/scenario-limits';
import { addDays, CalendarError, dateInZone, daysBetween, isIsoDate, localDateAt, toUtcMs } from '../../../src/sim/time';

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
