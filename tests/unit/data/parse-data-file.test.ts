import { describe, expect, it } from 'vitest';
import { DataFileError, parseDataFile } from '../../../src/data/parse-data-file';
import { observedFileSchema } from '../../../src/data/schemas';

const goodObservation = {
  date: '2018-10-25',
  group: 'main',
  place: 'pijijiapan',
  source: { title: 'Report', publisher: 'AP' },
};

describe('parseDataFile', () => {
  it('returns the typed content of a valid file', () => {
    const text = JSON.stringify({ caravan: '2018', observations: [goodObservation] });
    expect(parseDataFile('data/observed.json', text, observedFileSchema).observations[0]?.place).toBe('pijijiapan');
  });

  it('names the file, the record and the field of a schema failure', () => {
    const bad = { ...goodObservation, place: 'pijijiapan', date: '25/10/2018' };
    const text = JSON.stringify({ caravan: '2018', observations: [goodObservation, bad] });
    expect(() => parseDataFile('data/observed.json', text, observedFileSchema)).toThrow(
      'data/observed.json: observations[1] (pijijiapan): field "date": expected a date as YYYY-MM-DD',
    );
  });

  it('names the file when the text is not JSON', () => {
    expect(() => parseDataFile('data/observed.json', '{"caravan":', observedFileSchema)).toThrow(DataFileError);
    expect(() => parseDataFile('data/observed.json', '{"caravan":', observedFileSchema)).toThrow(/^data\/observed.json: not valid JSON/);
  });
});
