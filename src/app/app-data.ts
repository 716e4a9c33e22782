/**
 * The app's data files (data/), emitted beside the app's assets at build time and fetched from the
 * app's own origin as it starts, instead of being compiled into the JS: the page evaluates less
 * code, and the files download while maplibre starts. They are validated on load exactly as the
 * CLI validates them.
 */
import places from '../../data/places.json?url';
import network from '../../data/network.geojson?url';
import crossings from '../../data/crossings.json?url';
import deployments from '../../data/deployments.json?url';
import events from '../../data/events.json?url';
import observed from '../../data/observed.json?url';
import { DATA_FILES, loadWorld, type DataTexts, type LoadedData } from '../data/load-world';
import { loadPresets } from '../data/presets';
import type { Scenario } from '../sim/scenario';
import { parseStory, type Story } from '../data/story';

const worldUrls: Record<keyof DataTexts, string> = { places, network, crossings, deployments, events, observed };
const storyUrls = import.meta.glob<string>('../../data/stories/*.json', { query: '?url', import: 'default', eager: true });
const presetUrls = import.meta.glob<string>('../../data/scenarios/*.json', { query: '?url', import: 'default', eager: true });

/** The texts of the data files, as the CLI reads them from disk. */
export interface AppDataTexts {
  world: DataTexts;
  presets: { fileName: string; text: string }[];
  stories: { fileName: string; text: string }[];
}

export interface AppData {
  data: LoadedData;
  presets: Map<string, Scenario>;
  stories: Story[];
}

/** `../../data/stories/x.json` → `data/stories/x.json`, the name errors give. */
const fileNameOf = (path: string) => path.replace(/^(\.\.\/)+/, '');

async function fetchText(fileName: string, url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new Error(`${fileName}: could not be read (${(err as Error).message})`, { cause: err });
  }
  if (!response.ok) throw new Error(`${fileName}: could not be read (the server answered ${response.status} ${response.statusText})`);
  return response.text();
}

const fetchFiles = (urls: Record<string, string>) =>
  Promise.all(
    Object.keys(urls)
      .sort()
      .map(async (path) => ({ fileName: fileNameOf(path), text: await fetchText(fileNameOf(path), urls[path]!) })),
  );

/** Fetches every data file at once (from the app's own origin). */
export async function fetchAppDataTexts(): Promise<AppDataTexts> {
  const keys = Object.keys(worldUrls) as (keyof DataTexts)[];
  const [worldTexts, presets, stories] = await Promise.all([
    Promise.all(keys.map((key) => fetchText(DATA_FILES[key], worldUrls[key]))),
    fetchFiles(presetUrls),
    fetchFiles(storyUrls),
  ]);
  const world = Object.fromEntries(keys.map((key, i) => [key, worldTexts[i]!])) as DataTexts;
  return { world, presets, stories };
}

/** Validates the texts (throws DataFileError naming the file and the field) and builds the world. */
export function loadAppData(texts: AppDataTexts): AppData {
  const data = loadWorld(texts.world);
  const presets = loadPresets(texts.presets);
  const stories = texts.stories.map(({ fileName, text }) => parseStory(fileName, text));
  return { data, presets, stories };
}
