/**
 * Everything that depends on the clock — each group's travelled route, head-to-tail extent and
 * marker, the troops sized by headcount(t), the observed nights so far — is drawn on a 2D canvas over
 * the map. The WebGL map then repaints only when the camera or the scenario changes, never because
 * the clock moved (on software GL one repaint costs ~50 ms; this canvas ~1 ms).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GroupPosition } from '../sim/sample';
import type { PositionBand } from '../sim/ensemble';
import type { Trajectory } from '../sim/run-scenario';
import { routeSlice } from './map-layers';
import { groupColor, pinnedColors } from './palette';
import type { ObservedMarker, TroopMarker } from './time-markers';

export interface MovingView {
  /** Markers and lines drawn this much larger (presentation mode on a projector). */
  scale?: number;
  /** Pinned scenarios' groups, drawn faint on the same clock. */
  ghosts?: readonly { trajectory: Trajectory; positions: readonly GroupPosition[] }[];
  /** Likely positions (P10–P90 km along each group's route) from the ensemble, when one ran. */
  bands: readonly PositionBand[] | null;
  tHours: number;
  trajectory: Trajectory;
  positions: readonly GroupPosition[];
  /** Deployments at the instant (those with a null status are not drawn). */
  troops: readonly TroopMarker[];
  /** Observed nights; those up to the current local day are drawn. */
  observed: readonly ObservedMarker[];
}

/** People walking in a column stretch over about 1.5 km per thousand; riding, over several. */
export function extentKm(position: GroupPosition): number {
  const onFoot = position.activity === 'walk' || position.activity === 'waiting' || position.activity === 'rest' || position.activity === 'stay';
  return Math.max(1, (position.headcount / 1000) * (onFoot ? 1.5 : 8));
}

/** Marker radius in CSS pixels: grows with the square root of the headcount. */
export function markerRadius(headcount: number): number {
  return 5 + Math.min(8, Math.sqrt(headcount) / 12);
}

/** Troop circles: area proportional to headcount, never smaller than 3 px. */
export function deploymentRadius(headcount: number): number {
  return Math.max(3, 0.45 * Math.sqrt(headcount));
}

export interface MovingOverlay {
  canvas: HTMLCanvasElement;
  draw(view: MovingView): void;
  /** Draws again at another pixel density (a print-size picture), or back at the screen's with null. */
  setPixelRatio(ratio: number | null): void;
  /** What is drawn under a point (CSS pixels in the map): a group or a deployment, if any. */
  hitAt(x: number, y: number): { kind: 'group' | 'deployment'; id: string } | null;
  dispose(): void;
}

// Per trajectory, once: each group's colour index and track.
const lookupCache = new WeakMap<Trajectory, { index: Map<string, number>; tracks: Map<string, Trajectory['groups'][number]> }>();
function lookups(trajectory: Trajectory) {
  let found = lookupCache.get(trajectory);
  if (!found) lookupCache.set(trajectory, (found = { index: new Map(trajectory.groups.map((g, i) => [g.id, i])), tracks: new Map(trajectory.groups.map((g) => [g.id, g])) }));
  return found;
}

