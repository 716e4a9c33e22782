/**
 * The CLI run as a real process, the way a person runs `npm run sim`, for the tests that check it
 * from outside (exit code, stdout, stderr).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/data/read-data-files';

export const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
export const CLI = join(PROJECT_ROOT, 'src/cli/main.ts');

/**
 * A CLI process still running after this long is killed, and its test fails as a hang. It is long
 * because tsx compiles the CLI on every start: alone that takes about a second, but on a 2-core
 * machine running two test suites and more it has taken over 30 seconds. A hang is still caught.
 */
export const CLI_HANG_MS = 240_000;

/** Time for a test that starts at most two CLI processes one after the other. */
export const CLI_TEST_TIMEOUT_MS = 2 * CLI_HANG_MS + 30_000;

export interface CliRun {
  /** The exit code; null when the process was killed (a hang) or ended by a signal. */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with these arguments to its end (or its kill after CLI_HANG_MS). */
export function runCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd: PROJECT_ROOT, timeout: CLI_HANG_MS, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const failure = err as (Error & { code?: number | string; signal?: string }) | null;
      const code = failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null;
      resolve({ code, signal: failure?.signal ?? null, stdout, stderr });
    });
  });
}
