/** Node-side reading of data/ (CLI, tests, scripts). The browser embeds the same files at build time. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DATA_FILES, loadWorld, type DataTexts, type LoadedData } from './load-world';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function readDataTexts(root = PROJECT_ROOT): DataTexts {
  const texts = {} as DataTexts;
  for (const [key, file] of Object.entries(DATA_FILES) as [keyof DataTexts, string][]) {
    texts[key] = readFileSync(join(root, file), 'utf8');
  }
  return texts;
}

export function loadWorldFromDisk(root = PROJECT_ROOT): LoadedData {
  return loadWorld(readDataTexts(root));
}

export function readPresetFiles(root = PROJECT_ROOT): { fileName: string; text: string }[] {
  const dir = join(root, 'data/scenarios');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ fileName: `data/scenarios/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}
