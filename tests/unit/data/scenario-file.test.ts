import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import { scenarioFileName, scenarioFileTooLarge, scenarioFromFile, scenarioToFile } from '../../../src/data/scenario-file';
import { parseScenario } from '../../../src/sim/scenario';

const presetFiles = readPresetFiles();
const presets = loadPresets(presetFiles);
const historical = presets.get('historical-2018')!;

function errorOf(text: string, fileName = 'plan.json'): string {
  const result = scenarioFromFile(text, fileName);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

describe('scenario files', () => {
  it('reads back what it writes', () => {
    expect(scenarioFromFile(scenarioToFile(historical), 'x.json')).toEqual({ ok: true, scenario: historical });
  });

  it('writes pretty JSON that starts with the format header', () => {
    const text = scenarioToFile(historical);
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "format": "caravan-simulator/scenario",', '  "version": 1,']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads a bare scenario such as a preset file', () => {
    const file = presetFiles.find((f) => f.fileName.endsWith('walk-only.json'))!;
    expect(scenarioFromFile(file.text, 'walk-only.json')).toEqual({ ok: true, scenario: presets.get('walk-only') });
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(scenarioFromFile(`\uFEFF${scenarioToFile(historical)}`, 'bom.json').ok).toBe(true);
  });

  it('names the file and says when it is not JSON', () => {
    expect(errorOf('Name,Speed\nwalk,30', 'speeds.csv')).toMatch(/^speeds\.csv is not a JSON file \(/);
  });

  it('says when JSON comes from another program', () => {
    expect(errorOf('{"dependencies": {"zod": "^4"}}', 'package.json')).toBe("package.json holds JSON from another program: it has none of a scenario's fields (start, groups)");
    expect(errorOf('[1, 2, 3]')).toBe('plan.json holds JSON from another program: it is not a scenario');
  });

  it('says when another program wrote its own format header', () => {
    expect(errorOf('{"format": "kepler.gl/map", "version": 1}')).toBe('plan.json is a file from another program ("kepler.gl/map"), not a Caravan Simulator scenario');
  });

  it('says a GeoJSON file is a map, not a scenario', () => {
    expect(errorOf('{"type": "FeatureCollection", "features": []}', 'network.geojson')).toBe('network.geojson is a GeoJSON map file, not a scenario');
  });

  it('names the bad field of a scenario', () => {
    const text = scenarioToFile({ ...historical, modes: { ...historical.modes, walk: { kmPerDay: 0 } } });
    expect(errorOf(text)).toBe('plan.json: field "modes.walk.kmPerDay": must be a positive number of km per day');
  });

  it('names the bad field of a bare scenario', () => {
    expect(errorOf(JSON.stringify({ ...historical, start: { place: 'tapachula', date: '22/10/2018' } }))).toBe('plan.json: field "start.date": expected a date as YYYY-MM-DD');
  });

  it('says when a file comes from a newer version', () => {
    expect(errorOf(JSON.stringify({ format: 'caravan-simulator/scenario', version: 3, scenario: historical }))).toBe(
      'plan.json was written by a newer version of the simulator (file version 3); this one reads version 1',
    );
  });

  it('says when the header has no scenario', () => {
    expect(errorOf('{"format": "caravan-simulator/scenario", "version": 1}')).toBe('plan.json has a scenario header but no scenario');
  });

  it('keeps markup in names as literal text', () => {
    const scenario = parseScenario({ ...historical, name: '<img src=x onerror=alert(1)>' });
    const result = scenarioFromFile(scenarioToFile(scenario), 'x.json');
    expect(result.ok && result.scenario.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses a file too large to be a scenario without parsing it', () => {
    expect(errorOf(' '.repeat(1_000_001))).toBe('plan.json is too large to be a scenario (1,000 kB; at most 1 MB)');
  });

  it('says from its size alone that a file is too large, before anything reads it', () => {
    expect(scenarioFileTooLarge(60_000_000, 'huge.json')).toBe('huge.json is too large to be a scenario (60,000 kB; at most 1 MB)');
    expect(scenarioFileTooLarge(1_000_000, 'fits.json')).toBeNull();
  });

  it('shows a file name without its control characters', () => {
    expect(errorOf('nope', 'a\u0007b\n.json')).toMatch(/^ab\.json is not a JSON file/);
  });

  it('names the download after the scenario id', () => {
    expect(scenarioFileName(historical)).toBe('historical-2018.json');
  });

  it('keeps the message on one line when another program’s format name holds a line break', () => {
    expect(errorOf(JSON.stringify({ format: 'other\nprogram', scenario: {} }))).toBe('plan.json is a file from another program ("other\\nprogram"), not a Caravan Simulator scenario');
  });
});
