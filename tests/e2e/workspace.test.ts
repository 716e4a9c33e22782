/**
 * The map workspace as a person uses it: look at the map, play, drag the timeline, press keys,
 * edit the scenario and read the arrival table.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { framesPass, mapColourShare, useAppPage } from './browser';

interface AppSnapshot {
  date: string;
  tHours: number;
  playing: boolean;
  rate: number;
  groups: { id: string; km: number; place: string | null; nearestPlace: string }[];
}

const snapshot = (page: Page) => page.evaluate(() => window.__caravan!.state() as unknown) as Promise<AppSnapshot>;
const clockDate = (page: Page) => page.getByTestId('clock-date').textContent();
const sanYsidroDate = (page: Page) => page.locator('[data-testid="arrival-table"] tr[data-crossing="san-ysidro"] [data-field="p50"]').getAttribute('data-value');

/** Drags the scrub handle to noon-ish of a date, the way a person does with the mouse. */
async function dragHandleTo(page: Page, isoDateTime: string): Promise<void> {
  const track = page.getByTestId('timeline-track');
  const box = (await track.boundingBox())!;
  const start = Number(await track.getAttribute('data-start-ms'));
  const end = Number(await track.getAttribute('data-end-ms'));
  const targetX = box.x + ((Date.parse(isoDateTime) - start) / (end - start)) * box.width;
  const handle = (await page.getByTestId('scrub-handle').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move((handle.x + targetX) / 2, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.move(targetX, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.up();
}

describe('the map workspace', () => {
  const session = useAppPage();

  it('opens on 2018 as it happened with every hook in place', async () => {
    for (const id of ['map', 'timeline', 'clock-date', 'play-toggle', 'rate', 'scenario-panel', 'speed-walk', 'start-date', 'start-place', 'arrival-table', 'validation']) {
      await expect(session.page.getByTestId(id).count(), id).resolves.toBe(1);
    }
    await expect.poll(() => clockDate(session.page)).toBe('2018-10-22');
    expect(await session.page.locator('[data-testid="arrival-table"] tbody tr').count()).toBeGreaterThan(40);
    expect(await sanYsidroDate(session.page)).toMatch(/^2018-11-\d\d$/);
    await expect(session.page.getByTestId('validation').textContent()).resolves.toMatch(/Mean error 0\.\d\d days/);
  });

  it('draws land, the travelled route and the caravan on the map', async () => {
    await dragHandleTo(session.page, '2018-11-12T18:00:00Z');
    await expect.poll(() => clockDate(session.page)).toBe('2018-11-12');
    await expect.poll(() => mapColourShare(session.page, '#fbfaf6', 12)).toBeGreaterThan(0.2); // Mexico and the US
    await expect.poll(() => mapColourShare(session.page, '#0072b2', 30)).toBeGreaterThan(0.001); // main group: travelled route and marker
    await expect.poll(() => mapColourShare(session.page, '#d55e00', 30)).toBeGreaterThan(0.001); // lead group
  });

  it('puts the main group at Mexico City when the handle is dragged to 2018-11-05', async () => {
    await dragHandleTo(session.page, '2018-11-05T15:00:00Z');
    await expect.poll(() => clockDate(session.page)).toBe('2018-11-05');
    const main = (await snapshot(session.page)).groups.find((g) => g.id === 'main')!;
    expect(main.place).toBe('Mexico City');
    await expect.poll(() => session.page.locator('.group-status li[data-group="main"]').textContent()).toContain('at Mexico City');
  });

  it('plays: the date and the caravan move on, then pause holds them', async () => {
    const before = await snapshot(session.page);
    await session.page.getByTestId('rate').selectOption('5');
    await session.page.getByTestId('play-toggle').click();
    // Five days a second: wait until more than a day has gone by on the clock, then pause.
    await expect.poll(async () => (await snapshot(session.page)).tHours).toBeGreaterThan(before.tHours + 48);
    await session.page.getByTestId('play-toggle').click();
    await expect.poll(async () => (await snapshot(session.page)).playing).toBe(false);
    const after = await snapshot(session.page);
    await expect.poll(() => clockDate(session.page)).toBe(after.date);
    expect(after.date).not.toBe('2018-10-22');
    expect(after.groups.find((g) => g.id === 'main')!.km).toBeGreaterThan(before.groups.find((g) => g.id === 'main')!.km);
    // Paused, the clock stands still however many frames go by.
    await framesPass(session.page, 20);
    expect((await snapshot(session.page)).tHours).toBe(after.tHours);
  });

  it('moves by keys: → a day, shift+→ a week, ← back, Home and End, space to play', async () => {
    await session.page.locator('body').click({ position: { x: 5, y: 5 } });
    await session.page.keyboard.press('Home');
    await expect.poll(() => clockDate(session.page)).toBe('2018-10-22');
    await session.page.keyboard.press('ArrowRight');
    await expect.poll(() => clockDate(session.page)).toBe('2018-10-23');
    await session.page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => clockDate(session.page)).toBe('2018-10-30');
    await session.page.keyboard.press('ArrowLeft');
    await expect.poll(() => clockDate(session.page)).toBe('2018-10-29');
    await session.page.keyboard.press('End');
    // The last arrival (Tijuana, 11-21) and a week after it.
    await expect.poll(() => clockDate(session.page)).toBe('2018-11-28');
    // The axis spans the same days as the clock: at the end the handle sits at the track's end.
    const track = (await session.page.getByTestId('timeline-track').boundingBox())!;
    await expect.poll(async () => {
      const handle = (await session.page.getByTestId('scrub-handle').boundingBox())!;
      return Math.round(handle.x + handle.width / 2 - (track.x + track.width));
    }).toBe(0);
    await session.page.keyboard.press('Home');
    await session.page.keyboard.press('Space');
    await expect.poll(async () => (await snapshot(session.page)).playing).toBe(true);
    await session.page.keyboard.press('Space');
    await expect.poll(async () => (await snapshot(session.page)).playing).toBe(false);
  });

  it('shows an event’s text on hover and jumps to its date on click', async () => {
    const mark = session.page.locator('g.event[data-event="troop-orders-800"]');
    await mark.hover();
    await expect.poll(() => session.page.locator('.timeline-tooltip').textContent()).toContain('800');
    await mark.click();
    await expect.poll(() => clockDate(session.page)).toBe('2018-10-25');
  });

  it('moves the San Ysidro arrival earlier when walking is faster', async () => {
    const before = (await sanYsidroDate(session.page))!;
    await session.page.getByTestId('speed-walk').fill('70');
    await expect.poll(async () => ((await sanYsidroDate(session.page))! < before ? 'earlier' : `still ${await sanYsidroDate(session.page)}`)).toBe('earlier');
  });

  it('refuses a negative walking speed next to the field and keeps the last estimates', async () => {
    const before = await sanYsidroDate(session.page);
    await session.page.getByTestId('speed-walk').fill('-5');
    await expect.poll(() => session.page.locator('#field-walk-error').textContent()).toBe('must be a positive number of km per day');
    expect(await session.page.getByTestId('speed-walk').getAttribute('aria-invalid')).toBe('true');
    expect(await sanYsidroDate(session.page)).toBe(before);
    await session.page.getByTestId('speed-walk').fill('40');
    await expect.poll(() => session.page.locator('#field-walk-error').textContent()).toBe('');
  });

  it('refuses an unknown start place and keeps the scenario', async () => {
    await session.page.getByTestId('start-place').fill('Atlantis');
    await session.page.getByTestId('start-place').press('Enter');
    await expect.poll(() => session.page.locator('#field-startPlace-error').textContent()).toContain('Atlantis');
    await session.page.getByTestId('start-place').fill('Mapastepec');
    await session.page.getByTestId('start-place').press('Enter');
    await expect.poll(() => session.page.locator('#field-startPlace-error').textContent()).toBe('');
  });

  it('sorts the arrival table by a column', async () => {
    await session.page.getByRole('button', { name: /^Margin/ }).click();
    await expect.poll(() => session.page.locator('[data-testid="arrival-table"] th[aria-sort="ascending"]').textContent()).toMatch(/^Margin/);
    const margins = await session.page.locator('[data-testid="arrival-table"] tbody td[data-field="margin"][data-value]').evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.value)));
    expect(margins.length).toBeGreaterThan(20);
    expect(margins).toEqual([...margins].sort((a, b) => a - b));
  });
});

