/**
 * The forecast model's data files: its structure and parameter space (data/forecast-model.json), the
 * policies (data/policies.json), the past caravans (data/caravans/*.json) and the calibrated
 * parameters (data/forecast-parameters.json). Each is validated by its schema on loading, then
 * cross-checked against the network; errors name the file, the record and the field.
 */
import { z } from 'zod';
import type { HubClass, ModelStructure, PolicySpec } from '../sim/forecast/course';
import type { ForecastWorld } from '../sim/forecast/forecast';
import { PARAMETER_NAMES, type ForecastParameters, type ParameterSpec } from '../sim/forecast/parameters';
import type { PastCaravan, PastObservation } from '../sim/forecast/past-caravan';
import { findNode } from '../sim/network';
import type { LoadedData } from './load-world';
import { DataFileError, parseDataFile } from './parse-data-file';

export const FORECAST_FILES = {
  model: 'data/forecast-model.json',
  policies: 'data/policies.json',
  parameters: 'data/forecast-parameters.json',
  caravansDir: 'data/caravans',
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id');
const policyId = z.enum(['let-pass', 'contain']);

const parameterSpecSchema = z.strictObject({
  name: z.enum(PARAMETER_NAMES),
  meaning: z.string().min(1),
  unit: z.string().min(1),
  initial: z.number(),
  min: z.number(),
  max: z.number(),
  scale: z.enum(['log', 'logit', 'linear']),
  priorSd: z.number().positive(),
});

export const forecastModelFileSchema = z.strictObject({
  about: z.string(),
  zones: z.strictObject({ south: z.array(z.string().min(1)), centre: z.array(z.string().min(1)) }),
  placeClasses: z.strictObject({ capital: z.array(id), bigCityMinPopulation: z.number().int().positive(), isthmus: z.array(id) }),
  route: z.strictObject({
    riskAversion: z.number().min(0).max(100),
    terrainCost: z.strictObject({ flat: z.number().positive().optional(), rolling: z.number().positive().optional(), mountain: z.number().positive().optional() }),
    hubs: z.array(id),
    hubMaxDetourShare: z.number().min(0).max(5),
    reportSnapKm: z.number().positive().max(200),
  }),
  reports: z.strictObject({
    positionKmSd: z.number().positive(),
    positionSdPerKm: z.number().min(0).max(1),
    leadKmSd: z.number().positive(),
    leadSplinterShare: z.number().min(0).lt(1),
    rearKmSd: z.number().positive(),
    outlierShare: z.number().gt(0).lt(1),
    endedMissShare: z.number().gt(0).lt(1),
  }),
  arrivalToleranceKm: z.number().min(0).max(100),
  headcountDailyLogSd: z.number().min(0).max(1),
  parameters: z.array(parameterSpecSchema).length(PARAMETER_NAMES.length),
});

const sourceRef = z.strictObject({ title: z.string().min(1).optional(), publisher: z.string().min(1), date: z.string().optional(), url: z.url() });

export const policiesFileSchema = z.strictObject({
  policies: z
    .array(
      z.strictObject({
        id: policyId,
        name: z.string().min(1),
        nameEs: z.string().min(1),
        description: z.string().min(1),
        defaultUntil: isoDate.optional(),
        defaultFrom: isoDate.optional(),
        containmentRegions: z.array(z.string().min(1)),
        source: sourceRef.optional(),
      }),
    )
    .length(2),
});

const observationSchema = z.strictObject({
  date: isoDate,
  group: z.enum(['main', 'lead', 'rear']),
  town: z.string().min(1),
  lat: z.number().min(14).max(33),
  lon: z.number().min(-118).max(-86),
  headcount: z.number().int().positive().nullable(),
  mode: z.enum(['walk', 'ride', 'bus', 'train', 'halt']),
  confidence: z.enum(['high', 'medium', 'low']),
  note: z.string().optional(),
  sources: z.array(sourceRef).min(1),
});

export const caravanFileSchema = z
  .strictObject({
    id,
    name: z.string().min(1),
    nameEs: z.string().min(1),
    policy: policyId,
    start: z.strictObject({ place: id, date: isoDate, headcount: z.number().int().positive(), note: z.string().optional() }),
    destination: id,
    end: z.strictObject({ date: isoDate, reason: z.enum(['dissolved', 'declared-over']), note: z.string().optional() }).nullable(),
    /** The October 2018 caravan's sightings are the project's observed track. */
    observationsFrom: z.literal('observed.json').optional(),
    observations: z.array(observationSchema).optional(),
  })
  .refine((c) => (c.observations === undefined) !== (c.observationsFrom === undefined), { message: 'give either observations or observationsFrom', path: ['observations'] });

const parametersRecord = z.strictObject(Object.fromEntries(PARAMETER_NAMES.map((name) => [name, z.number()])) as Record<(typeof PARAMETER_NAMES)[number], z.ZodNumber>);

export const forecastParametersFileSchema = z.strictObject({
  about: z.string(),
  method: z.string(),
  seed: z.number().int(),
  particles: z.number().int().positive(),
  sweeps: z.number().int().positive(),
  data: z.strictObject({ caravans: z.array(id), lastObservation: isoDate, networkKm: z.number().positive(), fingerprint: z.string() }),
  fits: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        caravans: z.array(id).min(1),
        logLikelihood: z.number(),
        logPrior: z.number(),
        evaluations: z.number().int().nonnegative(),
        parameters: parametersRecord,
      }),
    )
    .min(1),
});
export type ForecastParametersFile = z.infer<typeof forecastParametersFileSchema>;

