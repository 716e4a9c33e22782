import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basemapPlugin, buildBasemap } from '../../../scripts/basemap';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type Hook = (this: unknown, ...args: unknown[]) => unknown;

/** The dev server's view of the plugin: the module `virtual:basemap-urls` and what each URL answers. */
function serveDev() {
  const plugin = basemapPlugin();
  (plugin.configResolved as Hook)({ command: 'serve' });
  let middleware: Middleware | null = null;
  (plugin.configureServer as Hook)({ middlewares: { use: (m: Middleware) => (middleware = m) } });
  const id = (plugin.resolveId as Hook)('virtual:basemap-urls') as string;
  const code = (plugin.load as Hook).call({}, id) as string;
  const urls = JSON.parse(code.replace(/^export default /, '').replace(/;$/, '').replace(/(\w+):/g, '"$1":')) as Record<string, string>;
  const get = (url: string) => {
    let body: string | null = null;
    let passed = false;
    const res = { setHeader: () => {}, end: (text: string) => (body = text) } as unknown as ServerResponse;
    middleware!({ url } as unknown as IncomingMessage, res, () => (passed = true));
    return { body, passed };
  };
  return { urls, get };
}

describe('the basemap plugin', () => {
  it('gives a URL for every part of the basemap, and the dev server answers each with that part as GeoJSON', () => {
    const { urls, get } = serveDev();
    const basemap = buildBasemap();
    expect(Object.keys(urls).sort()).toEqual(Object.keys(basemap).sort());
    for (const [key, url] of Object.entries(urls)) {
      const { body } = get(url);
      const json = JSON.parse(body!) as { type: string; geometry?: unknown; features?: unknown[] };
      const part = basemap[key as keyof typeof basemap];
      if (part.type === 'FeatureCollection') expect(json).toEqual(part);
      else expect(json).toEqual({ type: 'Feature', properties: {}, geometry: part });
    }
  }, 60_000);

  it('lets every other request through to the dev server', () => {
    const { get } = serveDev();
    expect(get('/src/app/main.ts')).toEqual({ body: null, passed: true });
  }, 60_000);
});
