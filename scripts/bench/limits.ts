/**
 * What the scenario bounds buy (issue 14): how fast oversized links and files are refused, and how
 * long the largest scenario the bounds allow takes to run. Medians, and the first (cold) call,
 * since a page opens a link once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import LZString from 'lz-string';
import { loadPresets } from '../../src/data/presets';
import { loadWorldFromDisk, PROJECT_ROOT, readPresetFiles } from '../../src/data/read-data-files';
import { scenarioFromFile } from '../../src/data/scenario-file';
import { runPlanEnsemble } from '../../src/sim/ensemble';
import { planScenario } from '../../src/sim/plan';
import { simulatePlan } from '../../src/sim/run-scenario';
import { parseScenario, type Scenario, type ScenarioInput } from '../../src/sim/scenario';
import { SCENARIO_LIMITS as LIMITS } from '../../src/sim/scenario-limits';
import { addDays } from '../../src/sim/time';
import type { World } from '../../src/sim/world';
import { decodeShareState, linkChecksum } from '../../src/state/share-state';
import { report, timeMedianMs } from './stats';

function checkedLink(wire: unknown): string {
  const compressed = LZString.compressToEncodedURIComponent(JSON.stringify(wire));
  return `#s=${compressed}.${linkChecksum(compressed)}`;
}

/** Times the first call, then the median of the rest; prints what the call said. */
function refusal(name: string, call: () => string, targetMs: number): void {
  const t0 = performance.now();
  const said = call();
  const firstMs = performance.now() - t0;
  report(`${name} (first call ${firstMs.toFixed(1)} ms)`, timeMedianMs(call, { warmup: 2, repeats: 11 }), targetMs);
  console.log(`    → ${said.slice(0, 150)}`);
}

/** The largest scenario the bounds allow, on the real network, moving slowly enough that no group arrives: every list full, every day run. */
function largestScenario(world: World, base: Scenario): Scenario {
  const draft: ScenarioInput = { ...base, maxDays: 365, destination: 'all', modes: { walk: { kmPerDay: 4 }, hitch: { kmPerDay: 5 }, bus: { kmPerDay: 6 } } };
  const route = planScenario(world, parseScenario(draft)).groups[0]!.route.nodes.map((n) => n.id);
  const onRoute = new Set(route);
  const offRoute = [...world.network.nodes.keys()].filter((id) => !onRoute.has(id) && !world.crossings.some((c) => c.facing === id));
  const regions = [...new Set([...world.network.edges.values()].map((e) => e.region))];
  const closedPlaces = Array.from({ length: LIMITS.closedPlaces }, (_, i) => offRoute[i % 20]!);
  // Crossings still reachable with those places closed: the splits head for them.
  const reachable = planScenario(world, parseScenario({ ...draft, route: { closedPlaces } })).groups[0]!.routesByFacingNode;
  const destinations = world.crossings.filter((c) => reachable.has(c.facing));
  const groups = Array.from({ length: LIMITS.groups }, (_, i) => ({ id: `g-${i}`, headcount: 1000, departDelayDays: i, speedMultiplier: 1 + i / 20 }));
  const groupIds = [...groups.map((g) => g.id), ...groups.map((g) => `s-${g.id}`)];
  const along = (i: number) => route[1 + (i % (route.length - 2))]!;
  const input: ScenarioInput = {
    ...draft,
    route: { riskAversion: 1, via: route.slice(1, 1 + LIMITS.via), closedPlaces, avoidRegions: Array.from({ length: LIMITS.regions }, (_, i) => regions[i % regions.length]!) },
    groups,
    splits: groups.slice(0, LIMITS.splits).map((g, i) => ({ group: g.id, atPlace: route[1]!, into: `s-${g.id}`, share: 0.2, destination: destinations[i % destinations.length]!.id })),
    merges: [],
    modeRules: Array.from({ length: LIMITS.modeRules }, (_, i) => ({ mode: (['hitch', 'bus', 'walk'] as const)[i % 3]!, groups: groupIds.slice(i % 12, (i % 12) + 6), regions: regions.slice(i % 5, (i % 5) + 3), fromDate: addDays(base.start.date, i), kmPerDay: 5 })),
    stays: Array.from({ length: LIMITS.stays }, (_, i) => ({ place: along(i), nights: 1 + (i % 3), groups: groupIds.slice(i % 20, (i % 20) + 4) })),
    attrition: { perDay: 0.001, events: Array.from({ length: LIMITS.attritionEvents }, (_, i) => ({ date: addDays(base.start.date, i * 3), share: 0.001 })) },
  };
  return parseScenario(input);
}

export function benchLimits(): void {
  const { world } = loadWorldFromDisk();
  const presets = loadPresets(readPresetFiles());
  const walkOnly = presets.get('walk-only')!;

  console.log('Bounds on links and files (node, one core)');
  const groupsLink = checkedLink({ v: 3, s: { b: 'walk-only', h: 'x', d: { groups: Array.from({ length: 10_000 }, () => ({ id: 'main', headcount: 10 })) } }, t: 0 });
  refusal(`a 10,000-group link (${groupsLink.length.toLocaleString('en-US')} characters) refused`, () => {
    const result = decodeShareState(groupsLink, presets);
    return result.ok ? 'OPENED' : result.error;
  }, 100);
  const nameLink = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/links/name-10-million.txt'), 'utf8').trim();
  refusal(`a link with a 10-million-character name (${nameLink.length.toLocaleString('en-US')} characters) refused`, () => {
    const result = decodeShareState(nameLink, presets);
    return result.ok ? 'OPENED' : result.error;
  }, 100);
  // Compact, as a hostile sender would write it to stay under the 1 MB file limit.
  const groupsFile = JSON.stringify({ format: 'caravan-simulator/scenario', version: 1, scenario: { ...walkOnly, groups: Array.from({ length: 10_000 }, (_, i) => ({ id: `g-${i}`, headcount: 10 })) } });
  refusal(`a 10,000-group file (${(groupsFile.length / 1000).toFixed(0)} kB) refused`, () => {
    const result = scenarioFromFile(groupsFile, 'groups.json');
    return result.ok ? 'OPENED' : result.error;
  }, 100);

  const largest = largestScenario(world, walkOnly);
  const plan = planScenario(world, largest);
  console.log(`Largest scenario the bounds allow: ${largest.groups.length} groups + ${largest.splits.length} splits, ${largest.maxDays} days, ${largest.modeRules.length} rules, ${largest.stays.length} stays, ${largest.route.via.length} via-places`);
  report('largest scenario: plan + one run', timeMedianMs(() => simulatePlan(planScenario(world, largest)), { warmup: 1, repeats: 5 }), 1000);
  // Per run, from 20-run ensembles: the figure MAX_ENSEMBLE_GROUP_DAYS is weighed against.
  report('largest scenario: one ensemble run (of 20, planned once)', timeMedianMs(() => runPlanEnsemble(plan, 20, 1), { warmup: 1, repeats: 3 }) / 20, 500);
}
