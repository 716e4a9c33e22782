/**
 * Writes the hostile share links that tests and `npm run bench` use, which take too long to make on
 * the fly (lz-string needs ~50 s to pack ten million characters): `npx tsx scripts/make-hostile-links.ts`.
 * Each is a valid v3 link (checksum and all) whose payload is what a hostile sender could write.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';
import { PROJECT_ROOT } from '../src/data/read-data-files';
import { linkChecksum } from '../src/state/share-state';

function link(wire: unknown): string {
  const compressed = LZString.compressToEncodedURIComponent(JSON.stringify(wire));
  return `#s=${compressed}.${linkChecksum(compressed)}`;
}

const links = {
  /** A walk-only patch whose name is ten million characters long. */
  'name-10-million': link({ v: 3, s: { b: 'walk-only', h: 'x', d: { name: 'n'.repeat(10_000_000) } }, t: 0 }),
};
for (const [name, text] of Object.entries(links)) {
  writeFileSync(join(PROJECT_ROOT, 'tests/fixtures/links', `${name}.txt`), `${text}\n`);
  console.log(`${name}: ${text.length} characters`);
}
