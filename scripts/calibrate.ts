/**
 * `npm run calibrate`: fits the forecast model's parameters to the past caravans in data/caravans/
 * and writes data/forecast-parameters.json with its provenance. Five fits: all four caravans, and
 * each caravan left out (the backtest and the as-of presets use those, so that a caravan is never
 * forecast with parameters fitted to it). Deterministic: a re-run reproduces the file byte for byte.
 * Re-run it after any change to the caravans, the network or data/forecast-model.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CARAVANS_FIT, FORECAST_FILES, forecastParametersFileSchema, leaveOutFitId, loadForecastData, type ForecastParametersFile } from '../src/data/forecast-files';
import { loadWorldFromDisk, PROJECT_ROOT } from '../src/data/read-data-files';
import { forecastDataFingerprint, readForecastTexts } from '../src/data/read-forecast-files';
import { calibrationCase, calibrationMethod, casesLogLikelihood, fitParameters, logPrior } from '../src/sim/forecast/calibrate';
import type { ForecastParameters } from '../src/sim/forecast/parameters';

/**
 * Development options (the committed file is written with none of them): `--particles N`,
 * `--sweeps N`, `--fits all,without-october-2018`, `--out FILE` try a calibration without touching
 * data/forecast-parameters.json. The fits are independent of each other (each its own search from
 * the priors, on the same seed), so one fit run alone gives exactly what the whole run gives for it.
 */
function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const SEED = 1;
const PARTICLES = Number(option('particles') ?? 500);
const SWEEPS = Number(option('sweeps') ?? 4);
const ONLY_FITS = option('fits')?.split(',');
const OUT = option('out') ?? join(PROJECT_ROOT, FORECAST_FILES.parameters);

/** Four significant digits: what the file keeps, and what the model then runs on. */
function rounded(params: ForecastParameters): ForecastParameters {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Number(value.toPrecision(4))])) as ForecastParameters;
}

// The previous parameters are not read: they may not fit a changed model.
const data = loadForecastData({ ...readForecastTexts(), parameters: null }, loadWorldFromDisk());
const { world, caravans, specs } = data;
const cases = caravans.map((caravan) => calibrationCase(world, caravan));
const groups = [{ id: ALL_CARAVANS_FIT, caravans: caravans.map((c) => c.id) }, ...caravans.map((left) => ({ id: leaveOutFitId(left.id), caravans: caravans.filter((c) => c.id !== left.id).map((c) => c.id) }))];

const fits: ForecastParametersFile['fits'] = [];
for (const group of groups.filter((g) => ONLY_FITS === undefined || ONLY_FITS.includes(g.id))) {
  const chosen = cases.filter((c) => group.caravans.includes(c.caravan.id));
  const started = Date.now();
  const fit = fitParameters(world, chosen, specs, {
    particles: PARTICLES,
    seed: SEED,
    sweeps: SWEEPS,
    onSweep: (sweep, logPosterior) => process.stderr.write(`  ${group.id}: sweep ${sweep}/${SWEEPS}, log posterior ${logPosterior.toFixed(2)}\n`),
  });
  const parameters = rounded(fit.parameters);
  fits.push({
    id: group.id,
    caravans: group.caravans,
    logLikelihood: Number(casesLogLikelihood(world, chosen, parameters, PARTICLES, SEED).toFixed(3)),
    logPrior: Number(logPrior(specs, parameters).toFixed(3)),
    evaluations: fit.evaluations,
    parameters,
  });
  process.stderr.write(`${group.id}: ${fit.evaluations} evaluations in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

const networkKm = [...world.network.edges.values()].reduce((sum, e) => sum + e.roadKm, 0);
const file: ForecastParametersFile = {
  about: 'Written by `npm run calibrate` (scripts/calibrate.ts); do not edit. The fit `all` is used for new caravans; `without-<caravan>` for the backtest of that caravan and for forecasts of it (the as-of presets).',
  method: calibrationMethod({ particles: PARTICLES, seed: SEED, sweeps: SWEEPS }),
  seed: SEED,
  particles: PARTICLES,
  sweeps: SWEEPS,
  data: {
    caravans: caravans.map((c) => c.id),
    lastObservation: caravans.flatMap((c) => c.observations.map((o) => o.date)).sort().at(-1)!,
    networkKm: Math.round(networkKm * 10) / 10,
    fingerprint: forecastDataFingerprint(),
  },
  fits,
};
forecastParametersFileSchema.parse(file);
writeFileSync(OUT, `${JSON.stringify(file, null, 2)}\n`);
process.stderr.write(`wrote ${OUT}\n`);
