/**
 * The two small charts that share the timeline's axis: road km to the nearest crossing per group,
 * and troops in place by state. Drawn when the scenario changes; only the cursor moves per frame.
 */
import { area, line, max, scaleLinear, stack, type Selection } from 'd3';
import { groupColor, stateColors } from '../map/palette';
import { dateAt } from './time-scale';
import type { ScaleTime } from 'd3';

export interface BandPoint {
  tHours: number;
  low: number;
  high: number;
}

export interface ChartData {
  startDate: string;
  distanceSeries: readonly { group: string; points: readonly SeriesPoint[] }[];
  /** P10–P90 of the same distance from the ensemble, when one ran. */
  distanceBands?: readonly { group: string; points: readonly BandPoint[] }[];
  troopSeries: readonly { usState: string; points: readonly SeriesPoint[] }[];
}

export interface SeriesPoint {
  tHours: number;
  value: number;
}

/** Pixels kept free above each chart for its label, so lines never run through the text. */
const LABEL_BAND = 14;

type G = Selection<SVGGElement, unknown, null, undefined>;

export function drawDistanceChart(g: G, data: ChartData, x: ScaleTime<number, number>, height: number, label: string): void {
  g.selectAll('*').remove();
  const yMax = max([...data.distanceSeries.flatMap((s) => s.points.map((p) => p.value)), ...(data.distanceBands ?? []).flatMap((b) => b.points.map((p) => p.high))]) ?? 1;
  const y = scaleLinear().domain([0, yMax]).nice(3).range([height, LABEL_BAND]);
  const path = line<SeriesPoint>()
    .x((p) => x(dateAt(data.startDate, p.tHours)))
    .y((p) => y(p.value));
  const bandShape = area<BandPoint>()
    .x((p) => x(dateAt(data.startDate, p.tHours)))
    .y0((p) => y(p.low))
    .y1((p) => y(p.high));
  for (const band of data.distanceBands ?? []) {
    const i = data.distanceSeries.findIndex((s) => s.group === band.group);
    g.append('path').attr('class', 'series-band').attr('fill', groupColor(band.group, Math.max(i, 0))).attr('opacity', 0.2).attr('d', bandShape(band.points as BandPoint[]) ?? '');
  }
  data.distanceSeries.forEach((series, i) => {
    g.append('path').attr('class', 'series-line').attr('fill', 'none').attr('stroke', groupColor(series.group, i)).attr('stroke-width', 1.8).attr('d', path(series.points as SeriesPoint[]) ?? '');
  });
  g.append('text').attr('class', 'chart-label').attr('x', 4).attr('y', 10).text(label);
  g.append('text').attr('class', 'chart-tick').attr('x', x.range()[1]! - 2).attr('y', 11).attr('text-anchor', 'end').text(`${Math.round(yMax).toLocaleString()} km`);
}

export function drawTroopChart(g: G, data: ChartData, x: ScaleTime<number, number>, height: number, label: string): void {
  g.selectAll('*').remove();
  const states = data.troopSeries.map((s) => s.usState);
  const rows = (data.troopSeries[0]?.points ?? []).map((p, i) => {
    const row: Record<string, number> = { tHours: p.tHours };
    for (const s of data.troopSeries) row[s.usState] = s.points[i]?.value ?? 0;
    return row;
  });
  const stacked = stack<Record<string, number>>().keys(states)(rows);
  const yMax = max(stacked.at(-1) ?? [], (d) => d[1]) ?? 1;
  const y = scaleLinear().domain([0, Math.max(yMax, 1)]).range([height, LABEL_BAND]);
  const shape = area<[number, number] & { data: Record<string, number> }>()
    .x((d) => x(dateAt(data.startDate, d.data.tHours!)))
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]));
  for (const layer of stacked) {
    g.append('path').attr('class', 'series-area').attr('fill', stateColors[layer.key] ?? '#999').attr('opacity', 0.75).attr('d', shape(layer as never) ?? '');
  }
  g.append('text').attr('class', 'chart-label').attr('x', 4).attr('y', 10).text(label);
  g.append('text').attr('class', 'chart-tick').attr('x', x.range()[1]! - 2).attr('y', 11).attr('text-anchor', 'end').text(Math.round(yMax).toLocaleString());
}
