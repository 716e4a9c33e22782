/**
 * The CLI's refusals of what it is handed, seen from outside: exit code 2, one line on stderr that
 * names the option or the file, nothing on stdout. (How each is found is tested in-process in
 * read-input-file.test.ts; these check the process end to end.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { loadPresets } from '../../../src/data/presets';
import { scenarioToFile } from '../../../src/data/scenario-file';
import { CLI_TEST_TIMEOUT_MS, runCli } from './cli-process';

const dir = mkdtempSync(join(tmpdir(), 'caravan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sim = (...args: string[]) => runCli(args);

const notJson = join(dir, 'notes.json');
writeFileSync(notJson, '{\n  "id": "x",\n  oops\n}');
const heavy = join(dir, 'heavy.json');
writeFileSync(heavy, JSON.stringify({ ...loadPresets(readPresetFiles()).get('walk-only')!, maxDays: 365, groups: Array.from({ length: 12 }, (_, i) => ({ id: `g-${i}`, headcount: 10 })) }));
const exported = join(dir, 'exported.json');
writeFileSync(exported, scenarioToFile(loadPresets(readPresetFiles()).get('walk-only')!));

describe.concurrent('the sim CLI refuses in one line', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each([
    [['--start-date', '9999-12-31'], /^error: --start-date: must be between 2000-01-01 and 2100-12-31, the years the model's calendar covers$/],
    [['--scenario', dir], /^error: --scenario: ".*" is a directory, not a file$/],
    [['--scenario', '/dev/zero'], /^error: --scenario: "\/dev\/zero" is a device, not a file$/],
    [['--runs', '--validate'], /^error: --runs: needs a value$/],
    [['--runs', '100000'], /^error: --runs: must be between 1 and 10,000, got 100000$/],
    [['--scenario', notJson], /^error: .*notes\.json is not a JSON file \(line 3, column 3: /],
    [['--start-place', 'two\nlines'], /^error: --start-place: unknown place "two\\u000alines"$/],
    [['--runs', '10000'], /^error: --runs: 10,000 runs of this forecast would simulate 28,200,000 run-days \(30 courses for 94 days each\); at most 10,000,000: use 3,546 runs or fewer$/],
    [['--start-place', 'tapachula', '--start-date', '2000-01-01', '--as-of', '2100-12-31', '--runs', '10'], /^error: --runs: 10 runs of this forecast would simulate [\d,]+ run-days \(30 courses for 36,980 days each\); at most 10,000,000: use 9 runs or fewer$/],
    [['--scenario', heavy, '--runs', '10000'], /^error: --runs: 10,000 runs of this scenario would simulate 43,920,000 group-days .*: use 2,276 runs or fewer$/],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await sim(...args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.endsWith('\n') && stderr.split('\n')).toHaveLength(2);
    expect(stderr.trimEnd()).toMatch(message);
  });

  it("reads the app's own exported scenario file", async () => {
    const { code, stdout, stderr } = await sim('--scenario', exported, '--destination', 'san-ysidro', '--format', 'csv');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^crossing,name,sector,group,routeKm,date/);
  });
});
