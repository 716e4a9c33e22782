/** The map's key: groups, route, crossings by who is there first, troops by status, observed nights. */
import type { Legend, LegendSwatch } from '../map/export-decorations';
import { groupColors, marginColors } from '../map/palette';
import type { AppStore } from '../state/store';
import { Disposables, followLanguage, type Control } from './control';
import { el } from './dom';
import type { MessageKey, Text } from './i18n';

/** The key's entries, for the page and for the pictures and videos that carry it. */
export function legendOf({ t }: Text): Legend {
  const item = (swatch: LegendSwatch, color: string, key: MessageKey) => ({ swatch, color, label: t(key) });
  return {
    title: t('legendHeading'),
    items: [
      item('dot', groupColors.main!, 'legendGroup'),
      item('line', groupColors.main!, 'legendRoute'),
      item('small-dot', marginColors.troopsFirst, 'legendTroopsFirst'),
      item('small-dot', marginColors.caravanFirst, 'legendCaravanFirst'),
      item('ring', '#3d4a1f', 'legendTroops'),
      item('hollow', '#24292f', 'legendObserved'),
      item('dash', '#b5523b', 'legendRisky'),
    ],
  };
}

const SWATCH_CLASS: Record<LegendSwatch, string> = { dot: 'dot', 'small-dot': 'dot small', line: 'line', ring: 'ring', hollow: 'dot hollow', dash: 'dash' };

export function mountLegend(root: HTMLElement, store: AppStore): Control {
  const disposables = new Disposables();
  // Closed by default: open, it would cover northern Mexico; one click shows it.
  const box = el('details', { className: 'legend' });
  const heading = el('summary', { className: 'legend-heading' });
  const list = el('ul');
  box.append(heading, list);
  root.append(box);
  disposables.add(() => box.remove());
  const relabel = (text: Text) => {
    const legend = legendOf(text);
    heading.textContent = legend.title;
    list.replaceChildren(
      ...legend.items.map(({ swatch: kind, color, label }) => {
        const swatch = el('span', { className: `swatch ${SWATCH_CLASS[kind]}`, attrs: { 'aria-hidden': 'true' } });
        swatch.style.setProperty('--c', color);
        return el('li', {}, [swatch, el('span', { text: label })]);
      }),
    );
  };
  disposables.add(followLanguage(store, relabel));
  return disposables;
}
