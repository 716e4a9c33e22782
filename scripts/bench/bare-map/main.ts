/**
 * The benchmark's reference page (never shipped): maplibre with the app's basemap, at the size and
 * view given in the URL (`?w=&h=&lon=&lat=&zoom=`, read from the app in the same run), and one HTML
 * marker that `__bare.play()` moves every frame. `npm run bench` compares the app against it.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle } from '../../../src/map/basemap-style';

interface BareHooks {
  ready: boolean;
  readyAtMs?: number;
  play(): void;
  pause(): void;
}
declare global {
  interface Window {
    __bare?: BareHooks;
  }
}

const params = new URLSearchParams(location.search);
const number = (name: string, fallback: number) => Number(params.get(name) ?? fallback);
const container = document.getElementById('map')!;
container.style.width = `${number('w', 1000)}px`;
container.style.height = `${number('h', 700)}px`;

const hooks: BareHooks = { ready: false, play: () => {}, pause: () => {} };
window.__bare = hooks;

function start(): void {
  maplibregl.setWorkerUrl(workerUrl);
  const map = new maplibregl.Map({
    container,
    style: basemapStyle(),
    center: [number('lon', -104), number('lat', 24)],
    zoom: number('zoom', 4.5),
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.once('load', () =>
    map.once('idle', () => {
      hooks.readyAtMs = performance.now();
      hooks.ready = true;
    }),
  );
  // One marker walking from Mapastepec to Tijuana in 20 s, moved every frame while playing.
  const from: [number, number] = [-92.9, 15.43];
  const to: [number, number] = [-117.02, 32.53];
  const marker = new maplibregl.Marker().setLngLat(from).addTo(map);
  let frame: number | null = null;
  let startedAt: number | null = null;
  const step = (wallMs: number) => {
    startedAt ??= wallMs;
    const f = ((wallMs - startedAt) / 20_000) % 1;
    marker.setLngLat([from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f]);
    frame = requestAnimationFrame(step);
  };
  hooks.play = () => {
    if (frame === null) frame = requestAnimationFrame(step);
  };
  hooks.pause = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
  };
}

start();
