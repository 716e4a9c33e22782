import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { useAppPage } from './browser';
import { basemapColors } from '../../src/map/palette';

const topology = JSON.parse(readFileSync(new URL('../../data/mexico-states.topo.json', import.meta.url), 'utf8')) as Topology<{ states: GeometryCollection<{ name: string }> }>;

/** Points along the line two states share, from the data file (every fourth vertex). */
function sharedBorder(a: string, b: string): [number, number][] {
  const ids = new Set(topology.objects.states.geometries.filter((g) => [a, b].includes((g.properties as { name: string }).name)).map((g) => g.id));
  const line = mesh(topology, topology.objects.states, (x, y) => x !== y && ids.has(x.id) && ids.has(y.id));
  return line.coordinates.flatMap((part) => part.filter((_, i) => i % 4 === 0)) as [number, number][];
}

describe('Mexican state borders', () => {
  const session = useAppPage();

  it('draws the Sonora–Chihuahua line: the map is darker than the land along it and not beside it', async () => {
    const { page } = session;
    const border = sharedBorder('Sonora', 'Chihuahua');
    expect(border.length).toBeGreaterThan(20);
    // The map has its final frame once idle; read its pixels (CSS px = device px here) in the page.
    const darkness = await page.evaluate(
      ({ points, land }) => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext('2d')!;
        ctx.drawImage(canvas, 0, 0);
        const ratio = canvas.width / canvas.clientWidth;
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(land.slice(i, i + 2), 16));
        const landSum = r! + g! + b!;
        // The darkest pixel within 1 px of a point, below the land's brightness (sum of channels).
        const darkestNear = (x: number, y: number) => {
          const { data } = ctx.getImageData(Math.round(x * ratio) - 1, Math.round(y * ratio) - 1, 3, 3);
          let best = 0;
          for (let i = 0; i < data.length; i += 4) best = Math.max(best, landSum - (data[i]! + data[i + 1]! + data[i + 2]!));
          return best;
        };
        const on: number[] = [];
        const beside: number[] = [];
        for (const [lon, lat] of points) {
          const p = window.__caravan!.project!(lon, lat);
          if (p.x < 12 || p.y < 12 || p.x > canvas.clientWidth - 12 || p.y > canvas.clientHeight - 12) continue;
          on.push(darkestNear(p.x, p.y));
          beside.push(darkestNear(p.x + 9, p.y + 9));
        }
        return { on, beside };
      },
      { points: border, land: basemapColors.focusLand },
    );
    expect(darkness.on.length).toBeGreaterThan(20);
    const share = (values: number[], min: number) => values.filter((v) => v >= min).length / values.length;
    // The line (#a39c8b on #fbfaf6, under 1 px wide) darkens the land by 60 or more where it runs…
    expect(share(darkness.on, 60)).toBeGreaterThan(0.8);
    // …and 9 px away the land is plain (a road or a river of the basemap may pass now and then).
    expect(share(darkness.beside, 60)).toBeLessThan(0.2);
  });
});
