/**
 * Model benchmarks (node, one core): one run, a 1,000-run ensemble, routing to every crossing; the
 * forecast: a 1,000-run forecast conditioned on the sightings of the morning of 2018-10-25, and the
 * whole backtest (sim -- backtest).
 */
import { forecastRequestFromPreset, loadForecastPresets } from '../../src/data/forecast-presets';
import { loadPresets } from '../../src/data/presets';
import { loadWorldFromDisk, readPresetFiles } from '../../src/data/read-data-files';
import { runPlanEnsemble } from '../../src/sim/ensemble';
import { planScenario } from '../../src/sim/plan';
import { routesToAll } from '../../src/sim/routing';
import { runScenario, simulatePlan } from '../../src/sim/run-scenario';
import { forecastCaravan } from '../../src/sim/forecast/forecast';
import { loadForecastDataFromDisk } from '../../src/data/read-forecast-files';
import { runBacktest, WALKER_PRESET } from '../../src/cli/backtest-command';
import { report, timeMedianMs } from './stats';

export function benchModel(): void {
  const { world } = loadWorldFromDisk();
  const presets = loadPresets(readPresetFiles());
  const historical = presets.get('historical-2018')!;
  const plan = planScenario(world, historical);
  const facing = [...new Set(world.crossings.map((c) => c.facing))];

  console.log('Model (node, one core)');
  report('historical-2018: one run (planned once)', timeMedianMs(() => simulatePlan(plan)), 2);
  report('historical-2018: plan + run (after a scenario edit)', timeMedianMs(() => runScenario(world, historical)), 10);
  report('historical-2018: 1,000-run ensemble', timeMedianMs(() => runPlanEnsemble(plan, 1000, 1), { warmup: 1, repeats: 5 }), 500);
  report('routing: Mapastepec to every crossing (one Dijkstra)', timeMedianMs(() => routesToAll(world.network, 'mapastepec', facing, { riskAversion: 1, avoidRegions: [], via: [] }), { warmup: 20, repeats: 101 }), 1);

  const data = loadForecastDataFromDisk();
  const preset = loadForecastPresets(readPresetFiles()).get('as-of-2018-10-25')!;
  const request = { ...forecastRequestFromPreset(preset, data), destination: 'san-ysidro', runs: 1000 };
  report('forecast: 1,000 runs as of 2018-10-25 (4 reports), to San Ysidro', timeMedianMs(() => forecastCaravan(data.world, request), { warmup: 2, repeats: 9 }), 500);
  report('forecast: the same to every crossing (25 courses)', timeMedianMs(() => forecastCaravan(data.world, { ...request, destination: 'all' }), { warmup: 1, repeats: 3 }), 10_000);
  report('backtest: 4 caravans, as-of every 2 days, 400 runs', timeMedianMs(() => runBacktest(data, presets.get(WALKER_PRESET)!, { runs: 400, seed: 1 }), { warmup: 0, repeats: 3 }), 30_000);
}
