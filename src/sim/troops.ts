/**
 * Troops as intervals: a deployment's headcount ramps linearly from 0 on its arriving date to its full
 * count on its in-position date, holds until its end date, then drops to 0. Any instant can be asked
 * directly, with no replay. `shiftDays` moves every date of every deployment (what-if timing).
 */
import { addDays, daysBetween } from './time';
import type { DeploymentInfo } from './world';

/** Headcount of one deployment on fractional day `day` since `startDate` (day 1.5 = noon of the second day). */
export function deploymentHeadcount(deployment: DeploymentInfo, startDate: string, day: number, shiftDays = 0): number {
  const arriving = daysBetween(startDate, deployment.arriving) + shiftDays;
  const inPosition = daysBetween(startDate, deployment.inPosition) + shiftDays;
  const end = deployment.end === null ? Infinity : daysBetween(startDate, deployment.end) + shiftDays;
  if (day < arriving || day >= end) return 0;
  if (day >= inPosition) return deployment.count;
  return deployment.count * ((day - arriving) / Math.max(inPosition - arriving, 1e-9));
}

/** Where a deployment stands: announced (not yet arriving), arriving (ramping up), in position. */
export type DeploymentStatus = 'announced' | 'arriving' | 'in-position';

/**
 * A deployment's status on local day `day` since `startDate` (day 0 is the start date): null
 * before it was announced and from its end date on. Every date moves by `shiftDays`.
 *
 * @example
 * // Engineers announced 10-25, arriving 10-27, in position 10-31, ending 12-15; start 10-25:
 * deploymentStatus(engineers, '2018-10-25', 3) // → 'arriving' (10-28)
 * deploymentStatus(engineers, '2018-10-25', 3, 2) // → 'announced' (arriving moved to 10-29)
 */
export function deploymentStatus(deployment: DeploymentInfo, startDate: string, day: number, shiftDays = 0): DeploymentStatus | null {
  const on = (iso: string) => daysBetween(startDate, iso) + shiftDays;
  if (day < on(deployment.announced) || (deployment.end !== null && day >= on(deployment.end))) return null;
  if (day < on(deployment.arriving)) return 'announced';
  if (day < on(deployment.inPosition)) return 'arriving';
  return 'in-position';
}

/** The share of a deployment counted in a sector: split evenly across the sectors it covers. */
function sectorShare(deployment: DeploymentInfo, sector: string): number {
  return deployment.sectors.includes(sector) ? 1 / deployment.sectors.length : 0;
}

export interface TroopFilter {
  force?: DeploymentInfo['force'];
  sector?: string;
  usState?: string;
}

/** Troops in place on fractional day `day` since `startDate`, optionally for one force, sector or state. */
export function troopsAt(deployments: readonly DeploymentInfo[], startDate: string, day: number, filter: TroopFilter = {}, shiftDays = 0): number {
  let total = 0;
  for (const d of deployments) {
    if (filter.force !== undefined && d.force !== filter.force) continue;
    if (filter.usState !== undefined && d.usState !== filter.usState) continue;
    const share = filter.sector === undefined ? 1 : sectorShare(d, filter.sector);
    if (share > 0) total += share * deploymentHeadcount(d, startDate, day, shiftDays);
  }
  return total;
}

/**
 * The date troops are in position in a sector: the earliest in-position date of the active-duty
 * deployments sent there (the forces ordered for the caravan), else of the National Guard; null when
 * none covers the sector.
 */
export function sectorInPositionDate(deployments: readonly DeploymentInfo[], sector: string, shiftDays = 0): { date: string; force: DeploymentInfo['force'] } | null {
  for (const force of ['active-duty', 'national-guard'] as const) {
    const dates = deployments.filter((d) => d.force === force && d.sectors.includes(sector)).map((d) => d.inPosition);
    if (dates.length > 0) {
      const earliest = dates.sort()[0]!;
      return { date: addDays(earliest, shiftDays), force };
    }
  }
  return null;
}

/**
 * Readiness margin in days: caravan arrival date − troops-in-position date. Positive: the troops are
 * there first by that many days; negative: the caravan is first.
 * `readinessMarginDays('2018-11-14', '2018-11-03')` → 11.
 */
export function readinessMarginDays(arrivalDate: string, inPositionDate: string): number {
  return daysBetween(inPositionDate, arrivalDate);
}

/**
 * The dates the deployment records describe: from the first announced or ordered to the last end
 * (or in-position date, for a deployment with no end on record). Null without records. A scenario
 * starting outside it meets no troops in the data, whatever the model says of the caravan.
 *
 * @example deploymentRecordSpan(deployments) // → { first: '2018-04-04', last: '2019-09-30' } for data/deployments.json
 */
export function deploymentRecordSpan(deployments: readonly DeploymentInfo[]): { first: string; last: string } | null {
  if (deployments.length === 0) return null;
  const firsts = deployments.map((d) => (d.ordered !== null && d.ordered < d.announced ? d.ordered : d.announced));
  const lasts = deployments.map((d) => d.end ?? d.inPosition);
  return { first: firsts.sort()[0]!, last: lasts.sort().at(-1)! };
}
