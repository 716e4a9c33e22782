/**
 * Reports: dated sightings of a caravan (date, a town or a point, headcount, group, source). The
 * forecast places each on its course as km from the start; a point (lat/lon) wins over a town. A
 * headcount of 0 says the caravan has ended (dissolved, declared over).
 */
import type { LonLat } from '../geo';
import type { Route } from '../route';
import { daysBetween } from '../time';

export const REPORT_GROUPS = ['main', 'lead', 'rear'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface Report {
  date: string;
  /** The network town reported, when the report names one (and gives no point). */
  nodeId?: string;
  /** Where it was seen; for a town, the town's coordinates. */
  lonLat: LonLat;
  /** People counted, null when not reported; 0: the caravan has ended. */
  headcount: number | null;
  group: ReportGroup;
  source: string;
}

/** A report on a course: its day (0 = start date) and its km from the course's start. */
export interface PlacedReport {
  day: number;
  group: ReportGroup;
  km: number;
  /** How far the sighting lies from the course's road, km. */
  offRouteKm: number;
  headcount: number | null;
  ended: boolean;
  date: string;
}

/** Reports known on `asOf`: those dated that day or earlier (a forecast never reads a later one). */
export function reportsAsOf<T extends { date: string }>(reports: readonly T[], asOf: string): T[] {
  return reports.filter((r) => r.date <= asOf);
}

const KM_PER_DEGREE_LAT = 110.57;

/**
 * The km along a route nearest to a point, and how far off the road the point is (a local flat
 * projection per segment: errors well under a km at these scales).
 * @example projectOntoRoute(route, [-92.89, 15.44]) // { km: 105.2, offKm: 0.4 } for Mapastepec from Tapachula
 */
export function projectOntoRoute(route: Pick<Route, 'vertices' | 'vertexKm'>, point: LonLat): { km: number; offKm: number } {
  const kx = 111.32 * Math.cos((point[1] * Math.PI) / 180);
  let best = { km: 0, offKm: Infinity };
  const { vertices, vertexKm } = route;
  if (vertices.length === 1) {
    const v = vertices[0]!;
    return { km: 0, offKm: Math.hypot((v[0] - point[0]) * kx, (v[1] - point[1]) * KM_PER_DEGREE_LAT) };
  }
  for (let i = 1; i < vertices.length; i++) {
    const a = vertices[i - 1]!;
    const b = vertices[i]!;
    const ax = (a[0] - point[0]) * kx;
    const ay = (a[1] - point[1]) * KM_PER_DEGREE_LAT;
    const bx = (b[0] - point[0]) * kx;
    const by = (b[1] - point[1]) * KM_PER_DEGREE_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const f = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
    const off = Math.hypot(ax + f * dx, ay + f * dy);
    if (off < best.offKm) best = { km: vertexKm[i - 1]! + f * (vertexKm[i]! - vertexKm[i - 1]!), offKm: off };
  }
  return best;
}

/** Places reports on a course route, in date order (a stable sort keeps same-day reports in file order). */
export function placeReports(route: Pick<Route, 'vertices' | 'vertexKm'>, startDate: string, reports: readonly Report[]): PlacedReport[] {
  return reports
    .map((r) => {
      const { km, offKm } = projectOntoRoute(route, r.lonLat);
      return {
        day: daysBetween(startDate, r.date),
        group: r.group,
        km,
        offRouteKm: offKm,
        headcount: r.headcount === 0 ? null : r.headcount,
        ended: r.headcount === 0,
        date: r.date,
      };
    })
    .sort((a, b) => a.day - b.day);
}
