/**
 * A scenario as a JSON file a planner can download, mail and open again. The file carries a small
 * header so that another program's JSON is told apart from a damaged scenario; a bare scenario
 * object (like data/scenarios/*.json) is read too.
 */
import { formatNumber } from '../sim/plain-issues';
import { parseScenario, ScenarioError, type Scenario } from '../sim/scenario';
import { parseJsonText } from './json-text';

export const SCENARIO_FILE_FORMAT = 'caravan-simulator/scenario';
export const SCENARIO_FILE_VERSION = 1;
/**
 * Larger files are refused before reading (the CLI) or parsing (the browser): a scenario is a few
 * kilobytes, and the largest the schema's bounds allow is well under this.
 */
export const MAX_SCENARIO_FILE_BYTES = 1_000_000;
/** The same bound on the decoded text: UTF-8 spends at least one byte on each UTF-16 unit, so a file within the bytes is within this. */
export const MAX_SCENARIO_FILE_CHARS = MAX_SCENARIO_FILE_BYTES;

/** Said when a check the reader does not foresee fails; tests assert it never appears. */
export const UNFORESEEN_FILE_PROBLEM = 'cannot be read as a scenario';

export type ScenarioFileResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** Fields a scenario has at its top level; a bare object with none of the required ones is not a scenario. */
const SCENARIO_SHAPE_KEYS = ['start', 'groups'] as const;

/**
 * The text of a scenario file: pretty JSON with a format header, ending in a newline.
 *
 * @example
 * scenarioToFile(scenario)
 * // '{\n  "format": "caravan-simulator/scenario",\n  "version": 1,\n  "scenario": { … }\n}\n'
 */
export function scenarioToFile(scenario: Scenario): string {
  return `${JSON.stringify({ format: SCENARIO_FILE_FORMAT, version: SCENARIO_FILE_VERSION, scenario }, null, 2)}\n`;
}

/** A file name for a download: the scenario id, which the schema keeps kebab-case. */
export function scenarioFileName(scenario: Scenario): string {
  return `${scenario.id}.json`;
}

/**
 * The refusal of a file over MAX_SCENARIO_FILE_BYTES, or null when it is within them: the browser
 * asks this of `file.size` before reading a byte, and scenarioFromFile of the text's length.
 *
 * @example scenarioFileTooLarge(60_000_000, 'huge.json') // → 'huge.json is too large to be a scenario (60,000 kB; at most 1 MB)'
 */
export function scenarioFileTooLarge(size: number, fileName: string): string | null {
  if (size <= MAX_SCENARIO_FILE_BYTES) return null;
  return `${displayName(fileName)} is too large to be a scenario (${formatNumber(Math.round(size / 1000))} kB; at most ${MAX_SCENARIO_FILE_BYTES / 1_000_000} MB)`;
}

/**
 * Reads a scenario file, or says in plain words why it cannot. Never throws.
 *
 * @param fileName shown in the message (as the person chose it; it is not opened).
 * @example
 * const result = scenarioFromFile(await file.text(), file.name);
 * if (!result.ok) notice.textContent = result.error;
 * // e.g. 'plan.json: field "modes.walk.kmPerDay": must be a positive number of km per day'
 */
export function scenarioFromFile(text: string, fileName: string): ScenarioFileResult {
  const name = displayName(fileName);
  try {
    if (typeof text !== 'string') return fail(name, 'is not a text file');
    const tooLarge = scenarioFileTooLarge(text.length, fileName);
    if (tooLarge !== null) return { ok: false, error: tooLarge };
    const parsed = parseJsonText(text);
    if (!parsed.ok) return fail(name, `is not a JSON file (${parsed.reason})`);
    const json = parsed.value;
    if (!isObject(json)) return fail(name, 'holds JSON from another program: it is not a scenario');
    if ('format' in json) return readWithHeader(json, name);
    if (json.type === 'FeatureCollection' || json.type === 'Feature') return fail(name, 'is a GeoJSON map file, not a scenario');
    if (!SCENARIO_SHAPE_KEYS.some((key) => key in json)) {
      return fail(name, `holds JSON from another program: it has none of a scenario's fields (${SCENARIO_SHAPE_KEYS.join(', ')})`);
    }
    return readScenario(json, name);
  } catch {
    // A case no check foresaw (tests assert it never happens); the promise stands: no throw.
    return fail(name, UNFORESEEN_FILE_PROBLEM);
  }
}

function readWithHeader(json: Record<string, unknown>, name: string): ScenarioFileResult {
  if (json.format !== SCENARIO_FILE_FORMAT) {
    // Quoted as JSON: the other program's text stays on one line, whatever it holds.
    const format = typeof json.format === 'string' ? ` (${JSON.stringify(json.format.slice(0, 60))})` : '';
    return fail(name, `is a file from another program${format}, not a Caravan Simulator scenario`);
  }
  if (typeof json.version !== 'number' || !Number.isInteger(json.version) || json.version < 1) return fail(name, 'has a scenario header without a valid version');
  if (json.version > SCENARIO_FILE_VERSION) {
    return fail(name, `was written by a newer version of the simulator (file version ${json.version}); this one reads version ${SCENARIO_FILE_VERSION}`);
  }
  if (!isObject(json.scenario)) return fail(name, 'has a scenario header but no scenario');
  return readScenario(json.scenario, name);
}

function readScenario(input: unknown, name: string): ScenarioFileResult {
  try {
    return { ok: true, scenario: parseScenario(input) };
  } catch (err) {
    if (err instanceof ScenarioError) return fail(name, `field "${err.field}": ${err.reason}`, ':');
    throw err;
  }
}

function fail(name: string, problem: string, joiner = ''): ScenarioFileResult {
  return { ok: false, error: joiner ? `${name}${joiner} ${problem}` : `${name} ${problem}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The file name as plain, short text for a message (control characters dropped). */
function displayName(fileName: string): string {
  const clean = typeof fileName === 'string' ? fileName.replace(/\p{Cc}/gu, '').trim() : '';
  if (!clean) return 'the file';
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}
