/**
 * The app's store (zustand/vanilla): scenario inputs, the clock, pinned scenarios, the language.
 * Big arrays (trajectories, ensembles) are not kept here; they live in the model cache keyed by
 * scenario (src/app/model-cache.ts). An edit is validated here — by the scenario schema, then by
 * `check` (references and routing) — and never runs the model.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { FieldError } from '../sim/field-error';
import { parseScenario, type Scenario } from '../sim/scenario';
import { advance, clampRate, clampTime, type ClockState } from './clock';
import { LOCALES, type Language } from './language';

export interface AppState {
  /** The last valid scenario: what is on screen. */
  scenario: Scenario;
  /** Preset the scenario came from, or null once edited by hand. */
  presetId: string | null;
  /** Refused edits, by form field, with the reason; the scenario above is unchanged by them. */
  fieldErrors: Readonly<Record<string, string>>;
  clock: ClockState;
  /** Scenarios pinned for comparison (at most MAX_PINNED_SCENARIOS). */
  pinned: readonly Scenario[];
  /** The interface's language, and the locale its dates and numbers are written in. */
  language: Language;
  locale: string;
}

/** The one limit on pinned scenarios (the compare panel, the store and shared links all use it). */
export const MAX_PINNED_SCENARIOS = 4;

export interface AppActions {
  /** Replaces the scenario after validating it; on failure records the error for `field` and keeps the current one. */
  applyScenario(next: unknown, field: string, presetId?: string | null): boolean;
  refuse(field: string, reason: string): void;
  clearFieldError(field: string): void;
  setSpan(spanHours: number): void;
  setTime(tHours: number): void;
  stepDays(days: number): void;
  togglePlay(): void;
  setPlaying(playing: boolean): void;
  setRate(rateDaysPerSecond: number): void;
  tick(elapsedMs: number): void;
  /** Pins the scenario on screen; false when MAX_PINNED_SCENARIOS are pinned already. */
  pin(): boolean;
  unpin(index: number): void;
  /** Replaces scenario, pinned list, preset and time at once (opening a shared link); throws a FieldError (ScenarioError) when one is refused. */
  restore(state: { scenario: Scenario; pinned: readonly Scenario[]; presetId: string | null; tHours: number }): void;
  setLanguage(language: Language): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

export interface AppStoreOptions {
  scenario: Scenario;
  presetId: string | null;
  /**
   * The model's checks on a candidate that passed the schema — references to places, groups and
   * crossings, and that the routes exist — throwing a FieldError such as ScenarioError (planScenario does exactly this,
   * without simulating). A refused candidate never replaces the scenario.
   */
  check?: (scenario: Scenario) => void;
  language?: Language;
}

const DEFAULT_CLOCK: ClockState = { tHours: 0, playing: false, rateDaysPerSecond: 2, spanHours: 24 };

export function createAppStore({ scenario: initial, presetId, check = () => {}, language = 'en' }: AppStoreOptions): AppStore {
  return createStore<AppState & AppActions>()((set, get) => ({
    scenario: initial,
    presetId,
    fieldErrors: {},
    clock: DEFAULT_CLOCK,
    pinned: [],
    language,
    locale: LOCALES[language],

    applyScenario(next, field, nextPresetId = null) {
      try {
        const scenario = parseScenario(next);
        check(scenario);
        const { [field]: _cleared, ...rest } = get().fieldErrors;
        set({ scenario, presetId: nextPresetId, fieldErrors: rest });
        return true;
      } catch (err) {
        const reason = err instanceof FieldError ? err.reason : (err as Error).message;
        set({ fieldErrors: { ...get().fieldErrors, [field]: reason } });
        return false;
      }
    },
    refuse(field, reason) {
      set({ fieldErrors: { ...get().fieldErrors, [field]: reason } });
    },
    clearFieldError(field) {
      if (!(field in get().fieldErrors)) return;
      const { [field]: _cleared, ...rest } = get().fieldErrors;
      set({ fieldErrors: rest });
    },
    setSpan(spanHours) {
      const clock = { ...get().clock, spanHours };
      set({ clock: { ...clock, tHours: clampTime(clock, clock.tHours) } });
    },
    setTime(tHours) {
      const clock = get().clock;
      set({ clock: { ...clock, tHours: clampTime(clock, tHours) } });
    },
    stepDays(days) {
      const clock = get().clock;
      // Steps keep the hour of the day, so a day step reads as "the next day".
      set({ clock: { ...clock, tHours: clampTime(clock, clock.tHours + days * 24) } });
    },
    togglePlay() {
      get().setPlaying(!get().clock.playing);
    },
    setPlaying(playing) {
      const clock = get().clock;
      if (clock.playing === playing) return;
      const atEnd = clock.tHours >= clock.spanHours;
      set({ clock: { ...clock, playing, tHours: playing && atEnd ? 0 : clock.tHours } });
    },
    setRate(rate) {
      set({ clock: { ...get().clock, rateDaysPerSecond: clampRate(rate) } });
    },
    tick(elapsedMs) {
      const clock = get().clock;
      const next = advance(clock, elapsedMs);
      if (next !== clock) set({ clock: next });
    },
    pin() {
      const { pinned, scenario } = get();
      if (pinned.length >= MAX_PINNED_SCENARIOS) return false;
      set({ pinned: [...pinned, scenario] });
      return true;
    },
    unpin(index) {
      set({ pinned: get().pinned.filter((_, i) => i !== index) });
    },
    restore(state) {
      check(state.scenario);
      state.pinned.forEach(check);
      set({
        scenario: state.scenario,
        pinned: state.pinned.slice(0, MAX_PINNED_SCENARIOS),
        presetId: state.presetId,
        fieldErrors: {},
        clock: { ...get().clock, tHours: Math.max(0, state.tHours), playing: false },
      });
    },
    setLanguage(next) {
      if (next !== get().language) set({ language: next, locale: LOCALES[next] });
    },
  }));
}
