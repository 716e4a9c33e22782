/**
 * Fuzzing reports CSVs (the sightings a forecast is conditioned on): random text, real-looking files
 * damaged in transit, and rows with strange cells. Each file is refused with a ReportsCsvError
 * naming the line and the column on one short line, or read as exactly what its rows say.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWorldFromDisk } from '../../../src/data/read-data-files';
import { parseReportsCsv, REPORTS_CSV_HEADER, ReportsCsvError } from '../../../src/data/reports-csv';
import type { Report } from '../../../src/sim/forecast/reports';
import { mutate, mutation } from '../../fixtures/share-arbitraries';
import { fuzz, FUZZ_TIMEOUT_MS, fuzzRuns, type Timed } from './fuzz-budget';

const { network } = loadWorldFromDisk().world;
const HEADER = REPORTS_CSV_HEADER.join(',');
const places = ['tapachula', 'Huixtla', 'MAPASTEPEC', 'Juchitán', 'mexico-city', 'Ciudad de México', 'Atlantis', ''];

const cell = (good: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', '""', '"a,b"', '\n', ' ', 'NaN', '-1', '1e9', '9999-12-31')) });
const row = fc
  .tuple(
    cell(fc.constantFrom('2018-10-22', '2018-10-25', '2018-11-02', '2023-12-24')),
    cell(fc.constantFrom(...places)),
    cell(fc.constantFrom('', '15.14', '19.43', '32.5')),
    cell(fc.constantFrom('', '-92.46', '-99.13', '-117.0')),
    cell(fc.constantFrom('', '7000', '0', '250')),
    cell(fc.constantFrom('', 'main', 'lead', 'Rear')),
    cell(fc.constantFrom('AP', 'Reuters', '')),
  )
  .map((cells) => cells.join(','));
const realLike = fc.tuple(fc.array(row, { minLength: 0, maxLength: 12 }), fc.boolean(), fc.boolean()).map(([rows, bom, crlf]) => `${bom ? '\uFEFF' : ''}${[HEADER, ...rows].join(crlf ? '\r\n' : '\n')}\n`);

/** Parses; says which way it went, asserting that a refusal is a plain one-line ReportsCsvError. */
function outcome(text: string, timed: Timed): { result: 'refused' | 'opened'; reports: Report[] } {
  try {
    return { result: 'opened', reports: timed(() => parseReportsCsv(text, network)) };
  } catch (err) {
    expect(err).toBeInstanceOf(ReportsCsvError);
    const message = (err as ReportsCsvError).message;
    expect(message).toMatch(/^line \d+, column [^:\n]+: /);
    expect(message.length).toBeLessThan(400);
    expect(message).not.toMatch(/[\n\r]/);
    return { result: 'refused', reports: [] };
  }
}

/** Each report read says what some row of the file says: its date, its count and its group. */
function saysWhatRowsSay(text: string, reports: Report[]): boolean {
  const rows = text.replace(/^\uFEFF/, '');
  return reports.every((r) => rows.includes(r.date) && (r.headcount === null || rows.includes(String(r.headcount))) && ['main', 'lead', 'rear'].includes(r.group));
}

describe('fuzzing reports CSVs', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('random text is refused naming a line and a column, never thrown on otherwise', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 200 }).map((s) => `${HEADER}\n${s}`));
    fuzz('random reports files', text, fuzzRuns(800, 3_000), (t, timed) => outcome(t, timed).result);
  });

  it('real-looking reports, with strange cells or damaged in transit, are refused or read as written', () => {
    const file = fc.oneof(realLike, fc.tuple(realLike, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([f, ms]) => ms.reduce(mutate, f)));
    fuzz('reports files', file, fuzzRuns(800, 5_000), (text, timed) => {
      const { result, reports } = outcome(text, timed);
      if (result === 'opened') expect(saysWhatRowsSay(text, reports)).toBe(true);
      return result;
    });
  });
});
