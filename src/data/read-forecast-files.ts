/** Node-side reading of the forecast model's data files (CLI, scripts, tests). */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORECAST_FILES, loadForecastData, type ForecastTexts, type LoadedForecastData } from './forecast-files';
import type { LoadedData } from './load-world';
import { loadWorldFromDisk, PROJECT_ROOT, readDataTexts } from './read-data-files';

export function readForecastTexts(root = PROJECT_ROOT): ForecastTexts {
  const dir = join(root, FORECAST_FILES.caravansDir);
  const parametersPath = join(root, FORECAST_FILES.parameters);
  return {
    model: readFileSync(join(root, FORECAST_FILES.model), 'utf8'),
    policies: readFileSync(join(root, FORECAST_FILES.policies), 'utf8'),
    caravans: readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({ fileName: `${FORECAST_FILES.caravansDir}/${name}`, text: readFileSync(join(dir, name), 'utf8') })),
    parameters: existsSync(parametersPath) ? readFileSync(parametersPath, 'utf8') : null,
  };
}

export function loadForecastDataFromDisk(root = PROJECT_ROOT, loaded: LoadedData = loadWorldFromDisk(root)): LoadedForecastData & { loaded: LoadedData } {
  return { ...loadForecastData(readForecastTexts(root), loaded), loaded };
}

/**
 * A hash of every file the calibration reads (the forecast files, the network, the places, the
 * observed track, the crossings): data/forecast-parameters.json records it, and a test says when
 * the data changed since the last `npm run calibrate`.
 */
export function forecastDataFingerprint(root = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  const texts = readForecastTexts(root);
  const world = readDataTexts(root);
  for (const text of [texts.model, texts.policies, ...texts.caravans.map((c) => c.text), world.network, world.places, world.observed, world.crossings]) hash.update(text);
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
