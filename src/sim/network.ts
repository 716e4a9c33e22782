/**
 * The road network as the model sees it: towns and junctions joined by highway legs with road km,
 * terrain, a risk factor and a geometry that follows the road.
 */
import { UndirectedGraph } from 'graphology';
import type { LonLat } from './geo';
import { greatCircleKm } from './geo';

export type Terrain = 'flat' | 'rolling' | 'mountain';

export interface RoadNode {
  id: string;
  name: string;
  lon: number;
  lat: number;
  kind: string;
  admin1: string;
}

export interface RoadEdge {
  id: string;
  from: string;
  to: string;
  highway: string;
  roadKm: number;
  terrain: Terrain;
  /** 0 = ordinary, 1 = the most dangerous legs (e.g. Tamaulipas in 2018). */
  risk: number;
  /** State the leg runs through; mode rules and avoided regions refer to it. */
  region: string;
  /** From `from` to `to`. */
  coordinates: readonly LonLat[];
}

export interface RoadNetwork {
  nodes: ReadonlyMap<string, RoadNode>;
  edges: ReadonlyMap<string, RoadEdge>;
  graph: UndirectedGraph<Record<string, never>, { edge: RoadEdge }>;
}

export function buildNetwork(nodes: readonly RoadNode[], edges: readonly RoadEdge[]): RoadNetwork {
  const graph = new UndirectedGraph<Record<string, never>, { edge: RoadEdge }>();
  const nodeMap = new Map<string, RoadNode>();
  for (const node of nodes) {
    if (nodeMap.has(node.id)) throw new Error(`network: node "${node.id}" is defined twice`);
    nodeMap.set(node.id, node);
    graph.addNode(node.id);
  }
  const edgeMap = new Map<string, RoadEdge>();
  for (const edge of edges) {
    for (const end of [edge.from, edge.to]) {
      if (!nodeMap.has(end)) throw new Error(`network: edge "${edge.id}" refers to unknown node "${end}"`);
    }
    if (edgeMap.has(edge.id)) throw new Error(`network: edge "${edge.id}" is defined twice`);
    edgeMap.set(edge.id, edge);
    graph.addUndirectedEdgeWithKey(edge.id, edge.from, edge.to, { edge });
  }
  return { nodes: nodeMap, edges: edgeMap, graph };
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A node by id or by name, ignoring case and accents: 'Juchitán', 'juchitan' and 'JUCHITAN' all match. */
export function findNode(network: RoadNetwork, query: string): RoadNode | undefined {
  const direct = network.nodes.get(query);
  if (direct) return direct;
  const wanted = fold(query);
  for (const node of network.nodes.values()) {
    if (fold(node.name) === wanted || fold(node.id) === wanted) return node;
  }
  return undefined;
}

/** The node nearest to a point (caravans start and sleep in towns). */
export function nearestNode(network: RoadNetwork, point: LonLat): RoadNode {
  let best: RoadNode | undefined;
  let bestKm = Infinity;
  for (const node of network.nodes.values()) {
    const km = greatCircleKm(point, [node.lon, node.lat]);
    if (km < bestKm) {
      bestKm = km;
      best = node;
    }
  }
  if (!best) throw new Error('network has no nodes');
  return best;
}
