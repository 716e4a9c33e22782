/**
 * Real Chromium (Debian's /usr/bin/chromium) through playwright-core. Every page made here fails the
 * test if it tries to reach anything but 127.0.0.1: the app must work offline.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CaravanHooks } from '../../src/app/test-hooks';

declare global {
  interface Window {
    __caravan?: CaravanHooks;
  }
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface OfflinePage {
  page: Page;
  context: BrowserContext;
  /** URLs the page tried to reach off 127.0.0.1 (they were blocked). */
  offHostRequests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
}

export async function openOfflinePage(
  browser: Browser,
  url: string,
  viewport = { width: 1440, height: 900 },
): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  // Functions passed to page.evaluate are compiled by tsx/esbuild with keepNames, which wraps them in
  // __name(); give the page a no-op of it.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const offHostRequests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    const local = target.hostname === '127.0.0.1' || ['data:', 'blob:'].includes(target.protocol);
    if (local) return route.continue();
    offHostRequests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__caravan?.ready === true, undefined, { timeout: 30_000 });
  return { page, context, offHostRequests, errors };
}

/**
 * Share of the map's pixels within `tolerance` (sum of channel differences) of a colour — or, with
 * `differ`, that differ from it. The map is its WebGL canvas with the moving-things canvas over it.
 */
export async function mapColourShare(page: Page, hex: string, tolerance: number, differ = false): Promise<number> {
  return page.evaluate(
    ({ colour, tol, away }) => {
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')];
      const base = canvases[0];
      if (!base) return 0;
      const copy = document.createElement('canvas');
      copy.width = base.width;
      copy.height = base.height;
      const ctx = copy.getContext('2d')!;
      for (const canvas of canvases) ctx.drawImage(canvas, 0, 0, copy.width, copy.height);
      const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const near = Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) <= tol;
        if (near !== away) n++;
      }
      return n / (data.length / 4);
    },
    { colour: hex, tol: tolerance, away: differ },
  );
}

/** Share of the map's pixels that differ from the given background colour. */
export function nonBackgroundShare(page: Page, background: string): Promise<number> {
  return mapColourShare(page, background, 24, true);
}

/**
 * One browser per describe block and a fresh page of the app for every test: each test starts from
 * the app as it opens (new context, so no storage, URL or clock left by the test before it) and
 * ends by checking the page reached nothing off 127.0.0.1 and logged no error. Call it inside
 * `describe`; read `session.page` (and `.app`, `.browser`) in the tests.
 */
export function useAppPage(viewport?: { width: number; height: number }): { readonly browser: Browser; readonly app: OfflinePage; readonly page: Page } {
  let browser: Browser | undefined;
  let app: OfflinePage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    app = await openOfflinePage(browser!, inject('baseUrl'), viewport);
  });
  afterEach(async () => {
    const ended = app;
    app = undefined;
    if (!ended) return;
    try {
      expect(ended.offHostRequests, 'requests off 127.0.0.1').toEqual([]);
      expect(ended.errors, 'page errors').toEqual([]);
    } finally {
      await ended.context.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get app() {
      return app!;
    },
    get page() {
      return app!.page;
    },
  };
}

/** Resolves after the page has drawn `count` more animation frames (a state to wait for, not a sleep). */
export async function framesPass(page: Page, count = 10): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    count,
  );
}
