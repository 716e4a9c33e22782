/**
 * The one source of randomness of the model: a seeded xoroshiro128+ (pure-rand). Runs never use the
 * global, unseeded generator; the same seed gives the same numbers on every machine.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** True for the unperturbed run, which moves by expected values instead of draws. */
  readonly expected?: boolean;
}

export function createRng(seed: number): Rng {
  const generator = xoroshiro128plus(seed | 0);
  const next = () => uniformFloat64(generator);
  return {
    next,
    normal() {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/**
 * Uniforms in [0, 1) with 32-bit resolution from the same seeded generator, one generator step each:
 * for ensembles that draw millions of numbers (the forecast model). Same seed, same numbers.
 */
export function createUniformStream(seed: number): () => number {
  const generator = xoroshiro128plus(seed | 0);
  return () => (generator.next() >>> 0) / 4294967296;
}

/**
 * The unperturbed run: no unplanned rest days, a speed factor of 1, and on a day that plans a ride
 * the expected distance given the chance of finding one.
 */
export const noRandomness: Rng = { next: () => 0.5, normal: () => 0, expected: true };
