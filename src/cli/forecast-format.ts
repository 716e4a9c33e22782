/** Output of a forecast: an aligned table for people, JSON and CSV for programs. */
import { overnightPositions } from '../sim/arrival-table';
import type { ForecastArrival } from '../sim/forecast/forecast';
import { addDays } from '../sim/time';
import { readinessMarginDays, sectorInPositionDate } from '../sim/troops';
import type { World } from '../sim/world';
import type { ForecastRun } from './forecast-command';
import { alignedTable } from './format';

interface Readiness {
  crossing: string;
  sector: string;
  troopsInPosition: string | null;
  /** Troops-in-position date − the lead group's P10 arrival; positive: troops first. */
  marginDays: number | null;
}

/** Deployments on record when the lead may arrive (announced by then, not yet over; open-ended ones for a year). */
function deploymentsAround(world: World, date: string | null) {
  if (date === null) return [];
  return world.deployments.filter((d) => d.announced <= date && (d.end ?? addDays(d.announced, 365)) >= date);
}

function readiness(run: ForecastRun, world: World): Readiness[] {
  const rows: Readiness[] = [];
  for (const crossing of world.crossings) {
    const lead = run.forecast.arrivals.find((a) => a.crossing === crossing.id && a.group === 'lead');
    if (!lead) continue;
    // The troops of another year say nothing about this caravan: only deployments around its arrival count.
    const ready = sectorInPositionDate(deploymentsAround(world, lead.p10), crossing.sector);
    rows.push({ crossing: crossing.id, sector: crossing.sector, troopsInPosition: ready?.date ?? null, marginDays: ready && lead.p10 !== null ? readinessMarginDays(lead.p10, ready.date) : null });
  }
  return rows;
}

const arrivalJson = (a: ForecastArrival) => ({
  ...(a.crossing !== undefined ? { crossing: a.crossing } : { place: a.place }),
  group: a.group,
  date: a.p50,
  p10: a.p10,
  p50: a.p50,
  p90: a.p90,
  probability: a.probability,
  routeKm: a.routeKm,
  isDestination: a.isDestination,
});

export function forecastToJson(run: ForecastRun, world: World): object {
  const f = run.forecast;
  return {
    forecast: {
      preset: run.presetId,
      title: run.title,
      start: { place: f.caravan.startNodeId, date: f.caravan.startDate },
      headcount: f.caravan.headcount,
      policy: f.caravan.policy,
      destination: f.destination,
      parameters: run.fitId,
      runs: f.runs,
      seed: f.seed,
      horizonDays: f.horizonDays,
      reportsUsed: f.reportsUsed,
      reportsAfterAsOf: f.reportsAfterAsOf,
      lastReport: f.lastReport ? { date: f.lastReport.date, km: Math.round(f.lastReport.km * 10) / 10 } : null,
    },
    asOf: f.asOf,
    arrivals: f.arrivals.map(arrivalJson),
    readiness: readiness(run, world),
    positions: overnightPositions(f.trajectory),
    bands: f.bands,
    headcount: f.headcount,
    ended: f.ended.map((e) => ({ date: e.date, p: Math.round(e.p * 1000) / 1000, dissolved: Math.round(e.dissolved * 1000) / 1000, arrived: Math.round(e.arrived * 1000) / 1000 })),
  };
}

