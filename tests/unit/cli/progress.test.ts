import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/cli/progress';

function harness(enabled = true) {
  let nowMs = 0;
  const written: string[] = [];
  const progress = createProgress({ total: 10_000, write: (text) => written.push(text), now: () => nowMs, enabled });
  return { progress, written, advance: (ms: number) => (nowMs += ms) };
}

describe('ensemble progress on stderr', () => {
  it('stays silent for the first second', () => {
    const { progress, written, advance } = harness();
    advance(900);
    progress.update(5_000);
    progress.finish();
    expect(written).toEqual([]);
  });

  it('shows the runs done after a second, rewriting one line, and clears it at the end', () => {
    const { progress, written, advance } = harness();
    advance(1_200);
    progress.update(2_300);
    advance(100);
    progress.update(2_400);
    advance(300);
    progress.update(3_000);
    progress.finish();
    expect(written).toEqual(['\r\x1b[KRunning 2,300 of 10,000 runs (23 %)…', '\r\x1b[KRunning 3,000 of 10,000 runs (30 %)…', '\r\x1b[K']);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { progress, written, advance } = harness(false);
    advance(5_000);
    progress.update(9_000);
    progress.finish();
    expect(written).toEqual([]);
  });

  it('writes the caller’s own line when given one (the forecast counts run-days, not runs)', () => {
    let nowMs = 0;
    const written: string[] = [];
    const progress = createProgress({ total: 400, write: (text) => written.push(text), now: () => nowMs, enabled: true, describe: (done, total) => `Forecasting: ${Math.floor((100 * done) / total)} %…` });
    nowMs = 1_500;
    progress.update(100);
    expect(written).toEqual(['\r\x1b[KForecasting: 25 %…']);
  });
});
