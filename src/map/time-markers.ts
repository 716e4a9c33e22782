/**
 * Markers whose look depends on the clock: troop deployments (status and headcount at the instant)
 * and the observed 2018 nights (shown up to the current day). The markers are made once; a frame
 * only updates the deployments' status, headcount and place in place.
 */
import { daysBetween } from '../sim/time';
import { deploymentHeadcount, deploymentStatus, type DeploymentStatus } from '../sim/troops';
import type { DeploymentInfo, ObservationInfo } from '../sim/world';
import type { RoadNetwork } from '../sim/network';

export interface TroopMarker {
  readonly id: string;
  lon: number;
  lat: number;
  /** Null: not known at the instant (before its announcement, from its end on); such markers are not drawn. */
  status: DeploymentStatus | null;
  headcount: number;
}

export interface TroopMarkers {
  readonly markers: readonly TroopMarker[];
  /**
   * Sets every marker's status, headcount and place for model hour `tHours` of a run starting on
   * `startDate`, in place (a frame makes no new objects); unchanged arguments change nothing.
   */
  update(startDate: string, tHours: number, shiftDays: number): readonly TroopMarker[];
}

export function createTroopMarkers(deployments: readonly DeploymentInfo[]): TroopMarkers {
  const markers: TroopMarker[] = deployments.map((d) => ({ id: d.id, lon: d.base.lon, lat: d.base.lat, status: null, headcount: 0 }));
  const baseKeys = deployments.map((d) => `${d.base.lat.toFixed(2)},${d.base.lon.toFixed(2)}`);
  const shownAtBase = new Map<string, number>();
  let lastKey = '';
  return {
    markers,
    update(startDate, tHours, shiftDays) {
      const key = `${startDate}|${tHours}|${shiftDays}`;
      if (key === lastKey) return markers;
      lastKey = key;
      const day = Math.floor(tHours / 24);
      shownAtBase.clear();
      deployments.forEach((d, i) => {
        const marker = markers[i]!;
        marker.status = deploymentStatus(d, startDate, day, shiftDays);
        if (marker.status === null) return;
        marker.headcount = Math.round(deploymentHeadcount(d, startDate, tHours / 24, shiftDays));
        // Deployments shown at one base spiral out from it, so each stays visible and clickable.
        const n = shownAtBase.get(baseKeys[i]!) ?? 0;
        shownAtBase.set(baseKeys[i]!, n + 1);
        const angle = n * 2.4;
        const offset = n === 0 ? 0 : 0.12 * Math.sqrt(n);
        marker.lon = d.base.lon + offset * Math.cos(angle);
        marker.lat = d.base.lat + offset * Math.sin(angle);
      });
      return markers;
    },
  };
}

export interface ObservedMarker {
  readonly lon: number;
  readonly lat: number;
  /** Local day of the observation, counted from the run's start date. */
  readonly day: number;
}

/** The observed nights at their towns, with their day counted from `startDate` (made once per start date). */
export function observedMarkers(observations: readonly ObservationInfo[], network: RoadNetwork, startDate: string): ObservedMarker[] {
  return observations.flatMap((o) => {
    const node = network.nodes.get(o.place);
    return node ? [{ lon: node.lon, lat: node.lat, day: daysBetween(startDate, o.date) }] : [];
  });
}
