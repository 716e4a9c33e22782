/**
 * One run of a forecast ensemble as a Trajectory (the type scenarios produce), so the app can show a
 * forecast like a scenario and scrub it with sampleAt: the run whose arrival at the destination is
 * the median one (or, when fewer than half arrive, whose final position is the median).
 */
import type { Activity, DayRecord } from '../movement';
import type { Route } from '../route';
import type { GroupTrack, Trajectory } from '../run-scenario';
import { parseScenario } from '../scenario';
import { addDays } from '../time';
import { ENDED, REGIME } from './engine';
import type { EnsembleHistory } from './filter';

const DEPART_HOUR = 5;
const LATEST_ARRIVAL_HOUR = 23.5;
const WALK_KM_PER_HOUR = 4;
const RIDE_KM_PER_HOUR = 55;
/** A run sleeps "in" a town when within this many km of it. */
const TOWN_KM = 5;

/** Index of the run to show: median arrival day at the end of the route, else median final km. */
export function representativeRun(history: EnsembleHistory, arrivalDays: readonly (number | null)[]): number {
  const arrived = arrivalDays.map((day, run) => ({ day, run })).filter((a): a is { day: number; run: number } => a.day !== null);
  if (arrived.length >= history.runs / 2 && arrived.length > 0) {
    arrived.sort((a, b) => a.day - b.day || a.run - b.run);
    return arrived[Math.floor((arrived.length - 1) / 2)]!.run;
  }
  const last = history.days - 1;
  const finals = Array.from({ length: history.runs }, (_, run) => ({ km: history.km[run * history.days + last]!, run })).sort((a, b) => a.km - b.km || a.run - b.run);
  return finals[Math.floor((finals.length - 1) / 2)]!.run;
}

function activityOf(regime: number, haltedYesterday: boolean, haltedTomorrow: boolean): Activity {
  if (regime === REGIME.walk) return 'walk';
  if (regime === REGIME.ride) return 'hitch';
  // The scenario model has no train mode: a freight-train day shows as a motorised day.
  if (regime === REGIME.bus || regime === REGIME.train) return 'bus';
  return haltedYesterday || haltedTomorrow ? 'stay' : 'rest';
}

function nearTown(route: Route, km: number): string | null {
  let best: string | null = null;
  let bestKm = TOWN_KM;
  route.nodes.forEach((node, i) => {
    const off = Math.abs(route.nodeKm[i]! - km);
    if (off <= bestKm) {
      bestKm = off;
      best = node.id;
    }
  });
  return best;
}

function dayRecords(history: EnsembleHistory, run: number, route: Route, startDate: string, kmOf: (day: number) => number, fromDay: number, untilDay: number, headcountOf: (day: number) => number): DayRecord[] {
  const records: DayRecord[] = [];
  const base = run * history.days;
  for (let day = fromDay; day <= untilDay; day++) {
    const regime = history.regime[base + day]!;
    const startKm = day === 0 ? 0 : kmOf(day - 1);
    const endKm = kmOf(day);
    const moved = Math.abs(endKm - startKm);
    const kmPerHour = regime === REGIME.walk ? WALK_KM_PER_HOUR : RIDE_KM_PER_HOUR;
    const halted = (d: number) => d >= 0 && d < history.days && history.regime[base + d] === REGIME.halted;
    records.push({
      day,
      date: addDays(startDate, day),
      activity: moved === 0 ? activityOf(REGIME.halted, halted(day - 1), halted(day + 1)) : activityOf(regime, false, false),
      startKm,
      endKm,
      departHour: DEPART_HOUR,
      arriveHour: moved === 0 ? DEPART_HOUR : Math.min(DEPART_HOUR + moved / kmPerHour, LATEST_ARRIVAL_HOUR),
      overnightNode: nearTown(route, endKm),
      headcount: Math.round(headcountOf(day)),
    });
  }
  return records;
}

/**
 * The chosen run as a Trajectory: a main group and, if one went ahead, a lead group.
 * @example sampleAt(forecastTrajectory(…), 48).find((p) => p.group === 'main')?.km
 */
export function forecastTrajectory(history: EnsembleHistory, run: number, route: Route, startDate: string, name: string): Trajectory {
  const base = run * history.days;
  let lastDay = history.days - 1;
  for (let day = 0; day < history.days; day++) {
    if (history.ended[base + day] !== ENDED.no) {
      lastDay = day;
      break;
    }
  }
  const mainEnded = history.ended[base + lastDay]!;
  // A dissolved caravan has no record for the day it dissolved.
  const mainUntil = mainEnded === ENDED.dissolved ? lastDay - 1 : lastDay;
  const mainDays = dayRecords(history, run, route, startDate, (d) => history.km[base + d]!, 0, Math.max(-1, mainUntil), (d) => history.headcount[base + d]!);
  const arrivedAt = (days: DayRecord[]) => {
    const last = days[days.length - 1];
    return last ? last.day * 24 + last.arriveHour : 0;
  };
  const startHeadcount = Math.round(history.headcount[base]!);
  const scenario = parseScenario({ id: 'forecast', name, start: { place: route.nodes[0]!.id, date: startDate }, destination: 'all', maxDays: Math.min(365, history.days), groups: [{ id: 'main', name: 'Main', headcount: startHeadcount }] });
  const groups: GroupTrack[] = [
    {
      id: 'main',
      name: 'Main',
      nameEs: 'Principal',
      parent: null,
      destination: route.nodes[route.nodes.length - 1]!.id,
      route,
      days: mainDays,
      startHours: 0,
      startHeadcount,
      arrivalHours: mainEnded === ENDED.arrived ? arrivedAt(mainDays) : null,
      endedBy: mainEnded === ENDED.arrived ? 'arrived' : 'unfinished',
    },
  ];
  let formed = -1;
  for (let day = 0; day < history.days; day++) {
    if (!Number.isNaN(history.vanKm[base + day]!)) {
      formed = day;
      break;
    }
  }
  if (formed >= 0 && formed + 1 < history.days) {
    let until = history.days - 1;
    for (let day = formed; day < history.days; day++) {
      if (history.vanKm[base + day]! >= route.totalKm) {
        until = day;
        break;
      }
    }
    const leadDays = dayRecords(history, run, route, startDate, (d) => (d < formed ? history.km[base + d]! : history.vanKm[base + d]!), formed + 1, until, (d) => history.vanHeadcount[base + d]!);
    const arrived = history.vanKm[base + until]! >= route.totalKm;
    groups.push({
      id: 'lead',
      name: 'Lead',
      nameEs: 'Vanguardia',
      parent: 'main',
      destination: groups[0]!.destination,
      route,
      days: leadDays,
      startHours: formed * 24 + 18,
      startHeadcount: Math.round(history.vanHeadcount[base + formed]!),
      arrivalHours: arrived ? arrivedAt(leadDays) : null,
      endedBy: arrived ? 'arrived' : 'unfinished',
    });
  }
  const lastRecordDay = Math.max(0, ...groups.map((g) => g.days[g.days.length - 1]?.day ?? 0));
  return { scenario, startDate, groups, arrivals: [], spanHours: (lastRecordDay + 1) * 24 - 1 / 60 };
}
