/**
 * The composition root: load the data, make the store and the model cache, mount the layout and
 * the controls, connect the reaction to scenario changes (scenario-results.ts) and the frame
 * (frame.ts) to the loop, and fill in the test hooks. Each part is made before it is used.
 */
import { mountTimeline } from '../charts/timeline';
import { createMapView } from '../map/map-view';
import { createTroopMarkers } from '../map/time-markers';
import { deploymentRecordSpan } from '../sim/troops';
import { createAppStore } from '../state/store';
import { openScenarioLibrary } from '../state/saved-scenarios';
import { mountArrivalTable } from '../ui/arrival-table';
import { mountComparePanel } from '../ui/compare-panel';
import { el } from '../ui/dom';
import { mountEnsemblePanel } from '../ui/ensemble-panel';
import { mountGroupStatus } from '../ui/group-status';
import { textFor } from '../ui/i18n';
import { Disposables, type Control } from '../ui/control';
import { bindTimelineKeys } from '../ui/keyboard';
import { mountLegend } from '../ui/legend';
import { mountLibraryPanel } from '../ui/library-panel';
import { mountPlaybackControls } from '../ui/playback-controls';
import { mountScenarioPanel } from '../ui/scenario-panel';
import { mountToaster } from '../ui/toast';
import { mountValidationPanel } from '../ui/validation-panel';
import { loadEmbeddedData } from './embedded-data';
import { createEnsembleController } from './ensemble-controller';
import { createFrame } from './frame';
import { mountLayout } from './layout';
import { createLoop, now } from './loop';
import { createModelCache } from './model-cache';
import { createScenarioResults } from './scenario-results';
import { connectTestHooks, installTestHooks } from './test-hooks';
import { mountTopbarActions } from './topbar-actions';
import { crossingPopup, deploymentPopup, groupPopup, statusesAt } from './view-model';

export type { CaravanHooks } from './test-hooks';

const DEFAULT_PRESET = 'historical-2018';
/** A week past the last arrival: what happened at the border after (the 25 November closure) stays in reach. */
const TIMELINE_TAIL_DAYS = 7;

function fatal(root: HTMLElement, message: string): void {
  root.replaceChildren(el('div', { className: 'fatal', attrs: { role: 'alert' } }, [el('h1', { text: 'Caravan Simulator' }), el('p', { text: message })]));
}

/** Starts the workspace in `root`; `dispose()` takes it down again (every control, listener and worker). */
export function startApp(root: HTMLElement): Control {
  const hooks = installTestHooks();
  const app = new Disposables();
  let loaded;
  try {
    loaded = loadEmbeddedData();
  } catch (err) {
    fatal(root, (err as Error).message);
    return app;
  }
  const { data, presets, stories } = loaded;
  const { world } = data;
  const models = createModelCache(data, TIMELINE_TAIL_DAYS * 24);
  const initial = presets.get(DEFAULT_PRESET) ?? [...presets.values()][0]!;
  // An edit is checked by planning it (references, routes); the plan is kept for the run.
  const store = createAppStore({ scenario: initial, presetId: initial.id, check: (scenario) => void models.plan(scenario) });
  /** Keeps a part for `dispose()` (taken down in the reverse order of making). */
  const part = <T extends Control>(made: T): T => {
    app.add(() => made.dispose());
    return made;
  };
  const layout = part(mountLayout(root, store));
  const loop = part(createLoop(store));
  const mapView = part(createMapView(layout.mapEl, data));
  const ensembles = part(createEnsembleController());

  // Controls, in the order they appear.
  part(mountLegend(layout.mapArea, store));
  const groupStatus = part(mountGroupStatus(layout.mapArea, store));
  part(mountScenarioPanel(layout.side, store, { presets, network: world.network, crossings: world.crossings, deploymentSpan: deploymentRecordSpan(world.deployments) }));
  const ensemblePanel = part(mountEnsemblePanel(layout.side, store, ensembles.settings, (settings) => ensembles.setSettings(settings, store.getState().scenario), () => ensembles.retry()));
  const crossingById = new Map(world.crossings.map((c) => [c.id, c]));
  const table = part(
    mountArrivalTable(layout.side, store, (crossing) => {
      const c = crossingById.get(crossing);
      if (c) mapView.map.flyTo({ center: [c.lon, c.lat], zoom: 8 });
    }),
  );
  const validation = part(mountValidationPanel(layout.side, store, world.network));
  const toaster = part(mountToaster(root));
  const compare = part(mountComparePanel(layout.side, store));
  part(mountLibraryPanel(layout.side, store, () => openScenarioLibrary(), toaster));
  const playback = part(mountPlaybackControls(layout.timelineEl, store));
  const timeline = part(mountTimeline(layout.timelineEl, store));
  app.add(bindTimelineKeys(document, store));

  // The path of an edit: store → model → results → views.
  const results = part(createScenarioResults({ store, data, models, ensembles, views: { table, validation, ensemblePanel, compare, timeline, mapView }, requestFrame: () => loop.requestFrame() }));
  const deploymentById = new Map(world.deployments.map((d) => [d.id, d]));
  const text = () => textFor(store.getState().language);
  mapView.setPopups({
    crossing: (id) => crossingPopup(crossingById.get(id)!, results.current().rows.find((r) => r.crossing === id), text()),
    deployment: (id) => deploymentPopup(deploymentById.get(id)!, text()),
    group: (id) => {
      const statuses = statusesAt(results.current().result, store.getState().clock.tHours, text());
      return groupPopup(id, statuses.find((g) => g.group === id), text());
    },
  });
  const topbar = part(mountTopbarActions(layout.actionsSlot, {
    store,
    presets,
    stories,
    mapView,
    mapArea: layout.mapArea,
    timelineEl: layout.timelineEl,
    toaster,
    onNextFrame: (callback) => loop.onNextFrame(callback),
    current: () => {
      const { result, rows } = results.current();
      return { scenario: result.scenario, trajectory: result.trajectory, rows };
    },
  }));

  // The path of a frame: clock → sample → draw.
  const drawFrame = createFrame(store, results, { playback, timeline, groupStatus, positionAnnouncer: layout.positionAnnouncer, mapView, troops: createTroopMarkers(world.deployments) });
  loop.start(drawFrame);
  connectTestHooks(hooks, { store, results, ensembles, loop, mapView });

  mapView.loaded
    .then(() => {
      topbar.share.open(location.hash);
      // The map has taken the scenario's layers: draw now, then wait for the map to settle.
      drawFrame();
      mapView.map.once('idle', () => {
        hooks.readyAtMs = now();
        hooks.ready = true;
        // The first ensemble waits for the first full render: the map's own worker needs the cores until then.
        results.startEnsembles();
      });
    })
    .catch(reportError);
  return app;
}
