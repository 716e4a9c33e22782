/**
 * How much the fuzz suite tries. `npm test` runs it in about a minute on a busy 2-core machine;
 * `FUZZ_LONG=1 npx vitest run tests/unit/fuzz` runs the long search (100,000 links, 10,000 scenario
 * files, 8,000 reports files, 220 CLI argument sets) and prints what it tried. Every property is seeded (`FUZZ_SEED`, default
 * 14), so a failure reproduces; fast-check prints the seed and the shrunk case.
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';

export const FUZZ_LONG = process.env.FUZZ_LONG === '1';
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 14);
/** A property's time limit: generous, because a hang is what it is there to catch. */
export const FUZZ_TIMEOUT_MS = FUZZ_LONG ? 3_600_000 : 120_000;

export function fuzzRuns(quick: number, long: number): number {
  return FUZZ_LONG ? long : quick;
}

export interface FuzzTally {
  cases: number;
  refused: number;
  opened: number;
  slowestMs: number;
  totalMs: number;
}

/** Runs the code under test, timing it for the report (never asserted: timings flake on a busy machine). */
export type Timed = <R>(run: () => R) => R;

/**
 * Runs a seeded property and counts how its cases came out. `check` says whether the input was
 * refused or opened and asserts what must hold either way; it wraps the decoder call in `timed`, so
 * that the report's times are the decoder's alone (not the making of the input).
 */
export function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, runs: number, check: (input: T, timed: Timed) => 'refused' | 'opened'): FuzzTally {
  const tally: FuzzTally = { cases: 0, refused: 0, opened: 0, slowestMs: 0, totalMs: 0 };
  const timed: Timed = (run) => {
    const t0 = performance.now();
    try {
      return run();
    } finally {
      const ms = performance.now() - t0;
      tally.totalMs += ms;
      tally.slowestMs = Math.max(tally.slowestMs, ms);
    }
  };
  fc.assert(
    fc.property(arbitrary, (input) => {
      const outcome = check(input, timed);
      tally.cases++;
      tally[outcome]++;
    }),
    { numRuns: runs, seed: FUZZ_SEED },
  );
  if (FUZZ_LONG) console.log(describeTally(name, tally));
  return tally;
}

export function describeTally(name: string, t: FuzzTally): string {
  return `${name}: ${t.cases.toLocaleString('en-US')} cases, ${t.refused.toLocaleString('en-US')} refused, ${t.opened.toLocaleString('en-US')} opened; ${(t.totalMs / 1000).toFixed(1)} s in the decoder, slowest decode ${t.slowestMs.toFixed(1)} ms`;
}
