/**
 * The one animation loop: the only place that calls requestAnimationFrame and performance.now().
 * It runs while the clock plays or after something changed, and draws at most once per frame:
 * each frame advances the clock by the wall time since the last (clock), then draws (sample and
 * draw, src/app/frame.ts).
 */
import type { AppStore } from '../state/store';

export interface Loop {
  /** Starts drawing with `draw` (frames asked for before this wait for it). */
  start(draw: () => void): void;
  /** Ask for a redraw on the next frame (many requests in a frame collapse into one). */
  requestFrame(): void;
  /** Runs `callback` at the start of the next frame, before the draw (e.g. after a layout change). */
  onNextFrame(callback: () => void): void;
  /** Main-thread milliseconds spent in the last draws (up to 600), for benchmarks. */
  drawTimes(): number[];
  dispose(): void;
}

const DRAW_TIMES_KEPT = 600;

export function createLoop(store: AppStore): Loop {
  let draw: (() => void) | null = null;
  let frame: number | null = null;
  let lastWall: number | null = null;
  let disposed = false;
  let callbacks: (() => void)[] = [];
  const times: number[] = [];

  const onFrame = (wallMs: number) => {
    frame = null;
    if (disposed || !draw) return;
    const due = callbacks;
    callbacks = [];
    for (const callback of due) callback();
    // The clock: playback advances by elapsed wall time × rate. Pausing forgets the last wall
    // time, so resuming starts from here without a jump.
    const { clock } = store.getState();
    if (clock.playing) {
      if (lastWall !== null) store.getState().tick(wallMs - lastWall);
      lastWall = wallMs;
    } else lastWall = null;
    const t0 = performance.now();
    draw();
    times.push(performance.now() - t0);
    if (times.length > DRAW_TIMES_KEPT) times.shift();
    if (store.getState().clock.playing) requestFrame();
  };
  const requestFrame = () => {
    if (frame === null && !disposed) frame = requestAnimationFrame(onFrame);
  };
  const unsubscribe = store.subscribe(requestFrame);
  return {
    start(next) {
      draw = next;
      requestFrame();
    },
    requestFrame,
    onNextFrame(callback) {
      callbacks.push(callback);
      requestFrame();
    },
    drawTimes: () => [...times],
    dispose() {
      disposed = true;
      unsubscribe();
      if (frame !== null) cancelAnimationFrame(frame);
    },
  };
}

export const now = (): number => performance.now();
