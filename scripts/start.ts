/**
 * `npm start`: builds the app when dist/ is missing or older than the sources, then serves it on
 * 127.0.0.1 and prints the URL.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

const inputs = ['src', 'data', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].filter(existsSync);
const builtAt = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
if (inputs.some((p) => newestMtime(p) > builtAt)) {
  console.log('Building the app…');
  await build({ logLevel: 'warn' });
}
const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: false } });
const address = server.httpServer.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`Caravan Simulator is running at http://127.0.0.1:${actualPort}/  (Ctrl+C to stop)`);
