/**
 * Exports carry what the screen shows: the PNG pictures (screen and print size) and the WebM video
 * hold the map's labels, the key, the attribution and the date caption.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { darkPixelsIn, download, useAppPage, type PixelBox } from './browser';

type Labels = { layer: string; text: string; x0: number; y0: number; x1: number; y1: number }[];

/** The box of a town's label once the map has placed it (CSS px of the map = PNG px at ratio 1). */
async function townLabel(page: Page, name: string): Promise<PixelBox> {
  await expect.poll(async () => ((await page.evaluate(() => window.__caravan!.labels!())) as Labels).some((l) => l.text === name)).toBe(true);
  const labels = (await page.evaluate(() => window.__caravan!.labels!())) as Labels;
  return labels.find((l) => l.text === name)!;
}

/** A box at another pixel density (the print-size picture). */
const scale = (box: PixelBox, k: number): PixelBox => ({ x0: box.x0 * k, y0: box.y0 * k, x1: box.x1 * k, y1: box.y1 * k });

async function exportPicture(page: Page, testid: string) {
  return download(page, async () => {
    await page.locator('.export-menu summary').click();
    await page.getByTestId(testid).click();
  });
}

describe('exports', () => {
  const session = useAppPage();

  it('writes the town labels, the key, the attribution and the date into the PNG, at screen and print size', async () => {
    const { page } = session;
    const mexicoCity = await townLabel(page, 'Mexico City');
    const map = (await page.getByTestId('map').boundingBox())!;
    const png = await exportPicture(page, 'export-png');
    const width = png.body.readUInt32BE(16);
    expect(width).toBe(Math.round(map.width));
    const key: PixelBox = { x0: width - 280, y0: 10, x1: width - 10, y1: 160 };
    const attribution: PixelBox = { x0: width - 300, y0: map.height - 18, x1: width, y1: map.height };
    const caption: PixelBox = { x0: 0, y0: map.height, x1: 400, y1: map.height + 28 };
    const [label, keyText, credit, date] = await darkPixelsIn(page, png.body, 'image/png', [mexicoCity, key, attribution, caption]);
    expect(label, 'text pixels of the Mexico City label').toBeGreaterThan(20);
    expect(keyText, 'text pixels of the key').toBeGreaterThan(20);
    expect(credit, 'text pixels of the attribution').toBeGreaterThan(20);
    expect(date, 'text pixels of the date caption').toBeGreaterThan(20);

    const print = await exportPicture(page, 'export-png-print');
    expect(print.body.readUInt32BE(16)).toBe(2 * width);
    const [printLabel] = await darkPixelsIn(page, print.body, 'image/png', [scale(mexicoCity, 2)]);
    // Twice the size each way: about four times the text pixels.
    expect(printLabel).toBeGreaterThan(2 * label!);
  });

  it('puts the town labels, the key and the date caption into every frame of the video', async () => {
    const { page } = session;
    const mexicoCity = await townLabel(page, 'Mexico City');
    const tHours = async () => (await page.evaluate(() => window.__caravan!.state() as { tHours: number })).tHours;
    const video = await download(page, async () => {
      await page.getByTestId('record-video').click();
      await expect.poll(tHours).toBeGreaterThan(72);
      await page.getByTestId('record-video').click();
    });
    expect(video.body.readUInt32BE(0)).toBe(0x1a45dfa3);
    const map = (await page.getByTestId('map').boundingBox())!;
    const width = Math.floor(map.width / 2) * 2;
    const key: PixelBox = { x0: width - 280, y0: 10, x1: width - 10, y1: 160 };
    const attribution: PixelBox = { x0: width - 300, y0: map.height - 18, x1: width, y1: map.height };
    const [label, keyText, credit] = await darkPixelsIn(page, video.body, 'video/webm', [mexicoCity, key, attribution], 360, 0.5);
    expect(label, 'text pixels of the Mexico City label').toBeGreaterThan(10);
    expect(keyText, 'text pixels of the key').toBeGreaterThan(10);
    expect(credit, 'text pixels of the attribution').toBeGreaterThan(10);
  });

  it('exports routes and daily positions as KML with times for Google Earth’s slider, the same nights as the GeoJSON', async () => {
    const { page } = session;
    const kml = await exportPicture(page, 'export-kml');
    expect(kml.name).toMatch(/^historical-2018-2018-10-22\.kml$/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      const folder = (name: string) => [...doc.getElementsByTagName('Folder')].find((f) => f.getElementsByTagName('name')[0]?.textContent === name)!;
      const placemarks = (name: string) => [...folder(name).getElementsByTagName('Placemark')];
      const read = (p: Element, tag: string) => p.getElementsByTagName(tag)[0]?.textContent ?? null;
      return {
        namespace: doc.documentElement.namespaceURI,
        routes: placemarks('Routes').map((p) => ({ name: read(p, 'name'), begin: read(p, 'begin'), end: read(p, 'end') })),
        days: placemarks('Daily positions').map((p) => ({ name: read(p, 'name')!, begin: read(p, 'begin')!, end: read(p, 'end')!, at: read(p, 'coordinates')! })),
        arrivals: placemarks('Arrivals').map((p) => ({ name: read(p, 'name'), when: read(p, 'when') })),
      };
    }, kml.body.toString('utf8'));
    expect(parsed).not.toBeNull();
    const { namespace, routes, days, arrivals } = parsed!;
    expect(namespace).toBe('http://www.opengis.net/kml/2.2');
    expect(routes.map((r) => r.name)).toEqual(expect.arrayContaining(['Lead', 'Main', 'Rear']));
    // Tapachula, Monday 22 October 2018 at midnight, Mexico City summer time (UTC−5).
    expect(routes.filter((r) => ['Lead', 'Main', 'Rear'].includes(r.name!)).map((r) => r.begin)).toEqual(Array(3).fill('2018-10-22T05:00:00Z'));
    // Every night a local day long, 24 hours (25 on 28 October, when summer time ended), one after another.
    const lead = days.filter((d) => d.name.startsWith('Lead · '));
    expect(lead[0]).toMatchObject({ name: 'Lead · 2018-10-22', begin: '2018-10-22T05:00:00Z', end: '2018-10-23T05:00:00Z' });
    for (let i = 1; i < lead.length; i++) expect(lead[i]!.begin).toBe(lead[i - 1]!.end);
    const hours = lead.map((d) => (Date.parse(d.end) - Date.parse(d.begin)) / 3_600_000);
    expect(new Set(hours)).toEqual(new Set([24, 25]));
    expect(lead.find((d) => d.name === 'Lead · 2018-10-28')!.end).toBe('2018-10-29T06:00:00Z');
    // The arrival's instant falls within the group's route span.
    const leadArrival = arrivals.find((a) => a.name?.startsWith('Lead at '))!;
    expect(Date.parse(leadArrival.when!)).toBeLessThanOrEqual(Date.parse(routes[0]!.end!));

    const geojson = await exportPicture(page, 'export-geojson');
    const points = (JSON.parse(geojson.body.toString('utf8')) as GeoJSON.FeatureCollection).features.filter((f) => f.geometry.type === 'Point');
    expect(days).toHaveLength(points.length);
    const first = points[0]!.geometry as GeoJSON.Point;
    expect(days[0]!.at).toBe(first.coordinates.join(','));
  });
});
