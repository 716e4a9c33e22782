/**
 * `sampleAt(trajectory, tHours)`: where every group is at any instant. It reads the day records
 * directly (no replay), so scrubbing backwards is as exact as forwards.
 */
import type { LonLat } from './geo';
import type { Activity } from './movement';
import { pointAtKm } from './route';
import type { GroupTrack, Trajectory } from './run-scenario';

export interface GroupPosition {
  group: string;
  /** Road km from the group's route start. */
  km: number;
  lon: number;
  lat: number;
  headcount: number;
  activity: Activity | 'arrived' | 'merged' | 'unfinished';
  moving: boolean;
  /** Km still to go to the group's destination. */
  kmToGo: number;
}

/** Km along its route of a group at model hour t, or undefined before the group exists. */
export function kmAt(track: GroupTrack, tHours: number): { km: number; record: GroupTrack['days'][number] | undefined; done: boolean } | undefined {
  if (tHours < track.startHours) return undefined;
  const first = track.days[0];
  if (!first) return { km: track.route.totalKm, record: undefined, done: true };
  const index = Math.floor(tHours / 24) - first.day;
  if (index < 0) return { km: first.startKm, record: first, done: false };
  const record = track.days[index];
  if (!record) {
    const last = track.days[track.days.length - 1]!;
    return { km: last.endKm, record: last, done: true };
  }
  const hour = tHours - record.day * 24;
  if (hour <= record.departHour || record.arriveHour <= record.departHour) return { km: record.startKm, record, done: false };
  if (hour >= record.arriveHour) return { km: record.endKm, record, done: false };
  const f = (hour - record.departHour) / (record.arriveHour - record.departHour);
  return { km: record.startKm + (record.endKm - record.startKm) * f, record, done: false };
}

export function sampleGroup(track: GroupTrack, tHours: number): GroupPosition | undefined {
  const at = kmAt(track, tHours);
  if (!at) return undefined;
  const point: LonLat = pointAtKm(track.route, at.km);
  const hour = at.record ? tHours - at.record.day * 24 : 0;
  const moving = !at.done && at.record !== undefined && at.record.endKm > at.record.startKm && hour > at.record.departHour && hour < at.record.arriveHour;
  const ended = at.done || (track.arrivalHours !== null && tHours >= track.arrivalHours);
  return {
    group: track.id,
    km: at.km,
    lon: point[0],
    lat: point[1],
    headcount: at.record?.headcount ?? track.startHeadcount,
    activity: ended ? (track.endedBy === 'merged' ? 'merged' : track.endedBy === 'arrived' ? 'arrived' : 'unfinished') : (at.record?.activity ?? 'waiting'),
    moving,
    kmToGo: track.route.totalKm - at.km,
  };
}

/** Positions of all groups that exist at model hour t (a merged group disappears once merged). */
export function sampleAt(trajectory: Trajectory, tHours: number): GroupPosition[] {
  const positions: GroupPosition[] = [];
  for (const track of trajectory.groups) {
    const position = sampleGroup(track, tHours);
    if (!position) continue;
    if (position.activity === 'merged' && track.arrivalHours !== null && tHours > track.arrivalHours) continue;
    positions.push(position);
  }
  return positions;
}
