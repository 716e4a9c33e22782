/** Medians of repeated timings, after warm-up runs that let the JIT settle. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function timeMedianMs(fn: () => void, { warmup = 5, repeats = 21 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function report(name: string, valueMs: number, targetMs: number, unit = 'ms'): void {
  const verdict = valueMs <= targetMs ? 'ok' : 'OVER TARGET';
  console.log(`${name.padEnd(58)} median ${valueMs.toFixed(3).padStart(9)} ${unit}   target < ${targetMs} ${unit}   ${verdict}`);
}
