/**
 * Forecast presets (data/scenarios/*.json with `"kind": "forecast"`): a past caravan forecast as of
 * a date from its sightings known then, with parameters fitted without it. They live beside the
 * scenario presets; loadPresets (presets.ts) leaves them out, so the app's scenario list is unchanged.
 */
import { z } from 'zod';
import type { ForecastRequest } from '../sim/forecast/forecast';
import { caravanReports } from '../sim/forecast/past-caravan';
import type { LoadedForecastData } from './forecast-files';
import { DataFileError, parseDataFile } from './parse-data-file';

export const forecastPresetSchema = z.strictObject({
  kind: z.literal('forecast'),
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id'),
  name: z.string().min(1),
  nameEs: z.string().min(1).optional(),
  description: z.string().min(1),
  descriptionEs: z.string().min(1).optional(),
  /** A caravan of data/caravans/. */
  caravan: z.string().min(1),
  /** Sightings dated this day or earlier are known. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
  /** A fit of data/forecast-parameters.json. */
  fit: z.string().min(1),
  destination: z.string().min(1).default('all'),
  runs: z.number().int().min(1).max(100_000),
  seed: z.number().int(),
  horizonDays: z.number().int().min(1).max(365),
});
export type ForecastPreset = z.infer<typeof forecastPresetSchema>;

/** True when a preset file's text is a forecast preset (cheap: only the `kind` field is read). */
export function isForecastPresetText(text: string): boolean {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'forecast';
  } catch {
    return false;
  }
}

export function loadForecastPresets(files: readonly { fileName: string; text: string }[]): Map<string, ForecastPreset> {
  const presets = new Map<string, ForecastPreset>();
  for (const { fileName, text } of files) {
    if (!isForecastPresetText(text)) continue;
    const preset = parseDataFile(fileName, text, forecastPresetSchema);
    if (presets.has(preset.id)) throw new DataFileError(fileName, `field "id": preset "${preset.id}" is defined twice`);
    presets.set(preset.id, preset);
  }
  return presets;
}

/** The forecast a preset asks for: its caravan's start and sightings, its fit's parameters. */
export function forecastRequestFromPreset(preset: ForecastPreset, data: Pick<LoadedForecastData, 'caravans' | 'fits'>): ForecastRequest & { caravanName: string } {
  const caravan = data.caravans.find((c) => c.id === preset.caravan);
  if (!caravan) throw new DataFileError(`data/scenarios/${preset.id}.json`, `field "caravan": no caravan "${preset.caravan}" in data/caravans`);
  const fit = data.fits.get(preset.fit);
  if (!fit) throw new DataFileError(`data/scenarios/${preset.id}.json`, `field "fit": no fit "${preset.fit}" in data/forecast-parameters.json (run npm run calibrate)`);
  return {
    caravan: { startNodeId: caravan.start.nodeId, startDate: caravan.start.date, headcount: caravan.start.headcount, policy: caravan.policy },
    caravanName: caravan.name,
    reports: caravanReports(caravan),
    asOf: preset.asOf,
    destination: preset.destination,
    runs: preset.runs,
    seed: preset.seed,
    horizonDays: preset.horizonDays,
    params: fit.parameters,
  };
}