describe('details on the map', () => {
  const session = useAppPage();

  it('shows a crossing’s details when the pointer rests on it, and keeps them on click', async () => {
    const { page } = session;
    // Where San Ysidro is drawn: ask the map to project its coordinates.
    const point = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas')!;
      const box = canvas.getBoundingClientRect();
      return { x: box.left, y: box.top, width: box.width, height: box.height };
    });
    // Presidio stands alone on the map (San Ysidro shares its pixels with Otay Mesa and CBX at this zoom).
    const { crossings } = JSON.parse(await readFile(new URL('../../data/crossings.json', import.meta.url), 'utf8')) as { crossings: { id: string; lon: number; lat: number }[] };
    const presidio = crossings.find((c) => c.id === 'presidio')!;
    const at = await page.evaluate(({ lon, lat }) => window.__caravan!.project!(lon, lat), { lon: presidio.lon, lat: presidio.lat });
    await page.mouse.move(point.x + at.x, point.y + at.y);
    await expect.poll(() => page.locator('.maplibregl-popup').textContent()).toMatch(/Presidio.*Big Bend/s);
    await page.mouse.click(point.x + at.x, point.y + at.y);
    await expect.poll(() => page.locator('.maplibregl-popup').textContent()).toMatch(/Km: [\d,]+/);
    expect(await page.locator('.maplibregl-popup-close-button').count()).toBe(1);
  });
});
