/**
 * Step 2a: leg geometry. Distances are src/sim's (the model measures the same way); the script adds
 * only what the model never needs: great-circle interpolation to densify a leg's line.
 */
import { greatCircleKm, polylineKm, type LonLat } from '../../../src/sim/geo';
import { round } from './source';

export { greatCircleKm, polylineKm };

/** Densify so that consecutive vertices are at most this far apart (the data check's limit is 30 km). */
export const MAX_SEGMENT_KM = 25;

/** The point a share `t` of the way from `a` to `b` along the great circle. */
export function slerp(a: LonLat, b: LonLat, t: number): [number, number] {
  const toVec = ([lon, lat]: LonLat) => {
    const la = (lat * Math.PI) / 180;
    const lo = (lon * Math.PI) / 180;
    return [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)] as const;
  };
  const va = toVec(a);
  const vb = toVec(b);
  const dot = Math.min(1, Math.max(-1, va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]));
  const omega = Math.acos(dot);
  if (omega < 1e-12) return [a[0], a[1]];
  const sa = Math.sin((1 - t) * omega) / Math.sin(omega);
  const sb = Math.sin(t * omega) / Math.sin(omega);
  const v = [sa * va[0] + sb * vb[0], sa * va[1] + sb * vb[1], sa * va[2] + sb * vb[2]];
  const lat = (Math.atan2(v[2]!, Math.hypot(v[0]!, v[1]!)) * 180) / Math.PI;
  const lon = (Math.atan2(v[1]!, v[0]!) * 180) / Math.PI;
  return [lon, lat];
}

/** The line through `points` with vertices added (rounded to 5 decimals) so none are over MAX_SEGMENT_KM apart. */
export function densify(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const n = Math.max(1, Math.ceil(greatCircleKm(a, b) / MAX_SEGMENT_KM));
    for (let k = 1; k < n; k++) {
      const p = slerp(a, b, k / n);
      out.push([round(p[0], 5), round(p[1], 5)]);
    }
    out.push(b);
  }
  return out;
}

/** The point `targetKm` along a line (its last point beyond its end). */
export function pointAlong(coords: readonly [number, number][], targetKm: number): LonLat {
  let acc = 0;
  for (let i = 1; i < coords.length; i++) {
    const d = greatCircleKm(coords[i - 1]!, coords[i]!);
    if (acc + d >= targetKm && d > 0) return slerp(coords[i - 1]!, coords[i]!, (targetKm - acc) / d);
    acc += d;
  }
  return coords[coords.length - 1]!;
}
