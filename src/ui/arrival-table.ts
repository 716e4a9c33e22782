/**
 * The arrival table: one row per crossing, sortable by any column — route km, arrival of the lead
 * and main groups, troops in the sector then, and the readiness margin (who is there first).
 */
import type { ArrivalRow } from '../sim/arrival-table';
import type { AppStore } from '../state/store';
import { Disposables, followLanguage, type Control } from './control';
import { el, setText } from './dom';
import { textFor, type MessageKey } from './i18n';

type SortKey = 'name' | 'routeKm' | 'lead' | 'main' | 'troops' | 'margin';

const columns: { key: SortKey; label: MessageKey; numeric: boolean }[] = [
  { key: 'name', label: 'colCrossing', numeric: false },
  { key: 'routeKm', label: 'colRouteKm', numeric: true },
  { key: 'lead', label: 'colLead', numeric: false },
  { key: 'main', label: 'colMain', numeric: false },
  { key: 'troops', label: 'colTroops', numeric: true },
  { key: 'margin', label: 'colMargin', numeric: true },
];

const sortValue = (row: ArrivalRow, key: SortKey): string | number => {
  switch (key) {
    case 'name':
      return row.name;
    case 'routeKm':
      return row.routeKm;
    case 'lead':
      return row.lead?.p50 ?? '9999';
    case 'main':
      return row.main?.p50 ?? '9999';
    case 'troops':
      return row.troopsAtArrival ?? -1;
    case 'margin':
      return row.marginDays ?? Infinity;
  }
};

const SVG = 'http://www.w3.org/2000/svg';

/** A small bar chart of the ensemble's runs arriving per day (the distribution strip). */
function distributionStrip(g: NonNullable<ArrivalRow['lead']>): SVGSVGElement | null {
  const histogram = g.histogram;
  if (!histogram || histogram.counts.length === 0) return null;
  const width = 70;
  const height = 12;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'strip');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('aria-hidden', 'true');
  const max = Math.max(...histogram.counts);
  const barWidth = width / histogram.counts.length;
  // One path for all the bars: a table of 46 strips stays light to build.
  let d = '';
  histogram.counts.forEach((count, i) => {
    const h = Math.max(1, (count / max) * height);
    d += `M${(i * barWidth).toFixed(1)} ${height}v${(-h).toFixed(1)}h${Math.max(1, barWidth - 0.5).toFixed(1)}v${h.toFixed(1)}z`;
  });
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

/** The date shown for a group: the P50 (the single run's date when no ensemble ran). */
const groupDate = (g: ArrivalRow['lead']): string | null => g?.p50 ?? g?.date ?? null;

export function marginClass(row: ArrivalRow): 'troops-first' | 'caravan-first' | 'unknown' {
  if (row.marginDays === null) return 'unknown';
  return row.marginDays >= 0 ? 'troops-first' : 'caravan-first';
}

export interface ArrivalTable extends Control {
  /** Shows these rows (the crossings the groups head for stand out); the sort order stays. */
  update(rows: readonly ArrivalRow[], destinations: ReadonlySet<string>): void;
}

