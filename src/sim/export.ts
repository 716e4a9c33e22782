/**
 * Exports for planners: arrival tables as CSV (one scenario, or several side by side) and a run's
 * routes and overnight positions as GeoJSON. Pure text builders; the app turns them into downloads.
 *
 * CSV follows RFC 4180 (CRLF line ends, fields with commas, quotes or line breaks quoted, quotes
 * doubled). Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) get a leading apostrophe; numbers we compute are written as they are, so a
 * negative margin stays a number.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { overnightPositions, type ArrivalRow, type GroupArrival } from './arrival-table';
import type { Trajectory } from './run-scenario';

/** A cell: text (guarded and quoted as needed), a number, or empty. */
type Cell = string | number | null;

export interface CsvOptions {
  /** Only the groups that really head for each crossing (default false: every estimate). */
  destinationsOnly?: boolean;
  /** RFC 4180 uses CRLF; '\n' for tools that prefer it. */
  lineBreak?: '\r\n' | '\n';
}

export const ARRIVAL_COLUMNS = ['crossing', 'name', 'sector', 'group', 'routeKm', 'date', 'p10', 'p50', 'p90', 'troopsInPosition', 'marginDays'] as const;

/**
 * One CSV row per crossing and group.
 *
 * @example
 * // One group walking 30 km a day from 2018-10-25 on the test network (tests/fixtures/tiny-world):
 * arrivalsCsv(arrivalRows(trajectory, world))
 * // crossing,name,sector,group,routeKm,date,p10,p50,p90,troopsInPosition,marginDays
 * // west-port,West Port,West,main,100,2018-10-27,,2018-10-27,,2018-04-20,190
 * // east-port,East Port,East,main,120,2018-10-28,,2018-10-28,,2018-10-31,-3
 * // (120 km in four walking days, 25–28 October; troops in place on the 31st: 3 days late.)
 */
export function arrivalsCsv(rows: readonly ArrivalRow[], options: CsvOptions = {}): string {
  const lines: Cell[][] = [[...ARRIVAL_COLUMNS]];
  for (const row of rows) {
    for (const group of row.byGroup) {
      if (options.destinationsOnly && !group.isDestination) continue;
      lines.push([row.crossing, row.name, row.sector, group.group, roundKm(row.routeKm), group.date, group.p10, group.p50, group.p90, row.troopsInPosition, row.marginDays]);
    }
  }
  return toCsv(lines, options);
}

export interface ScenarioArrivals {
  scenarioName: string;
  rows: readonly ArrivalRow[];
}

/** The columns each scenario contributes to comparisonCsv, about the first group to arrive. */
export const COMPARISON_COLUMNS = ['routeKm', 'leadGroup', 'leadDate', 'p10', 'p50', 'p90', 'troopsInPosition', 'marginDays'] as const;

/**
 * Several scenarios side by side: one row per crossing (in the first scenario's order, then any
 * crossing only later scenarios reach), and for each scenario the columns of COMPARISON_COLUMNS,
 * headed "<scenario name>: <column>". Repeated scenario names get " (2)", " (3)"…
 *
 * @example
 * comparisonCsv([{ scenarioName: 'Walk only', rows: a }, { scenarioName: 'Buses', rows: b }])
 * // crossing,name,sector,Walk only: routeKm,…,Walk only: marginDays,Buses: routeKm,…
 */
export function comparisonCsv(scenarios: readonly ScenarioArrivals[], options: Omit<CsvOptions, 'destinationsOnly'> = {}): string {
  const crossings = new Map<string, ArrivalRow>();
  for (const { rows } of scenarios) for (const row of rows) if (!crossings.has(row.crossing)) crossings.set(row.crossing, row);
  const header: Cell[] = ['crossing', 'name', 'sector'];
  for (const name of uniqueNames(scenarios.map((s) => s.scenarioName))) header.push(...COMPARISON_COLUMNS.map((column) => `${name}: ${column}`));
  const lines: Cell[][] = [header];
  for (const [id, first] of crossings) {
    const line: Cell[] = [id, first.name, first.sector];
    for (const { rows } of scenarios) {
      const row = rows.find((r) => r.crossing === id);
      line.push(...(row ? comparisonCells(row) : COMPARISON_COLUMNS.map(() => null)));
    }
    lines.push(line);
  }
  return toCsv(lines, options);
}

function comparisonCells(row: ArrivalRow): Cell[] {
  const lead: GroupArrival | null = row.lead;
  return [roundKm(row.routeKm), lead?.group ?? null, lead?.date ?? null, lead?.p10 ?? null, lead?.p50 ?? null, lead?.p90 ?? null, row.troopsInPosition, row.marginDays];
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** Text a spreadsheet would run as a formula; see OWASP "CSV injection". */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field, RFC 4180 quoted, formula-guarded if it is text. */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(lines: readonly (readonly Cell[])[], options: Pick<CsvOptions, 'lineBreak'>): string {
  const lineBreak = options.lineBreak ?? '\r\n';
  return lines.map((line) => line.map(csvCell).join(',')).join(lineBreak) + lineBreak;
}

function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

export interface RouteProperties {
  group: string;
  destination: string;
  routeKm: number;
}

export interface OvernightProperties {
  date: string;
  group: string;
  km: number;
  node: string | null;
  headcount: number;
}

export type TrajectoryFeature = Feature<LineString, RouteProperties> | Feature<Point, OvernightProperties>;

/**
 * A run as GeoJSON (RFC 7946, [lon, lat], 5 decimals ≈ 1 m): each group's route as a LineString,
 * then every overnight position as a Point, in the order of overnightPositions. A route with fewer
 * than two vertices (a group that starts where it ends) has no line.
 */
export function trajectoryGeoJson(trajectory: Trajectory): FeatureCollection<LineString | Point, RouteProperties | OvernightProperties> {
  const features: TrajectoryFeature[] = [];
  for (const group of trajectory.groups) {
    if (group.route.vertices.length < 2) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: group.route.vertices.map(([lon, lat]) => [round5(lon), round5(lat)]) },
      properties: { group: group.id, destination: group.destination, routeKm: roundKm(group.route.totalKm) },
    });
  }
  for (const p of overnightPositions(trajectory)) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { date: p.date, group: p.group, km: p.km, node: p.node, headcount: p.headcount },
    });
  }
  return { type: 'FeatureCollection', features };
}

function round5(degrees: number): number {
  return Math.round(degrees * 1e5) / 1e5;
}
