/**
 * Schemas of the data files in data/. Every file is validated when it is loaded (browser and CLI),
 * so a malformed file fails with a message naming the file, the record and the field.
 */
import { z } from 'zod';
import { isIsoDate, isTimeZone } from '../sim/time';

/** A real calendar date (the model's date functions refuse 2018-02-30, so the files must too). */
const isoDate = z.string().refine(isIsoDate, 'expected a date as YYYY-MM-DD');
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id');

export const sourceSchema = z.object({
  title: z.string().min(1),
  publisher: z.string().min(1),
  date: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const placeKindSchema = z.enum(['town', 'city', 'border-city', 'junction', 'crossing-town']);

export const placeSchema = z.object({
  id,
  name: z.string().min(1),
  country: z.string().length(2),
  admin1: z.string().min(1),
  lat: latitude,
  lon: longitude,
  population: z.number().int().nonnegative().nullable(),
  geonameId: z.number().int().positive().nullable(),
  kind: placeKindSchema,
  coordinateSource: z.string().min(1),
});
export type Place = z.infer<typeof placeSchema>;

export const placesFileSchema = z.object({
  source: z.string(),
  places: z.array(placeSchema).min(1),
});

const position = z.tuple([longitude, latitude]).rest(z.number());

export const nodeFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ type: z.literal('Point'), coordinates: position }),
  properties: z.object({
    id,
    name: z.string().min(1),
    kind: placeKindSchema,
    admin1: z.string(),
    country: z.string().length(2),
  }),
});

export const terrainSchema = z.enum(['flat', 'rolling', 'mountain']);
export type Terrain = z.infer<typeof terrainSchema>;

export const edgeFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  properties: z.object({
    id: z.string().min(1),
    from: id,
    to: id,
    highway: z.string().min(1),
    roadKm: z.number().positive(),
    kmSource: z.enum(['published', 'measured']),
    kmReference: z.string().min(1),
    terrain: terrainSchema,
    risk: z.number().min(0).max(1),
    region: z.string().min(1),
  }),
});

/** The collection's outline; each feature is then checked against the node or edge schema by its geometry type, so errors name the exact field. */
export const networkFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.looseObject({ type: z.enum(['Point', 'LineString']) }),
        properties: z.looseObject({}),
      }),
    )
    .min(2),
});
export type NodeFeature = z.infer<typeof nodeFeatureSchema>;
export type EdgeFeature = z.infer<typeof edgeFeatureSchema>;

export const crossingSchema = z.object({
  id,
  name: z.string().min(1),
  usState: z.enum(['CA', 'AZ', 'NM', 'TX']),
  usCity: z.string().min(1),
  lat: latitude,
  lon: longitude,
  sector: z.string().min(1),
  cbpPortCode: z.string().nullable().optional(),
  facing: id,
  mexicanCrossingName: z.string().nullable().optional(),
  modes: z.array(z.string()).min(1),
  timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as "America/Tijuana"'),
  source: sourceSchema,
});
export type Crossing = z.infer<typeof crossingSchema>;
export const crossingsFileSchema = z.object({ crossings: z.array(crossingSchema).min(1) });

export const deploymentSchema = z.object({
  id,
  force: z.enum(['active-duty', 'national-guard']),
  operation: z.string().min(1),
  unit: z.string().min(1),
  count: z.number().int().nonnegative(),
  usState: z.enum(['CA', 'AZ', 'NM', 'TX']),
  sectors: z.array(z.string().min(1)),
  base: z.object({ name: z.string().min(1), lat: latitude, lon: longitude }),
  tasks: z.array(z.string().min(1)),
  announced: isoDate,
  ordered: isoDate.nullable(),
  arriving: isoDate,
  inPosition: isoDate,
  end: isoDate.nullable(),
  source: sourceSchema,
  note: z.string().nullable().optional(),
});
export type Deployment = z.infer<typeof deploymentSchema>;
export const deploymentsFileSchema = z.object({ deployments: z.array(deploymentSchema).min(1) });

export const eventSchema = z.object({
  id,
  date: isoDate,
  kind: z.string().min(1),
  title: z.string().min(1),
  text: z.string().min(1),
  /** The same in Spanish, for the interface's Spanish. */
  titleEs: z.string().min(1).optional(),
  textEs: z.string().min(1).optional(),
  place: z.string().nullable().optional(),
  source: sourceSchema,
});
export type NewsEvent = z.infer<typeof eventSchema>;
export const eventsFileSchema = z.object({ events: z.array(eventSchema).min(1) });

export const observationSchema = z.object({
  date: isoDate,
  group: z.enum(['lead', 'main', 'rear']),
  place: id,
  headcount: z.number().int().positive().nullable().optional(),
  note: z.string().nullable().optional(),
  source: sourceSchema,
});
export type Observation = z.infer<typeof observationSchema>;
export const observedFileSchema = z.object({
  caravan: z.string().min(1),
  observations: z.array(observationSchema).min(1),
});
