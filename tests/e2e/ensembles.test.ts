/**
 * Uncertainty as a person meets it: an ensemble runs in the worker while they play and scrub; the
 * page keeps drawing; then the table shows ranges and the map and chart show bands.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPage } from './browser';

interface EnsembleState {
  ensemble: { state: string; done: number; total: number; runs: number; coverage: number | null; restarted?: boolean; failure?: string };
  tHours: number;
  arrivals: { crossing: string; mainP10: string | null; mainP90: string | null; caravanFirstChance: number | null }[];
}
const state = (page: Page) => page.evaluate(() => window.__caravan!.state() as unknown) as Promise<EnsembleState>;

describe('ensembles in the worker', () => {
  const app = useAppPage();
  // The app runs a first ensemble (1,000 runs) once the map is drawn: every test starts after it.
  beforeEach(async () => {
    await app.page.waitForFunction(() => (window.__caravan!.state() as { ensemble: { state: string } }).ensemble.state === 'done', undefined, { timeout: 30_000 });
  });

  // How long the main thread is held while the worker runs is a speed target: `npm run bench`
  // reports it (longest script during a 10,000-run ensemble). Here: the page keeps playing.
  it('runs 2,000 runs while the timeline plays and is scrubbed: the clock moves on while the worker runs', async () => {
    const { page } = app;
    // Every progress line the person is shown, and at every frame the clock and the ensemble's state.
    await page.evaluate(() => {
      const w = window as unknown as { __statusSeen: string[]; __frames: [number, string][] };
      w.__statusSeen = [];
      w.__frames = [];
      const status = document.querySelector('[data-testid="ensemble-status"]')!;
      new MutationObserver(() => w.__statusSeen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
      const record = () => {
        const s = window.__caravan!.state() as { tHours: number; ensemble: { state: string } };
        w.__frames.push([s.tHours, s.ensemble.state]);
        if (w.__frames.length < 100_000) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await page.getByTestId('ensemble-runs').selectOption('2000');
    await expect.poll(async () => (await state(page)).ensemble.state).toBe('running');
    const before = await state(page);
    await page.getByTestId('play-toggle').click();
    const track = (await page.getByTestId('timeline-track').boundingBox())!;
    // Play for two simulated days (a second at the default rate) while the worker runs.
    await expect.poll(async () => (await state(page)).tHours).toBeGreaterThan(before.tHours + 48);
    await page.getByTestId('play-toggle').click();
    await page.mouse.move(track.x + track.width * 0.3, track.y + track.height - 8);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width * 0.6, track.y + track.height - 8, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await state(page)).ensemble.state).toBe('done');
    expect((await state(page)).ensemble.done).toBe(2000);
    const statusSeen = await page.evaluate(() => (window as unknown as { __statusSeen: string[] }).__statusSeen);
    const partial = statusSeen.map((text) => /([\d,]+) of 2,000/.exec(text)).filter((m) => m !== null).map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(partial.some((done) => done > 0 && done < 2000), statusSeen.join(' | ')).toBe(true);
    // Frames drawn while the worker was running show the clock at different times.
    const frames = await page.evaluate(() => (window as unknown as { __frames: [number, string][] }).__frames);
    const runningTimes = new Set(frames.filter(([, s]) => s === 'running').map(([tHours]) => tHours));
    expect(runningTimes.size).toBeGreaterThan(2);
  });

  it('shows P10–P90 ranges and a distribution strip in the arrival table', async () => {
    const { page } = app;
    const row = page.locator('[data-testid="arrival-table"] tr[data-crossing="san-ysidro"]');
    await expect.poll(() => row.locator('[data-field="p50"] .range').textContent()).toMatch(/\d+ Nov–\d+ (Nov|Dec)/);
    expect((await row.locator('[data-field="p50"] svg.strip path').getAttribute('d'))!.match(/M/g)!.length).toBeGreaterThan(2);
    const s = (await state(page)).arrivals.find((a) => a.crossing === 'san-ysidro')!;
    expect(s.mainP10! <= s.mainP90!).toBe(true);
    // The table's P10, P50 and P90 dates are the ensemble's, in order.
    const cellDate = (field: string) => row.locator(`[data-field="${field}"]`).last().getAttribute('data-value');
    const [p10, p50, p90] = [await cellDate('p10'), await cellDate('p50'), await cellDate('p90')];
    expect([p10, p90]).toEqual([s.mainP10, s.mainP90]);
    expect(p10! <= p50! && p50! <= p90!).toBe(true);
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

  it('cancels the run in flight when the settings change, and answers from the cache when they come back', async () => {
    const { page } = app;
    await page.getByTestId('ensemble-runs').selectOption('5000');
    await expect.poll(async () => (await state(page)).ensemble.state).toBe('running');
    await page.getByTestId('ensemble-runs').selectOption('1000');
    // The first 1,000 runs of this scenario are cached: no new run.
    await expect.poll(async () => (await state(page)).ensemble.state).toBe('done');
    expect((await state(page)).ensemble.done).toBe(1000);
    expect((await state(page)).ensemble.runs).toBe(1000);
  });
});

describe('ensembles when the worker dies', () => {
  const app = useAppPage();
  beforeEach(async () => {
    await app.page.waitForFunction(() => (window.__caravan!.state() as { ensemble: { state: string } }).ensemble.state === 'done', undefined, { timeout: 30_000 });
  });
  /** Waits until the worker is partway through a run (the first progress has come back). */
  const midRun = async (page: Page, restarted: boolean) =>
    expect
      .poll(async () => {
        const { ensemble } = await state(page);
        return ensemble.state === 'running' && ensemble.done > 0 && Boolean(ensemble.restarted) === restarted;
      })
      .toBe(true);
  const kill = (page: Page) => page.evaluate(() => window.__caravan!.killEnsembleWorker!());
  const rangeOf = (page: Page) => page.locator('[data-testid="arrival-table"] tr[data-crossing="san-ysidro"] [data-field="p10"]').last().getAttribute('data-value');

  it('recovers from a worker killed mid-run: the runs start again in a fresh worker and the ranges appear', async () => {
    const { page } = app;
    await page.getByTestId('ensemble-runs').selectOption('2000');
    await midRun(page, false);
    expect(await kill(page)).toBe(true);
    await expect.poll(async () => (await state(page)).ensemble.state, { timeout: 60_000 }).toBe('done');
    const { ensemble, arrivals } = await state(page);
    expect([ensemble.done, ensemble.restarted]).toEqual([2000, true]);
    expect(await rangeOf(page)).toBe(arrivals.find((a) => a.crossing === 'san-ysidro')!.mainP10);
    expect(await rangeOf(page)).toMatch(/^2018-\d\d-\d\d$/);
  });

  it('says the ranges are unavailable when the worker dies twice, and Retry (from the keyboard) brings them back', async () => {
    const { page } = app;
    await page.getByTestId('ensemble-runs').selectOption('2000');
    await midRun(page, false);
    await kill(page);
    await midRun(page, true);
    await kill(page);
    await expect.poll(async () => (await state(page)).ensemble.state).toBe('unavailable');
    expect(await page.getByTestId('ensemble-status').textContent()).toBe('Ranges unavailable: the background computation stopped twice. The dates shown are the single run’s.');
    // Never a run count left standing as if the runs went on.
    expect(await page.getByTestId('ensemble-progress').isHidden()).toBe(true);
    const retry = page.getByRole('button', { name: 'Retry the ranges' });
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).ensemble.state, { timeout: 60_000 }).toBe('done');
    expect((await state(page)).ensemble.done).toBe(2000);
    expect(await retry.isHidden()).toBe(true);
    expect(await rangeOf(page)).toMatch(/^2018-\d\d-\d\d$/);
  });
});
