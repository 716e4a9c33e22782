/**
 * The app against a bare maplibre page (scripts/bench/bare-map: the same basemap, at the map's size
 * and view read from the app), measured in one run so that both see the same machine load:
 * navigation → ready, main-thread ms per frame while playing at 5 days/s (the bare page moves one
 * marker), the longest main-thread task while an ensemble runs and lands, and the JS each page
 * fetches before it is ready (gzip), beyond maplibre's own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { basemapPlugin } from '../basemap';
import { launchBrowser, openOfflinePage } from '../../tests/e2e/browser';
import { serveFreshBuild, type ServedBuild } from '../../tests/e2e/serve-build';
import { median } from './stats';

const VIEWPORT = { width: 1440, height: 900 };
const LOADS = 5;
const PLAY_WINDOWS = 3;
const PLAY_MS = 4000;
const PLAY_RATE_DAYS_PER_SECOND = '5';
const ENSEMBLE_SEEDS = [11, 12, 13];
const ENSEMBLE_RUNS = '10000';

interface MapViewHook {
  width: number;
  height: number;
  lon: number;
  lat: number;
  zoom: number;
}
interface BareWindow {
  __bare?: { ready: boolean; readyAtMs?: number; play(): void; pause(): void };
  __frames?: number;
}

/** Maplibre in a chunk of its own, as vite.config.ts has it for the app. */
const maplibreChunk = { groups: [{ name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] };

async function serveBareMap(): Promise<ServedBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'caravan-bare-'));
  const root = join(import.meta.dirname, 'bare-map');
  const shared = { configFile: false as const, root, base: './', logLevel: 'warn' as const };
  try {
    await build({ ...shared, plugins: [basemapPlugin()], build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000, rolldownOptions: { output: { codeSplitting: maplibreChunk } } } });
    const server = await preview({ ...shared, build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
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

/** A page of the bare map, offline like the app's, with the JS URLs it fetched before it was ready. */
async function openBarePage(browser: Browser, url: string): Promise<{ page: Page; close(): Promise<void>; scripts: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  const scripts: string[] = [];
  context.on('request', (request) => scripts.push(request.url()));
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as BareWindow).__bare?.ready === true, undefined, { timeout: 30_000 });
  return { page, close: () => context.close(), scripts: [...scripts] };
}

async function openAppPage(browser: Browser, url: string): Promise<{ page: Page; close(): Promise<void>; scripts: string[] }> {
  const scripts: string[] = [];
  const listen = (request: { url(): string }) => scripts.push(request.url());
  // The request listener is on the browser's context, added before the page opens.
  const opened = await openOfflinePage(browser, url, VIEWPORT, { onRequest: listen });
  return { page: opened.page, close: () => opened.context.close(), scripts: [...scripts] };
}

/** Gzip bytes of the JS among these URLs, and of the part that is maplibre's own (its chunk and its worker). */
async function jsGzipBytes(urls: readonly string[]): Promise<{ total: number; maplibre: number }> {
  let total = 0;
  let maplibre = 0;
  for (const url of new Set(urls)) {
    const path = new URL(url).pathname;
    if (!/\.m?js$/.test(path)) continue;
    const bytes = gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
    total += bytes;
    if (/\/maplibre-gl[-.]/.test(path)) maplibre += bytes;
  }
  return { total, maplibre };
}

