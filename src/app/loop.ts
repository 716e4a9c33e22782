/**
 * The one animation loop: the only place that calls requestAnimationFrame and performance.now().
 * It runs while the clock plays or after something changed, and draws at most once per frame.
 */
import type { AppStore } from '../state/store';

export interface Loop {
  /** Ask for a redraw on the next frame (many requests in a frame collapse into one). */
  requestFrame(): void;
  /** Runs `callback` at the start of the next frame, before the draw (e.g. after a layout change). */
  onNextFrame(callback: () => void): void;
  /** Main-thread milliseconds spent in the last draws (up to 600), for benchmarks. */
  drawTimes(): number[];
  dispose(): void;
}

const DRAW_TIMES_KEPT = 600;

export function startLoop(store: AppStore, draw: (frameStart: number) => void): Loop {
  let frame: number | null = null;
  let lastWall: number | null = null;
  let disposed = false;

  const times: number[] = [];
  let callbacks: (() => void)[] = [];
  const onFrame = (now: number) => {
    frame = null;
    if (disposed) return;
    const due = callbacks;
    callbacks = [];
    for (const callback of due) callback();
    const { clock } = store.getState();
    if (clock.playing) {
      // Pausing forgets the last wall time, so resuming starts from here without a jump.
      if (lastWall !== null) store.getState().tick(now - lastWall);
      lastWall = now;
    } else lastWall = null;
    const t0 = performance.now();
    draw(now);
    times.push(performance.now() - t0);
    if (times.length > DRAW_TIMES_KEPT) times.shift();
    if (store.getState().clock.playing) requestFrame();
  };
  const requestFrame = () => {
    if (frame === null && !disposed) frame = requestAnimationFrame(onFrame);
  };
  const unsubscribe = store.subscribe(requestFrame);
  requestFrame();
  return {
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
