/**
 * The reaction to a scenario change — the path of one edit, read top to bottom:
 *
 *   panel (src/ui/scenario-panel.ts: apply) → store (src/state/store.ts: applyScenario, which checks
 *   the candidate by schema and by planning it: models.plan) → here, a store subscription:
 *   showScenario → the model runs once (models.result) → results (arrival rows, pinned runs,
 *   observed markers) → views (table, validation, timeline, map, compare) → an ensemble is asked for.
 *
 * Nothing here runs in a frame: the frame (frame.ts) only reads `current()`.
 */
import type { LoadedData } from '../data/load-world';
import type { Timeline } from '../charts/timeline';
import type { MapView } from '../map/map-view';
import { observedMarkers, type ObservedMarker } from '../map/time-markers';
import { arrivalRows, type ArrivalRow } from '../sim/arrival-table';
import type { EnsembleResult } from '../sim/ensemble';
import type { AppState, AppStore } from '../state/store';
import type { ArrivalTable } from '../ui/arrival-table';
import type { ComparePanel } from '../ui/compare-panel';
import { Disposables, type Control } from '../ui/control';
import type { EnsemblePanel } from '../ui/ensemble-panel';
import { textFor } from '../ui/i18n';
import type { ValidationPanel } from '../ui/validation-panel';
import { comparedScenarios, runPinned, type PinnedRun } from './comparison';
import type { EnsembleController } from './ensemble-controller';
import type { ModelCache, ModelResult } from './model-cache';
import { groupName, marginColor, timelineView } from './view-model';

/** What is on screen: the model's result for the scenario, with what the views derived from it. */
export interface ScenarioView {
  result: ModelResult;
  /** The ensemble of this scenario with the current settings, once one has landed. */
  ensemble: EnsembleResult | null;
  /** Arrival rows (with the ensemble's ranges when it has one). */
  rows: ArrivalRow[];
  pinned: PinnedRun[];
  observed: ObservedMarker[];
}

export interface ResultViews {
  table: ArrivalTable;
  validation: ValidationPanel;
  ensemblePanel: EnsemblePanel;
  compare: ComparePanel;
  timeline: Timeline;
  mapView: MapView;
}

export interface ScenarioResults extends Control {
  /** The scenario on screen and its results (the frame, the popups, the exports and the test hooks read it). */
  current(): ScenarioView;
  /** From now on every scenario shown also gets an ensemble (the first waits for the first full render). */
  startEnsembles(): void;
}

export function createScenarioResults(deps: {
  store: AppStore;
  data: LoadedData;
  models: ModelCache;
  ensembles: EnsembleController;
  views: ResultViews;
  /** Asks the loop for a frame (a result that lands between store changes must be drawn too). */
  requestFrame(): void;
}): ScenarioResults {
  const { store, data, models, ensembles, views } = deps;
  const { world } = data;
  const disposables = new Disposables();
  const cachedEnsemble = (scenario: AppState['scenario']) => ensembles.cached(scenario);
  let ensemblesOn = false;
  let view: ScenarioView = shownOf(store.getState().scenario);

  function shownOf(scenario: AppState['scenario']): ScenarioView {
    const result = models.result(scenario);
    const ensemble = ensembles.cached(scenario);
    return {
      result,
      ensemble,
      rows: arrivalRows(result.trajectory, world, ensemble),
      pinned: runPinned(models, world, store.getState().pinned, cachedEnsemble),
      observed: observedMarkers(world.observations, world.network, result.trajectory.startDate),
    };
  }

  /** A new scenario: run it (once, through the cache), then show it. */
  const showScenario = (state: AppState) => {
    view = shownOf(state.scenario);
    present();
  };
  /** Hands the results on: the clock's span, the tables, the charts and the map; asks for the ensemble. */
  const present = () => {
    store.getState().setSpan(view.result.timelineSpanHours);
    showTables();
    showChartsAndMap();
    if (ensemblesOn) ensembles.request(view.result.scenario);
  };

  const showTables = () => {
    const { trajectory } = view.result;
    views.table.update(view.rows, new Set(trajectory.groups.map((g) => g.destination)));
    views.validation.update(view.result.validation, view.ensemble?.coverage ?? null);
    views.ensemblePanel.update(ensembles.status);
    showComparison();
  };
  const showComparison = () => {
    const { trajectory, scenario } = view.result;
    const [current, ...others] = comparedScenarios({ scenario, trajectory, rows: view.rows }, view.pinned, textFor(store.getState().language));
    views.compare.update(current!, others);
  };
  const showChartsAndMap = () => {
    const text = textFor(store.getState().language);
    const { data: chartData, labels } = timelineView(view.result, view.ensemble, data.events, text);
    views.timeline.setData(chartData, labels);
    views.mapView.setScenario(view.result.trajectory, view.rows, marginColor, text.shortDate, (track) => groupName(track, text));
    deps.requestFrame();
  };

  /**
   * An ensemble landed for the scenario on screen. Fresh from the worker, the table, then the
   * charts, then the map are updated in separate tasks, so no one task holds the main thread long.
   */
  const showEnsemble = (ensemble: EnsembleResult, fresh: boolean) => {
    const scenario = view.result.scenario;
    view = { ...view, ensemble, rows: arrivalRows(view.result.trajectory, world, ensemble) };
    showTables();
    if (!fresh) {
      showChartsAndMap();
      return;
    }
    const forView = view;
    setTimeout(() => {
      if (forView !== view || scenario !== store.getState().scenario) return;
      const text = textFor(store.getState().language);
      const { data: chartData, labels } = timelineView(view.result, view.ensemble, data.events, text);
      views.timeline.setData(chartData, labels);
      setTimeout(() => {
        if (forView !== view) return;
        views.mapView.setScenario(view.result.trajectory, view.rows, marginColor, text.shortDate, (track) => groupName(track, text));
        // New group labels are placed by the next frame.
        deps.requestFrame();
      }, 0);
    }, 0);
  };

  ensembles.connect({ onStatus: (status) => views.ensemblePanel.update(status), onResult: showEnsemble });
  disposables.add(
    store.subscribe((state, previous) => {
      if (state.scenario !== previous.scenario) showScenario(state);
      else if (state.pinned !== previous.pinned) {
        view = { ...view, pinned: runPinned(models, world, state.pinned, cachedEnsemble) };
        showComparison();
        deps.requestFrame();
      }
      // Data texts (event titles, group names, dates on the map) follow the language.
      if (state.language !== previous.language) {
        showComparison();
        showChartsAndMap();
      }
    }),
  );
  // The first scenario, as the app opens.
  present();

  return {
    current: () => view,
    startEnsembles() {
      ensemblesOn = true;
      ensembles.request(view.result.scenario);
    },
    dispose: () => disposables.dispose(),
  };
}
