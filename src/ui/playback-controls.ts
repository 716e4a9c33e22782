/**
 * Play/pause, playback rate (simulated days per second), steps by a day or a week, and the current
 * date. The date is also announced to screen readers when playback stops or a step lands.
 */
import type { AppState, AppStore } from '../state/store';
import { MAX_RATE_DAYS_PER_SECOND, MIN_RATE_DAYS_PER_SECOND } from '../state/clock';
import { localDateAt } from '../sim/time';
import { el, setText } from './dom';
import { formatDateTime, formatNumber } from './format';
import { t } from './i18n';

export const RATES = [0.25, 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30] as const;

export function mountPlaybackControls(root: HTMLElement, store: AppStore): { update(state: AppState, startDate: string): void; relabel(): void; dispose(): void } {
  const play = el('button', { className: 'play-toggle', testid: 'play-toggle', attrs: { type: 'button', 'aria-pressed': 'false' } });
  const stepButtons = ([-7, -1, 1, 7] as const).map((days) => {
    const button = el('button', { className: 'step', attrs: { type: 'button' } });
    button.addEventListener('click', () => store.getState().stepDays(days));
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

  play.addEventListener('click', () => store.getState().togglePlay());
  rate.addEventListener('change', () => store.getState().setRate(Number(rate.value)));

  let lastAnnounced = '';
  let lastPlaying = false;
  const relabel = () => {
    rateLabel.textContent = t('rateLabel');
    rate.replaceChildren(...RATES.map((r) => el('option', { text: t('rateOption', { n: formatNumber(r, r < 1 ? 2 : 0) }), attrs: { value: String(r) } })));
    for (const { days, button } of stepButtons) {
      button.textContent = days === -7 ? '«' : days === -1 ? '‹' : days === 1 ? '›' : '»';
      const label = t(Math.abs(days) === 7 ? (days < 0 ? 'stepWeekBack' : 'stepWeekForward') : days < 0 ? 'stepDayBack' : 'stepDayForward');
      button.setAttribute('aria-label', label);
      button.title = label;
    }
    rate.title = t('rateHint', { min: MIN_RATE_DAYS_PER_SECOND, max: MAX_RATE_DAYS_PER_SECOND });
    lastPlaying = !store.getState().clock.playing;
  };
  relabel();

  return {
    update(state, startDate) {
      const { clock } = state;
      const iso = localDateAt(startDate, clock.tHours);
      setText(clockDate, iso);
      clockDate.setAttribute('datetime', iso);
      setText(clockDetail, formatDateTime(startDate, clock.tHours));
      if (clock.playing !== lastPlaying) {
        lastPlaying = clock.playing;
        setText(play, clock.playing ? '❚❚' : '▶');
        play.setAttribute('aria-pressed', String(clock.playing));
        play.setAttribute('aria-label', t(clock.playing ? 'pause' : 'play'));
        play.title = `${t(clock.playing ? 'pause' : 'play')} (${t('spaceKey')})`;
      }
      if (rate.value !== String(clock.rateDaysPerSecond)) rate.value = String(clock.rateDaysPerSecond);
      // Announce the date when it settles (not 60 times a second while playing).
      if (!clock.playing && iso !== lastAnnounced) {
        lastAnnounced = iso;
        announcer.textContent = formatDateTime(startDate, clock.tHours);
      }
    },
    relabel,
    dispose() {
      bar.remove();
    },
  };
}
