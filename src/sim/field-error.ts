/**
 * One shape for every refusal of bad input, wherever it is found (a scenario field, a data file, a
 * CLI option, a date the calendar cannot hold): what is wrong (`field`) and why, in plain words
 * (`reason`). Callers catch `FieldError` once instead of one class per layer, and turn it into the
 * message their user reads (a form hint, a toast, one line on stderr).
 */
export class FieldError extends Error {
  /**
   * @param field what is wrong, as the reader knows it: `modes.walk.kmPerDay`, `--runs`, `plan.json`.
   * @param reason why, in plain words: `must be at most 2000 km per day`.
   * @param message the whole sentence, when `field: reason` does not read well.
   * @example
   * throw new FieldError('troops.shiftDays', 'must be at least −60 days');
   * // message: 'troops.shiftDays: must be at least −60 days'
   */
  constructor(
    readonly field: string,
    readonly reason: string,
    message = `${field}: ${reason}`,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
