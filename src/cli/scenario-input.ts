/**
 * A scenario file named on the command line: read safely (read-input-file.ts), then read exactly as
 * the browser reads an imported file, so the CLI opens the app's exported files (with their format
 * header) as well as bare scenarios like data/scenarios/*.json, with or without a byte-order mark.
 */
import { MAX_SCENARIO_FILE_BYTES, scenarioFromFile } from '../data/scenario-file';
import type { Scenario } from '../sim/scenario';
import { UsageError } from './options';
import { readInputFile } from './read-input-file';

/** Throws UsageError naming the option and the file; its reason starts with the file's name. */
export function readScenarioFile(option: string, path: string): Scenario {
  const text = readInputFile(option, path, { maxBytes: MAX_SCENARIO_FILE_BYTES, limitName: "the browser's limit for scenario files" });
  const result = scenarioFromFile(text, path);
  // The message starts with the file's name: it is the whole line, `field` the file and `reason` the rest.
  if (!result.ok) throw new UsageError(path, result.error.slice(result.error.startsWith(path) ? path.length : 0).replace(/^:?\s*/, ''), result.error);
  return result.scenario;
}
