/**
 * Validation against the observed 2018 track: for each observed night (date, group, place), how far
 * the simulation is from it, in days and in km. The observed track is never an input to a run.
 */
import { kmOfNode } from './route';
import type { GroupTrack, Trajectory } from './run-scenario';
import { daysBetween } from './time';
import type { ObservationInfo } from './world';

export interface MilestoneError {
  date: string;
  group: string;
  place: string;
  /** The simulated group compared (the observed group's namesake, else the main group). */
  simulatedGroup: string;
  /** Simulated day at that place − observed day (positive: the simulation is late). */
  errorDays: number | null;
  /** Simulated overnight km on the observed date − the place's km on the route (positive: ahead). */
  errorKm: number | null;
  status: 'compared' | 'before-start' | 'not-on-route' | 'not-reached';
}

export interface ValidationSummary {
  milestones: MilestoneError[];
  compared: number;
  meanAbsErrorDays: number | null;
  meanAbsErrorKm: number | null;
  worst: MilestoneError | null;
}

function trackFor(trajectory: Trajectory, group: string): GroupTrack | undefined {
  return trajectory.groups.find((g) => g.id === group) ?? trajectory.groups.find((g) => g.id === 'main') ?? trajectory.groups[0];
}

/** Simulated day nearest to `observedDay` on which the group slept at, or passed through, the place. */
function simulatedDayAt(track: GroupTrack, place: string, placeKm: number, observedDay: number): number | null {
  // Once arrived, a group stays at its destination: every later day counts as a night there.
  const destination = track.route.nodes[track.route.nodes.length - 1]?.id;
  if (place === destination && track.endedBy === 'arrived' && track.arrivalHours !== null) {
    const arrivalDay = Math.floor(track.arrivalHours / 24);
    if (observedDay >= arrivalDay) return observedDay;
  }
  let nearest: number | null = null;
  for (const record of track.days) {
    const sleptThere = record.overnightNode === place;
    const passedThrough = record.startKm < placeKm && record.endKm > placeKm;
    if (!sleptThere && !passedThrough) continue;
    if (nearest === null || Math.abs(record.day - observedDay) < Math.abs(nearest - observedDay)) nearest = record.day;
  }
  // A group that starts at the place is there on its first day even before any record says so.
  if (nearest === null && track.route.nodes[0]?.id === place && track.days[0]) nearest = track.days[0].day;
  return nearest;
}

function overnightKm(track: GroupTrack, day: number): number {
  const first = track.days[0];
  if (!first || day < first.day) return first?.startKm ?? 0;
  return (track.days[day - first.day] ?? track.days[track.days.length - 1]!).endKm;
}

/**
 * The per-observation work that does not change from run to run of one plan (which group, where on
 * its route, which day), done once; each probe then reads one run's simulated day.
 */
export function milestoneProbes(trajectory: Trajectory, observations: readonly ObservationInfo[]): (((run: Trajectory) => number | null) | null)[] {
  return observations.map((obs) => {
    const track = trackFor(trajectory, obs.group);
    const observedDay = daysBetween(trajectory.startDate, obs.date);
    if (!track || observedDay < 0) return null;
    const placeKm = kmOfNode(track.route, obs.place);
    if (placeKm === undefined) return null;
    const groupId = track.id;
    return (run) => {
      const runTrack = run.groups.find((g) => g.id === groupId);
      return runTrack ? simulatedDayAt(runTrack, obs.place, placeKm, observedDay) : null;
    };
  });
}

export function validateTrajectory(trajectory: Trajectory, observations: readonly ObservationInfo[]): ValidationSummary {
  const milestones: MilestoneError[] = observations.map((obs) => {
    const track = trackFor(trajectory, obs.group);
    const base = { date: obs.date, group: obs.group, place: obs.place, simulatedGroup: track?.id ?? '', errorDays: null, errorKm: null };
    const observedDay = daysBetween(trajectory.startDate, obs.date);
    if (!track) return { ...base, status: 'not-on-route' as const };
    if (observedDay < 0) return { ...base, status: 'before-start' as const };
    const placeKm = kmOfNode(track.route, obs.place);
    if (placeKm === undefined) return { ...base, status: 'not-on-route' as const };
    const day = simulatedDayAt(track, obs.place, placeKm, observedDay);
    if (day === null) return { ...base, status: 'not-reached' as const };
    return { ...base, errorDays: day - observedDay, errorKm: Math.round(overnightKm(track, observedDay) - placeKm), status: 'compared' as const };
  });
  const compared = milestones.filter((m) => m.status === 'compared');
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
  const worst = compared.reduce<MilestoneError | null>((w, m) => (w === null || Math.abs(m.errorDays!) > Math.abs(w.errorDays!) ? m : w), null);
  return {
    milestones,
    compared: compared.length,
    meanAbsErrorDays: mean(compared.map((m) => Math.abs(m.errorDays!))),
    meanAbsErrorKm: mean(compared.map((m) => Math.abs(m.errorKm!))),
    worst,
  };
}
