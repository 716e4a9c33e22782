import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectGolden, goldenText } from '../golden';

describe('golden files', () => {
  let dir: string;
  const before = process.env.UPDATE_GOLDEN;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'golden-'));
    delete process.env.UPDATE_GOLDEN;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (before === undefined) delete process.env.UPDATE_GOLDEN;
    else process.env.UPDATE_GOLDEN = before;
  });

  it('fail when the file is missing, and say how to write it', () => {
    expect(() => expectGolden('absent', { a: 1 }, dir)).toThrow(/golden file .*absent\.json is missing: run UPDATE_GOLDEN=1/);
  });

  it('are written only under UPDATE_GOLDEN=1, then compared', () => {
    process.env.UPDATE_GOLDEN = '1';
    expectGolden('written', { a: 1, b: [2, 3] }, dir);
    expect(readFileSync(join(dir, 'written.json'), 'utf8')).toBe(goldenText({ a: 1, b: [2, 3] }));
    delete process.env.UPDATE_GOLDEN;
    expectGolden('written', { a: 1, b: [2, 3] }, dir);
  });

  it('fail when the output differs from the file', () => {
    process.env.UPDATE_GOLDEN = '1';
    expectGolden('pinned', { date: '2018-11-20' }, dir);
    delete process.env.UPDATE_GOLDEN;
    expect(() => expectGolden('pinned', { date: '2018-11-21' }, dir)).toThrow();
  });
});
