/**
 * Reports as a planner writes them: a CSV file with the header `date,place,lat,lon,headcount,group,source`,
 * one sighting per row. A row names a town of the network (id or name, any case or accents) or gives
 * lat/lon, which win over the name when both are there; headcount and group may be empty (group:
 * main, lead or rear; empty is main); a headcount of 0 says the caravan has ended. A bad row is
 * refused with its line and column.
 */
import { csvParseRows } from 'd3-dsv';
import { FieldError } from '../sim/field-error';
import { greatCircleKm } from '../sim/geo';
import type { RoadNetwork } from '../sim/network';
import { findNode, nearestNode } from '../sim/network';
import { REPORT_GROUPS, type Report, type ReportGroup } from '../sim/forecast/reports';
import { MAX_SCENARIO_DATE, MIN_SCENARIO_DATE } from '../sim/scenario-limits';
import { isIsoDate } from '../sim/time';

export const REPORTS_CSV_HEADER = ['date', 'place', 'lat', 'lon', 'headcount', 'group', 'source'] as const;
type Column = (typeof REPORTS_CSV_HEADER)[number];
/** Bounds on the work a file can cause: a caravan's reports are a few hundred rows. */
export const MAX_REPORTS_CSV_CHARS = 2_000_000;
export const MAX_REPORT_ROWS = 10_000;
/** A point farther than this from every town of the network is not on a route the model knows. */
export const MAX_KM_FROM_NETWORK = 100;

/** A bad row: `field` is "line N, column C". */
export class ReportsCsvError extends FieldError {
  constructor(
    readonly line: number,
    readonly column: string,
    reason: string,
  ) {
    super(`line ${line}, column ${column}`, reason);
  }
}

/** The line on which each record starts (a quoted field may span lines). */
function recordStartLines(text: string): number[] {
  const starts = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n') {
      line++;
      if (!quoted) starts.push(line);
    }
  }
  return starts;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A cell quoted for a message: short, on one line (a quoted cell may hold line breaks). */
function shown(cell: string, max: number): string {
  return JSON.stringify(cell.length > max ? `${cell.slice(0, max - 1)}…` : cell);
}

function parseNumber(text: string, line: number, column: Column, min: number, max: number): number {
  if (!NUMBER.test(text)) throw new ReportsCsvError(line, column, `expected a number, got ${shown(text, 40)}`);
  const value = Number(text);
  if (value < min || value > max) throw new ReportsCsvError(line, column, `must be between ${min} and ${max}, got ${text}`);
  return value;
}

/**
 * Parses a reports CSV. Throws ReportsCsvError naming the line and the column of the first problem.
 * @example parseReportsCsv('date,place,lat,lon,headcount,group,source\n2018-10-22,Huixtla,,,7000,,AP\n', network)
 * // [{ date: '2018-10-22', nodeId: 'huixtla', lonLat: [-92.46, 15.14], headcount: 7000, group: 'main', source: 'AP' }]
 */
export function parseReportsCsv(input: string, network: RoadNetwork): Report[] {
  if (input.length > MAX_REPORTS_CSV_CHARS) throw new ReportsCsvError(1, 'date', `the file is too large for a reports file (${Math.round(input.length / 1000)} kB; at most ${MAX_REPORTS_CSV_CHARS / 1000} kB)`);
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows = csvParseRows(text);
  const lines = recordStartLines(text);
  const header = rows[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  // A header cell names the column in a message only when it reads as a name (not empty, not a line break).
  const columnName = (cell: string | undefined, fallback: string) => (cell !== undefined && /^[\p{L}\p{N} _-]{1,40}$/u.test(cell) ? cell : fallback);
  REPORTS_CSV_HEADER.forEach((name, i) => {
    if (header[i] !== name) throw new ReportsCsvError(1, columnName(header[i], name), `expected the header ${REPORTS_CSV_HEADER.join(',')}`);
  });
  if (header.length > REPORTS_CSV_HEADER.length) throw new ReportsCsvError(1, columnName(header[REPORTS_CSV_HEADER.length], String(REPORTS_CSV_HEADER.length + 1)), `unexpected column; expected the header ${REPORTS_CSV_HEADER.join(',')}`);
  if (rows.length - 1 > MAX_REPORT_ROWS) throw new ReportsCsvError(lines[MAX_REPORT_ROWS + 1] ?? 1, 'date', `more than ${MAX_REPORT_ROWS} reports`);
  const reports: Report[] = [];
  for (let r = 1; r < rows.length; r++) {
    const line = lines[r] ?? r + 1;
    const cells = rows[r]!.map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    if (cells.length !== REPORTS_CSV_HEADER.length) {
      const column = cells.length < REPORTS_CSV_HEADER.length ? REPORTS_CSV_HEADER[cells.length]! : 'source';
      throw new ReportsCsvError(line, column, `expected ${REPORTS_CSV_HEADER.length} columns, got ${cells.length}`);
    }
    const [date, place, lat, lon, headcount, group, source] = cells as [string, string, string, string, string, string, string];
    if (!isIsoDate(date)) throw new ReportsCsvError(line, 'date', `expected a date as YYYY-MM-DD, got ${shown(date, 40)}`);
    if (date < MIN_SCENARIO_DATE || date > MAX_SCENARIO_DATE) throw new ReportsCsvError(line, 'date', `must be between ${MIN_SCENARIO_DATE} and ${MAX_SCENARIO_DATE}, the years the model's calendar covers`);
    let report: Report;
    const base = {
      date,
      headcount: headcount === '' ? null : parseNumber(headcount, line, 'headcount', 0, 1_000_000),
      group: (group === '' ? 'main' : group.toLowerCase()) as ReportGroup,
      source: source.slice(0, 500),
    };
    if (base.headcount !== null && !Number.isInteger(base.headcount)) throw new ReportsCsvError(line, 'headcount', `expected a whole number of people, got ${headcount}`);
    if (!REPORT_GROUPS.includes(base.group)) throw new ReportsCsvError(line, 'group', `expected main, lead or rear (or empty for main), got ${shown(group, 40)}`);
    if (lat !== '' || lon !== '') {
      if (lat === '') throw new ReportsCsvError(line, 'lat', 'missing: give both lat and lon, or neither');
      if (lon === '') throw new ReportsCsvError(line, 'lon', 'missing: give both lat and lon, or neither');
      const lonLat = [parseNumber(lon, line, 'lon', -180, 180), parseNumber(lat, line, 'lat', -90, 90)] as const;
      const nearest = nearestNode(network, lonLat);
      const km = greatCircleKm(lonLat, [nearest.lon, nearest.lat]);
      if (km > MAX_KM_FROM_NETWORK) throw new ReportsCsvError(line, 'lat', `the point is ${Math.round(km)} km from the nearest town of the road network (${nearest.name})`);
      report = { ...base, lonLat };
    } else {
      if (place === '') throw new ReportsCsvError(line, 'place', 'missing: give a place or lat/lon');
      const node = findNode(network, place);
      if (!node) throw new ReportsCsvError(line, 'place', `unknown place ${shown(place, 60)}`);
      report = { ...base, nodeId: node.id, lonLat: [node.lon, node.lat] };
    }
    reports.push(report);
  }
  return reports;
}
