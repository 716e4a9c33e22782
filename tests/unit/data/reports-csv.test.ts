import { describe, expect, it } from 'vitest';
import { parseReportsCsv, ReportsCsvError } from '../../../src/data/reports-csv';
import { loadWorldFromDisk } from '../../../src/data/read-data-files';

const { network } = loadWorldFromDisk().world;
const HEADER = 'date,place,lat,lon,headcount,group,source';
const parse = (...rows: string[]) => parseReportsCsv([HEADER, ...rows].join('\n'), network);
const failure = (...rows: string[]) => {
  try {
    parse(...rows);
  } catch (err) {
    if (err instanceof ReportsCsvError) return { line: err.line, column: err.column, reason: err.reason };
    throw err;
  }
  return null;
};

describe('reports CSV', () => {
  it('reads a town by name (any case, accents or not), with headcount and group', () => {
    const juchitan = network.nodes.get('juchitan')!;
    expect(parse('2018-10-30,JUCHITAN,,,4000,lead,"AP, via KUSI"')).toEqual([{ date: '2018-10-30', nodeId: 'juchitan', lonLat: [juchitan.lon, juchitan.lat], headcount: 4000, group: 'lead', source: 'AP, via KUSI' }]);
  });

  it('lets lat/lon win over the place name, and allows an empty headcount and group', () => {
    const [report] = parse('2018-10-22,Tapachula,15.1383,-92.4658,,,');
    expect(report).toEqual({ date: '2018-10-22', lonLat: [-92.4658, 15.1383], headcount: null, group: 'main', source: '' });
  });

  it('reads a headcount of 0 (the caravan has ended) and skips blank lines, with CRLF and a BOM', () => {
    const text = `\uFEFF${HEADER}\r\n2024-01-02,mapastepec,,,0,,INM\r\n\r\n`;
    expect(parseReportsCsv(text, network)).toEqual([expect.objectContaining({ headcount: 0, nodeId: 'mapastepec' })]);
  });

  it.each([
    [['2018-13-01,huixtla,,,,,'], { line: 2, column: 'date', reason: 'expected a date as YYYY-MM-DD, got "2018-13-01"' }],
    [['2018-10-22,Atlantis,,,,,'], { line: 2, column: 'place', reason: 'unknown place "Atlantis"' }],
    [['2018-10-22,huixtla,,,,,', '2018-10-23,,15.1,,,,'], { line: 3, column: 'lon', reason: 'missing: give both lat and lon, or neither' }],
    [['2018-10-22,,north,-92.4,,,'], { line: 2, column: 'lat', reason: 'expected a number, got "north"' }],
    [['2018-10-22,,48.85,2.35,,,'], { line: 2, column: 'lat', reason: 'the point is 8485 km from the nearest town of the road network (Ciudad Acuña)' }],
    [['2018-10-22,huixtla,,,many,,'], { line: 2, column: 'headcount', reason: 'expected a number, got "many"' }],
    [['2018-10-22,huixtla,,,12.5,,'], { line: 2, column: 'headcount', reason: 'expected a whole number of people, got 12.5' }],
    [['2018-10-22,huixtla,,,,vanguard,'], { line: 2, column: 'group', reason: 'expected main, lead or rear (or empty for main), got "vanguard"' }],
    [['2018-10-22,huixtla,,'], { line: 2, column: 'headcount', reason: 'expected 7 columns, got 4' }],
    [['2018-10-22,,,,,,'], { line: 2, column: 'place', reason: 'missing: give a place or lat/lon' }],
  ])('refuses %j naming the line and the column', (rows, expected) => {
    expect(failure(...rows)).toEqual(expected);
  });

  it('counts lines, not records, when a quoted source spans two lines', () => {
    expect(failure('2018-10-22,huixtla,,,,,"AP\nsecond line"', '2018-10-23,Atlantis,,,,,')).toEqual({ line: 4, column: 'place', reason: 'unknown place "Atlantis"' });
  });

  it('refuses a file without the header, naming the first wrong column', () => {
    expect(() => parseReportsCsv('day,place\n2018-10-22,huixtla', network)).toThrow(new ReportsCsvError(1, 'day', 'expected the header date,place,lat,lon,headcount,group,source'));
  });
});
