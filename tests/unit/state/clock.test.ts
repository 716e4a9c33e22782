import { describe, expect, it } from 'vitest';
import { advance, clampRate, clampTime, MAX_RATE_DAYS_PER_SECOND, MIN_RATE_DAYS_PER_SECOND, type ClockState } from '../../../src/state/clock';

const clock = (overrides: Partial<ClockState> = {}): ClockState => ({ tHours: 0, playing: true, rateDaysPerSecond: 2, spanHours: 240, ...overrides });

describe('the clock', () => {
  it('advances by elapsed wall time × rate: half a second at 2 days a second is 24 hours', () => {
    expect(advance(clock(), 500).tHours).toBe(24);
  });

  it('goes as far in one long frame as in many short ones (no fixed step per frame)', () => {
    let many = clock();
    for (let i = 0; i < 30; i++) many = advance(many, 1000 / 60);
    expect(many.tHours).toBeCloseTo(advance(clock(), 500).tHours, 9);
  });

  it('does not move while paused, or for no elapsed time', () => {
    const paused = clock({ playing: false, tHours: 10 });
    expect(advance(paused, 1000)).toBe(paused);
    const playing = clock({ tHours: 10 });
    expect(advance(playing, 0)).toBe(playing);
    expect(advance(playing, -5)).toBe(playing);
  });

  it('stops at the end of the span and stops playing there', () => {
    const next = advance(clock({ tHours: 230 }), 1000);
    expect(next).toEqual(clock({ tHours: 240, playing: false }));
  });

  it('keeps times inside the span', () => {
    expect([-5, 0, 100, 240, 300].map((t) => clampTime(clock(), t))).toEqual([0, 0, 100, 240, 240]);
  });

  it('keeps the rate between its bounds', () => {
    expect(clampRate(0)).toBe(MIN_RATE_DAYS_PER_SECOND);
    expect(clampRate(1000)).toBe(MAX_RATE_DAYS_PER_SECOND);
    expect(clampRate(5)).toBe(5);
  });
});
