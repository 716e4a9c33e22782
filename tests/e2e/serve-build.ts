/**
 * A fresh production build in its own temporary directory, served on 127.0.0.1 (a free port), the
 * way `npm start` serves dist/. Each test run and each benchmark builds apart, so two runs in one
 * checkout never read or delete each other's files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';

export interface ServedBuild {
  url: string;
  close(): Promise<void>;
}

export async function serveFreshBuild(): Promise<ServedBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'caravan-build-'));
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('preview server has no port');
    return {
      url: `http://127.0.0.1:${address.port}/`,
      async close() {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true });
    throw err;
  }
}
