/**
 * The data files, embedded in the bundle at build time (the app makes no request for them) and
 * validated on load exactly as the CLI does.
 */
import places from '../../data/places.json?raw';
import network from '../../data/network.geojson?raw';
import crossings from '../../data/crossings.json?raw';
import deployments from '../../data/deployments.json?raw';
import events from '../../data/events.json?raw';
import observed from '../../data/observed.json?raw';
import { loadWorld, type LoadedData } from '../data/load-world';
import { loadPresets } from '../data/presets';
import type { Scenario } from '../sim/scenario';
import { parseStory, type Story } from '../data/story';

const storyTexts = import.meta.glob<string>('../../data/stories/*.json', { query: '?raw', import: 'default', eager: true });
const presetTexts = import.meta.glob<string>('../../data/scenarios/*.json', { query: '?raw', import: 'default', eager: true });

export function loadEmbeddedData(): { data: LoadedData; presets: Map<string, Scenario>; stories: Story[] } {
  const data = loadWorld({ places, network, crossings, deployments, events, observed });
  const presets = loadPresets(
    Object.keys(presetTexts)
      .sort()
      .map((path) => ({ fileName: path.replace(/^(\.\.\/)+/, ''), text: presetTexts[path]! })),
  );
  const stories = Object.keys(storyTexts)
    .sort()
    .map((path) => parseStory(path.replace(/^(\.\.\/)+/, ''), storyTexts[path]!));
  return { data, presets, stories };
}