export function mountArrivalTable(root: HTMLElement, store: AppStore, onSelect: (crossing: string) => void): ArrivalTable {
  const disposables = new Disposables();
  const section = el('section', { className: 'panel arrivals-panel', attrs: { 'aria-labelledby': 'arrivals-heading' } });
  const heading = el('h2', { attrs: { id: 'arrivals-heading' } });
  const note = el('p', { className: 'panel-note' });
  const table = el('table', { className: 'arrival-table', testid: 'arrival-table' });
  const caption = el('caption', { className: 'visually-hidden' });
  const headRow = el('tr');
  const body = el('tbody');
  table.append(caption, el('thead', {}, [headRow]), body);
  const scroller = el('div', { className: 'table-scroll' }, [table]);
  section.append(heading, note, scroller);
  root.append(section);
  disposables.add(() => section.remove());

  let sort: { key: SortKey; descending: boolean } = { key: 'routeKm', descending: false };
  let rows: readonly ArrivalRow[] = [];
  let destinations: ReadonlySet<string> = new Set();
  const headerButtons = new Map<SortKey, { th: HTMLTableCellElement; button: HTMLButtonElement }>();
  for (const column of columns) {
    const button = el('button', { className: 'sort-button', attrs: { type: 'button' } });
    disposables.listen(button, 'click', () => {
      sort = { key: column.key, descending: sort.key === column.key ? !sort.descending : false };
      render();
    });
    const th = el('th', { className: column.numeric ? 'numeric' : '', attrs: { scope: 'col' } }, [button]);
    headRow.append(th);
    headerButtons.set(column.key, { th, button });
  }

  // One listener for every row's name button (rows are rebuilt with each result).
  disposables.listen(body, 'click', (e) => {
    const button = (e.target as Element).closest('button.link-button');
    const crossing = button?.closest('tr')?.dataset.crossing;
    if (crossing) onSelect(crossing);
  });

  const render = () => {
    const { t, number, shortDate, signedDays } = textFor(store.getState().language);
    for (const [key, { th, button }] of headerButtons) {
      const column = columns.find((c) => c.key === key)!;
      th.setAttribute('aria-sort', sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
      setText(button, t(column.label) + (sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''));
    }
    const sorted = [...rows].sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (sort.descending ? -order : order) || a.routeKm - b.routeKm;
    });
    body.replaceChildren(
      ...sorted.map((row) => {
        const tr = el('tr', { className: destinations.has(row.crossing) ? 'destination' : '' });
        tr.dataset.crossing = row.crossing;
        const nameButton = el('button', { className: 'link-button', text: row.name, attrs: { type: 'button', title: t('showOnMap') } });
        const nameCell = el('th', { attrs: { scope: 'row' } }, [nameButton, el('span', { className: 'sector', text: row.sector })]);
        const dateCell = (g: ArrivalRow['lead'], field: string) => {
          const iso = groupDate(g);
          const td = el('td', { className: 'date' });
          td.dataset.field = field;
          if (iso) {
            const time = el('time', { text: shortDate(iso), attrs: { datetime: iso } });
            td.append(time);
            if (g?.p10 && g.p90) {
              // P10 and P90 carry their ISO dates like the P50 cell does (stable hooks: data-field p10, p90).
              const bound = (field: 'p10' | 'p90', iso: string) => {
                const time = el('time', { text: shortDate(iso), attrs: { datetime: iso } });
                time.dataset.field = field;
                time.dataset.value = iso;
                return time;
              };
              td.append(el('span', { className: 'range' }, [bound('p10', g.p10), document.createTextNode('–'), bound('p90', g.p90)]));
            }
            const strip = g ? distributionStrip(g) : null;
            if (strip) td.append(strip);
            td.dataset.value = iso;
          } else td.append(el('span', { className: 'muted', text: g ? t('notReached') : '—' }));
          return td;
        };
        const leadCell = dateCell(row.lead, 'lead');
        const mainCell = dateCell(row.main ?? row.lead, 'p50');
        const troops = el('td', { className: 'numeric', text: row.troopsAtArrival === null ? '—' : number(row.troopsAtArrival) });
        const margin = el('td', { className: `numeric margin ${marginClass(row)}` });
        margin.dataset.field = 'margin';
        if (row.marginDays !== null) {
          margin.dataset.value = String(row.marginDays);
          margin.append(el('span', { text: signedDays(row.marginDays) }), el('span', { className: 'visually-hidden', text: ` ${t(row.marginDays >= 0 ? 'troopsFirst' : 'caravanFirst')}` }));
          margin.title = t(row.marginDays >= 0 ? 'troopsFirst' : 'caravanFirst');
          if (row.caravanFirstChance !== null) {
            const chance = el('span', { className: 'chance', text: `${number(row.caravanFirstChance * 100)} %` });
            chance.title = t('chanceFirst', { percent: number(row.caravanFirstChance * 100) });
            margin.append(chance);
          }
        } else margin.textContent = '—';
        tr.append(nameCell, el('td', { className: 'numeric', text: number(row.routeKm) }), leadCell, mainCell, troops, margin);
        return tr;
      }),
    );
  };

  disposables.add(
    followLanguage(store, ({ t }) => {
      heading.textContent = t('arrivalsHeading');
      note.textContent = t('arrivalsNote');
      caption.textContent = t('arrivalsHeading');
      render();
    }),
  );
  return {
    update(next, nextDestinations) {
      rows = next;
      destinations = nextDestinations;
      render();
    },
    dispose: () => disposables.dispose(),
  };
}
