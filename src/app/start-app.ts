/**
 * Wiring: data → store → model → map, timeline and panels, and the one animation loop.
 */
import type { FeatureCollection, Point } from 'geojson';
import { mountTimeline, type TimelineLabels } from '../charts/timeline';
import { deploymentFeatures, observedFeatures } from '../map/frame-features';
import { createMapView } from '../map/map-view';
import { marginColors } from '../map/palette';
import { lastIndexAtOrBefore } from '../sim/route';
import { sampleAt } from '../sim/sample';
import { localDateAt } from '../sim/time';
import { createAppStore } from '../state/store';
import { mountArrivalTable, marginClass } from '../ui/arrival-table';
import { el } from '../ui/dom';
import { formatDate, formatDateTime, formatNumber, formatShortDate } from '../ui/format';
import { mountGroupStatus, type GroupStatus } from '../ui/group-status';
import { localized, setLanguage, t } from '../ui/i18n';
import { bindTimelineKeys } from '../ui/keyboard';
import { mountLegend } from '../ui/legend';
import { mountPlaybackControls } from '../ui/playback-controls';
import { mountScenarioPanel } from '../ui/scenario-panel';
import { mountValidationPanel } from '../ui/validation-panel';
import { loadEmbeddedData } from './embedded-data';
import { now, startLoop } from './loop';
import { createModel, type ModelResult } from './model';
import { createEnsembleController } from './ensemble-controller';
import { arrivalRows, type ArrivalRow } from '../sim/arrival-table';
import type { EnsembleResult } from '../sim/ensemble';
import type { BandPoint } from '../charts/series-charts';
import { mountEnsemblePanel } from '../ui/ensemble-panel';
import { mountComparePanel } from '../ui/compare-panel';
import { mountLibraryPanel } from '../ui/library-panel';
import { mountToaster } from '../ui/toast';
import { downloadText } from '../ui/download';
import { openScenarioLibrary } from '../state/saved-scenarios';
import { comparisonCsv } from '../sim/export';
import type { Scenario } from '../sim/scenario';
import { mountTopbarActions } from './topbar-actions';
import { createComparison } from './comparison';

declare global {
  interface Window {
    __caravan?: CaravanHooks;
  }
}

const DEFAULT_PRESET = 'historical-2018';
const TIMELINE_TAIL_DAYS = 7;

/** What tests and benchmarks read (DESIGN.md, "Stable test hooks"). */
export interface CaravanHooks {
  ready: boolean;
  state(): object;
  /** Milliseconds from navigation start to the first full render. */
  readyAtMs?: number;
  /** Main-thread milliseconds of the last frames drawn. */
  drawTimes?(): number[];
  /** Where a lon/lat is drawn, in CSS pixels from the map's top left (to point at things). */
  project?(lon: number, lat: number): { x: number; y: number };
}

function fatal(root: HTMLElement, message: string): void {
  root.replaceChildren(el('div', { className: 'fatal', attrs: { role: 'alert' } }, [el('h1', { text: 'Caravan Simulator' }), el('p', { text: message })]));
}