const csvCell = (value: string | number | boolean | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function forecastToCsv(run: ForecastRun, world: World): string {
  const names = new Map([...world.crossings.map((c) => [c.id, c.name] as const), ...[...world.network.nodes.values()].map((n) => [n.id, n.name] as const)]);
  const lines = [['kind', 'id', 'name', 'group', 'routeKm', 'p10', 'p50', 'p90', 'probability', 'isDestination'].join(',')];
  for (const a of run.forecast.arrivals) {
    const id = a.crossing ?? a.place!;
    const crossingName = a.crossing !== undefined ? world.crossings.find((c) => c.id === a.crossing)?.name : undefined;
    lines.push([a.crossing !== undefined ? 'crossing' : 'place', id, crossingName ?? names.get(id) ?? id, a.group, a.routeKm, a.p10, a.p50, a.p90, a.probability, a.isDestination].map(csvCell).join(','));
  }
  return lines.join('\n');
}

const percent = (p: number) => `${Math.round(p * 100)} %`;
const spread = (a: ForecastArrival | undefined) => (!a || a.p50 === null ? 'not within horizon' : `${a.p10} / ${a.p50} / ${a.p90}`);

export function forecastTable(run: ForecastRun, world: World): string {
  const f = run.forecast;
  const start = world.network.nodes.get(f.caravan.startNodeId)?.name ?? f.caravan.startNodeId;
  const out: string[] = [];
  out.push(`Forecast as of ${f.asOf}: ${run.title}`);
  out.push(`From ${start} on ${f.caravan.startDate}, ${f.caravan.headcount.toLocaleString('en-US')} people${run.headcountIsDefault ? ' (a typical start: give --headcount)' : ''}, policy ${f.caravan.policy}; parameters ${run.fitId}; ${f.runs} runs, seed ${f.seed}`);
  const last = f.lastReport ? `last: ${f.lastReport.date}, ${Math.round(f.lastReport.km)} km along the route` : 'none: from the start';
  out.push(`Reports used: ${f.reportsUsed} (${last})${f.reportsAfterAsOf > 0 ? `; ${f.reportsAfterAsOf} dated after ${f.asOf} not read` : ''}`);
  out.push(`Dates are P10 / P50 / P90 over the runs that arrive within ${f.horizonDays} days of ${f.asOf}; "chance" is the share of runs that do.`);
  out.push('');
  const ready = new Map(readiness(run, world).map((r) => [r.crossing, r]));
  const crossings = world.crossings.filter((c) => f.arrivals.some((a) => a.crossing === c.id));
  const rows = crossings
    .map((c) => {
      const main = f.arrivals.find((a) => a.crossing === c.id && a.group === 'main');
      const lead = f.arrivals.find((a) => a.crossing === c.id && a.group === 'lead');
      const r = ready.get(c.id);
      return {
        km: main?.routeKm ?? 0,
        cells: [`${c.name}${main?.isDestination ? ' *' : ''}`, c.sector, (main?.routeKm ?? 0).toFixed(0), spread(main), percent(main?.probability ?? 0), spread(lead), r?.troopsInPosition ?? '—', r?.marginDays === null || r?.marginDays === undefined ? '—' : r.marginDays > 0 ? `+${r.marginDays}` : String(r.marginDays)],
      };
    })
    .sort((a, b) => a.km - b.km);
  out.push(alignedTable(['Crossing', 'Sector', 'Route km', 'Main arrives', 'Chance', 'Lead arrives', 'Troops ready', 'Margin (d)'], rows.map((r) => r.cells), new Set([2, 4, 7])));
  out.push('');
  out.push('* the route the bands and the places below follow (the nearest crossing when the destination is all). Margin > 0: troops in position before the lead P10.');
  const places = f.arrivals.filter((a) => a.place !== undefined && a.group === 'main');
  if (places.length > 0) {
    out.push('');
    out.push('On the way (main group)');
    const every = Math.max(1, Math.ceil(places.length / 12));
    const shown = places.filter((_, i) => i % every === 0 || i === places.length - 1);
    out.push(alignedTable(['Place', 'Route km', 'Arrives', 'Chance'], shown.map((a) => [world.network.nodes.get(a.place!)?.name ?? a.place!, a.routeKm.toFixed(0), spread(a), percent(a.probability)]), new Set([1, 3])));
  }
  const weekly = f.headcount.filter((_, i) => i % 7 === 6);
  if (weekly.length > 0) out.push('', `Headcount, P50 (P10–P90): ${weekly.slice(0, 6).map((h) => `${h.date} ${h.p50.toLocaleString('en-US')} (${h.p10.toLocaleString('en-US')}–${h.p90.toLocaleString('en-US')})`).join('; ')}`);
  const ended = f.ended.filter((_, i) => i % 7 === 6);
  if (ended.length > 0) out.push(`Ended by (dissolved or arrived): ${ended.slice(0, 6).map((e) => `${e.date} ${percent(e.p)} (${percent(e.dissolved)} dissolved)`).join('; ')}`);
  return out.join('\n');
}
