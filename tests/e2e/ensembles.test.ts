/**
 * Uncertainty as a person meets it: an ensemble runs in the worker while they play and scrub; the
 * page keeps drawing; then the table shows ranges and the map and chart show bands.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openOfflinePage, type OfflinePage } from './browser';

interface EnsembleState {
  ensemble: { state: string; done: number; total: number; runs: number; coverage: number | null };
  tHours: number;
  arrivals: { crossing: string; mainP10: string | null; mainP90: string | null; caravanFirstChance: number | null }[];
}
const state = (page: Page) => page.evaluate(() => window.__caravan!.state() as unknown) as Promise<EnsembleState>;

describe('ensembles in the worker', () => {
  let browser: Browser;
  let app: OfflinePage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openOfflinePage(browser, inject('baseUrl'));
    await app.page.waitForFunction(() => (window.__caravan!.state() as { ensemble: { state: string } }).ensemble.state === 'done', undefined, { timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs 2,000 runs while the timeline plays and is scrubbed: frames keep coming and no script blocks 50 ms', async () => {
    const { page } = app;
    // Long animation frames name the scripts that ran in them: our code must never hold the main
    // thread 50 ms. (Software compositing here also makes some frames long without any script:
    // those are the renderer committing layers, not work of ours, and are counted apart.)
    await page.evaluate(() => {
      const w = window as unknown as { __scriptMs: number[] };
      w.__scriptMs = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { scripts: { duration: number }[] }[]) for (const script of entry.scripts) w.__scriptMs.push(script.duration);
      }).observe({ type: 'long-animation-frame', buffered: false });
    });
    const framesBefore = (await page.evaluate(() => window.__caravan!.drawTimes!())).length;
    await page.getByTestId('ensemble-runs').selectOption('2000');
    await expect.poll(async () => (await state(page)).ensemble.state, { timeout: 5000 }).toBe('running');
    const before = await state(page);
    await page.getByTestId('play-toggle').click();
    const progressSeen: number[] = [];
    const track = (await page.getByTestId('timeline-track').boundingBox())!;
    for (let i = 0; i < 6; i++) {
      await page.waitForTimeout(150);
      progressSeen.push((await state(page)).ensemble.done);
    }
    await page.getByTestId('play-toggle').click();
    const played = await state(page);
    expect(played.tHours).toBeGreaterThan(before.tHours);
    await page.mouse.move(track.x + track.width * 0.3, track.y + track.height - 8);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width * 0.6, track.y + track.height - 8, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await state(page)).ensemble.state, { timeout: 30_000 }).toBe('done');
    expect((await state(page)).ensemble.done).toBe(2000);
    expect(progressSeen.some((done) => done > 0 && done < 2000)).toBe(true);
    const scriptMs = await page.evaluate(() => (window as unknown as { __scriptMs: number[] }).__scriptMs);
    expect(scriptMs.filter((d) => d >= 50)).toEqual([]);
    const draws = await page.evaluate(() => window.__caravan!.drawTimes!());
    const duringEnsemble = draws.slice(framesBefore);
    expect(duringEnsemble.length).toBeGreaterThan(30);
    expect(Math.max(...duringEnsemble)).toBeLessThan(50);
  });

  it('shows P10–P90 ranges and a distribution strip in the arrival table', async () => {
    const { page } = app;
    const row = page.locator('[data-testid="arrival-table"] tr[data-crossing="san-ysidro"]');
    await expect.poll(() => row.locator('[data-field="p50"] .range').textContent()).toMatch(/\d+ Nov–\d+ (Nov|Dec)/);
    expect((await row.locator('[data-field="p50"] svg.strip path').getAttribute('d'))!.match(/M/g)!.length).toBeGreaterThan(2);
    const s = (await state(page)).arrivals.find((a) => a.crossing === 'san-ysidro')!;
    expect(s.mainP10! <= s.mainP90!).toBe(true);
    expect(s.caravanFirstChance).not.toBeNull();
  });

  it('keeps each group’s label beside its group after the ensemble’s result redraws the map', async () => {
    const { page } = app;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    // A new seed: a new result lands and redraws the map while the clock stands still.
    await page.getByTestId('ensemble-seed').fill('77');
    await expect.poll(async () => (await state(page)).ensemble.state, { timeout: 30_000 }).toBe('running');
    await expect.poll(async () => (await state(page)).ensemble.state, { timeout: 30_000 }).toBe('done');
    await expect.poll(async () => {
      const main = (await page.evaluate(() => window.__caravan!.state() as { groups: { id: string; lon: number; lat: number }[] })).groups.find((g) => g.id === 'main')!;
      const at = await page.evaluate(([lon, lat]) => window.__caravan!.project!(lon!, lat!), [main.lon, main.lat]);
      const map = (await page.getByTestId('map').boundingBox())!;
      const label = (await page.locator('.group-label.group-main').boundingBox())!;
      return Math.abs(label.x - (map.x + at.x)) < 40 && Math.abs(label.y + label.height / 2 - (map.y + at.y)) < 40;
    }).toBe(true);
  });

  it('reports how many observed 2018 nights fall inside the P10–P90 range', async () => {
    await expect.poll(() => app.page.getByTestId('coverage').textContent()).toMatch(/Observed nights inside the P10–P90 range: \d+ of \d+ \(\d+ %\)/);
    expect((await state(app.page)).ensemble.coverage).toBeGreaterThan(0.6);
  });

  it('cancels the run in flight when the scenario changes, and answers from the cache when it comes back', async () => {
    const { page } = app;
    await page.getByTestId('ensemble-runs').selectOption('5000');
    await expect.poll(async () => (await state(page)).ensemble.state).toBe('running');
    await page.getByTestId('ensemble-runs').selectOption('2000');
    // 2,000 runs of this scenario are cached: no new run.
    await expect.poll(async () => (await state(page)).ensemble.state).toBe('done');
    expect((await state(page)).ensemble.done).toBe(2000);
  });

  it('made no request off 127.0.0.1 and logged no error', () => {
    expect(app.offHostRequests).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
