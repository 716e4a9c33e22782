import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/data/read-data-files';

const run = promisify(execFile);

/** The JSON output (DESIGN.md, "CLI"), as far as these tests read it. */
interface JsonOutput {
  arrivals: { crossing: string; group: string; date: string | null; routeKm: number }[];
  positions: { date: string; group: string; lat: number; lon: number; km: number }[];
}
const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const CLI = join(PROJECT_ROOT, 'src/cli/main.ts');

async function sim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd: PROJECT_ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each test starts a Node process (tsx compiles the CLI first): on a busy 2-core machine that alone
// can take seconds, so these tests get more than vitest's default 5 s. The work each run asks of the
// model is kept small (a few dozen ensemble runs).
const PROCESS_TIMEOUT_MS = 30_000;

describe('the sim CLI', { timeout: PROCESS_TIMEOUT_MS }, () => {
  it('prints an aligned table with route km and arrival dates per crossing', async () => {
    const { code, stdout } = await sim('--scenario', 'historical-2018');
    expect(code).toBe(0);
    const line = stdout.split('\n').find((l) => l.startsWith('San Ysidro'))!;
    expect(line).toMatch(/San Ysidro \*\s+San Diego\s+\d{4}\s+2018-11-\d\d\s+2018-11-\d\d/);
    const header = stdout.split('\n').find((l) => l.startsWith('Crossing'))!;
    expect(line.indexOf('San Diego')).toBe(header.indexOf('Sector'));
  });

  it('gives arrivals and daily positions as JSON', async () => {
    const { code, stdout } = await sim('--scenario', 'as-of-2018-10-25', '--format', 'json');
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
    const args = ['--scenario', 'as-of-2018-10-25', '--destination', 'san-ysidro', '--runs', '40', '--seed', '3', '--format', 'csv'];
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
    [['--destination', 'narnia'], /^error: --destination: unknown crossing "narnia"$/],
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

describe('the sim CLI with an ensemble and validation', { timeout: PROCESS_TIMEOUT_MS }, () => {
  it('reports how many observed nights fall inside the P10–P90 range', async () => {
    const { code, stdout } = await sim('--scenario', 'historical-2018', '--runs', '60', '--seed', '1', '--validate');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Observed nights inside the ensemble's P10–P90 range: \d+ of \d+ \(\d+ %\)/);
  });
});