export function createMovingOverlay(map: MapLibreMap): MovingOverlay {
  const canvas = document.createElement('canvas');
  canvas.className = 'moving-overlay';
  canvas.setAttribute('aria-hidden', 'true');
  map.getCanvasContainer().append(canvas);
  const ctx = canvas.getContext('2d')!;
  let last: MovingView | null = null;
  let ratioOverride: number | null = null;
  const pixelRatio = () => ratioOverride ?? (window.devicePixelRatio || 1);
  let markers: { kind: 'group' | 'deployment'; id: string; x: number; y: number; r: number }[] = [];

  // The canvas follows the map's size on the map's own 'resize' events (and a change of pixel
  // ratio): reading the size in every frame would force a layout after the frame's text writes.
  let sizedForRatio = 0;
  const resize = () => {
    const source = map.getCanvas();
    const ratio = pixelRatio();
    sizedForRatio = ratio;
    canvas.style.width = `${source.clientWidth}px`;
    canvas.style.height = `${source.clientHeight}px`;
    canvas.width = Math.round(source.clientWidth * ratio);
    canvas.height = Math.round(source.clientHeight * ratio);
  };

  const line = (coords: readonly [number, number][]) => {
    ctx.beginPath();
    coords.forEach((c, i) => {
      const p = map.project(c);
      if (i === 0) ctx.moveTo(p.x, p.y);
      else ctx.lineTo(p.x, p.y);
    });
    ctx.stroke();
  };

  const draw = (view: MovingView) => {
    last = view;
    const ratio = pixelRatio();
    if (ratio !== sizedForRatio) resize();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const { index, tracks } = lookups(view.trajectory);
    // Draw the biggest group last so it stays on top where routes overlap.
    const order = [...view.positions].sort((a, b) => a.headcount - b.headcount);
    for (const band of view.bands ?? []) {
      const track = tracks.get(band.group);
      const i = Math.round(view.tHours / band.stepHours);
      const low = band.p10Km[i];
      const high = band.p90Km[i];
      if (!track || low === undefined || high === undefined || Number.isNaN(low) || high - low < 1) continue;
      ctx.strokeStyle = groupColor(band.group, index.get(band.group)!);
      ctx.globalAlpha = 0.25;
      ctx.lineWidth = 10;
      line(routeSlice(track.route, low, high));
    }
    for (const p of order) {
      const track = tracks.get(p.group)!;
      ctx.strokeStyle = groupColor(p.group, index.get(p.group)!);
      ctx.globalAlpha = 1;
      ctx.lineWidth = 4.5 * (view.scale ?? 1);
      if (p.km > 0) line(routeSlice(track.route, 0, p.km));
      ctx.globalAlpha = 0.5;
      ctx.lineWidth = 12;
      line(routeSlice(track.route, p.km - extentKm(p), p.km));
    }
    ctx.globalAlpha = 1;
    markers = [];
    (view.ghosts ?? []).forEach((ghost, g) => {
      for (const p of ghost.positions) {
        const at = map.project([p.lon, p.lat]);
        ctx.beginPath();
        ctx.arc(at.x, at.y, (markerRadius(p.headcount) - 1) * (view.scale ?? 1), 0, Math.PI * 2);
        ctx.globalAlpha = 0.45;
        ctx.fillStyle = pinnedColors[g % pinnedColors.length]!;
        ctx.fill();
        ctx.globalAlpha = 1;
        ctx.setLineDash([2, 2]);
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = '#24292f';
        ctx.stroke();
        ctx.setLineDash([]);
      }
    });
    const today = Math.floor(view.tHours / 24);
    for (const o of view.observed) {
      if (o.day > today) continue;
      const at = map.project([o.lon, o.lat]);
      ctx.beginPath();
      ctx.arc(at.x, at.y, 4, 0, Math.PI * 2);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#24292f';
      ctx.stroke();
    }
    for (const { status, headcount, id, lon, lat } of view.troops) {
      if (status === null) continue;
      const at = map.project([lon, lat]);
      const r = deploymentRadius(headcount);
      ctx.beginPath();
      ctx.arc(at.x, at.y, r, 0, Math.PI * 2);
      ctx.globalAlpha = status === 'announced' ? 0.25 : 0.7;
      ctx.fillStyle = status === 'in-position' ? '#3d4a1f' : status === 'arriving' ? '#9c7a1d' : '#ffffff';
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#3d4a1f';
      if (status === 'announced') ctx.setLineDash([3, 2]);
      ctx.stroke();
      ctx.setLineDash([]);
      markers.push({ kind: 'deployment', id, x: at.x, y: at.y, r });
    }
    for (const p of order) {
      const at = map.project([p.lon, p.lat]);
      const r = markerRadius(p.headcount) * (view.scale ?? 1);
      ctx.beginPath();
      ctx.arc(at.x, at.y, r, 0, Math.PI * 2);
      ctx.fillStyle = groupColor(p.group, index.get(p.group)!);
      ctx.fill();
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      markers.push({ kind: 'group', id: p.group, x: at.x, y: at.y, r });
    }
  };

  const redraw = () => {
    if (last) draw(last);
  };
  const onResize = () => {
    resize();
    redraw();
  };
  map.on('move', redraw);
  map.on('resize', onResize);
  resize();

  return {
    canvas,
    draw,
    setPixelRatio(ratio) {
      ratioOverride = ratio;
      resize();
      redraw();
    },
    hitAt(x, y) {
      for (let i = markers.length - 1; i >= 0; i--) {
        const m = markers[i]!;
        if ((m.x - x) ** 2 + (m.y - y) ** 2 <= (m.r + 3) ** 2) return { kind: m.kind, id: m.id };
      }
      return null;
    },
    dispose() {
      map.off('move', redraw);
      map.off('resize', onResize);
      canvas.remove();
    },
  };
}