/** Main-thread ms per frame over a window of playing: the renderer's task time over the frames drawn. */
async function busyMsPerFrame(page: Page, play: () => Promise<void>, pause: () => Promise<void>): Promise<{ msPerFrame: number; frames: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  await page.evaluate(() => {
    const w = window as BareWindow;
    w.__frames = 0;
    const count = () => {
      w.__frames! += 1;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  await play();
  const frames0 = await page.evaluate(() => (window as BareWindow).__frames!);
  const busy0 = await taskSeconds();
  await page.waitForTimeout(PLAY_MS);
  const busy1 = await taskSeconds();
  const frames1 = await page.evaluate(() => (window as BareWindow).__frames!);
  await pause();
  await cdp.detach();
  const frames = Math.max(1, frames1 - frames0);
  return { msPerFrame: ((busy1 - busy0) * 1000) / frames, frames };
}

/** The longest task on a renderer's main thread in a Chromium trace (ms). */
function longestMainThreadTaskMs(trace: Buffer): number {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: { name: string; ph: string; pid: number; tid: number; dur?: number; args?: { name?: string } }[] };
  const mainThreads = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let longest = 0;
  for (const e of traceEvents) if (e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`)) longest = Math.max(longest, (e.dur ?? 0) / 1000);
  return longest;
}

const ratioLine = (name: string, app: number, bare: number, unit: string, targetRatio: number) => {
  const ratio = app / bare;
  const verdict = ratio <= targetRatio ? 'ok' : 'OVER TARGET';
  console.log(`${name.padEnd(44)} app ${app.toFixed(1).padStart(8)} ${unit}  bare ${bare.toFixed(1).padStart(8)} ${unit}  ratio ${ratio.toFixed(2).padStart(5)}×  target ≤ ${targetRatio}×  ${verdict}`);
};
const limitLine = (name: string, value: number, unit: string, limit: number, detail = '') => {
  const verdict = value <= limit ? 'ok' : 'OVER TARGET';
  console.log(`${name.padEnd(44)} ${value.toFixed(1).padStart(8)} ${unit}  target ≤ ${limit} ${unit}  ${verdict}${detail ? `   (${detail})` : ''}`);
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

export async function benchVersusBare(): Promise<void> {
  console.log(`\nThe app against a bare maplibre page (same basemap, size and view), one run, medians; load average ${load()}`);
  const app = await serveFreshBuild();
  const bare = await serveBareMap();
  const browser = await launchBrowser();
  try {
    // The bare page is opened at the app's map size and view, read from a first load of the app.
    const first = await openAppPage(browser, app.url);
    const view = await first.page.evaluate(() => (window.__caravan as unknown as { view(): MapViewHook }).view());
    const appJs = await jsGzipBytes(first.scripts);
    await first.close();
    const bareUrl = `${bare.url}?w=${view.width}&h=${view.height}&lon=${view.lon}&lat=${view.lat}&zoom=${view.zoom}`;
    console.log(`map ${view.width}×${view.height} px at ${view.lon.toFixed(2)}, ${view.lat.toFixed(2)}, zoom ${view.zoom.toFixed(2)}; page ${VIEWPORT.width}×${VIEWPORT.height}`);

    // Navigation → ready, the two pages in turn.
    const appReady: number[] = [];
    const bareReady: number[] = [];
    let bareJs = { total: 0, maplibre: 0 };
    for (let i = 0; i < LOADS; i++) {
      const a = await openAppPage(browser, app.url);
      appReady.push(await a.page.evaluate(() => window.__caravan!.readyAtMs!));
      await a.close();
      const b = await openBarePage(browser, bareUrl);
      bareReady.push(await b.page.evaluate(() => (window as BareWindow).__bare!.readyAtMs!));
      if (i === 0) bareJs = await jsGzipBytes(b.scripts);
      await b.close();
    }

    ratioLine('navigation → ready', median(appReady), median(bareReady), 'ms', 1.3);

    // Main thread per frame while playing: a fresh page each window, the two pages in turn.
    const appFrame: number[] = [];
    const bareFrame: number[] = [];
    for (let i = 0; i < PLAY_WINDOWS; i++) {
      const a = await openAppPage(browser, app.url);
      await a.page.getByTestId('rate').selectOption(PLAY_RATE_DAYS_PER_SECOND);
      const toggle = a.page.getByTestId('play-toggle');
      appFrame.push((await busyMsPerFrame(a.page, () => toggle.click(), () => toggle.click())).msPerFrame);
      await a.close();
      const b = await openBarePage(browser, bareUrl);
      bareFrame.push((await busyMsPerFrame(b.page, () => b.page.evaluate(() => (window as BareWindow).__bare!.play()), () => b.page.evaluate(() => (window as BareWindow).__bare!.pause()))).msPerFrame);
      await b.close();
    }

    ratioLine('main thread per frame, playing 5 days/s', median(appFrame), median(bareFrame), 'ms', 1.5);
    const kb = (bytes: number) => bytes / 1024;
    limitLine('initial JS gzip beyond maplibre', kb(appJs.total - appJs.maplibre), 'KB', 60, `app ${kb(appJs.total).toFixed(0)} KB in all, bare page ${kb(bareJs.total).toFixed(0)} KB, maplibre ${kb(appJs.maplibre).toFixed(0)} KB`);

    // An ensemble lands: the longest main-thread task from the request to a second after the result.
    const longest: number[] = [];
    const e = await openAppPage(browser, app.url);
    await e.page.waitForFunction(() => (window.__caravan!.state() as { ensemble: { state: string } }).ensemble.state === 'done', undefined, { timeout: 300_000 });
    for (const seed of ENSEMBLE_SEEDS) {
      await browser.startTracing(e.page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
      await e.page.getByTestId('ensemble-runs').selectOption(ENSEMBLE_RUNS);
      await e.page.getByTestId('ensemble-seed').fill(String(seed));
      await e.page.waitForFunction(
        (s) => {
          const state = (window.__caravan!.state() as { ensemble: { state: string; seed: number; runs: number } }).ensemble;
          return state.state === 'done' && state.seed === s && state.runs === 10000;
        },
        seed,
        { timeout: 300_000 },
      );
      await e.page.waitForTimeout(1000);
      longest.push(longestMainThreadTaskMs(await browser.stopTracing()));
    }
    await e.close();

    limitLine('longest main-thread task, ensemble lands', median(longest), 'ms', 50, `10,000 runs; each: ${longest.map((x) => x.toFixed(0)).join(', ')} ms`);
    console.log(`load average after: ${load()}`);
  } finally {
    await browser.close();
    await bare.close();
    await app.close();
  }
}
