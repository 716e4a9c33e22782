/**
 * Fuzzing the CLI: the real process, started on generated argument sets (options and values, good,
 * bad and strange, among them paths to a directory, a named pipe, /dev/zero, a 60 MB file, broken
 * and hostile scenario files). Each run must end by itself (a run still going after CLI_HANG_MS is
 * killed and fails the test), with exit code 0 and output, or exit code 2, nothing on stdout and
 * one line on stderr. The files it was given are left as they were.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { scenarioToFile } from '../../../src/data/scenario-file';
import { CLI_HANG_MS, runCli, type CliRun } from '../cli/cli-process';
import { FUZZ_LONG, FUZZ_SEED, fuzzRuns } from './fuzz-budget';

const CASES = fuzzRuns(10, 220);
const PARALLEL = 2;

const dir = mkdtempSync(join(tmpdir(), 'caravan-cli-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const walkOnly = loadPresets(readPresetFiles()).get('walk-only')!;
const files: Record<string, string> = {
  exported: scenarioToFile(walkOnly),
  bare: `\uFEFF${JSON.stringify(walkOnly)}`,
  notJson: '{\n  "id": "x",\n  oops\n}\n',
  misspelt: JSON.stringify({ ...walkOnly, modes: { walk: { kmPerDy: 99 } } }),
  farFuture: JSON.stringify({ ...walkOnly, start: { place: 'mapastepec', date: '9999-12-31' } }),
  tenThousandGroups: JSON.stringify({ ...walkOnly, groups: Array.from({ length: 10_000 }, (_, i) => ({ id: `g-${i}`, headcount: 1 })) }),
  otherProgram: JSON.stringify({ type: 'FeatureCollection', features: [] }),
  empty: '',
};
const paths: Record<string, string> = {};
for (const [name, text] of Object.entries(files)) writeFileSync((paths[name] = join(dir, `${name}.json`)), text);
// A sparse 60 MB file: it takes no room, but the CLI must refuse it by its size.
writeFileSync((paths.huge = join(dir, 'huge.json')), '');
truncateSync(paths.huge, 60_000_000);
const fifo = join(dir, 'pipe.json');
execFileSync('mkfifo', [fifo]);
const digest = () => Object.values(paths).map((p) => createHash('sha256').update(readFileSync(p)).digest('hex'));

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', ' ', '\n', 'two\nlines', '-', '--', '-5', 'é', '\u202e'));
const values: Record<string, fc.Arbitrary<string>> = {
  '--scenario': fc.oneof(fc.constantFrom('historical-2018', 'walk-only', 'no-such-preset', dir, fifo, '/dev/zero', '/nonexistent/x.json', ...Object.values(paths)), text),
  '--start-place': fc.oneof(fc.constantFrom('tapachula', 'Mexico City', 'Atlantis', 'mapastepec'), text),
  '--start-date': fc.oneof(fc.constantFrom('2018-10-20', '9999-12-31', '2018-02-30', '1999-12-31', '2100-12-31', '+010000-01-01'), text),
  '--walk-km-per-day': fc.oneof(fc.constantFrom('30', '45.5', '0', '-3', '1e400', 'NaN', '2001', ' 35 '), text),
  '--destination': fc.oneof(fc.constantFrom('san-ysidro', 'nearest', 'all', 'narnia', 'mexico-city'), text),
  // Valid run counts stay small so that each case is quick; 10,001 and up are refused.
  '--runs': fc.oneof(fc.constantFrom('1', '7', '25', '0', '-1', '10001', '100000', '1.5', '1e3', 'abc'), text),
  '--seed': fc.oneof(fc.constantFrom('1', '-7', '4294967296', 'x'), text),
  '--format': fc.oneof(fc.constantFrom('table', 'json', 'csv', 'xml'), text),
};
const flags = ['--validate', '--help', '-h'];
const strayOptions = ['--colour', '--runs=', '--format=json', '--validate=yes', '---runs', '-x', 'positional', '--'];

/** One argument: an option with a value (or missing its value), a flag, or something stray. */
const argument: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.keys(values)).chain((option) => fc.oneof({ weight: 5, arbitrary: values[option]!.map((v) => [option, v]) }, { weight: 1, arbitrary: fc.constant([option]).map((a) => [...a]) })) },
  { weight: 2, arbitrary: fc.constantFrom(...flags).map((f) => [f]) },
  { weight: 1, arbitrary: fc.constantFrom(...strayOptions).map((s) => [s]) },
);
const argumentSets = fc.sample(fc.array(argument, { minLength: 0, maxLength: 5 }).map((args) => args.flat()), { numRuns: CASES, seed: FUZZ_SEED });

type Run = CliRun & { args: string[] };

async function sim(args: string[]): Promise<Run> {
  return { args, ...(await runCli(args)) };
}

async function runAll(sets: string[][]): Promise<Run[]> {
  const runs: Run[] = [];
  let next = 0;
  const worker = async () => {
    while (next < sets.length) runs.push(await sim(sets[next++]!));
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return runs;
}

describe('fuzzing the CLI', () => {
  it(`ends every one of ${CASES} generated argument sets with output (exit 0) or one line (exit 2)`, { timeout: (CLI_HANG_MS * CASES) / PARALLEL + 60_000 }, async () => {
    const before = digest();
    const runs = await runAll(argumentSets);
    const wrong = runs.filter((run) => {
      if (run.code === 0) return run.stdout.trim() === '' || run.stderr !== '';
      if (run.code === 2) return run.stdout !== '' || !/^error: [^\n]+\n$/.test(run.stderr);
      return true;
    });
    expect(wrong.map(({ args, code, signal, stderr }) => ({ args, code, signal, stderr: stderr.slice(0, 300) }))).toEqual([]);
    expect(digest()).toEqual(before);
    if (FUZZ_LONG) {
      const refused = runs.filter((r) => r.code === 2).length;
      console.log(`CLI: ${runs.length} argument sets, ${refused} refused (exit 2), ${runs.length - refused} ran (exit 0)`);
    }
  });
});
