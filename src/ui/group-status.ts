/**
 * Where each group is now, in words: the text alternative to the moving markers, also read by tests.
 */
import type { GroupPosition } from '../sim/sample';
import { groupColor } from '../map/palette';
import { el, setText } from './dom';
import { formatNumber } from './format';
import { t, type MessageKey } from './i18n';

export interface GroupStatus extends GroupPosition {
  name: string;
  /** The town the group is at (within 1 km), else the nearest town on its route. */
  placeName: string;
  atPlace: boolean;
  nearestCrossingKm: number | null;
  index: number;
}

const activityKey: Record<GroupStatus['activity'], MessageKey> = {
  walk: 'actWalk',
  hitch: 'actHitch',
  bus: 'actBus',
  waiting: 'actWaiting',
  rest: 'actRest',
  stay: 'actStay',
  arrived: 'actArrived',
  merged: 'actMerged',
  unfinished: 'actUnfinished',
};

export function mountGroupStatus(root: HTMLElement): { update(groups: readonly GroupStatus[]): void; relabel(): void } {
  const box = el('section', { className: 'group-status', attrs: { 'aria-labelledby': 'group-status-heading' } });
  const heading = el('h2', { className: 'visually-hidden', attrs: { id: 'group-status-heading' } });
  const list = el('ul');
  box.append(heading, list);
  root.append(box);
  const items = new Map<string, { li: HTMLLIElement; text: HTMLElement; detail: HTMLElement }>();
  const relabel = () => {
    heading.textContent = t('groupsHeading');
  };
  relabel();
  return {
    update(groups) {
      const present = new Set(groups.map((g) => g.group));
      for (const [id, item] of items) {
        if (present.has(id)) continue;
        item.li.remove();
        items.delete(id);
      }
      for (const g of groups) {
        let item = items.get(g.group);
        if (!item) {
          const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
          swatch.style.background = groupColor(g.group, g.index);
          const text = el('span', { className: 'group-line' });
          const detail = el('span', { className: 'group-detail' });
          const li = el('li', {}, [swatch, text, detail]);
          li.dataset.group = g.group;
          list.append(li);
          item = { li, text, detail };
          items.set(g.group, item);
        }
        item.li.dataset.place = g.atPlace ? g.placeName : '';
        setText(item.text, `${g.name} · ${formatNumber(g.headcount)} · ${t(g.atPlace ? 'atPlace' : 'nearPlace', { place: g.placeName })}`);
        setText(
          item.detail,
          `${t(activityKey[g.activity])}${g.nearestCrossingKm === null ? '' : ` · ${t('kmToCrossing', { km: formatNumber(g.nearestCrossingKm) })}`}`,
        );
      }
    },
    relabel,
  };
}
