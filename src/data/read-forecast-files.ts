/** Node-side reading of the forecast model's data files (CLI, scripts, tests). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORECAST_FILES, loadForecastData, type ForecastTexts, type LoadedForecastData } from './forecast-files';
import type { LoadedData } from './load-world';
import { loadWorldFromDisk, PROJECT_ROOT } from './read-data-files';

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
