/** Scenario presets (data/scenarios/*.json), validated like any scenario; errors name the file and the field. */
import { parseScenario, ScenarioError, type Scenario } from '../sim/scenario';
import { isForecastPresetText } from './forecast-presets';
import { DataFileError, parseJsonFile } from './parse-data-file';

/** Parses one scenario file's text. */
export function parseScenarioText(fileName: string, text: string): Scenario {
  const json = parseJsonFile(fileName, text);
  try {
    return parseScenario(json);
  } catch (err) {
    if (err instanceof ScenarioError) throw new DataFileError(fileName, `field "${err.field}": ${err.reason}`);
    throw err;
  }
}

/** Scenario presets keyed by id, in the order given (file names sorted by the caller). Forecast presets are left to loadForecastPresets. */
export function loadPresets(files: readonly { fileName: string; text: string }[]): Map<string, Scenario> {
  const presets = new Map<string, Scenario>();
  for (const { fileName, text } of files) {
    if (isForecastPresetText(text)) continue;
    const scenario = parseScenarioText(fileName, text);
    if (presets.has(scenario.id)) throw new DataFileError(fileName, `field "id": preset "${scenario.id}" is defined twice`);
    presets.set(scenario.id, scenario);
  }
  return presets;
}
