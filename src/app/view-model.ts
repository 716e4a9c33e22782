/**
 * The view model: what the panels, the map and the charts show, worked out from the model's results
 * and a sample of the clock — pure functions of their arguments (no DOM, no store), unit-tested.
 */
import type { BandPoint, ChartData } from '../charts/series-charts';
import type { NewsEvent } from '../data/schemas';
import type { TimelineEvent, TimelineLabels } from '../charts/timeline';
import { marginColors } from '../map/palette';
import type { ArrivalRow } from '../sim/arrival-table';
import type { EnsembleResult } from '../sim/ensemble';
import { nearestPlaceOnRoute } from '../sim/route';
import type { GroupTrack } from '../sim/run-scenario';
import { sampleAt, type GroupPosition } from '../sim/sample';
import type { CrossingInfo, DeploymentInfo } from '../sim/world';
import { marginClass } from '../ui/arrival-table';
import type { GroupStatus } from '../ui/group-status';
import type { Text } from '../ui/i18n';
import type { ModelResult } from './model-cache';

/** A popup's title and its lines. */
export type PopupText = [title: string, lines: string[]];

/** A group's name in the interface's language. */
export const groupName = (track: Pick<GroupTrack, 'name' | 'nameEs'>, { localized }: Text): string => localized(track.name, track.nameEs);

/**
 * Each sampled group with its name, the place on its route nearest to it (at it within 1 km) and
 * its road km to the nearest crossing.
 */
export function groupStatuses(result: ModelResult, positions: readonly GroupPosition[], tHours: number, text: Text): GroupStatus[] {
  const { groups } = result.trajectory;
  return positions.map((p) => {
    const index = groups.findIndex((g) => g.id === p.group);
    const track = groups[index]!;
    const place = nearestPlaceOnRoute(track.route, p.km);
    return { ...p, name: groupName(track, text), index, placeName: place.node.name, atPlace: place.atPlace, nearestCrossingKm: result.nearestCrossingKm(p.group, tHours) };
  });
}

/** The groups' statuses at model hour `tHours`: a sample of the run, then groupStatuses. */
export function statusesAt(result: ModelResult, tHours: number, text: Text): GroupStatus[] {
  return groupStatuses(result, sampleAt(result.trajectory, tHours), tHours, text);
}

/** What a screen reader hears when the clock settles: "Main group at Mexico City; …". */
export function positionAnnouncement(statuses: readonly GroupStatus[], { t }: Text): string {
  return statuses.map((g) => t('positionAnnouncement', { group: g.name, where: t(g.atPlace ? 'atPlace' : 'nearPlace', { place: g.placeName }) })).join('; ');
}

/**
 * The ensemble's position bands as bands of road km to the nearest crossing, for the distance
 * chart; undefined without an ensemble. Farther along the route is nearer a crossing, almost
 * always: the P90 km gives the low edge.
 */
export function distanceBands(result: ModelResult, ensemble: EnsembleResult | null): { group: string; points: BandPoint[] }[] | undefined {
  return ensemble?.bands.map((band) => ({
    group: band.group,
    points: Array.from(band.p10Km, (p10, i): BandPoint | null => {
      const p90 = band.p90Km[i]!;
      if (Number.isNaN(p10) || Number.isNaN(p90)) return null;
      const a = result.nearestCrossingKmAtKm(band.group, p10) ?? 0;
      const b = result.nearestCrossingKmAtKm(band.group, p90) ?? 0;
      return { tHours: i * band.stepHours, low: Math.min(a, b), high: Math.max(a, b) };
    }).filter((p): p is BandPoint => p !== null && p.tHours <= result.trajectory.spanHours),
  }));
}

/** The timeline's charts and events for a result, and its labels in the interface's language. */
export function timelineView(
  result: ModelResult,
  ensemble: EnsembleResult | null,
  events: readonly NewsEvent[],
  text: Text,
): { data: ChartData & { spanHours: number; events: TimelineEvent[] }; labels: TimelineLabels } {
  const { t, localized, dateTime, shortDate } = text;
  const bands = distanceBands(result, ensemble);
  return {
    data: {
      startDate: result.trajectory.startDate,
      spanHours: result.timelineSpanHours,
      distanceSeries: result.distanceSeries,
      ...(bands ? { distanceBands: bands } : {}),
      troopSeries: result.troopSeries,
      events: events.map((e) => ({ id: e.id, date: e.date, kind: e.kind, title: localized(e.title, e.titleEs), text: localized(e.text, e.textEs) })),
    },
    labels: {
      distance: t('chartDistance'),
      troops: t('chartTroops'),
      slider: t('timelineSlider'),
      valueText: (tHours) => dateTime(result.trajectory.startDate, tHours),
      formatEventDate: shortDate,
      formatTick: (date, withMonth) => (withMonth ? shortDate(date.toISOString().slice(0, 10)) : String(date.getUTCDate())),
    },
  };
}

/** A crossing's colour on the map: who is there first. */
export function marginColor(row: ArrivalRow): string {
  const cls = marginClass(row);
  return cls === 'troops-first' ? marginColors.troopsFirst : cls === 'caravan-first' ? marginColors.caravanFirst : marginColors.unknown;
}

/** A crossing's popup: state and sector, route km, each group's arrival, the readiness margin. */
export function crossingPopup(crossing: CrossingInfo, row: ArrivalRow | undefined, { t, number, date }: Text): PopupText {
  const lines = [`${crossing.usState} · ${t('sector')}: ${crossing.sector}`];
  if (row) {
    lines.push(`${t('colRouteKm')}: ${number(row.routeKm)}`);
    for (const g of row.byGroup) lines.push(`${g.group}: ${g.date ? date(g.date) : t('notReached')}`);
    if (row.marginDays !== null) lines.push(`${t('colMargin')}: ${row.marginDays} (${t(row.marginDays >= 0 ? 'troopsFirst' : 'caravanFirst')})`);
  }
  return [crossing.name, lines];
}

/** A deployment's popup: force, state, sectors, count and base, in-position date, tasks. */
export function deploymentPopup(d: DeploymentInfo, { t, number, date }: Text): PopupText {
  return [
    d.unit,
    [`${t(d.force === 'active-duty' ? 'activeDuty' : 'nationalGuard')} · ${d.usState} · ${d.sectors.join(', ')}`, `${number(d.count)} · ${d.base.name}`, `${t('inPosition')}: ${date(d.inPosition)}`, d.tasks.join(', ')],
  ];
}

/** A group's popup: its headcount and where it is. */
export function groupPopup(id: string, status: GroupStatus | undefined, { t, number }: Text): PopupText {
  return [status?.name ?? id, status ? [number(status.headcount), t(status.atPlace ? 'atPlace' : 'nearPlace', { place: status.placeName })] : []];
}
