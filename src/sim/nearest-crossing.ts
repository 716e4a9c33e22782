/**
 * Road km from every node to its nearest crossing (one Dijkstra per crossing-facing node, once per
 * network), and from any position on a route by interpolating between the nodes around it.
 */
import dijkstra from 'graphology-shortest-path/dijkstra';
import type { RoadNetwork } from './network';
import { lastIndexAtOrBefore, type Route } from './route';

export function nearestCrossingKmByNode(network: RoadNetwork, facingNodes: readonly string[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const node of network.nodes.keys()) best.set(node, Infinity);
  for (const source of new Set(facingNodes)) {
    const paths = dijkstra.singleSource(network.graph, source, (_key, attrs) => attrs.edge.roadKm);
    for (const [target, path] of Object.entries(paths)) {
      let km = 0;
      for (let i = 1; i < path.length; i++) km += network.edges.get(network.graph.edge(path[i - 1]!, path[i]!)!)!.roadKm;
      if (km < best.get(target)!) best.set(target, km);
    }
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
