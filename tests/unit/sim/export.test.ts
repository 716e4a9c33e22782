import { describe, expect, it } from 'vitest';
import { arrivalRows, type ArrivalRow, type GroupArrival } from '../../../src/sim/arrival-table';
import { arrivalsCsv, comparisonCsv, csvCell, trajectoryGeoJson } from '../../../src/sim/export';
import { runScenario } from '../../../src/sim/run-scenario';
import { tinyScenario, tinyWorld } from '../../fixtures/tiny-world';

function groupArrival(overrides: Partial<GroupArrival> = {}): GroupArrival {
  return { group: 'main', date: '2018-10-29', tHours: 100, p10: null, p50: '2018-10-29', p90: null, isDestination: true, histogram: null, ...overrides };
}

function arrivalRow(overrides: Partial<ArrivalRow> = {}): ArrivalRow {
  const main = groupArrival();
  return {
    crossing: 'east-port',
    name: 'East Port',
    sector: 'East',
    usState: 'TX',
    routeKm: 120.04,
    lead: main,
    main,
    byGroup: [main],
    troopsAtArrival: 160,
    troopsInPosition: '2018-10-31',
    troopsForce: 'active-duty',
    marginDays: -2,
    caravanFirstChance: null,
    ...overrides,
  };
}

const lines = (csv: string) => csv.split('\r\n');

describe('arrivals CSV', () => {
  it('has a header and one line per crossing and group, ending in CRLF', () => {
    const lead = groupArrival({ group: 'lead', date: '2018-10-28', p10: '2018-10-27', p50: '2018-10-28', p90: '2018-10-30' });
    const csv = arrivalsCsv([arrivalRow({ lead, byGroup: [lead, groupArrival()] })]);
    expect(lines(csv)).toEqual([
      'crossing,name,sector,group,routeKm,date,p10,p50,p90,troopsInPosition,marginDays',
      'east-port,East Port,East,lead,120,2018-10-28,2018-10-27,2018-10-28,2018-10-30,2018-10-31,-2',
      'east-port,East Port,East,main,120,2018-10-29,,2018-10-29,,2018-10-31,-2',
      '',
    ]);
  });

  it('leaves a crossing that is never reached with empty dates', () => {
    const never = groupArrival({ date: null, tHours: null, p50: null });
    expect(lines(arrivalsCsv([arrivalRow({ byGroup: [never], marginDays: null, troopsInPosition: null })]))[1]).toBe('east-port,East Port,East,main,120,,,,,,');
  });

  it('keeps only the groups that head for each crossing when asked', () => {
    const rows = [arrivalRow({ byGroup: [groupArrival(), groupArrival({ group: 'rear', isDestination: false })] })];
    expect(lines(arrivalsCsv(rows, { destinationsOnly: true }))).toHaveLength(3);
  });

  it('quotes a name with a comma or a quote, RFC 4180 style', () => {
    expect(lines(arrivalsCsv([arrivalRow({ name: 'Tijuana, "El Chaparral"' })]))[1]).toMatch(/^east-port,"Tijuana, ""El Chaparral""",East,/);
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    const csv = arrivalsCsv([arrivalRow({ name: '=HYPERLINK("http://x","y")', sector: '+1', crossing: '@SUM(A1)' })]);
    expect(lines(csv)[1]).toBe(`'@SUM(A1),"'=HYPERLINK(""http://x"",""y"")",'+1,main,120,2018-10-29,,2018-10-29,,2018-10-31,-2`);
  });

  it('writes a negative margin as a number, not guarded text', () => {
    expect(lines(arrivalsCsv([arrivalRow({ marginDays: -17 })]))[1]!.endsWith(',-17')).toBe(true);
  });

  it('uses LF line breaks when asked', () => {
    expect(arrivalsCsv([arrivalRow()], { lineBreak: '\n' })).not.toContain('\r');
  });

  it('writes the rows the model computes for a run on the tiny network (30 km a day from 2018-10-25)', () => {
    const world = tinyWorld();
    expect(lines(arrivalsCsv(arrivalRows(runScenario(world, tinyScenario()), world))).slice(1)).toEqual([
      'west-port,West Port,West,main,100,2018-10-27,,2018-10-27,,2018-04-20,190',
      'east-port,East Port,East,main,120,2018-10-28,,2018-10-28,,2018-10-31,-3',
      '',
    ]);
  });
});

