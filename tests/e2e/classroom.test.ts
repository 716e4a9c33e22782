/**
 * The classroom: walk the 2018 story with the keyboard only, switch to Spanish, present on a big
 * screen, pass an automated accessibility check, and record a short video.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openOfflinePage, type OfflinePage } from './browser';

const axeSource = () => readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const clockDate = (page: Page) => page.getByTestId('clock-date').textContent();

describe('the classroom', () => {
  let browser: Browser;
  let app: OfflinePage;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openOfflinePage(browser, inject('baseUrl'), { width: 1920, height: 1080 });
    page = app.page;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('walks the story with the keyboard only: Tab to Story, Enter, then arrows', async () => {
    await page.locator('body').focus();
    // Reach the Story button by keyboard, as a person without a mouse does.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'story-toggle'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('story-toggle');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('story-counter').textContent()).toBe('Step 1 of 13');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('story-step-title').textContent()).toMatch(/25 Oct 2018 · .*800/);
    await expect.poll(() => clockDate(page)).toBe('2018-10-25');
    expect(await page.getByTestId('story-caption').textContent()).toMatch(/Mapastepec/);
    expect(await page.locator('[data-testid="story"] .story-source a').getAttribute('href')).toMatch(/^https:\/\//);
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('story-counter').textContent()).toBe('Step 13 of 13');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('story-step-title').textContent()).toMatch(/25 Nov 2018/);
    await expect.poll(() => clockDate(page)).toBe('2018-11-25');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('story').isHidden()).toBe(true);
  });

  it('switches to Spanish: the interface text and the dates and numbers change', async () => {
    await page.getByTestId('language').selectOption('es');
    await expect.poll(() => page.locator('#scenario-heading').textContent()).toBe('Escenario');
    expect(await page.locator('#arrivals-heading').textContent()).toBe('Llegadas a los cruces');
    expect(await page.getByTestId('play-toggle').getAttribute('aria-label')).toBe('Reproducir');
    expect(await page.locator('.clock-detail').textContent()).toMatch(/nov.* 2018/);
    await expect.poll(() => page.locator('.timeline-chart .axis').textContent()).toMatch(/1 nov/);
    // Data texts have their Spanish too: preset names and the news events on the timeline.
    const historical = JSON.parse(await readFile(new URL('../../data/scenarios/historical-2018.json', import.meta.url), 'utf8'));
    expect(await page.locator('#field-preset option[value="historical-2018"]').textContent()).toBe(historical.nameEs);
    await page.locator('g.event[data-event="troop-orders-800"]').hover();
    await expect.poll(() => page.locator('.timeline-tooltip').textContent()).toMatch(/tropas/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByTestId('story-toggle').click();
    await expect.poll(() => page.getByTestId('story-counter').textContent()).toBe('Paso 1 de 13');
    expect(await page.getByTestId('story-caption').textContent()).toMatch(/San Pedro Sula/);
    await page.keyboard.press('Escape');
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('#scenario-heading').textContent()).toBe('Scenario');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    // Evaluated through the debugger protocol: the page's own CSP rightly forbids inline scripts.
    await page.evaluate(await axeSource());
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('presents: side panel gone, bigger type, the timeline still works', async () => {
    await page.getByTestId('presentation-toggle').click();
    await expect.poll(() => page.locator('.side').isHidden()).toBe(true);
    const size = await page.locator('.clock-date').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Home');
    await expect.poll(() => clockDate(page)).toBe('2018-10-22');
    await page.getByTestId('presentation-toggle').click();
    await expect.poll(() => page.locator('.side').isVisible()).toBe(true);
  });

  it('records a short video of the playback: a non-empty WebM that a video element can play', async () => {
    await page.keyboard.press('Home');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByTestId('record-video').click();
        await page.waitForTimeout(1500);
        await page.getByTestId('record-video').click();
      })(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.webm$/);
    const body = await readFile((await file.path())!);
    expect(body.length).toBeGreaterThan(5_000);
    expect(body.readUInt32BE(0)).toBe(0x1a45dfa3); // EBML, the WebM container
    const playable = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
      await new Promise((resolve, reject) => {
        video.onloadeddata = resolve;
        video.onerror = () => reject(new Error('video error'));
      });
      return { width: video.videoWidth, height: video.videoHeight };
    }, body.toString('base64'));
    expect(playable.width).toBeGreaterThan(100);
    expect(playable.height).toBeGreaterThan(100);
  });

  it('made no request off 127.0.0.1 and logged no error', () => {
    expect(app.offHostRequests).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
