/**
 * The one clock. Playback advances t by elapsed wall time × rate, never by a fixed step per frame,
 * so speed does not depend on the frame rate; pausing forgets the last wall time so resuming does not jump.
 */

export const MIN_RATE_DAYS_PER_SECOND = 0.25;
export const MAX_RATE_DAYS_PER_SECOND = 30;

export interface ClockState {
  /** Model hours since the scenario's start. */
  tHours: number;
  playing: boolean;
  /** Simulated days per wall second. */
  rateDaysPerSecond: number;
  /** Model hours the timeline spans. */
  spanHours: number;
}

export function clampTime(clock: ClockState, tHours: number): number {
  return Math.min(Math.max(tHours, 0), clock.spanHours);
}

/** The clock after `elapsedMs` of wall time; stops at the end of the span. */
export function advance(clock: ClockState, elapsedMs: number): ClockState {
  if (!clock.playing || elapsedMs <= 0) return clock;
  const tHours = clampTime(clock, clock.tHours + (elapsedMs / 1000) * clock.rateDaysPerSecond * 24);
  return { ...clock, tHours, playing: tHours < clock.spanHours };
}

export function clampRate(rate: number): number {
  return Math.min(Math.max(rate, MIN_RATE_DAYS_PER_SECOND), MAX_RATE_DAYS_PER_SECOND);
}
