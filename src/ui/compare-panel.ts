/**
 * Compare: up to four pinned scenarios beside the one on screen — per crossing the arrival date
 * (P50, and the P10–P90 range when an ensemble ran), the difference in days from the scenario on
 * screen, the readiness margin — and a chart of the dates.
 */
import { scaleBand, scaleUtc, select, axisBottom } from 'd3';
import type { ArrivalRow } from '../sim/arrival-table';
import { daysBetween } from '../sim/time';
import type { AppStore } from '../state/store';
import { MAX_PINNED_SCENARIOS } from '../state/store';
import { onScreenColor, pinnedColors } from '../map/palette';
import { comparisonCsv } from '../sim/export';
import { Disposables, followLanguage, type Control } from './control';
import { downloadText } from './download';
import { el } from './dom';
import { textFor } from './i18n';

export interface ComparedScenario {
  name: string;
  rows: readonly ArrivalRow[];
  destinations: ReadonlySet<string>;
}

const comparisonColors = [onScreenColor, ...pinnedColors];

const dateOf = (row: ArrivalRow | undefined) => row?.main?.p50 ?? row?.main?.date ?? row?.lead?.p50 ?? row?.lead?.date ?? null;

export interface ComparePanel extends Control {
  /** The scenario on screen and the pinned ones, side by side. */
  update(current: ComparedScenario, pinned: readonly ComparedScenario[]): void;
}

