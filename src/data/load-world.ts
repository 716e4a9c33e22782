/**
 * Turns the texts of the data files into the model's World: every file is validated by its schema,
 * then cross-checked (edges join known nodes, crossings face network nodes, observations name them).
 * The browser and the CLI read the files their own way and both call this.
 */
import { buildNetwork, type RoadEdge, type RoadNode } from '../sim/network';
import type { World } from '../sim/world';
import { checkDataFile, DataFileError, parseDataFile } from './parse-data-file';
import {
  crossingsFileSchema,
  deploymentsFileSchema,
  edgeFeatureSchema,
  eventsFileSchema,
  networkFileSchema,
  nodeFeatureSchema,
  observedFileSchema,
  placesFileSchema,
  type Crossing,
  type Deployment,
  type NewsEvent,
  type Observation,
  type Place,
} from './schemas';

export const DATA_FILES = {
  places: 'data/places.json',
  network: 'data/network.geojson',
  crossings: 'data/crossings.json',
  deployments: 'data/deployments.json',
  events: 'data/events.json',
  observed: 'data/observed.json',
} as const;
export type DataFileKey = keyof typeof DATA_FILES;
export type DataTexts = Record<DataFileKey, string>;

export interface LoadedData {
  world: World;
  places: Place[];
  events: NewsEvent[];
  observed: Observation[];
  crossings: Crossing[];
  deployments: Deployment[];
}

function parseNetwork(text: string): { nodes: RoadNode[]; edges: RoadEdge[] } {
  const file = DATA_FILES.network;
  const collection = parseDataFile(file, text, networkFileSchema);
  const nodes: RoadNode[] = [];
  const edges: RoadEdge[] = [];
  collection.features.forEach((feature, i) => {
    const isNode = feature.geometry.type === 'Point';
    let data: ReturnType<typeof nodeFeatureSchema.parse> | ReturnType<typeof edgeFeatureSchema.parse>;
    try {
      data = checkDataFile(file, feature, isNode ? nodeFeatureSchema : edgeFeatureSchema);
    } catch (err) {
      if (!(err instanceof DataFileError)) throw err;
      const label = (feature.properties as { id?: unknown }).id;
      // checkDataFile sees one feature; put it back in its place in the collection.
      const record = `features[${i}]${typeof label === 'string' ? ` (${label.slice(0, 60)})` : ''}`;
      throw new DataFileError(file, err.detail.startsWith('top level: ') ? `${record}: ${err.detail.slice(11)}` : `${record}.${err.detail}`);
    }
    if (data.geometry.type === 'Point') {
      const { properties: p, geometry } = data as ReturnType<typeof nodeFeatureSchema.parse>;
      nodes.push({ id: p.id, name: p.name, kind: p.kind, admin1: p.admin1, lon: geometry.coordinates[0], lat: geometry.coordinates[1] });
    } else {
      const { properties: p, geometry } = data as ReturnType<typeof edgeFeatureSchema.parse>;
      edges.push({
        id: p.id,
        from: p.from,
        to: p.to,
        highway: p.highway,
        roadKm: p.roadKm,
        terrain: p.terrain,
        risk: p.risk,
        region: p.region,
        coordinates: geometry.coordinates.map((c) => [c[0], c[1]] as const),
      });
    }
  });
  return { nodes, edges };
}

export function loadWorld(texts: DataTexts): LoadedData {
  const places = parseDataFile(DATA_FILES.places, texts.places, placesFileSchema).places;
  const { nodes, edges } = parseNetwork(texts.network);
  let network;
  try {
    network = buildNetwork(nodes, edges);
  } catch (err) {
    throw new DataFileError(DATA_FILES.network, (err as Error).message.replace(/^network: /, ''));
  }
  const crossings = parseDataFile(DATA_FILES.crossings, texts.crossings, crossingsFileSchema).crossings;
  crossings.forEach((c, i) => {
    if (!network.nodes.has(c.facing)) throw new DataFileError(DATA_FILES.crossings, `crossings[${i}] (${c.id}): field "facing": no network node "${c.facing}"`);
  });
  const deployments = parseDataFile(DATA_FILES.deployments, texts.deployments, deploymentsFileSchema).deployments;
  const events = parseDataFile(DATA_FILES.events, texts.events, eventsFileSchema).events;
  const observed = parseDataFile(DATA_FILES.observed, texts.observed, observedFileSchema).observations;
  return {
    world: {
      network,
      crossings: crossings.map((c) => ({ id: c.id, name: c.name, usState: c.usState, lat: c.lat, lon: c.lon, sector: c.sector, facing: c.facing, timeZone: c.timeZone })),
      deployments,
      observations: observed.map((o) => ({ date: o.date, group: o.group, place: o.place, headcount: o.headcount ?? null })),
    },
    places,
    events,
    observed,
    crossings,
    deployments,
  };
}
