/**
 * Where each group is now, in words: the text alternative to the moving markers, also read by tests.
 * The frame hands it the groups' statuses; it writes only the lines whose text changed.
 */
import type { GroupPosition } from '../sim/sample';
import { groupColor } from '../map/palette';
import type { AppStore } from '../state/store';
import { Disposables, followLanguage, type Control } from './control';
import { el, setText } from './dom';
import { textFor, type MessageKey, type Text } from './i18n';

export interface GroupStatus extends GroupPosition {
  name: string;
  /** The town the group is at (within 1 km), else the nearest town on its route. */
  placeName: string;
  atPlace: boolean;
  nearestCrossingKm: number | null;
  index: number;
}

export const activityKey: Record<GroupStatus['activity'], MessageKey> = {
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

/** "Main · 5,200 · at Mexico City" and "Resting · 2,740 km to the nearest crossing". */
export function groupStatusLines(g: GroupStatus, { t, number }: Text): [string, string] {
  return [
    `${g.name} · ${number(g.headcount)} · ${t(g.atPlace ? 'atPlace' : 'nearPlace', { place: g.placeName })}`,
    `${t(activityKey[g.activity])}${g.nearestCrossingKm === null ? '' : ` · ${t('kmToCrossing', { km: number(g.nearestCrossingKm) })}`}`,
  ];
}

export interface GroupStatusList extends Control {
  update(groups: readonly GroupStatus[]): void;
}

export function mountGroupStatus(root: HTMLElement, store: AppStore): GroupStatusList {
  const disposables = new Disposables();
  const box = el('section', { className: 'group-status', attrs: { 'aria-labelledby': 'group-status-heading' } });
  const heading = el('h2', { className: 'visually-hidden', attrs: { id: 'group-status-heading' } });
  const list = el('ul');
  box.append(heading, list);
  root.append(box);
  disposables.add(() => box.remove());
  const items = new Map<string, { li: HTMLLIElement; text: HTMLElement; detail: HTMLElement }>();
  let shown: readonly GroupStatus[] = [];

  const update = (groups: readonly GroupStatus[]) => {
    shown = groups;
    const text = textFor(store.getState().language);
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
        const line = el('span', { className: 'group-line' });
        const detail = el('span', { className: 'group-detail' });
        const li = el('li', {}, [swatch, line, detail]);
        li.dataset.group = g.group;
        list.append(li);
        item = { li, text: line, detail };
        items.set(g.group, item);
      }
      const place = g.atPlace ? g.placeName : '';
      if (item.li.dataset.place !== place) item.li.dataset.place = place;
      const [line, detail] = groupStatusLines(g, text);
      setText(item.text, line);
      setText(item.detail, detail);
    }
  };
  disposables.add(
    followLanguage(store, ({ t }) => {
      heading.textContent = t('groupsHeading');
      update(shown);
    }),
  );
  return { update, dispose: () => disposables.dispose() };
}
