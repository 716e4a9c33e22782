/** How far the scenario is from the observed 2018 track: the summary and each milestone's error. */
import type { EnsembleResult } from '../sim/ensemble';
import type { ValidationSummary } from '../sim/validation';
import type { RoadNetwork } from '../sim/network';
import type { AppStore } from '../state/store';
import { Disposables, followLanguage, type Control } from './control';
import { el } from './dom';
import { textFor } from './i18n';

export interface ValidationPanel extends Control {
  update(summary: ValidationSummary | null, coverage: EnsembleResult['coverage']): void;
}

export function mountValidationPanel(root: HTMLElement, store: AppStore, network: RoadNetwork): ValidationPanel {
  const disposables = new Disposables();
  const section = el('section', { className: 'panel validation-panel', testid: 'validation', attrs: { 'aria-labelledby': 'validation-heading' } });
  const heading = el('h2', { attrs: { id: 'validation-heading' } });
  const summaryLine = el('p', { className: 'validation-summary' });
  const coverageLine = el('p', { className: 'validation-coverage', testid: 'coverage' });
  const details = el('details');
  const detailsSummary = el('summary');
  const table = el('table', { className: 'validation-table' });
  details.append(detailsSummary, table);
  section.append(heading, summaryLine, coverageLine, details);
  root.append(section);
  disposables.add(() => section.remove());
  let last: ValidationSummary | null = null;
  let lastCoverage: EnsembleResult['coverage'] = null;

  const render = () => {
    const { t, number, shortDate, signedDays } = textFor(store.getState().language);
    heading.textContent = t('validationHeading');
    detailsSummary.textContent = t('validationDetails');
    const summary = last;
    coverageLine.textContent = lastCoverage ? t('coverage', { inside: lastCoverage.inside, compared: lastCoverage.compared, percent: number(lastCoverage.share * 100) }) : '';
    if (!summary || summary.compared === 0) {
      summaryLine.textContent = t('validationNone');
      table.replaceChildren();
      details.hidden = true;
      return;
    }
    details.hidden = false;
    summaryLine.replaceChildren(
      el('strong', { text: t('validationMae', { days: number(summary.meanAbsErrorDays ?? 0, 2) }) }),
      document.createTextNode(' · '),
      document.createTextNode(t('validationCount', { n: summary.compared, km: number(summary.meanAbsErrorKm ?? 0) })),
      document.createTextNode(' · '),
      document.createTextNode(
        summary.worst
          ? t('validationWorst', { place: network.nodes.get(summary.worst.place)?.name ?? summary.worst.place, date: shortDate(summary.worst.date), days: signedDays(summary.worst.errorDays ?? 0) })
          : '',
      ),
    );
    const head = el('tr', {}, [t('colDate'), t('colGroup'), t('colPlace'), t('colErrDays'), t('colErrKm')].map((text) => el('th', { text, attrs: { scope: 'col' } })));
    const rows = summary.milestones
      .filter((m) => m.status === 'compared')
      .map((m) => {
        const tr = el('tr', { className: Math.abs(m.errorDays ?? 0) >= 2 ? 'off' : '' }, [
          el('td', { text: shortDate(m.date) }),
          el('td', { text: m.group }),
          el('td', { text: network.nodes.get(m.place)?.name ?? m.place }),
          el('td', { className: 'numeric', text: signedDays(m.errorDays ?? 0) }),
          el('td', { className: 'numeric', text: signedDays(m.errorKm ?? 0) }),
        ]);
        tr.dataset.place = m.place;
        return tr;
      });
    table.replaceChildren(el('thead', {}, [head]), el('tbody', {}, rows));
  };
  disposables.add(followLanguage(store, render));

  return {
    update(summary, coverage) {
      last = summary;
      lastCoverage = coverage;
      render();
    },
    dispose: () => disposables.dispose(),
  };
}
