/**
 * Planners' work: compare scenarios, share the view by URL, keep scenarios in the browser, move
 * them in and out as files, export tables, routes and pictures — and bad links and files cost nothing.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openOfflinePage, useAppPage } from './browser';

interface Snapshot {
  date: string;
  presetId: string | null;
  walkKmPerDay: number;
}
const snapshot = (page: Page) => page.evaluate(() => window.__caravan!.state() as unknown) as Promise<Snapshot>;
const toastText = (page: Page) => page.getByTestId('toasts').textContent();
const clockDate = (page: Page) => page.getByTestId('clock-date').textContent();

/** Types a walking speed into the panel and waits until the scenario on screen has it. */
async function setWalkSpeed(page: Page, kmPerDay: number): Promise<void> {
  await page.getByTestId('speed-walk').fill(String(kmPerDay));
  await expect.poll(async () => (await snapshot(page)).walkKmPerDay).toBe(kmPerDay);
}

/** Saves the scenario on screen under a name and waits until the list shows it. */
async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByTestId('save-name').fill(name);
  await page.getByTestId('save-scenario').click();
  await expect.poll(() => page.getByTestId('saved-list').textContent()).toContain(name);
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), body: await readFile((await file.path())) };
}

describe('scenarios planners compare, share, keep and export', () => {
  const session = useAppPage();

  it('compares two scenarios: pin one, change the other, read the difference in days', async () => {
    await session.page.getByTestId('pin-scenario').click();
    await session.page.getByTestId('speed-walk').fill('70');
    const diff = session.page.locator('[data-testid="comparison-table"] tr[data-crossing="san-ysidro"] td[data-scenario="1"] [data-field="diff"]');
    await expect.poll(() => diff.textContent()).toMatch(/^\+\d+ d$/);
    expect(await session.page.locator('.comparison-chart circle').count()).toBeGreaterThanOrEqual(2);
  });

  it('shares the view by URL: a new page opened on it shows the same scenario, pins and date', async () => {
    await session.page.getByTestId('pin-scenario').click();
    await expect.poll(() => session.page.locator('.pinned-list li').count()).toBe(1);
    await setWalkSpeed(session.page, 70);
    await session.page.locator('body').click({ position: { x: 5, y: 5 } });
    await session.page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => clockDate(session.page)).toBe('2018-10-29');
    await session.page.getByTestId('share-link').click();
    await expect.poll(() => session.page.evaluate(() => location.hash)).toMatch(/^#s=/);
    const url = await session.page.evaluate(() => location.href);
    const before = await snapshot(session.page);
    const other = await openOfflinePage(session.browser, url);
    await expect.poll(async () => (await snapshot(other.page)).walkKmPerDay).toBe(70);
    expect((await snapshot(other.page)).date).toBe(before.date);
    expect(await other.page.locator('.pinned-list li').count()).toBe(1);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  it('refuses a damaged link with a message and opens the default view untouched', async () => {
    const broken = await openOfflinePage(session.browser, `${inject('baseUrl')}#s=N4IgdghgtgpiBcIBKA${'x'.repeat(20)}`);
    await expect.poll(() => broken.page.getByTestId('toasts').textContent()).toMatch(/This link cannot be opened: .+\. Nothing was changed\./);
    const state = await snapshot(broken.page);
    expect(state.presetId).toBe('historical-2018');
    expect(state.walkKmPerDay).toBe(40);
    await broken.context.close();
  });

  it('keeps a scenario by name in the browser: saved, the page reloaded, found again — markup stays text', async () => {
    await setWalkSpeed(session.page, 70);
    await saveAs(session.page, 'Fast walkers <img src=x onerror="window.__pwned=1">');
    await session.page.locator('#field-preset').selectOption('walk-only');
    await expect.poll(async () => (await snapshot(session.page)).presetId).toBe('walk-only');
    await session.page.reload();
    await session.page.waitForFunction(() => window.__caravan?.ready === true);
    await expect.poll(() => session.page.getByTestId('saved-list').textContent()).toContain('Fast walkers <img src=x onerror="window.__pwned=1">');
    expect(await session.page.locator('[data-testid="saved-list"] img').count()).toBe(0);
    expect(await session.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await session.page.locator('[data-testid="saved-list"] .saved-name').first().click();
    await expect.poll(async () => (await snapshot(session.page)).walkKmPerDay).toBe(70);
  });

  it('deletes a saved scenario and brings it back with Undo', async () => {
    await saveAs(session.page, 'Kept for a moment');
    await session.page.locator('[data-testid="saved-list"] li').first().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => session.page.locator('[data-testid="saved-list"] li').count()).toBe(0);
    await session.page.getByTestId('toasts').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => session.page.locator('[data-testid="saved-list"] li').count()).toBe(1);
  });

  it('exports the scenario as a JSON file and imports it back', async () => {
    await setWalkSpeed(session.page, 70);
    const file = await download(session.page, () => session.page.getByTestId('export-scenario').click());
    const json = JSON.parse(file.body.toString('utf8')) as { format: string; scenario: { modes: { walk: { kmPerDay: number } } } };
    expect(json.format).toBe('caravan-simulator/scenario');
    expect(json.scenario.modes.walk.kmPerDay).toBe(70);
    await session.page.locator('#field-preset').selectOption('walk-only');
    await expect.poll(async () => (await snapshot(session.page)).presetId).toBe('walk-only');
    await session.page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.body });
    await expect.poll(async () => (await snapshot(session.page)).walkKmPerDay).toBe(70);
  });

  it('refuses a file that is not a scenario, naming the problem, and keeps the scenario', async () => {
    const scenarioOf = (s: Snapshot) => ({ presetId: s.presetId, walkKmPerDay: s.walkKmPerDay, date: s.date });
    const before = scenarioOf(await snapshot(session.page));
    await session.page.getByTestId('import-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, not json') });
    await expect.poll(() => toastText(session.page)).toMatch(/notes\.txt.*(not JSON|JSON)/i);
    await session.page.getByTestId('import-file').setInputFiles({ name: 'map.geojson', mimeType: 'application/json', buffer: Buffer.from('{"type":"FeatureCollection","features":[]}') });
    await expect.poll(() => toastText(session.page)).toMatch(/map\.geojson/);
    expect(scenarioOf(await snapshot(session.page))).toEqual(before);
  });

  it('downloads the arrival table as CSV, the routes as GeoJSON and the map as PNG', async () => {
    const csv = await download(session.page, async () => {
      await session.page.locator('.export-menu summary').click();
      await session.page.getByTestId('export-csv').click();
    });
    const lines = csv.body.toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^crossing,name,sector,group,routeKm,date/);
    expect(lines.some((l) => l.startsWith('san-ysidro,San Ysidro,San Diego,'))).toBe(true);

    const geojson = await download(session.page, async () => {
      await session.page.locator('.export-menu summary').click();
      await session.page.getByTestId('export-geojson').click();
    });
    const collection = JSON.parse(geojson.body.toString('utf8')) as GeoJSON.FeatureCollection;
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.some((f) => f.geometry.type === 'LineString')).toBe(true);
    expect(collection.features.filter((f) => f.geometry.type === 'Point').length).toBeGreaterThan(20);

    const png = await download(session.page, async () => {
      await session.page.locator('.export-menu summary').click();
      await session.page.getByTestId('export-png').click();
    });
    expect(png.body.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.body.readUInt32BE(16)).toBeGreaterThan(800); // width
    const print = await download(session.page, async () => {
      await session.page.locator('.export-menu summary').click();
      await session.page.getByTestId('export-png-print').click();
    });
    expect(print.body.readUInt32BE(16)).toBe(2 * png.body.readUInt32BE(16));
  });
});
