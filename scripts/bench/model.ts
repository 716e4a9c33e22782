/** Model benchmarks (node, one core): one run, a 1,000-run ensemble, routing to every crossing. */
import { loadPresets } from '../../src/data/presets';
import { loadWorldFromDisk, readPresetFiles } from '../../src/data/read-data-files';
import { runPlanEnsemble } from '../../src/sim/ensemble';
import { planScenario } from '../../src/sim/plan';
import { routesToAll } from '../../src/sim/routing';
import { runScenario, simulatePlan } from '../../src/sim/run-scenario';
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
}
