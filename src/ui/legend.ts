/** The map's key: groups, route, crossings by who is there first, troops by status, observed nights. */
import { groupColors, marginColors } from '../map/palette';
import type { AppStore } from '../state/store';
import { Disposables, followLanguage, type Control } from './control';
import { el } from './dom';
import type { MessageKey, Text } from './i18n';

export function mountLegend(root: HTMLElement, store: AppStore): Control {
  const disposables = new Disposables();
  // Closed by default: open, it would cover northern Mexico; one click shows it.
  const box = el('details', { className: 'legend' });
  const heading = el('summary', { className: 'legend-heading' });
  const list = el('ul');
  box.append(heading, list);
  root.append(box);
  disposables.add(() => box.remove());
  const relabel = ({ t }: Text) => {
    const item = (swatchClass: string, color: string, key: MessageKey) => {
      const swatch = el('span', { className: `swatch ${swatchClass}`, attrs: { 'aria-hidden': 'true' } });
      swatch.style.setProperty('--c', color);
      return el('li', {}, [swatch, el('span', { text: t(key) })]);
    };
    heading.textContent = t('legendHeading');
    list.replaceChildren(
      item('dot', groupColors.main!, 'legendGroup'),
      item('line', groupColors.main!, 'legendRoute'),
      item('dot small', marginColors.troopsFirst, 'legendTroopsFirst'),
      item('dot small', marginColors.caravanFirst, 'legendCaravanFirst'),
      item('ring', '#3d4a1f', 'legendTroops'),
      item('dot hollow', '#24292f', 'legendObserved'),
      item('dash', '#b5523b', 'legendRisky'),
    );
  };
  disposables.add(followLanguage(store, relabel));
  return disposables;
}
