/**
 * Progress of a long ensemble on stderr, the way command-line tools show it: one line rewritten in
 * place, only on a terminal (a script reading stderr gets nothing but errors), and only once the
 * work has taken over a second (short runs stay silent). The clock is injected so that tests drive it.
 */
import { formatNumber } from '../sim/plain-issues';

export interface ProgressOptions {
  total: number;
  /** Writes to the terminal (stderr). */
  write: (text: string) => void;
  /** Milliseconds from any fixed origin. */
  now: () => number;
  /** False when stderr is not a terminal: then nothing is ever written. */
  enabled: boolean;
  /** Silence before the first line. */
  delayMs?: number;
  /** Least time between two updates. */
  intervalMs?: number;
  /** The line for `done` of `total` (default: "Running 2,300 of 10,000 runs (23 %)…"). */
  describe?: (done: number, total: number) => string;
}

export interface Progress {
  /** `done` runs of `total` are finished. */
  update(done: number): void;
  /** Clears the line, if one was written. */
  finish(): void;
}

/**
 * @example
 * const progress = createProgress({ total: 10_000, write: (s) => process.stderr.write(s), now: () => Date.now(), enabled: process.stderr.isTTY });
 * runPlanEnsemble(plan, 10_000, seed, progress.update);
 * progress.finish();
 * // after a second, stderr shows "Running 2,300 of 10,000 runs (23 %)…", rewritten in place
 */
const runsLine = (done: number, total: number) => `Running ${formatNumber(done)} of ${formatNumber(total)} runs (${Math.floor((100 * done) / total)} %)…`;

export function createProgress({ total, write, now, enabled, delayMs = 1000, intervalMs = 250, describe = runsLine }: ProgressOptions): Progress {
  const startMs = now();
  let lastMs = -Infinity;
  let shown = false;
  return {
    update(done) {
      if (!enabled) return;
      const t = now();
      if (t - startMs < delayMs || (t - lastMs < intervalMs && done < total)) return;
      lastMs = t;
      shown = true;
      write(`\r\x1b[K${describe(done, total)}`);
    },
    finish() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}
