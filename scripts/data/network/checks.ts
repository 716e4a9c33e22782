/**
 * Step 3: checks. Nothing is written unless every one passes: places near their GeoNames record and
 * every id the code and data rely on present; legs no shorter than the straight line and no longer
 * than twice it, published km near the drawn line, vertices at most 30 km apart, ends on their
 * places; the road graph connected and every port-facing city reachable — searched with src/sim's
 * own network and routing, as the model will search it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildNetwork, type RoadNetwork } from '../../../src/sim/network';
import { routesToAll } from '../../../src/sim/routing';
import { cities } from './gazetteer';
import { greatCircleKm } from './geometry';
import type { Edge, Place } from './source';

/** Node ids that other code and data depend on. */
const REQUIRED_IDS = [
  'tecun-uman', 'ciudad-hidalgo', 'tapachula', 'huixtla', 'escuintla', 'mapastepec', 'pijijiapan',
  'tonala', 'arriaga', 'san-pedro-tapanatepec', 'santo-domingo-zanatepec', 'santiago-niltepec',
  'juchitan', 'matias-romero', 'donaji', 'sayula-de-aleman', 'acayucan', 'isla', 'juan-rodriguez-clara',
  'tierra-blanca', 'cordoba', 'orizaba', 'puebla', 'mexico-city', 'queretaro', 'san-juan-del-rio',
  'celaya', 'salamanca', 'irapuato', 'leon', 'la-piedad', 'guadalajara', 'tepic', 'mazatlan', 'culiacan',
  'los-mochis', 'navojoa', 'ciudad-obregon', 'guaymas', 'hermosillo', 'santa-ana', 'caborca', 'sonoyta',
  'san-luis-rio-colorado', 'mexicali', 'tecate', 'tijuana', 'oaxaca', 'tuxtla-gutierrez',
  'san-cristobal-de-las-casas', 'comitan', 'ciudad-cuauhtemoc', 'la-mesilla', 'talisman', 'veracruz',
  'tampico', 'ciudad-victoria', 'san-luis-potosi', 'saltillo', 'monterrey', 'torreon', 'chihuahua',
  'zacatecas', 'aguascalientes', 'durango',
];

/** Mexican cities facing a US port of entry: all must be reachable. */
export const PORT_FACING_IDS = [
  'tijuana', 'tecate', 'mexicali', 'los-algodones', 'san-luis-rio-colorado', 'sonoyta', 'sasabe',
  'nogales', 'naco', 'agua-prieta', 'el-berrendo', 'puerto-palomas', 'san-jeronimo', 'ciudad-juarez',
  'guadalupe', 'el-porvenir', 'ojinaga', 'boquillas-del-carmen', 'ciudad-acuna', 'piedras-negras',
  'colombia', 'nuevo-laredo', 'nueva-ciudad-guerrero', 'ciudad-miguel-aleman', 'ciudad-camargo',
  'gustavo-diaz-ordaz', 'reynosa', 'rio-bravo', 'nuevo-progreso', 'matamoros',
];

/** The start from which everything must be reachable (where the 2018 caravan left on 25 October). */
export const REACH_FROM = 'mapastepec';

export function checkPlaces(places: ReadonlyMap<string, Place>, observedPlacesFile: string): string[] {
  const problems: string[] = [];
  for (const p of places.values()) {
    if (p.geonameId === null) continue;
    const c = cities().find((x) => x.cityId === p.geonameId)!;
    const d = greatCircleKm([p.lon, p.lat], c.loc.coordinates);
    if (d > 5) problems.push(`place ${p.id}: ${d.toFixed(1)} km from its GeoNames record`);
  }
  for (const id of [...REQUIRED_IDS, ...PORT_FACING_IDS]) {
    if (!places.has(id)) problems.push(`required node id "${id}" is missing`);
  }
  if (existsSync(observedPlacesFile)) {
    for (const line of readFileSync(observedPlacesFile, 'utf8').split('\n')) {
      const id = line.split('|')[0]?.trim();
      if (id && !id.startsWith('#') && !places.has(id)) problems.push(`observed place "${id}" (observed-places.txt) is not a node`);
    }
  }
  return problems;
}

export function checkEdges(edges: readonly Edge[], places: ReadonlyMap<string, Place>): string[] {
  const problems: string[] = [];
  for (const e of edges) {
    const gc = e.greatCircleKm;
    if (e.roadKm + 1e-9 < gc) problems.push(`edge ${e.id}: roadKm ${e.roadKm} < great-circle ${gc.toFixed(1)}`);
    if (e.roadKm > 2 * gc + 1e-9) problems.push(`edge ${e.id}: roadKm ${e.roadKm} > 2 × great-circle ${gc.toFixed(1)}`);
    if (e.kmSource === 'published') {
      const dev = Math.abs(e.roadKm - e.geometryKm) / e.geometryKm;
      if (dev > 0.15) problems.push(`edge ${e.id}: published ${e.roadKm} km is ${(dev * 100).toFixed(0)} % off geometry ${e.geometryKm.toFixed(1)} km`);
    }
    for (let i = 1; i < e.coordinates.length; i++) {
      const d = greatCircleKm(e.coordinates[i - 1]!, e.coordinates[i]!);
      if (d > 30) problems.push(`edge ${e.id}: vertices ${i - 1}-${i} are ${d.toFixed(1)} km apart`);
    }
    const f = places.get(e.from)!;
    const t = places.get(e.to)!;
    const first = e.coordinates[0]!;
    const last = e.coordinates[e.coordinates.length - 1]!;
    if (first[0] !== f.lon || first[1] !== f.lat) problems.push(`edge ${e.id}: first vertex is not ${f.id}`);
    if (last[0] !== t.lon || last[1] !== t.lat) problems.push(`edge ${e.id}: last vertex is not ${t.id}`);
  }
  return problems;
}

/** The network as src/sim builds it from the data files. */
export function roadNetwork(places: ReadonlyMap<string, Place>, edges: readonly Edge[]): RoadNetwork {
  return buildNetwork(
    [...places.values()].map((p) => ({ id: p.id, name: p.name, lon: p.lon, lat: p.lat, kind: p.kind, admin1: p.admin1 })),
    edges.map((e) => ({ id: e.id, from: e.from, to: e.to, highway: e.highway, roadKm: e.roadKm, terrain: e.terrain, risk: e.risk, region: e.region, coordinates: e.coordinates })),
  );
}

export function checkGraph(network: RoadNetwork, from = REACH_FROM, portFacing: readonly string[] = PORT_FACING_IDS): string[] {
  const problems: string[] = [];
  for (const id of network.nodes.keys()) if (network.graph.degree(id) === 0) problems.push(`node ${id} has no edge`);
  const reached = new Set(routesToAll(network, from, [...network.nodes.keys()]).map((r) => r.target));
  const unreached = [...network.nodes.keys()].filter((id) => !reached.has(id));
  if (unreached.length) problems.push(`graph is not connected; unreachable from ${from}: ${unreached.join(', ')}`);
  for (const id of portFacing) if (!reached.has(id)) problems.push(`port-facing node ${id} unreachable from ${from}`);
  return problems;
}
