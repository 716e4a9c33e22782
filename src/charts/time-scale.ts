/** Model hours ↔ calendar instants for the charts: route-local wall-clock time drawn on a UTC axis. */
import { scaleUtc, type ScaleTime } from 'd3';

export const HOUR_MS = 3_600_000;

export function startMs(startDate: string): number {
  return Date.parse(`${startDate}T00:00:00Z`);
}

export function timeScale(startDate: string, spanHours: number, range: [number, number]): ScaleTime<number, number> {
  const start = startMs(startDate);
  return scaleUtc().domain([new Date(start), new Date(start + spanHours * HOUR_MS)]).range(range);
}

export function hoursAt(startDate: string, date: Date): number {
  return (date.getTime() - startMs(startDate)) / HOUR_MS;
}

export function dateAt(startDate: string, tHours: number): Date {
  return new Date(startMs(startDate) + tHours * HOUR_MS);
}
