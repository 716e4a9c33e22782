/**
 * The workspace's fixed markup: the top bar (title, scenario name, actions, language), the map
 * area, the side panel and the timeline. The language select writes the store; the texts here and
 * the page's `lang` follow the store.
 */
import { isLanguage } from '../state/language';
import type { AppStore } from '../state/store';
import { Disposables, followLanguage, followState, type Control } from '../ui/control';
import { el, setText } from '../ui/dom';
import { textFor } from '../ui/i18n';

export interface Layout extends Control {
  topbar: HTMLElement;
  /** Where the top bar's action buttons go (before the language select, which it already holds). */
  actionsSlot: HTMLElement;
  mapEl: HTMLElement;
  mapArea: HTMLElement;
  /** Where each group is, for screen readers, when the clock settles. */
  positionAnnouncer: HTMLElement;
  side: HTMLElement;
  timelineEl: HTMLElement;
}

export function mountLayout(root: HTMLElement, store: AppStore): Layout {
  const disposables = new Disposables();
  const title = el('h1', { className: 'app-title' });
  const scenarioName = el('span', { className: 'scenario-name' });
  const languageLabel = el('label', { attrs: { for: 'language' } });
  const languageSelect = el('select', { testid: 'language', attrs: { id: 'language' } }, [
    el('option', { text: 'English', attrs: { value: 'en', lang: 'en' } }),
    el('option', { text: 'Español', attrs: { value: 'es', lang: 'es' } }),
  ]);
  // The top bar's actions mount at the start of this slot; the language select stays last.
  const actionsSlot = el('div', { className: 'topbar-actions' }, [languageLabel, languageSelect]);
  const topbar = el('header', { className: 'topbar' }, [title, scenarioName, actionsSlot]);
  const mapEl = el('div', { className: 'map', testid: 'map', attrs: { role: 'region', 'aria-describedby': 'map-summary' } });
  const mapSummary = el('p', { className: 'visually-hidden', attrs: { id: 'map-summary' } });
  const positionAnnouncer = el('div', { className: 'visually-hidden', testid: 'position-announcer', attrs: { 'aria-live': 'polite', role: 'status' } });
  const mapArea = el('div', { className: 'map-area' }, [mapEl, mapSummary, positionAnnouncer]);
  const side = el('aside', { className: 'side' });
  const workspace = el('main', { className: 'workspace' }, [mapArea, side]);
  const timelineEl = el('footer', { className: 'timeline', testid: 'timeline' });
  const app = el('div', { className: 'app' }, [topbar, workspace, timelineEl]);
  root.replaceChildren(app);
  disposables.add(() => app.remove());

  disposables.listen(languageSelect, 'change', () => {
    if (isLanguage(languageSelect.value)) store.getState().setLanguage(languageSelect.value);
  });
  disposables.add(
    followLanguage(store, ({ t, language }) => {
      document.documentElement.lang = language;
      if (languageSelect.value !== language) languageSelect.value = language;
      title.textContent = t('appTitle');
      mapEl.setAttribute('aria-label', t('mapLabel'));
      mapSummary.textContent = t('mapSummary');
      languageLabel.textContent = t('languageLabel');
    }),
  );
  disposables.add(followState(store, (s) => [s.scenario, s.language], (s) => setText(scenarioName, textFor(s.language).localized(s.scenario.name, s.scenario.nameEs))));

  return {
    topbar,
    actionsSlot,
    mapEl,
    mapArea,
    positionAnnouncer,
    side,
    timelineEl,
    dispose: () => disposables.dispose(),
  };
}
