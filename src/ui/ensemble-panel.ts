/**
 * Ensemble controls: how many runs, the seed, the spread of the daily speeds; a progress bar while
 * the worker runs, and what the last result was.
 */
import { MAX_ENSEMBLE_GROUP_DAYS } from '../sim/ensemble';
import type { AppState, AppStore } from '../state/store';
import { Disposables, followLanguage, followState, type Control } from './control';
import { el, setText } from './dom';
import { textFor } from './i18n';

export const RUN_COUNTS = [100, 500, 1000, 2000, 5000, 10000] as const;

export interface EnsembleSettings {
  runs: number;
  seed: number;
}

export interface EnsembleStatus {
  /** `refused`: over the work bound, not started; `unavailable`: failed twice, waiting for Retry. */
  state: 'idle' | 'running' | 'done' | 'refused' | 'unavailable';
  done: number;
  total: number;
  elapsedMs?: number;
  /** Run again in a fresh worker after the first one failed. */
  restarted?: boolean;
  /** When refused: the most runs of this scenario the work bound allows. */
  runsThatFit?: number;
  /** When unavailable: the worker crashed (or was stopped), stopped answering, or the job itself failed. */
  failure?: 'crashed' | 'unresponsive' | 'error';
}

/** The largest run count on offer within `runsThatFit` (the bound always allows the smallest). */
export function fewerRuns(runsThatFit: number): number {
  return [...RUN_COUNTS].reverse().find((n) => n <= runsThatFit) ?? RUN_COUNTS[0];
}

export interface EnsemblePanel extends Control {
  /** Shows the worker's progress or the last result's state. */
  update(status: EnsembleStatus): void;
}

