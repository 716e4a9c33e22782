/**
 * One row per crossing: route km, when the lead and main groups get there, the troops in its sector
 * then, and the readiness margin. Shared by the app's arrival table and the CLI.
 */
import type { EnsembleResult } from './ensemble';
import { pointAtKm } from './route';
import type { Arrival, Trajectory } from './run-scenario';
import { addDays, daysBetween } from './time';
import { readinessMarginDays, sectorInPositionDate, troopsAt } from './troops';
import type { World } from './world';

export interface GroupArrival {
  group: string;
  date: string | null;
  tHours: number | null;
  p10: string | null;
  p50: string | null;
  p90: string | null;
  isDestination: boolean;
  /** Runs arriving per local day, when an ensemble ran. */
  histogram: { startDay: number; counts: number[] } | null;
}

export interface ArrivalRow {
  crossing: string;
  name: string;
  sector: string;
  usState: string;
  routeKm: number;
  /** The first group to arrive (the lead group when there is one). */
  lead: GroupArrival | null;
  main: GroupArrival | null;
  byGroup: GroupArrival[];
  /** Troops in the crossing's sector on the lead group's arrival date. */
  troopsAtArrival: number | null;
  troopsInPosition: string | null;
  troopsForce: 'active-duty' | 'national-guard' | null;
  /** Lead arrival (P10 when an ensemble ran) − troops-in-position date; positive: troops first. */
  marginDays: number | null;
  /** Share of ensemble runs in which the caravan is there before the troops (null without an ensemble). */
  caravanFirstChance: number | null;
}

function groupArrival(arrival: Arrival, ensemble: EnsembleResult | null): GroupArrival {
  const spread = ensemble?.arrivals.find((e) => e.crossing === arrival.crossing && e.group === arrival.group);
  return {
    group: arrival.group,
    date: arrival.date,
    tHours: arrival.tHours,
    p10: spread ? spread.p10Date : null,
    p50: spread ? spread.p50Date : arrival.date,
    p90: spread ? spread.p90Date : null,
    isDestination: arrival.isDestination,
    histogram: spread?.histogram ?? null,
  };
}

export function arrivalRows(trajectory: Trajectory, world: World, ensemble: EnsembleResult | null = null): ArrivalRow[] {
  const shift = trajectory.scenario.troops.shiftDays;
  const rows: ArrivalRow[] = [];
  for (const crossing of world.crossings) {
    const arrivals = trajectory.arrivals.filter((a) => a.crossing === crossing.id);
    if (arrivals.length === 0) continue;
    const byGroup = arrivals.map((a) => groupArrival(a, ensemble));
    const reached = byGroup.filter((g) => g.tHours !== null).sort((a, b) => a.tHours! - b.tHours!);
    const lead = byGroup.find((g) => g.group === 'lead' && g.tHours !== null) ?? reached[0] ?? null;
    const main = byGroup.find((g) => g.group === 'main') ?? null;
    const ready = sectorInPositionDate(world.deployments, crossing.sector, shift);
    const leadDate = lead ? (lead.p10 ?? lead.date) : null;
    rows.push({
      crossing: crossing.id,
      name: crossing.name,
      sector: crossing.sector,
      usState: crossing.usState,
      routeKm: (arrivals.find((a) => a.group === 'main') ?? arrivals[0]!).routeKm,
      lead,
      main,
      byGroup,
      troopsAtArrival:
        leadDate === null ? null : Math.round(troopsAt(world.deployments, trajectory.startDate, daysBetween(trajectory.startDate, leadDate) + 0.5, { sector: crossing.sector }, shift)),
      troopsInPosition: ready?.date ?? null,
      troopsForce: ready?.force ?? null,
      marginDays: leadDate !== null && ready ? readinessMarginDays(leadDate, ready.date) : null,
      caravanFirstChance: ensemble?.caravanFirstChance.find((c) => c.crossing === crossing.id)?.chance ?? null,
    });
  }
  return rows.sort((a, b) => a.routeKm - b.routeKm || a.crossing.localeCompare(b.crossing));
}

/** Every group's overnight position for every local day it exists (the CLI's `positions`). */
export interface OvernightPosition {
  date: string;
  group: string;
  lat: number;
  lon: number;
  /** Road km from the group's route start. */
  km: number;
  /** Town slept in, or null at the roadside. */
  node: string | null;
  headcount: number;
  activity: string;
}

export function overnightPositions(trajectory: Trajectory): OvernightPosition[] {
  const positions: OvernightPosition[] = [];
  for (const group of trajectory.groups) {
    for (const record of group.days) {
      const [lon, lat] = pointAtKm(group.route, record.endKm);
      positions.push({
        date: addDays(trajectory.startDate, record.day),
        group: group.id,
        lat: Math.round(lat * 1e5) / 1e5,
        lon: Math.round(lon * 1e5) / 1e5,
        km: Math.round(record.endKm * 10) / 10,
        node: record.overnightNode,
        headcount: record.headcount,
        activity: record.activity,
      });
    }
  }
  return positions;
}
