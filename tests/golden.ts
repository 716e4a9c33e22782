/**
 * Golden files: pinned outputs under tests/fixtures/golden. A missing or different file fails the
 * test; `UPDATE_GOLDEN=1 npm run test:unit` rewrites them on purpose (then read the diff before
 * committing it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../src/data/read-data-files';

export const GOLDEN_DIR = join(PROJECT_ROOT, 'tests/fixtures/golden');

export const updatingGoldens = (): boolean => process.env.UPDATE_GOLDEN === '1';

/** The text a golden file holds for a value: JSON, one space of indent, a final newline. */
export const goldenText = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;

/** Compares `actual` with tests/fixtures/golden/<name>.json, or writes it there under UPDATE_GOLDEN=1. */
export function expectGolden(name: string, actual: unknown, dir = GOLDEN_DIR): void {
  const file = join(dir, `${name}.json`);
  if (updatingGoldens()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, goldenText(actual));
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${file} is missing: run UPDATE_GOLDEN=1 npm run test:unit to write it, then review and commit it`);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