export function mountEnsemblePanel(root: HTMLElement, store: AppStore, initial: EnsembleSettings, onSettings: (settings: EnsembleSettings) => void, onRetry: () => void): EnsemblePanel {
  const disposables = new Disposables();
  const section = el('section', { className: 'panel ensemble-panel', attrs: { 'aria-labelledby': 'ensemble-heading' } });
  const heading = el('h2', { attrs: { id: 'ensemble-heading' } });
  const note = el('p', { className: 'panel-note' });
  const runsLabel = el('label', { attrs: { for: 'ensemble-runs' } });
  const runs = el('select', { testid: 'ensemble-runs', attrs: { id: 'ensemble-runs' } }, RUN_COUNTS.map((n) => el('option', { attrs: { value: String(n) } })));
  runs.value = String(initial.runs);
  const seedLabel = el('label', { attrs: { for: 'ensemble-seed' } });
  const seed = el('input', { testid: 'ensemble-seed', attrs: { id: 'ensemble-seed', type: 'number', step: '1', value: String(initial.seed) } });
  const spreadLabel = el('label', { attrs: { for: 'ensemble-spread' } });
  const spread = el('input', { testid: 'ensemble-spread', attrs: { id: 'ensemble-spread', type: 'number', min: '0', max: '100', step: '5' } });
  const seedError = el('p', { className: 'field-error', attrs: { id: 'ensemble-seed-error', 'aria-live': 'polite' } });
  const spreadError = el('p', { className: 'field-error', attrs: { id: 'ensemble-spread-error', 'aria-live': 'polite' } });
  seed.setAttribute('aria-describedby', seedError.id);
  spread.setAttribute('aria-describedby', spreadError.id);
  const progress = el('progress', { testid: 'ensemble-progress', attrs: { max: '1', value: '0' } });
  const status = el('p', { className: 'ensemble-status', testid: 'ensemble-status', attrs: { 'aria-live': 'polite', tabindex: '-1' } });
  // What the person can do about a refused or failed ensemble: fewer runs, or try again.
  const fewerButton = el('button', { testid: 'ensemble-fewer-runs', attrs: { type: 'button', hidden: '' } });
  const retryButton = el('button', { testid: 'ensemble-retry', attrs: { type: 'button', hidden: '' } });
  section.append(
    heading,
    note,
    el('div', { className: 'scenario-form ensemble-form' }, [
      el('div', { className: 'field' }, [runsLabel, runs]),
      el('div', { className: 'field' }, [seedLabel, seed, seedError]),
      el('div', { className: 'field' }, [spreadLabel, spread, spreadError]),
    ]),
    progress,
    status,
    el('div', { className: 'ensemble-actions' }, [fewerButton, retryButton]),
  );
  root.append(section);
  disposables.add(() => section.remove());
  const text = () => textFor(store.getState().language);

  let settings = { ...initial };
  disposables.listen(runs, 'change', () => {
    settings = { ...settings, runs: Number(runs.value) };
    onSettings(settings);
  });
  disposables.listen(fewerButton, 'click', () => {
    const fewer = fewerRuns(lastStatus.runsThatFit ?? 0);
    runs.value = String(fewer);
    settings = { ...settings, runs: fewer };
    onSettings(settings);
    runs.focus();
  });
  disposables.listen(retryButton, 'click', () => {
    onRetry();
    // The button hides while the runs go on: keep the keyboard where the person was.
    status.focus();
  });
  disposables.listen(seed, 'input', () => {
    const value = Number(seed.value);
    if (seed.value.trim() === '' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1) {
      seedError.textContent = text().t('errSeed');
      seed.setAttribute('aria-invalid', 'true');
      return;
    }
    seedError.textContent = '';
    seed.setAttribute('aria-invalid', 'false');
    settings = { ...settings, seed: value };
    onSettings(settings);
  });
  disposables.listen(spread, 'input', () => {
    const value = Number(spread.value);
    if (spread.value.trim() === '' || !(value >= 0 && value <= 100)) {
      spreadError.textContent = text().t('errSpread');
      spread.setAttribute('aria-invalid', 'true');
      return;
    }
    spreadError.textContent = '';
    spread.setAttribute('aria-invalid', 'false');
    const scenario = store.getState().scenario;
    store.getState().applyScenario({ ...scenario, uncertainty: { ...scenario.uncertainty, speedSpread: value / 100 } }, 'spread');
  });

  let lastStatus: EnsembleStatus = { state: 'idle', done: 0, total: 0 };
  const renderStatus = () => {
    const s = lastStatus;
    const { t, number } = text();
    progress.max = Math.max(1, s.total);
    progress.value = s.done;
    progress.hidden = s.state !== 'running';
    const restarted = s.restarted ? ` ${t('ensembleRestarted')}` : '';
    const lines: Record<EnsembleStatus['state'], () => string> = {
      idle: () => '',
      running: () => t('ensembleRunning', { done: number(s.done), total: number(s.total) }) + restarted,
      done: () => t('ensembleDone', { total: number(s.total), seconds: number((s.elapsedMs ?? 0) / 1000, 1) }),
      refused: () => t('ensembleTooMuch', { runs: number(s.total), bound: number(MAX_ENSEMBLE_GROUP_DAYS), fit: number(s.runsThatFit ?? 0) }),
      unavailable: () => t(s.failure === 'unresponsive' ? 'ensembleUnavailableHung' : s.failure === 'error' ? 'ensembleUnavailableFailed' : 'ensembleUnavailableCrashed'),
    };
    setText(status, lines[s.state]());
    status.classList.toggle('ensemble-problem', s.state === 'refused' || s.state === 'unavailable');
    fewerButton.hidden = s.state !== 'refused';
    setText(fewerButton, t('ensembleUseFewer', { runs: number(fewerRuns(s.runsThatFit ?? 0)) }));
    retryButton.hidden = s.state !== 'unavailable';
    setText(retryButton, t('ensembleRetry'));
  };
  /** The spread of the scenario on screen, unless the person is typing one or it is refused. */
  const showSpread = (state: AppState) => {
    if (document.activeElement === spread || spread.getAttribute('aria-invalid') === 'true') return;
    const percent = String(Math.round(state.scenario.uncertainty.speedSpread * 100));
    if (spread.value !== percent) spread.value = percent;
  };
  disposables.add(
    followLanguage(store, ({ t, number }) => {
      heading.textContent = t('ensembleHeading');
      note.textContent = t('ensembleNote');
      runsLabel.textContent = t('ensembleRuns');
      seedLabel.textContent = t('ensembleSeed');
      spreadLabel.textContent = t('ensembleSpread');
      runs.querySelectorAll('option').forEach((option) => (option.textContent = number(Number(option.value))));
      renderStatus();
    }),
  );
  disposables.add(followState(store, (s) => [s.scenario], showSpread));
  return {
    update(next) {
      lastStatus = next;
      renderStatus();
    },
    dispose: () => disposables.dispose(),
  };
}
