/**
 * A past caravan the model is calibrated and backtested on (data/caravans/): how it started, the
 * policy it met, where it was heading, how it ended, and its dated sightings.
 */
import type { LonLat } from '../geo';
import type { Report, ReportGroup } from './reports';
import type { PolicyId } from './forecast';

export interface PastObservation {
  date: string;
  group: ReportGroup;
  /** The town as reported. */
  town: string;
  /** A network town, when the observation names one. */
  nodeId?: string;
  lonLat: LonLat;
  headcount: number | null;
}

export interface PastCaravan {
  id: string;
  name: string;
  policy: PolicyId;
  start: { nodeId: string; date: string; headcount: number };
  /** The crossing it was heading for. */
  destination: string;
  end: { date: string; reason: 'dissolved' | 'declared-over' } | null;
  observations: readonly PastObservation[];
}

/**
 * The caravan's sightings as reports (from its start date on), with its end as a report of
 * headcount 0 at the last place it was seen.
 */
export function caravanReports(caravan: PastCaravan): Report[] {
  const reports: Report[] = caravan.observations
    .filter((o) => o.date >= caravan.start.date)
    .map((o) => ({ date: o.date, ...(o.nodeId !== undefined ? { nodeId: o.nodeId } : {}), lonLat: o.lonLat, headcount: o.headcount, group: o.group, source: `${caravan.id} ${o.town}` }));
  if (caravan.end) {
    const last = [...caravan.observations].reverse().find((o) => o.group === 'main' && o.date <= caravan.end!.date);
    if (last) reports.push({ date: caravan.end.date, lonLat: last.lonLat, headcount: 0, group: 'main', source: `${caravan.id} ${caravan.end.reason}` });
  }
  return reports.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
