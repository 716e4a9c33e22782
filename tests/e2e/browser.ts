/**
 * Real Chromium (Debian's /usr/bin/chromium) through playwright-core. Every page made here fails the
 * test if it tries to reach anything but 127.0.0.1: the app must work offline.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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

/** Share of the map canvas's pixels that differ from the given background colour. */
export async function nonBackgroundShare(page: Page, background: string): Promise<number> {
  return page.evaluate((bg) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas');
    if (!canvas) return 0;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16));
    let differ = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) > 24) differ++;
    }
    return differ / (data.length / 4);
  }, background);
}
