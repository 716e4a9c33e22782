/** Time-dependent point features: troop deployments at an instant, observed 2018 nights up to a date. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { deploymentHeadcount } from '../sim/troops';
import { addDays, daysBetween } from '../sim/time';
import type { DeploymentInfo, ObservationInfo } from '../sim/world';
import type { RoadNetwork } from '../sim/network';

export type DeploymentStatus = 'announced' | 'arriving' | 'in-position';

export function deploymentStatus(d: DeploymentInfo, date: string, shiftDays: number): DeploymentStatus | null {
  const shifted = (iso: string) => addDays(iso, shiftDays);
  if (date < shifted(d.announced) || (d.end !== null && date >= shifted(d.end))) return null;
  if (date < shifted(d.arriving)) return 'announced';
  if (date < shifted(d.inPosition)) return 'arriving';
  return 'in-position';
}

/** Deployments known at the instant, sized by headcount(t). Bases shared by several records are nudged apart. */
export function deploymentFeatures(deployments: readonly DeploymentInfo[], startDate: string, tHours: number, shiftDays: number): FeatureCollection<Point> {
  const date = addDays(startDate, Math.floor(tHours / 24));
  const seen = new Map<string, number>();
  const features: Feature<Point>[] = [];
  for (const d of deployments) {
    const status = deploymentStatus(d, date, shiftDays);
    if (status === null) continue;
    const key = `${d.base.lat.toFixed(2)},${d.base.lon.toFixed(2)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const angle = n * 2.4;
    const offset = n === 0 ? 0 : 0.12 * Math.sqrt(n);
    features.push({
      type: 'Feature',
      properties: { id: d.id, status, force: d.force, headcount: Math.round(deploymentHeadcount(d, startDate, tHours / 24, shiftDays)) },
      geometry: { type: 'Point', coordinates: [d.base.lon + offset * Math.cos(angle), d.base.lat + offset * Math.sin(angle)] },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function observedFeatures(observations: readonly ObservationInfo[], network: RoadNetwork, startDate: string, uptoDate: string): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const o of observations) {
    const node = network.nodes.get(o.place);
    if (!node || o.date > uptoDate) continue;
    features.push({ type: 'Feature', properties: { date: o.date, group: o.group, place: o.place, day: daysBetween(startDate, o.date) }, geometry: { type: 'Point', coordinates: [node.lon, node.lat] } });
  }
  return { type: 'FeatureCollection', features };
}
