/** Output of the CLI: an aligned table for people, JSON and CSV for programs. */
import type { ArrivalRow, OvernightPosition } from '../sim/arrival-table';
import type { EnsembleResult } from '../sim/ensemble';
import type { Trajectory } from '../sim/run-scenario';
import type { ValidationSummary } from '../sim/validation';

export interface Report {
  trajectory: Trajectory;
  rows: ArrivalRow[];
  positions: OvernightPosition[];
  ensemble: EnsembleResult | null;
  validation: ValidationSummary | null;
}

export function alignedTable(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

export function formatTable(report: Report): string {
  const { trajectory, rows, ensemble, validation } = report;
  const s = trajectory.scenario;
  const out: string[] = [];
  out.push(`${s.name} — from ${trajectory.groups[0]?.route.nodes[0]?.name ?? s.start.place} on ${s.start.date}`);
  out.push(
    `Groups: ${trajectory.groups
      .map((g) => `${g.name} (${g.startHeadcount.toLocaleString('en-US')}) → ${g.destination}${g.arrivalHours === null ? ', not arrived' : ''}`)
      .join('; ')}`,
  );
  if (ensemble) out.push(`Ensemble: ${ensemble.runs} runs, seed ${ensemble.seed}; dates are P10 / P50 / P90`);
  out.push('');
  const header = ['Crossing', 'Sector', 'Route km', 'Lead arrives', 'Main arrives', 'Troops ready', 'Margin (d)'];
  const when = (g: ArrivalRow['lead']) => {
    if (!g) return '—';
    if (ensemble) return `${g.p10 ?? 'never'} / ${g.p50 ?? 'never'} / ${g.p90 ?? 'never'}`;
    return g.date ?? 'not reached';
  };
  const body = rows.map((r) => [
    `${r.name}${r.byGroup.some((g) => g.isDestination) ? ' *' : ''}`,
    r.sector,
    r.routeKm.toFixed(0),
    when(r.lead),
    when(r.main),
    r.troopsInPosition ?? '—',
    signed(r.marginDays),
  ]);
  out.push(alignedTable(header, body, new Set([2, 6])));
  out.push('');
  out.push('* a destination of the scenario; other rows: if the groups went there instead. Margin > 0: troops in position first.');
  if (validation) {
    out.push('');
    out.push('Validation against the observed 2018 track');
    const compared = validation.milestones.filter((m) => m.status === 'compared');
    out.push(
      alignedTable(
        ['Date', 'Group', 'Place', 'Error (days)', 'Error (km)'],
        compared.map((m) => [m.date, m.group, m.place, signed(m.errorDays), signed(m.errorKm)]),
        new Set([3, 4]),
      ),
    );
    out.push(
      `Compared ${validation.compared} milestones; mean absolute error ${validation.meanAbsErrorDays?.toFixed(2) ?? '—'} days, ${validation.meanAbsErrorKm?.toFixed(0) ?? '—'} km; worst: ${validation.worst ? `${validation.worst.place} on ${validation.worst.date} (${signed(validation.worst.errorDays)} d)` : '—'}`,
    );
    const skipped = validation.milestones.length - validation.compared;
    if (skipped > 0) out.push(`${skipped} observations not compared (before the start, or off the simulated routes).`);
    const coverage = ensemble?.coverage;
    if (coverage) {
      out.push(`Observed nights inside the ensemble's P10–P90 range: ${coverage.inside} of ${coverage.compared} (${Math.round(coverage.share * 100)} %)`);
      const outside = coverage.milestones.filter((m) => !m.inside);
      if (outside.length > 0) out.push(`Outside: ${outside.map((m) => `${m.place} ${m.date} (${m.group}, range day ${m.p10Day}–${m.p90Day}, observed day ${m.observedDay})`).join('; ')}`);
    }
  }
  return out.join('\n');
}

export function toJson(report: Report): object {
  const { trajectory, rows, positions, ensemble, validation } = report;
  const arrivals = rows.flatMap((r) =>
    r.byGroup.map((g) => {
      const a: Record<string, unknown> = { crossing: r.crossing, group: g.group, date: g.date, routeKm: r.routeKm, isDestination: g.isDestination };
      if (ensemble) Object.assign(a, { p10: g.p10, p50: g.p50, p90: g.p90 });
      return a;
    }),
  );
  return {
    scenario: { id: trajectory.scenario.id, name: trajectory.scenario.name, start: trajectory.scenario.start, destination: trajectory.scenario.destination },
    arrivals,
    readiness: rows.map((r) => ({ crossing: r.crossing, sector: r.sector, troopsInPosition: r.troopsInPosition, force: r.troopsForce, troopsAtArrival: r.troopsAtArrival, marginDays: r.marginDays })),
    positions,
    ...(ensemble ? { ensemble: { runs: ensemble.runs, seed: ensemble.seed, coverage: ensemble.coverage, caravanFirstChance: ensemble.caravanFirstChance } } : {}),
    ...(validation ? { validation } : {}),
  };
}

const csvCell = (value: string | number | boolean | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(report: Report): string {
  const header = ['crossing', 'name', 'sector', 'group', 'routeKm', 'date', 'p10', 'p50', 'p90', 'isDestination', 'troopsInPosition', 'marginDays'];
  const lines = [header.join(',')];
  for (const r of report.rows) {
    for (const g of r.byGroup) {
      const row = [r.crossing, r.name, r.sector, g.group, r.routeKm, g.date, g.p10, g.p50, g.p90, g.isDestination, r.troopsInPosition, r.marginDays];
      lines.push(row.map(csvCell).join(','));
    }
  }
  return lines.join('\n');
}
