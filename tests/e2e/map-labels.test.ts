import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPage } from './browser';

type Labels = { layer: string; text: string; x0: number; y0: number; x1: number; y1: number }[];
const labels = (page: Page) => page.evaluate(() => window.__caravan!.labels!()) as Promise<Labels>;
const groups = (page: Page) => page.evaluate(() => (window.__caravan!.state() as { groups: { id: string; lon: number; lat: number }[] }).groups);

/** Waits until the map has placed labels of every kind (the font arrives after the first frame). */
async function placedLabels(page: Page): Promise<Labels> {
  await expect.poll(async () => new Set((await labels(page)).map((l) => l.layer)).size).toBe(4);
  return labels(page);
}

describe('map labels', () => {
  const session = useAppPage();

  it('writes towns, crossings with their arrival date, groups with headcount and states, none over another', async () => {
    const { page } = session;
    const placed = await placedLabels(page);
    const texts = (layer: string) => placed.filter((l) => l.layer === layer).map((l) => l.text);
    expect(texts('town-labels')).toEqual(expect.arrayContaining(['Mexico City', 'Guadalajara', 'Hermosillo']));
    expect(texts('crossing-labels')).toContain('San Ysidro · 14 Nov');
    expect(texts('state-labels')).toEqual(expect.arrayContaining(['Sonora', 'Guerrero']));
    expect(texts('group-labels').join('|')).toMatch(/Lead 794/);
    expect(placed.length).toBeGreaterThan(40);
    const overlapping = placed.flatMap((a, i) => placed.slice(i + 1).filter((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).map((b) => `${a.text} × ${b.text}`));
    expect(overlapping).toEqual([]);
    // No label is page layout any more: the only HTML on the map is controls and popups.
    expect(await page.locator('[data-testid="map"] .maplibregl-marker').count()).toBe(0);
  });

  it('lists Lead, Main and Rear sharing Tapachula in one label beside their marker', async () => {
    const { page } = session;
    const placed = await placedLabels(page);
    const stack = placed.find((l) => l.layer === 'group-labels')!;
    expect(stack.text).toMatch(/^Lead 794\nMain 4,960\nRear 1,190$/);
    const main = (await groups(page)).find((g) => g.id === 'main')!;
    const at = await page.evaluate(([lon, lat]) => window.__caravan!.project!(lon!, lat!), [main.lon, main.lat]);
    // Beside the marker (radius ≤ 13 px), on any side, and not over it.
    const gapX = Math.max(stack.x0 - at.x, at.x - stack.x1, 0);
    const gapY = Math.max(stack.y0 - at.y, at.y - stack.y1, 0);
    expect(Math.max(gapX, gapY)).toBeGreaterThan(4);
    expect(Math.max(gapX, gapY)).toBeLessThan(30);
  });

  it('moves a group’s label with the clock', async () => {
    const { page } = session;
    await placedLabels(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    // A week on, the groups have left Tapachula: each label follows its group.
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('clock-date').textContent()).toBe('2018-10-29');
    await expect
      .poll(async () => {
        const lead = (await groups(page)).find((g) => g.id === 'lead')!;
        const at = await page.evaluate(([lon, lat]) => window.__caravan!.project!(lon!, lat!), [lead.lon, lead.lat]);
        const label = (await labels(page)).find((l) => l.layer === 'group-labels' && l.text.startsWith('Lead'));
        if (!label) return 'no label';
        const gap = Math.max(label.x0 - at.x, at.x - label.x1, label.y0 - at.y, at.y - label.y1, 0);
        return gap < 30 ? 'beside' : `${gap} px away`;
      })
      .toBe('beside');
  });
});
