import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, runCli } from './cli-process';

/** The JSON output (DESIGN.md, "CLI"), as far as these tests read it. */
interface JsonOutput {
  arrivals: { crossing: string; group: string; date: string | null; routeKm: number }[];
  positions: { date: string; group: string; lat: number; lon: number; km: number }[];
}

/** The forecast's JSON output (DESIGN.md, "CLI", forecasts), as far as these tests read it. */
interface ForecastJson {
  asOf: string;
  forecast: { preset: string | null; parameters: string; reportsUsed: number; reportsAfterAsOf: number; policy: string; headcount: number; start: { place: string; date: string } };
  arrivals: { crossing?: string; place?: string; group: string; date: string | null; p10: string | null; p50: string | null; p90: string | null; probability: number; routeKm: number }[];
  positions: { date: string; group: string; lat: number; lon: number; km: number }[];
  bands: { date: string; group: string; p10Km: number; p50Km: number; p90Km: number }[];
  headcount: { date: string; p10: number; p50: number; p90: number }[];
  ended: { date: string; p: number }[];
}

interface BacktestJson {
  rows: { caravan: string; leadDays: string; model: string; p50AbsErrorDays: number; coverage: number; intervalScore: number }[];
}
const sim = (...args: string[]) => runCli(args);

describe('the sim CLI', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('prints an aligned table with route km and arrival dates per crossing', async () => {
    const { code, stdout } = await sim('--scenario', 'historical-2018');
    expect(code).toBe(0);
    const line = stdout.split('\n').find((l) => l.startsWith('San Ysidro'))!;
    expect(line).toMatch(/San Ysidro \*\s+San Diego\s+\d{4}\s+2018-11-\d\d\s+2018-11-\d\d/);
    const header = stdout.split('\n').find((l) => l.startsWith('Crossing'))!;
    expect(line.indexOf('San Diego')).toBe(header.indexOf('Sector'));
  });

  it('gives arrivals and daily positions as JSON', async () => {
    const { code, stdout } = await sim('--scenario', 'walker-2018-10-25', '--format', 'json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as JsonOutput;
    expect(out.arrivals.length).toBeGreaterThan(40);
    const first = out.arrivals[0]!;
    expect([typeof first.crossing, first.group, typeof first.routeKm]).toEqual(['string', 'main', 'number']);
    expect(first.date).toMatch(/^20\d\d-\d\d-\d\d$/);
    const main = out.positions.filter((p) => p.group === 'main');
    expect(main[0]!.date).toBe('2018-10-25');
    expect([typeof main[0]!.lat, typeof main[0]!.lon, typeof main[0]!.km]).toEqual(['number', 'number', 'number']);
    const dates = main.map((p) => p.date);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('arrives earlier at San Ysidro when walking faster', async () => {
    const arrival = async (speed: string) => {
      const out = JSON.parse((await sim('--scenario', 'walk-only', '--walk-km-per-day', speed, '--destination', 'san-ysidro', '--format', 'json')).stdout) as JsonOutput;
      return out.arrivals.find((a) => a.crossing === 'san-ysidro')!.date!;
    };
    const [fast, slow] = [await arrival('45'), await arrival('25')];
    expect(fast < slow, `${fast} should be before ${slow}`).toBe(true);
  });

  it('adds P10/P50/P90 with --runs and gives the same answer for the same seed', async () => {
    const args = ['--scenario', 'walker-2018-10-25', '--destination', 'san-ysidro', '--runs', '40', '--seed', '3', '--format', 'csv'];
    const [a, b] = await Promise.all([sim(...args), sim(...args)]);
    expect(a.stdout).toBe(b.stdout);
    const [header, ...rows] = a.stdout.trim().split('\n');
    const row = rows.find((r) => r.startsWith('san-ysidro,'));
    expect(rows.length).toBeGreaterThan(40);
    expect(header).toBe('crossing,name,sector,group,routeKm,date,p10,p50,p90,isDestination,troopsInPosition,marginDays');
    expect(row).toMatch(/^san-ysidro,San Ysidro,San Diego,main,\d+(\.\d)?,(\d{4}-\d\d-\d\d,){4}true,2018-11-08,\d+$/);
  });

  it.each([
    [['--start-place', 'Atlantis'], /^error: --start-place: unknown place "Atlantis"$/],
    [['--start-date', '2018-02-30'], /^error: --start-date: expected a date as YYYY-MM-DD$/],
    [['--walk-km-per-day', '-3'], /^error: --walk-km-per-day: must be a positive number, got -3$/],
    [['--walk-km-per-day', 'fast'], /^error: --walk-km-per-day: expected a number, got "fast"$/],
    [['--scenario', 'walk-only', '--destination', 'narnia'], /^error: --destination: unknown crossing "narnia"$/],
    [['--destination', 'narnia'], /^error: --destination: unknown crossing or place "narnia"$/],
    [['--policy', 'open'], /^error: --policy: expected let-pass or contain, got "open"$/],
    [['--headcount', 'many'], /^error: --headcount: expected a whole number, got "many"$/],
    [['--as-of', '2018-10-32'], /^error: --as-of: expected a date as YYYY-MM-DD$/],
    [['--horizon-days', '0'], /^error: --horizon-days: must be between 1 and 365, got 0$/],
    [['--as-of', '2018-01-01'], /^error: --as-of: 2018-01-01 is before the start date 2018-10-21$/],
    [['--scenario', 'walk-only', '--policy', 'contain'], /^error: --policy: applies to forecasts, not to a scenario/],
    [['--reports', 'tests/fixtures/no-such-reports.csv'], /^error: --reports: no such file "tests\/fixtures\/no-such-reports.csv"$/],
    [['--reports', 'tests/fixtures/bad-reports.csv'], /^error: --reports: tests\/fixtures\/bad-reports.csv line 4, column lat: expected a number, got "fifteen"$/],
    [["frobnicate"], /^error: arguments: unexpected "frobnicate" \(the one command is backtest/],
    [['--scenario', 'tests/fixtures/bad-scenario.json'], /^error: tests\/fixtures\/bad-scenario.json: field "modes.walk.kmPerDay": /],
    [['--scenario', 'no-such-preset'], /^error: --scenario: unknown preset "no-such-preset"/],
    [['--runs', '0'], /^error: --runs: must be between 1 and 10,000, got 0$/],
    [['--colour', 'red'], /^error: --colour: unknown option/],
  ])('refuses %j with exit code 2, one line naming it and nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await sim(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
  });

  it('refuses a crossing that cannot be reached', async () => {
    const { code, stderr } = await sim('--scenario', 'tests/fixtures/unreachable-scenario.json');
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^error: .*cannot be reached|no road/);
  });
});

describe('the sim CLI forecast (the default without --scenario)', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('forecasts the October 2018 caravan as of the morning of 2018-10-25 from the sightings known then', async () => {
    const { code, stdout } = await sim('--destination', 'san-ysidro', '--runs', '200', '--format', 'json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as ForecastJson;
    expect(out.asOf).toBe('2018-10-24');
    expect(out.forecast).toEqual(expect.objectContaining({ preset: 'as-of-2018-10-25', parameters: 'without-october-2018', reportsUsed: 4, policy: 'let-pass' }));
    const main = out.arrivals.find((a) => a.crossing === 'san-ysidro' && a.group === 'main')!;
    expect(main.p10).toMatch(/^2018-1[12]-\d\d$/);
    expect(main.p10! <= main.p50! && main.p50! <= main.p90!).toBe(true);
    expect(main.date).toBe(main.p50);
    expect([typeof main.probability, typeof main.routeKm]).toEqual(['number', 'number']);
    expect(out.bands[0]).toEqual({ date: '2018-10-25', group: 'main', p10Km: expect.any(Number) as number, p50Km: expect.any(Number) as number, p90Km: expect.any(Number) as number });
    expect(Object.keys(out.headcount[0]!)).toEqual(['date', 'p10', 'p50', 'p90']);
    expect(out.headcount[0]!.date).toBe('2018-10-25');
    expect(out.ended[0]!.date).toBe('2018-10-25');
    expect(out.positions[0]).toEqual(expect.objectContaining({ date: '2018-10-21', group: 'main' }));
  });

  it('forecasts a new caravan to a place that is not a crossing, with `place`', async () => {
    const { code, stdout } = await sim('--start-place', 'Ciudad Hidalgo', '--start-date', '2021-10-23', '--headcount', '3000', '--destination', 'mexico-city', '--runs', '200', '--horizon-days', '40', '--format', 'json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as ForecastJson;
    expect(out.forecast).toEqual(expect.objectContaining({ policy: 'contain', parameters: 'all', headcount: 3000 }));
    expect(out.arrivals.filter((a) => a.place === 'mexico-city')).toHaveLength(2);
    expect(out.arrivals.every((a) => a.crossing === undefined)).toBe(true);
  });

  it('reads reports from a CSV: the first is the start, the forecast goes on from the last one known as of the date', async () => {
    const { code, stdout } = await sim('--reports', 'tests/fixtures/reports.csv', '--as-of', '2021-10-26', '--destination', 'san-ysidro', '--runs', '200', '--format', 'json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as ForecastJson;
    expect(out.asOf).toBe('2021-10-26');
    expect(out.forecast.start).toEqual({ place: 'tapachula', date: '2021-10-23' });
    expect(out.forecast).toEqual(expect.objectContaining({ reportsUsed: 3, reportsAfterAsOf: 1, headcount: 4000, policy: 'contain' }));
    expect(out.bands[0]!.date).toBe('2021-10-27');
  });

  it('prints the backtest table, and its rows as JSON', async () => {
    const table = await sim('backtest', '--runs', '60');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Caravan\s+Lead \(d\)\s+Model\s+n\s+P50 \|err\| \(d\)\s+P10–P90\s+Int\. score/);
    expect(table.stdout).toMatch(/\nall\s+1-3\s+forecast\s+\d+/);
    const json = JSON.parse((await sim('backtest', '--runs', '60', '--format', 'json')).stdout) as BacktestJson;
    expect(new Set(json.rows.map((r) => r.model))).toEqual(new Set(['forecast', 'persistence', 'walker']));
    const row = json.rows[0]!;
    expect(row.leadDays).toMatch(/^(1-3|4-7|8-14|15-30)$/);
    expect([typeof row.caravan, typeof row.p50AbsErrorDays, typeof row.coverage, typeof row.intervalScore]).toEqual(['string', 'number', 'number', 'number']);
  });
});

describe('the sim CLI with an ensemble and validation', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('reports how many observed nights fall inside the P10–P90 range', async () => {
    const { code, stdout } = await sim('--scenario', 'historical-2018', '--runs', '60', '--seed', '1', '--validate');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Observed nights inside the ensemble's P10–P90 range: \d+ of \d+ \(\d+ %\)/);
  });
});