export function mountComparePanel(root: HTMLElement, store: AppStore): ComparePanel {
  const disposables = new Disposables();
  const section = el('section', { className: 'panel compare-panel', testid: 'compare-panel', attrs: { 'aria-labelledby': 'compare-heading' } });
  const heading = el('h2', { attrs: { id: 'compare-heading' } });
  const note = el('p', { className: 'panel-note' });
  const pinButton = el('button', { testid: 'pin-scenario', attrs: { type: 'button' } });
  const exportButton = el('button', { testid: 'export-comparison', attrs: { type: 'button' } });
  const pinnedList = el('ul', { className: 'pinned-list' });
  const table = el('table', { className: 'comparison-table', testid: 'comparison-table' });
  const chart = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  chart.setAttribute('class', 'comparison-chart');
  chart.setAttribute('role', 'img');
  section.append(heading, note, el('div', { className: 'file-row' }, [pinButton, exportButton]), pinnedList, table, chart);
  root.append(section);
  disposables.add(() => section.remove());
  disposables.listen(pinButton, 'click', () => store.getState().pin());
  // The comparison as shown, one row per scenario, crossing and group.
  disposables.listen(exportButton, 'click', () => {
    if (!last) return;
    downloadText('comparison.csv', 'text/csv', comparisonCsv([last.current, ...last.pinned].map((c) => ({ scenarioName: c.name, rows: c.rows }))));
  });
  // One listener for the unpin buttons (the list is rebuilt with each change).
  disposables.listen(pinnedList, 'click', (e) => {
    const index = (e.target as Element).closest<HTMLElement>('button.unpin')?.dataset.index;
    if (index !== undefined) store.getState().unpin(Number(index));
  });

  let last: { current: ComparedScenario; pinned: readonly ComparedScenario[] } | null = null;
  const render = () => {
    if (!last) return;
    const { t, shortDate, signedDays } = textFor(store.getState().language);
    const { current, pinned } = last;
    pinButton.disabled = pinned.length >= MAX_PINNED_SCENARIOS;
    section.classList.toggle('empty', pinned.length === 0);
    pinnedList.replaceChildren(
      ...pinned.map((p, i) => {
        const unpin = el('button', { className: 'unpin', text: '×', attrs: { type: 'button', 'aria-label': t('unpin', { name: p.name }) } });
        unpin.dataset.index = String(i);
        const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
        swatch.style.background = comparisonColors[i + 1]!;
        return el('li', {}, [swatch, el('span', { text: p.name }), unpin]);
      }),
    );
    exportButton.disabled = pinned.length === 0;
    if (pinned.length === 0) {
      table.replaceChildren();
      select(chart).selectAll('*').remove();
      return;
    }
    const all = [current, ...pinned];
    const crossings = [...new Set(all.flatMap((s) => [...s.destinations]))];
    const byCrossing = (s: ComparedScenario, id: string) => s.rows.find((r) => r.crossing === id);
    const head = el('tr', {}, [el('th', { text: t('colCrossing'), attrs: { scope: 'col' } }), ...all.map((s, i) => el('th', { text: i === 0 ? t('onScreen') : s.name, attrs: { scope: 'col' } }))]);
    const body = crossings.map((id) => {
      const base = dateOf(byCrossing(current, id));
      const tr = el('tr', {}, [el('th', { text: byCrossing(current, id)?.name ?? id, attrs: { scope: 'row' } })]);
      tr.dataset.crossing = id;
      all.forEach((s, i) => {
        const row = byCrossing(s, id);
        const date = dateOf(row);
        const td = el('td', { className: 'date' });
        td.dataset.scenario = String(i);
        if (date) {
          td.append(el('time', { text: shortDate(date), attrs: { datetime: date } }));
          const g = row?.main ?? row?.lead;
          if (g?.p10 && g.p90) td.append(el('span', { className: 'range', text: `${shortDate(g.p10)}–${shortDate(g.p90)}` }));
          if (i > 0 && base) {
            const diff = daysBetween(base, date);
            const span = el('span', { className: 'diff', text: `${signedDays(diff)} d` });
            span.dataset.field = 'diff';
            td.append(span);
          }
          if (row?.marginDays !== null && row?.marginDays !== undefined) td.append(el('span', { className: 'range', text: `${t('colMargin')} ${signedDays(row.marginDays)}` }));
        } else td.textContent = '—';
        tr.append(td);
      });
      return tr;
    });
    table.replaceChildren(el('thead', {}, [head]), el('tbody', {}, body));

    // The chart: one line per crossing, a dot per scenario at its arrival date.
    const width = Math.max(240, section.clientWidth - 32);
    const rowH = 18;
    const height = crossings.length * rowH + 26;
    chart.setAttribute('width', String(width));
    chart.setAttribute('height', String(height));
    const dates = all.flatMap((s) => crossings.map((id) => dateOf(byCrossing(s, id)))).filter((d): d is string => d !== null).map((d) => new Date(`${d}T12:00:00Z`));
    if (dates.length === 0) return;
    const min = new Date(Math.min(...dates.map(Number)) - 86_400_000);
    const max = new Date(Math.max(...dates.map(Number)) + 86_400_000);
    const x = scaleUtc().domain([min, max]).range([90, width - 10]);
    const y = scaleBand().domain(crossings).range([0, crossings.length * rowH]);
    const svg = select(chart);
    svg.selectAll('*').remove();
    svg.attr('aria-label', t('comparisonChart'));
    for (const id of crossings) {
      svg.append('text').attr('class', 'chart-tick').attr('x', 0).attr('y', y(id)! + rowH * 0.65).text((byCrossing(current, id)?.name ?? id).slice(0, 14));
      svg.append('line').attr('x1', 90).attr('x2', width - 10).attr('y1', y(id)! + rowH / 2).attr('y2', y(id)! + rowH / 2).attr('stroke', '#eaeef2');
      all.forEach((s, i) => {
        const date = dateOf(byCrossing(s, id));
        if (!date) return;
        svg.append('circle').attr('cx', x(new Date(`${date}T12:00:00Z`))).attr('cy', y(id)! + rowH / 2).attr('r', 4.5).attr('fill', comparisonColors[i]!).attr('stroke', '#fff');
      });
    }
    svg.append('g').attr('transform', `translate(0,${crossings.length * rowH + 2})`).call(axisBottom(x).ticks(5).tickFormat((d) => shortDate((d as Date).toISOString().slice(0, 10))));
  };

  disposables.add(
    followLanguage(store, ({ t }) => {
      heading.textContent = t('compareHeading');
      note.textContent = t('compareNote');
      pinButton.textContent = t('pinScenario');
      exportButton.textContent = t('exportComparison');
      render();
    }),
  );
  return {
    update(current, pinned) {
      last = { current, pinned };
      render();
    },
    dispose: () => disposables.dispose(),
  };
}
