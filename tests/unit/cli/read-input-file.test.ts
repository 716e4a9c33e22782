import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { MAX_SCENARIO_FILE_BYTES, scenarioToFile } from '../../../src/data/scenario-file';
import { loadPresets } from '../../../src/data/presets';
import { UsageError } from '../../../src/cli/options';
import { readInputFile } from '../../../src/cli/read-input-file';
import { readScenarioFile } from '../../../src/cli/scenario-input';

const dir = mkdtempSync(join(tmpdir(), 'caravan-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const presets = loadPresets(readPresetFiles());

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('reading a file named on the command line', () => {
  const read = (path: string) => readInputFile('--scenario', path, { maxBytes: 1000, limitName: "the browser's limit" });

  it('refuses a directory before reading it', () => {
    expect(refusal(() => read(dir))).toBe(`--scenario: "${dir}" is a directory, not a file`);
  });

  it('refuses a named pipe without waiting for a writer', () => {
    const pipe = join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    expect(refusal(() => read(pipe))).toBe(`--scenario: "${pipe}" is a named pipe, not a file`);
  });

  it('refuses a device such as /dev/zero', () => {
    expect(refusal(() => read('/dev/zero'))).toBe('--scenario: "/dev/zero" is a device, not a file');
  });

  it('refuses a file over the limit, naming its size and the limit', () => {
    expect(refusal(() => read(file('big.json', ' '.repeat(60_000))))).toMatch(/^--scenario: ".*big\.json" is too large \(60 kB; at most 1 kB, the browser's limit\)$/);
  });

  it('says a missing file is missing', () => {
    expect(refusal(() => read(join(dir, 'nowhere.json')))).toMatch(/^--scenario: no such file ".*nowhere\.json"$/);
  });

  it('refuses a file that is not UTF-8 text', () => {
    expect(refusal(() => read(file('latin1.json', Buffer.from([0x7b, 0xe9, 0x7d]))))).toMatch(/is not UTF-8 text$/);
  });

  it('reads a file up to the limit', () => {
    expect(read(file('ok.json', 'x'.repeat(1000)))).toHaveLength(1000);
  });
});

describe('reading a scenario file on the command line', () => {
  const walkOnly = presets.get('walk-only')!;

  it('reads the files the app exports, with their format header', () => {
    expect(readScenarioFile('--scenario', file('exported.json', scenarioToFile(walkOnly)))).toEqual(walkOnly);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(readScenarioFile('--scenario', file('bom.json', `\uFEFF${JSON.stringify(walkOnly)}`))).toEqual(walkOnly);
  });

  it('names the line and column of a file that is not JSON, on one line', () => {
    const path = file('broken.json', '{\n  "id": "x"\n  "name": "X"\n}');
    expect(refusal(() => readScenarioFile('--scenario', path))).toBe(`${path} is not a JSON file (line 3, column 3: expected a comma (or the end of the list or group))`);
  });

  it('names the field of a scenario that is out of bounds', () => {
    const path = file('far.json', JSON.stringify({ ...walkOnly, start: { ...walkOnly.start, date: '9999-12-31' } }));
    expect(refusal(() => readScenarioFile('--scenario', path))).toBe(`${path}: field "start.date": must be between 2000-01-01 and 2100-12-31, the years the model's calendar covers`);
  });

  it('uses the same size limit as the browser', () => {
    expect(MAX_SCENARIO_FILE_BYTES).toBe(1_000_000);
    expect(refusal(() => readScenarioFile('--scenario', file('huge.json', ' '.repeat(MAX_SCENARIO_FILE_BYTES + 1))))).toMatch(/is too large \(1 MB; at most 1 MB, the browser's limit for scenario files\)$/);
  });
});
