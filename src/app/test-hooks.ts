/**
 * What tests, benchmarks and outside checks read (DESIGN.md, "Stable test hooks"):
 * `window.__caravan = { ready, state() }`, where `ready` turns true after the first full render.
 */
import type { MapView } from '../map/map-view';
import { localDateAt } from '../sim/time';
import type { AppStore } from '../state/store';
import { textFor } from '../ui/i18n';
import type { EnsembleController } from './ensemble-controller';
import type { Loop } from './loop';
import type { ScenarioResults } from './scenario-results';
import { statusesAt } from './view-model';

declare global {
  interface Window {
    __caravan?: CaravanHooks;
  }
}

export interface CaravanHooks {
  ready: boolean;
  state(): object;
  /** Milliseconds from navigation start to the first full render. */
  readyAtMs?: number;
  /** Main-thread milliseconds of the last frames drawn. */
  drawTimes?(): number[];
  /** Where a lon/lat is drawn, in CSS pixels from the map's top left (to point at things). */
  project?(lon: number, lat: number): { x: number; y: number };
  /** Ends the ensemble worker now, as a crash would (the app must recover); true when one was running. */
  killEnsembleWorker?(): boolean;
}

/** Installs the hooks at once (not ready, an empty state), so a test can wait on them from the start. */
export function installTestHooks(): CaravanHooks {
  const hooks: CaravanHooks = { ready: false, state: () => ({}) };
  window.__caravan = hooks;
  return hooks;
}

/** Fills the hooks in once the app runs. */
export function connectTestHooks(hooks: CaravanHooks, app: { store: AppStore; results: ScenarioResults; ensembles: EnsembleController; loop: Loop; mapView: MapView }): void {
  const { store, results, ensembles, loop, mapView } = app;
  hooks.drawTimes = () => loop.drawTimes();
  hooks.killEnsembleWorker = () => ensembles.killWorker();
  hooks.project = (lon, lat) => {
    const p = mapView.map.project([lon, lat]);
    return { x: p.x, y: p.y };
  };
  hooks.state = () => {
    const s = store.getState();
    const { result, rows, ensemble } = results.current();
    return {
      scenarioId: s.scenario.id,
      presetId: s.presetId,
      date: localDateAt(result.trajectory.startDate, s.clock.tHours),
      tHours: s.clock.tHours,
      playing: s.clock.playing,
      rate: s.clock.rateDaysPerSecond,
      spanHours: s.clock.spanHours,
      language: s.language,
      fieldErrors: s.fieldErrors,
      walkKmPerDay: s.scenario.modes.walk.kmPerDay,
      groups: statusesAt(result, s.clock.tHours, textFor(s.language)).map((g) => ({
        id: g.group,
        lat: g.lat,
        lon: g.lon,
        km: g.km,
        headcount: g.headcount,
        activity: g.activity,
        place: g.atPlace ? g.placeName : null,
        nearestPlace: g.placeName,
      })),
      arrivals: rows.map((r) => ({ crossing: r.crossing, lead: r.lead?.date ?? null, main: r.main?.date ?? null, mainP10: r.main?.p10 ?? null, mainP90: r.main?.p90 ?? null, marginDays: r.marginDays, caravanFirstChance: r.caravanFirstChance })),
      ensemble: { ...ensembles.status, runs: ensembles.settings.runs, seed: ensembles.settings.seed, coverage: ensemble?.coverage?.share ?? null },
    };
  };
}
