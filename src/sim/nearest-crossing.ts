/**
 * Road km from every node to its nearest crossing (one Dijkstra per crossing-facing node, once per
 * network), and from any position on a route by interpolating between the nodes around it.
 */
import dijkstra from 'graphology-shortest-path/dijkstra';
import type { RoadNetwork } from './network';
import { lastIndexAtOrBefore, type Route } from './route';

const ALL_CROSSINGS = '__all-crossings__';

/**
 * One Dijkstra from a virtual node joined to every crossing-facing node by a 0 km edge: the path to
 * any node then starts at its nearest crossing.
 */
export function nearestCrossingKmByNode(network: RoadNetwork, facingNodes: readonly string[]): Map<string, number> {
  const graph = network.graph.copy();
  graph.addNode(ALL_CROSSINGS);
  for (const node of new Set(facingNodes)) graph.addUndirectedEdge(ALL_CROSSINGS, node);
  const weight = (_key: string, attrs: { edge?: { roadKm: number } }) => attrs.edge?.roadKm ?? 0;
  const paths = dijkstra.singleSource(graph, ALL_CROSSINGS, weight);
  const best = new Map<string, number>();
  for (const node of network.nodes.keys()) {
    const path = paths[node];
    let km = path ? 0 : Infinity;
    for (let i = 2; path && i < path.length; i++) km += network.edges.get(network.graph.edge(path[i - 1]!, path[i]!)!)!.roadKm;
    best.set(node, km);
  }
  return best;
}

/** Road km to the nearest crossing from `km` along a route: the better of going on through the next node or back through the last. */
export function nearestCrossingKmAt(route: Route, km: number, byNode: ReadonlyMap<string, number>): number {
  const i = lastIndexAtOrBefore(route.nodeKm, km);
  const behind = (byNode.get(route.nodes[i]!.id) ?? Infinity) + (km - route.nodeKm[i]!);
  const next = route.nodes[i + 1];
  const ahead = next ? (byNode.get(next.id) ?? Infinity) + (route.nodeKm[i + 1]! - km) : Infinity;
  return Math.min(behind, ahead);
}