export interface ForecastFit {
  id: string;
  caravans: string[];
  parameters: ForecastParameters;
}

export interface LoadedForecastData {
  world: ForecastWorld;
  specs: ParameterSpec[];
  caravans: PastCaravan[];
  policies: z.infer<typeof policiesFileSchema>['policies'];
  /** Null before the first calibration. */
  parametersFile: ForecastParametersFile | null;
  fits: Map<string, ForecastFit>;
}

export interface ForecastTexts {
  model: string;
  policies: string;
  caravans: { fileName: string; text: string }[];
  /** Absent before the first `npm run calibrate`. */
  parameters: string | null;
}

function placeClasses(file: z.infer<typeof forecastModelFileSchema>, loaded: LoadedData): Map<string, HubClass> {
  const classes = new Map<string, HubClass>();
  for (const place of loaded.places) {
    if ((place.population ?? 0) >= file.placeClasses.bigCityMinPopulation && loaded.world.network.nodes.has(place.id)) classes.set(place.id, 'big-city');
  }
  for (const hubClass of ['isthmus', 'capital'] as const) {
    file.placeClasses[hubClass].forEach((nodeId, i) => {
      if (!loaded.world.network.nodes.has(nodeId)) throw new DataFileError(FORECAST_FILES.model, `placeClasses.${hubClass}[${i}]: no network node "${nodeId}"`);
      classes.set(nodeId, hubClass);
    });
  }
  return classes;
}

function caravanFrom(fileName: string, file: z.infer<typeof caravanFileSchema>, loaded: LoadedData): PastCaravan {
  const { network } = loaded.world;
  if (!network.nodes.has(file.start.place)) throw new DataFileError(fileName, `start: field "place": no network node "${file.start.place}"`);
  if (!loaded.world.crossings.some((c) => c.id === file.destination)) throw new DataFileError(fileName, `field "destination": unknown crossing "${file.destination}"`);
  let observations: PastObservation[];
  if (file.observationsFrom === 'observed.json') {
    // Sightings off the network (Honduras, Guatemala) come before the start and are left out.
    observations = loaded.observed
      .filter((o) => network.nodes.has(o.place))
      .map((o) => {
        const node = network.nodes.get(o.place)!;
        return { date: o.date, group: o.group, town: node.name, nodeId: node.id, lonLat: [node.lon, node.lat] as const, headcount: o.headcount ?? null };
      });
  } else {
    observations = (file.observations ?? []).map((o) => {
      const node = findNode(network, o.town);
      return { date: o.date, group: o.group, town: o.town, ...(node ? { nodeId: node.id } : {}), lonLat: [o.lon, o.lat] as const, headcount: o.headcount };
    });
  }
  return { id: file.id, name: file.name, policy: file.policy, start: { nodeId: file.start.place, date: file.start.date, headcount: file.start.headcount }, destination: file.destination, end: file.end ? { date: file.end.date, reason: file.end.reason } : null, observations };
}

/** Validates the forecast files and builds what the model and the backtest need. */
export function loadForecastData(texts: ForecastTexts, loaded: LoadedData): LoadedForecastData {
  const model = parseDataFile(FORECAST_FILES.model, texts.model, forecastModelFileSchema);
  const names = new Set(model.parameters.map((p) => p.name));
  if (names.size !== PARAMETER_NAMES.length) throw new DataFileError(FORECAST_FILES.model, 'parameters: every parameter must be specified exactly once');
  model.parameters.forEach((p, i) => {
    if (!(p.min <= p.initial && p.initial <= p.max)) throw new DataFileError(FORECAST_FILES.model, `parameters[${i}] (${p.name}): field "initial": must lie between min and max`);
  });
  model.route.hubs.forEach((hub, i) => {
    if (!loaded.world.network.nodes.has(hub)) throw new DataFileError(FORECAST_FILES.model, `route.hubs[${i}]: no network node "${hub}"`);
  });
  const policies = parseDataFile(FORECAST_FILES.policies, texts.policies, policiesFileSchema).policies;
  const structure: ModelStructure = {
    zones: model.zones,
    placeClasses: placeClasses(model, loaded),
    route: model.route,
    reports: model.reports,
    arrivalToleranceKm: model.arrivalToleranceKm,
    headcountDailyLogSd: model.headcountDailyLogSd,
  };
  const policySpecs = new Map<string, PolicySpec>(policies.map((p) => [p.id, { id: p.id, containmentRegions: p.containmentRegions }]));
  const caravans = [...texts.caravans]
    .sort((a, b) => a.fileName.localeCompare(b.fileName))
    .map(({ fileName, text }) => caravanFrom(fileName, parseDataFile(fileName, text, caravanFileSchema), loaded));
  const parametersFile = texts.parameters === null ? null : parseDataFile(FORECAST_FILES.parameters, texts.parameters, forecastParametersFileSchema);
  const fits = new Map<string, ForecastFit>((parametersFile?.fits ?? []).map((f) => [f.id, { id: f.id, caravans: f.caravans, parameters: f.parameters }]));
  return {
    world: { network: loaded.world.network, crossings: loaded.world.crossings, structure, policies: policySpecs },
    specs: model.parameters,
    caravans,
    policies,
    parametersFile,
    fits,
  };
}

/** The id of the fit made without one caravan (the backtest's and the as-of presets' parameters). */
export function leaveOutFitId(caravanId: string): string {
  return `without-${caravanId}`;
}
export const ALL_CARAVANS_FIT = 'all';