export function startApp(root: HTMLElement): void {
  const hooks: CaravanHooks = { ready: false, state: () => ({}) };
  window.__caravan = hooks;
  setLanguage('en');

  let loaded;
  try {
    loaded = loadEmbeddedData();
  } catch (err) {
    fatal(root, (err as Error).message);
    return;
  }
  const { data, presets, stories } = loaded;
  const { world } = data;
  const runModel = createModel(data, TIMELINE_TAIL_DAYS * 24);
  const initial = presets.get(DEFAULT_PRESET) ?? [...presets.values()][0]!;
  const store = createAppStore(initial, initial.id, (scenario) => {
    runModel(scenario);
  });

  // Layout
  const title = el('h1', { className: 'app-title' });
  const scenarioName = el('span', { className: 'scenario-name' });
  const languageLabel = el('label', { attrs: { for: 'language' } });
  const languageSelect = el('select', { testid: 'language', attrs: { id: 'language' } }, [
    el('option', { text: 'English', attrs: { value: 'en', lang: 'en' } }),
    el('option', { text: 'Español', attrs: { value: 'es', lang: 'es' } }),
  ]);
  const actionsSlot = el('div', { className: 'topbar-actions' });
  const topbar = el('header', { className: 'topbar' }, [title, scenarioName, actionsSlot]);
  const mapEl = el('div', { className: 'map', testid: 'map', attrs: { role: 'region' } });
  const mapSummary = el('p', { className: 'visually-hidden', attrs: { id: 'map-summary' } });
  const positionAnnouncer = el('div', { className: 'visually-hidden', testid: 'position-announcer', attrs: { 'aria-live': 'polite', role: 'status' } });
  const mapArea = el('div', { className: 'map-area' }, [mapEl, mapSummary, positionAnnouncer]);
  const side = el('aside', { className: 'side' });
  const workspace = el('main', { className: 'workspace' }, [mapArea, side]);
  const timelineEl = el('footer', { className: 'timeline', testid: 'timeline' });
  root.replaceChildren(el('div', { className: 'app' }, [topbar, workspace, timelineEl]));

  const crossingById = new Map(world.crossings.map((c) => [c.id, c]));
  const deploymentById = new Map(world.deployments.map((d) => [d.id, d]));
  let model: ModelResult = runModel(initial);

  const mapView = createMapView(mapEl, data, {
    crossing(id) {
      const c = crossingById.get(id)!;
      const row = rows.find((r) => r.crossing === id);
      const lines = [`${c.usState} · ${t('sector')}: ${c.sector}`];
      if (row) {
        lines.push(`${t('colRouteKm')}: ${formatNumber(row.routeKm)}`);
        for (const g of row.byGroup) lines.push(`${g.group}: ${g.date ? formatDate(g.date) : t('notReached')}`);
        if (row.marginDays !== null) lines.push(`${t('colMargin')}: ${row.marginDays} (${t(row.marginDays >= 0 ? 'troopsFirst' : 'caravanFirst')})`);
      }
      return [c.name, lines];
    },
    deployment(id) {
      const d = deploymentById.get(id)!;
      return [
        d.unit,
        [
          `${t(d.force === 'active-duty' ? 'activeDuty' : 'nationalGuard')} · ${d.usState} · ${d.sectors.join(', ')}`,
          `${formatNumber(d.count)} · ${d.base.name}`,
          `${t('inPosition')}: ${formatDate(d.inPosition)}`,
          d.tasks.join(', '),
        ],
      ];
    },
    group(id) {
      const status = groupStatuses().find((g) => g.group === id);
      return [status?.name ?? id, status ? [formatNumber(status.headcount), t(status.atPlace ? 'atPlace' : 'nearPlace', { place: status.placeName })] : []];
    },
  });
  const legend = mountLegend(mapArea);
  const groupStatus = mountGroupStatus(mapArea);
  const panel = mountScenarioPanel(side, store, { presets, network: world.network, crossings: world.crossings });
  const table = mountArrivalTable(side, (crossing) => {
    const c = crossingById.get(crossing);
    if (c) mapView.map.flyTo({ center: [c.lon, c.lat], zoom: 8 });
  });
  const validation = mountValidationPanel(side, world.network);
  const toaster = mountToaster(root);
  const compare = mountComparePanel(side, store, () => {
    const all = comparedScenarios();
    downloadText('comparison.csv', 'text/csv', comparisonCsv(all.map((c) => ({ scenarioName: c.name, rows: c.rows }))));
  });
  const library = mountLibraryPanel(side, store, () => openScenarioLibrary(), toaster);
  const controls = mountPlaybackControls(timelineEl, store);
  const timeline = mountTimeline(timelineEl, store);
  bindTimelineKeys(document, store);

  const marginColor = (row: Parameters<typeof marginClass>[0]) => {
    const cls = marginClass(row);
    return cls === 'troops-first' ? marginColors.troopsFirst : cls === 'caravan-first' ? marginColors.caravanFirst : marginColors.unknown;
  };
  const timelineLabels = (): TimelineLabels => ({
    distance: t('chartDistance'),
    troops: t('chartTroops'),
    slider: t('timelineSlider'),
    valueText: (tHours) => formatDateTime(model.trajectory.startDate, tHours),
    formatEventDate: formatShortDate,
    formatTick: (date, withMonth) => (withMonth ? formatShortDate(date.toISOString().slice(0, 10)) : String(date.getUTCDate())),
  });

  const groupLabel = (track: { name: string; nameEs?: string }) => localized(track.name, track.nameEs);
  const groupStatuses = (): GroupStatus[] => {
    const tHours = store.getState().clock.tHours;
    return sampleAt(model.trajectory, tHours).map((p) => {
      const index = model.trajectory.groups.findIndex((g) => g.id === p.group);
      const track = model.trajectory.groups[index]!;
      const i = lastIndexAtOrBefore(track.route.nodeKm, p.km);
      const next = Math.min(i + 1, track.route.nodes.length - 1);
      const nearest = p.km - track.route.nodeKm[i]! <= track.route.nodeKm[next]! - p.km ? i : next;
      return {
        ...p,
        name: groupLabel(track),
        index,
        placeName: track.route.nodes[nearest]!.name,
        atPlace: Math.abs(track.route.nodeKm[nearest]! - p.km) < 1,
        nearestCrossingKm: model.nearestCrossingKm(p.group, tHours),
      };
    });
  };

  const comparison = createComparison(world, (scenario) => ensembles.cached(scenario));
  const comparedScenarios = () => comparison.scenarios({ scenario: model.scenario, trajectory: model.trajectory, rows }, store.getState().pinned);
  let comparedPinned: readonly Scenario[] | null = null;
  let comparedRows: typeof rows | null = null;
  const updateCompare = () => {
    const pinned = store.getState().pinned;
    if (pinned === comparedPinned && rows === comparedRows) return;
    comparedPinned = pinned;
    comparedRows = rows;
    const [current, ...others] = comparedScenarios();
    compare.update(current!, others);
  };

  let drawnScenario: ModelResult | null = null;
  let observedDate = '';
  let observedFc: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };
  let mapReady = false;

  // Ensembles run in the worker after each edit; their result, once it lands, joins the model's.
  let ensemble: EnsembleResult | null = null;
  /** Arrival rows of the scenario on screen, with the ensemble's ranges once it has them (set by showResults). */
  let rows: ArrivalRow[] = [];

  const distanceBands = (result: EnsembleResult | null): BandPoint[][] | undefined =>
    result?.bands.map((band) =>
      Array.from(band.p10Km, (p10, i) => {
        const p90 = band.p90Km[i]!;
        if (Number.isNaN(p10) || Number.isNaN(p90)) return null;
        // Farther along the route means nearer a crossing, almost always: P90 km gives the low edge.
        const a = model.nearestCrossingKmAtKm(band.group, p10) ?? 0;
        const b = model.nearestCrossingKmAtKm(band.group, p90) ?? 0;
        return { tHours: i * band.stepHours, low: Math.min(a, b), high: Math.max(a, b) };
      }).filter((p): p is BandPoint => p !== null && p.tHours <= model.trajectory.spanHours),
    );

  /**
   * Everything that depends on the model's results (and the ensemble's, when it has one). When an
   * ensemble result lands, the table, the charts and the map are updated in separate tasks, so no
   * single one holds the main thread for long.
   */
  const showResults = (spread = false) => {
    rows = arrivalRows(model.trajectory, world, ensemble);
    const destinations = new Set(model.trajectory.groups.map((g) => g.destination));
    table.update(rows, destinations);
    validation.update(model.validation, ensemble?.coverage ?? null);
    ensemblePanel.update(ensembles.status, model.scenario);
    if (spread) {
      const forModel = model;
      setTimeout(() => {
        if (forModel !== model) return;
        showCharts();
        setTimeout(() => {
          if (forModel !== model || !mapReady) return;
          mapView.setScenario(model.trajectory, rows, marginColor, formatShortDate, groupLabel);
          // New group labels are placed by the next frame.
          loop.requestFrame();
        }, 0);
      }, 0);
      return;
    }
    showCharts();
    if (mapReady) mapView.setScenario(model.trajectory, rows, marginColor, formatShortDate, groupLabel);
  };
  // A week past the last arrival: what happened at the border after (the 25 November closure) stays in reach.
  const timelineSpanHours = () => model.trajectory.spanHours + TIMELINE_TAIL_DAYS * 24;
  const showCharts = () => {
    const bands = distanceBands(ensemble);
    timeline.setData(
      {
        startDate: model.trajectory.startDate,
        spanHours: timelineSpanHours(),
        distanceSeries: model.distanceSeries,
        ...(bands ? { distanceBands: ensemble!.bands.map((b, i) => ({ group: b.group, points: bands[i]! })) } : {}),
        troopSeries: model.troopSeries,
        events: data.events.map((e) => ({ ...e, title: localized(e.title, e.titleEs), text: localized(e.text, e.textEs) })),
      },
      timelineLabels(),
    );
  };

  const ensembles = createEnsembleController({
    onStatus: (status) => ensemblePanel.update(status, model.scenario),
    onResult(result, fresh) {
      ensemble = result;
      showResults(fresh);
      loop.requestFrame();
    },
  });
  const ensemblePanel = mountEnsemblePanel(side, store, ensembles.settings, (settings) => ensembles.setSettings(settings, model.scenario));
  // Right under the scenario it qualifies, above the table it feeds.
  side.insertBefore(side.lastElementChild!, side.children[1] ?? null);

  const applyModel = () => {
    const s = store.getState();
    model = runModel(s.scenario);
    store.getState().setSpan(timelineSpanHours());
    scenarioName.textContent = localized(s.scenario.name, s.scenario.nameEs);
    observedDate = '';
    drawnScenario = model;
    ensemble = ensembles.cached(model.scenario);
    showResults();
    // The first ensemble waits for the first full render: the map's own worker needs the cores then.
    if (hooks.ready) ensembles.request(model.scenario);
  };

  const draw = () => {
    const state = store.getState();
    if (drawnScenario === null || state.scenario !== drawnScenario.scenario) applyModel();
    const { tHours } = state.clock;
    const startDate = model.trajectory.startDate;
    panel.update(state);
    controls.update(state, startDate);
    timeline.setTime(tHours);
    const statuses = groupStatuses();
    groupStatus.update(statuses);
    updateCompare();
    // Screen readers hear where the groups are when the clock settles, not 60 times a second.
    if (!state.clock.playing) {
      const text = statuses.map((g) => t('positionAnnouncement', { group: g.name, where: t(g.atPlace ? 'atPlace' : 'nearPlace', { place: g.placeName }) })).join('; ');
      if (positionAnnouncer.textContent !== text) positionAnnouncer.textContent = text;
    }
    if (mapReady) {
      const date = localDateAt(startDate, tHours);
      if (date !== observedDate) {
        observedDate = date;
        observedFc = observedFeatures(world.observations, world.network, startDate, date);
      }
      if (mapView.recorder.recording) mapView.recorder.frame(`${model.scenario.name} · ${formatDateTime(startDate, tHours)}`);
      mapView.update({
        scale: document.body.classList.contains('presentation') ? 1.6 : 1,
        ghosts: comparison.ghosts(store.getState().pinned, startDate, tHours),
        tHours,
        bands: ensemble?.bands ?? null,
        trajectory: model.trajectory,
        positions: statuses,
        deployments: deploymentFeatures(world.deployments, startDate, tHours, state.scenario.troops.shiftDays),
        observed: observedFc,
      });
    }
  };

  const relabel = () => {
    title.textContent = t('appTitle');
    mapEl.setAttribute('aria-label', t('mapLabel'));
    mapEl.setAttribute('aria-describedby', 'map-summary');
    panel.relabel();
    table.relabel();
    validation.relabel();
    controls.relabel();
    groupStatus.relabel();
    legend.relabel();
    ensemblePanel.relabel();
    compare.relabel();
    library.relabel();
    mapSummary.textContent = t('mapSummary');
    actions.relabel();
    languageLabel.textContent = t('languageLabel');
    drawnScenario = null;
    loop.requestFrame();
  };

  const loop = startLoop(store, draw);
  hooks.drawTimes = () => loop.drawTimes();
  hooks.project = (lon, lat) => {
    const p = mapView.map.project([lon, lat]);
    return { x: p.x, y: p.y };
  };
  languageSelect.addEventListener('change', () => {
    setLanguage(languageSelect.value === 'es' ? 'es' : 'en');
    relabel();
  });

  const actions = mountTopbarActions(actionsSlot, {
    store,
    presets,
    stories,
    mapView,
    mapArea,
    timelineEl,
    toaster,
    onNextFrame: (callback) => loop.onNextFrame(callback),
    current: () => ({ scenario: model.scenario, trajectory: model.trajectory, rows }),
  });
  actionsSlot.append(languageLabel, languageSelect);

  relabel();

  mapView.loaded.then(() => {
    mapReady = true;
    actions.share.open(location.hash);
    // Show the results again now that the map can take them (the first frames drew without it).
    drawnScenario = null;
    draw();
    mapView.map.once('idle', () => {
      hooks.readyAtMs = now();
      hooks.ready = true;
      ensembles.request(model.scenario);
    });
  }).catch(reportError);

  hooks.state = () => {
    const s = store.getState();
    return {
      scenarioId: s.scenario.id,
      presetId: s.presetId,
      date: localDateAt(model.trajectory.startDate, s.clock.tHours),
      tHours: s.clock.tHours,
      playing: s.clock.playing,
      rate: s.clock.rateDaysPerSecond,
      spanHours: s.clock.spanHours,
      fieldErrors: s.fieldErrors,
      walkKmPerDay: s.scenario.modes.walk.kmPerDay,
      groups: groupStatuses().map((g) => ({ id: g.group, lat: g.lat, lon: g.lon, km: g.km, headcount: g.headcount, activity: g.activity, place: g.atPlace ? g.placeName : null, nearestPlace: g.placeName })),
      arrivals: rows.map((r) => ({ crossing: r.crossing, lead: r.lead?.date ?? null, main: r.main?.date ?? null, mainP10: r.main?.p10 ?? null, mainP90: r.main?.p90 ?? null, marginDays: r.marginDays, caravanFirstChance: r.caravanFirstChance })),
      ensemble: { ...ensembles.status, runs: ensembles.settings.runs, seed: ensembles.settings.seed, coverage: ensemble?.coverage?.share ?? null },
    };
  };
}
