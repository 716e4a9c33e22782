import { quantileSorted } from 'd3-array';

export interface Quantiles {
  p10: number;
  p50: number;
  p90: number;
}

/**
 * P10/P50/P90 of a sample (linear interpolation between order statistics, as d3-array and R type 7).
 * Infinity stands for "never": when more than 10 % of runs never arrive, p90 is Infinity.
 * `quantiles([1, 2, 3, 4, 5])` → { p10: 1.4, p50: 3, p90: 4.6 }.
 */
export function quantiles(values: readonly number[]): Quantiles {
  if (values.length === 0) throw new RangeError('quantiles of an empty sample');
  const sorted = Array.from(Float64Array.from(values).sort());
  const at = (p: number) => {
    const q = quantileSorted(sorted, p)!;
    if (!Number.isNaN(q)) return q;
    // d3 interpolates a finite value with Infinity as NaN: on an order statistic the answer is that
    // statistic itself, between one and a "never" it is "never".
    const position = (sorted.length - 1) * p;
    return Number.isInteger(position) ? sorted[position]! : Infinity;
  };
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}