describe('CSV cells', () => {
  it('guards every formula start: = + - @ tab and carriage return', () => {
    expect(['=1', '+1', '-1', '@x', '\tx', '\rx'].map(csvCell)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", `"'\rx"`]);
  });

  it('leaves ordinary text, dates and numbers alone', () => {
    expect(['Tijuana', '2018-11-20', 4271.3, -3, null].map(csvCell)).toEqual(['Tijuana', '2018-11-20', '4271.3', '-3', '']);
  });
});

describe('comparison CSV', () => {
  it('puts scenarios side by side, one line per crossing', () => {
    const walk = [arrivalRow()];
    const bus = [arrivalRow({ marginDays: 5, lead: groupArrival({ date: '2018-10-26', p50: '2018-10-26' }) })];
    expect(lines(comparisonCsv([{ scenarioName: 'Walk', rows: walk }, { scenarioName: 'Bus', rows: bus }]))).toEqual([
      'crossing,name,sector,' +
        'Walk: routeKm,Walk: leadGroup,Walk: leadDate,Walk: p10,Walk: p50,Walk: p90,Walk: troopsInPosition,Walk: marginDays,' +
        'Bus: routeKm,Bus: leadGroup,Bus: leadDate,Bus: p10,Bus: p50,Bus: p90,Bus: troopsInPosition,Bus: marginDays',
      'east-port,East Port,East,120,main,2018-10-29,,2018-10-29,,2018-10-31,-2,120,main,2018-10-26,,2018-10-26,,2018-10-31,5',
      '',
    ]);
  });

  it('leaves a crossing blank for a scenario that does not reach it', () => {
    const west = arrivalRow({ crossing: 'west-port', name: 'West Port', sector: 'West' });
    const csv = comparisonCsv([{ scenarioName: 'A', rows: [arrivalRow()] }, { scenarioName: 'B', rows: [west] }]);
    expect(lines(csv).slice(1, 3)).toEqual([
      'east-port,East Port,East,120,main,2018-10-29,,2018-10-29,,2018-10-31,-2,,,,,,,,',
      'west-port,West Port,West,,,,,,,,,120,main,2018-10-29,,2018-10-29,,2018-10-31,-2',
    ]);
  });

  it('numbers repeated scenario names and guards formula-like ones', () => {
    const header = lines(comparisonCsv([{ scenarioName: '=cmd', rows: [] }, { scenarioName: '=cmd', rows: [] }]))[0]!;
    expect(header.split(',').filter((h) => h.endsWith('routeKm'))).toEqual(["'=cmd: routeKm", "'=cmd (2): routeKm"]);
  });
});

describe('trajectory GeoJSON', () => {
  const world = tinyWorld();
  const trajectory = runScenario(world, tinyScenario());
  const geojson = trajectoryGeoJson(trajectory);

  it('draws each group’s route as a line from south to north with its destination and length', () => {
    const line = geojson.features.find((f) => f.geometry.type === 'LineString')!;
    expect(line.properties).toEqual({ group: 'main', destination: 'east-port', routeKm: 120 });
    expect(line.geometry.type === 'LineString' && [line.geometry.coordinates[0], line.geometry.coordinates.at(-1)]).toEqual([
      [0, 0],
      [0, 1.07919],
    ]);
  });

  it('marks every overnight position as a point, 30 km apart on walking days', () => {
    const points = geojson.features.filter((f) => f.geometry.type === 'Point').map((f) => f.properties);
    expect(points.slice(0, 2)).toEqual([
      { date: '2018-10-25', group: 'main', km: 30, node: 'b', headcount: 1000 },
      { date: '2018-10-26', group: 'main', km: 60, node: 'c', headcount: 1000 },
    ]);
    expect(points).toHaveLength(trajectory.groups[0]!.days.length);
  });

  it('is plain JSON: it survives stringify and parse unchanged', () => {
    expect(JSON.parse(JSON.stringify(geojson))).toEqual(geojson);
  });
});
