/**
 * How many cases a fast-check property tries. `npm test` runs each property in well under a second
 * on a busy 2-core machine; `LONG_PROPERTIES=1 npm run test:unit` runs twenty times as many, for a
 * deeper search before a release or after a change to the code under test.
 *
 * @example fc.assert(fc.property(arb, check), propertyRuns(100))
 */
export const LONG_RUN_FACTOR = 20;

export function propertyRuns(quick: number): { numRuns: number } {
  return { numRuns: process.env.LONG_PROPERTIES === '1' ? quick * LONG_RUN_FACTOR : quick };
}
