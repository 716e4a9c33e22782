/**
 * Play/pause, playback rate (simulated days per second), steps by a day or a week, and the current
 * date. The date is also announced to screen readers when playback stops or a step lands.
 * `showTime` is called by the frame (the clock moves every frame while playing); everything else
 * follows the store.
 */
import type { AppState, AppStore } from '../state/store';
import { MAX_RATE_DAYS_PER_SECOND, MIN_RATE_DAYS_PER_SECOND } from '../state/clock';
import { localDateAt } from '../sim/time';
import { Disposables, followLanguage, followState, type Control } from './control';
import { el, setText } from './dom';
import { textFor, type Text } from './i18n';

export const RATES = [0.25, 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30] as const;

export interface PlaybackControls extends Control {
  /** Shows the clock's time for a run starting on `startDate` (writes only the text that changed). */
  showTime(state: AppState, startDate: string): void;
}

export function mountPlaybackControls(root: HTMLElement, store: AppStore): PlaybackControls {
  const disposables = new Disposables();
  const play = el('button', { className: 'play-toggle', testid: 'play-toggle', attrs: { type: 'button', 'aria-pressed': 'false' } });
  const stepButtons = ([-7, -1, 1, 7] as const).map((days) => {
    const button = el('button', { className: 'step', attrs: { type: 'button' } });
    disposables.listen(button, 'click', () => store.getState().stepDays(days));
    return { days, button };
  });
  const rateLabel = el('label', { attrs: { for: 'playback-rate' } });
  const rate = el('select', { testid: 'rate', attrs: { id: 'playback-rate' } });
  const clockDate = el('time', { className: 'clock-date', testid: 'clock-date' });
  const clockDetail = el('span', { className: 'clock-detail' });
  const announcer = el('div', { className: 'visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });
  const bar = el('div', { className: 'playback' }, [
    el('div', { className: 'playback-buttons' }, [stepButtons[0]!.button, stepButtons[1]!.button, play, stepButtons[2]!.button, stepButtons[3]!.button]),
    el('div', { className: 'clock' }, [clockDate, clockDetail]),
    el('div', { className: 'rate' }, [rateLabel, rate]),
    announcer,
  ]);
  root.append(bar);
  disposables.add(() => bar.remove());

  disposables.listen(play, 'click', () => store.getState().togglePlay());
  disposables.listen(rate, 'change', () => store.getState().setRate(Number(rate.value)));

  let lastAnnounced = '';
  const showPlaying = (state: AppState) => {
    const { t } = textFor(state.language);
    const { playing } = state.clock;
    setText(play, playing ? '❚❚' : '▶');
    play.setAttribute('aria-pressed', String(playing));
    play.setAttribute('aria-label', t(playing ? 'pause' : 'play'));
    play.title = `${t(playing ? 'pause' : 'play')} (${t('spaceKey')})`;
    if (rate.value !== String(state.clock.rateDaysPerSecond)) rate.value = String(state.clock.rateDaysPerSecond);
  };
  const relabel = ({ t, number }: Text) => {
    rateLabel.textContent = t('rateLabel');
    rate.replaceChildren(...RATES.map((r) => el('option', { text: t('rateOption', { n: number(r, r < 1 ? 2 : 0) }), attrs: { value: String(r) } })));
    for (const { days, button } of stepButtons) {
      button.textContent = days === -7 ? '«' : days === -1 ? '‹' : days === 1 ? '›' : '»';
      const label = t(Math.abs(days) === 7 ? (days < 0 ? 'stepWeekBack' : 'stepWeekForward') : days < 0 ? 'stepDayBack' : 'stepDayForward');
      button.setAttribute('aria-label', label);
      button.title = label;
    }
    rate.title = t('rateHint', { min: MIN_RATE_DAYS_PER_SECOND, max: MAX_RATE_DAYS_PER_SECOND });
    showPlaying(store.getState());
  };
  disposables.add(followLanguage(store, relabel));
  disposables.add(followState(store, (s) => [s.clock.playing, s.clock.rateDaysPerSecond], showPlaying));

  return {
    showTime(state, startDate) {
      const { clock } = state;
      const text = textFor(state.language);
      const iso = localDateAt(startDate, clock.tHours);
      setText(clockDate, iso);
      if (clockDate.getAttribute('datetime') !== iso) clockDate.setAttribute('datetime', iso);
      setText(clockDetail, text.dateTime(startDate, clock.tHours));
      // Announce the date when it settles (not 60 times a second while playing).
      if (!clock.playing && iso !== lastAnnounced) {
        lastAnnounced = iso;
        announcer.textContent = text.dateTime(startDate, clock.tHours);
      }
    },
    dispose: () => disposables.dispose(),
  };
}
