/**
 * The classroom: walk the 2018 story with the keyboard only, switch to Spanish, present on a big
 * screen, pass an automated accessibility check, and record a short video.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPage } from './browser';

const axeSource = () => readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const clockDate = (page: Page) => page.getByTestId('clock-date').textContent();

describe('the classroom', () => {
  const session = useAppPage({ width: 1920, height: 1080 });

  it('walks the story with the keyboard only: Tab to Story, Enter, then arrows', async () => {
    await session.page.locator('body').focus();
    // Reach the Story button by keyboard, as a person without a mouse does.
    for (let i = 0; i < 10 && (await session.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'story-toggle'; i++) await session.page.keyboard.press('Tab');
    expect(await session.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('story-toggle');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => session.page.getByTestId('story-counter').textContent()).toBe('Step 1 of 13');
    await session.page.keyboard.press('ArrowRight');
    await session.page.keyboard.press('ArrowRight');
    await expect.poll(() => session.page.getByTestId('story-step-title').textContent()).toMatch(/25 Oct 2018 · .*800/);
    await expect.poll(() => clockDate(session.page)).toBe('2018-10-25');
    expect(await session.page.getByTestId('story-caption').textContent()).toMatch(/Mapastepec/);
    expect(await session.page.locator('[data-testid="story"] .story-source a').getAttribute('href')).toMatch(/^https:\/\//);
    await session.page.keyboard.press('End');
    await expect.poll(() => session.page.getByTestId('story-counter').textContent()).toBe('Step 13 of 13');
    await session.page.keyboard.press('ArrowLeft');
    await expect.poll(() => session.page.getByTestId('story-step-title').textContent()).toMatch(/25 Nov 2018/);
    await expect.poll(() => clockDate(session.page)).toBe('2018-11-25');
    await session.page.keyboard.press('Escape');
    await expect.poll(() => session.page.getByTestId('story').isHidden()).toBe(true);
  });

  it('switches to Spanish: the interface text and the dates and numbers change', async () => {
    await session.page.getByTestId('language').selectOption('es');
    await expect.poll(() => session.page.locator('#scenario-heading').textContent()).toBe('Escenario');
    expect(await session.page.locator('#arrivals-heading').textContent()).toBe('Llegadas a los cruces');
    expect(await session.page.getByTestId('play-toggle').getAttribute('aria-label')).toBe('Reproducir');
    // The app opens on 22 October 2018, midnight.
    expect(await session.page.locator('.clock-detail').textContent()).toMatch(/^lun, 22 de oct\.? de 2018/);
    await expect.poll(() => session.page.locator('.timeline-chart .axis').textContent()).toMatch(/1 nov/);
    // Data texts have their Spanish too: preset names and the news events on the timeline.
    const historical = JSON.parse(await readFile(new URL('../../data/scenarios/historical-2018.json', import.meta.url), 'utf8')) as { nameEs: string };
    expect(await session.page.locator('#field-preset option[value="historical-2018"]').textContent()).toBe(historical.nameEs);
    await session.page.locator('g.event[data-event="troop-orders-800"]').hover();
    await expect.poll(() => session.page.locator('.timeline-tooltip').textContent()).toMatch(/tropas/);
    expect(await session.page.evaluate(() => document.documentElement.lang)).toBe('es');
    await session.page.getByTestId('story-toggle').click();
    await expect.poll(() => session.page.getByTestId('story-counter').textContent()).toBe('Paso 1 de 13');
    expect(await session.page.getByTestId('story-caption').textContent()).toMatch(/San Pedro Sula/);
    await session.page.keyboard.press('Escape');
    await session.page.getByTestId('language').selectOption('en');
    await expect.poll(() => session.page.locator('#scenario-heading').textContent()).toBe('Scenario');
    expect(await session.page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    // Evaluated through the debugger protocol: the page's own CSP rightly forbids inline scripts.
    await session.page.evaluate(await axeSource());
    const violations = await session.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('presents: side panel gone, bigger type, the timeline still works', async () => {
    await session.page.getByTestId('presentation-toggle').click();
    await expect.poll(() => session.page.locator('.side').isHidden()).toBe(true);
    const size = await session.page.locator('.clock-date').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await session.page.locator('body').click({ position: { x: 5, y: 5 } });
    await session.page.keyboard.press('Home');
    await expect.poll(() => clockDate(session.page)).toBe('2018-10-22');
    await session.page.getByTestId('presentation-toggle').click();
    await expect.poll(() => session.page.locator('.side').isVisible()).toBe(true);
  });

  it('records a short video of the playback: a non-empty WebM that a video element can play', async () => {
    const tHours = async () => (await session.page.evaluate(() => window.__caravan!.state() as { tHours: number })).tHours;
    const [file] = await Promise.all([
      session.page.waitForEvent('download'),
      (async () => {
        await session.page.getByTestId('record-video').click();
        // Recording plays the timeline: stop once three simulated days (1.5 s at 2 days a second) are on film.
        await expect.poll(tHours).toBeGreaterThan(72);
        await session.page.getByTestId('record-video').click();
      })(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.webm$/);
    const body = await readFile((await file.path()));
    expect(body.length).toBeGreaterThan(5_000);
    expect(body.readUInt32BE(0)).toBe(0x1a45dfa3); // EBML, the WebM container
    const playable = await session.page.evaluate(async (base64) => {
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
});
