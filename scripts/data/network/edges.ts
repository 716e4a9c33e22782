/**
 * Step 2b: legs. Each pair of consecutive stops on a corridor becomes a leg: its line (the stops and
 * the leg's shaping points, densified), its road km (published with a source, else measured along
 * the line, never under the great-circle distance), terrain, risk and region.
 */
import { resolveVia } from './gazetteer';
import { densify, greatCircleKm, pointAlong, polylineKm } from './geometry';
import { round, type Edge, type Place, type SourceFile, type SourceLeg } from './source';

export function buildEdges(src: SourceFile, places: ReadonlyMap<string, Place>): Edge[] {
  const edges: Edge[] = [];
  const seen = new Set<string>();
  for (const cor of src.corridors) {
    const what = `corridor ${cor.highway} "${cor.name}"`;
    if (cor.stops.length < 2) throw new Error(`${what}: needs at least two stops`);
    const usedLegs = new Set<string>();
    for (let i = 1; i < cor.stops.length; i++) {
      const fromId = cor.stops[i - 1]!;
      const toId = cor.stops[i]!;
      const from = places.get(fromId);
      const to = places.get(toId);
      if (!from) throw new Error(`${what}: unknown stop "${fromId}"`);
      if (!to) throw new Error(`${what}: unknown stop "${toId}"`);
      const key = `${fromId}|${toId}`;
      const pair = [fromId, toId].sort().join('|');
      if (seen.has(pair)) throw new Error(`${what}: duplicate edge ${fromId} – ${toId}`);
      seen.add(pair);
      const leg: SourceLeg = cor.legs[key] ?? {};
      if (cor.legs[key]) usedLegs.add(key);

      const a: [number, number] = [from.lon, from.lat];
      const b: [number, number] = [to.lon, to.lat];
      const vias = (leg.via ?? []).map((v) => resolveVia(v, `${what} leg ${key}`));
      const coordinates = densify([a, ...vias, b]);
      const geometryKm = polylineKm(coordinates);
      const straightKm = greatCircleKm(a, b);

      let roadKm: number;
      let kmSource: 'published' | 'measured';
      let kmReference: string;
      if (leg.publishedKm !== undefined) {
        if (!leg.kmSource) throw new Error(`${what} leg ${key}: publishedKm without kmSource`);
        roadKm = round(leg.publishedKm, 1);
        kmSource = 'published';
        kmReference = leg.kmSource;
      } else {
        roadKm = Math.max(round(geometryKm, 1), Math.ceil(straightKm * 10) / 10);
        kmSource = 'measured';
        kmReference = 'measured along geometry';
      }
      const terrain = leg.terrain ?? cor.terrain;
      const risk = leg.risk ?? cor.risk;
      if (!['flat', 'rolling', 'mountain'].includes(terrain)) throw new Error(`${what} leg ${key}: bad terrain`);
      if (!(risk >= 0 && risk <= 1)) throw new Error(`${what} leg ${key}: risk out of 0..1`);

      // Region: the state of the endpoint nearest the middle of the road (Mexican states preferred).
      const mid = pointAlong(coordinates, geometryKm / 2);
      const candidates = [from, to].filter((p) => p.country === 'MX');
      const pool = candidates.length ? candidates : [from, to];
      pool.sort((p, q) => greatCircleKm(mid, [p.lon, p.lat]) - greatCircleKm(mid, [q.lon, q.lat]) || p.id.localeCompare(q.id));
      const region = pool[0]!.admin1;

      edges.push({ id: `${fromId}--${toId}`, from: fromId, to: toId, highway: cor.highway, roadKm, kmSource, kmReference, terrain, risk: round(risk, 2), region, coordinates, geometryKm, greatCircleKm: straightKm });
    }
    for (const k of Object.keys(cor.legs)) {
      if (!usedLegs.has(k)) throw new Error(`${what}: leg "${k}" does not match consecutive stops`);
    }
  }
  return edges;
}
