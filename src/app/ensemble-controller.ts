/**
 * When ensembles run: after each edit (debounced), one at a time in the worker, a newer request
 * cancelling the one in flight, answered from the cache when the same request comes back. Whoever
 * shows the results `connect`s to hear about progress and results.
 */
import type { EnsembleResult } from '../sim/ensemble';
import type { Scenario } from '../sim/scenario';
import type { EnsembleSettings, EnsembleStatus } from '../ui/ensemble-panel';
import { createEnsembleClient } from './ensemble-client';
import { now } from './loop';

const DEBOUNCE_MS = 250;

export interface EnsembleHandlers {
  /** Progress and state changes. */
  onStatus(status: EnsembleStatus): void;
  /** A result for the scenario last requested; `fresh` when it just came from the worker. */
  onResult(result: EnsembleResult, fresh: boolean): void;
}

export interface EnsembleController {
  readonly settings: EnsembleSettings;
  readonly status: EnsembleStatus;
  /** Where progress and results go (one listener; the last connected). */
  connect(handlers: EnsembleHandlers): void;
  /** The result for this scenario with the current settings, if one is cached. */
  cached(scenario: Scenario): EnsembleResult | null;
  /** Asks for an ensemble of this scenario (from the cache, or soon in the worker). */
  request(scenario: Scenario): void;
  setSettings(settings: EnsembleSettings, scenario: Scenario): void;
  dispose(): void;
}

export function createEnsembleController(): EnsembleController {
  const client = createEnsembleClient();
  let handlers: EnsembleHandlers = { onStatus: () => {}, onResult: () => {} };
  let settings: EnsembleSettings = { runs: 1000, seed: 1 };
  let status: EnsembleStatus = { state: 'idle', done: 0, total: 0 };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: Scenario | null = null;
  const setStatus = (next: EnsembleStatus) => {
    status = next;
    handlers.onStatus(status);
  };

  const runNow = (scenario: Scenario) => {
    timer = null;
    const request = { scenario, ...settings };
    const started = now();
    setStatus({ state: 'running', done: 0, total: request.runs });
    client
      .run(request, (done) => setStatus({ state: 'running', done, total: request.runs }))
      .then((result) => {
        if (result === null || scenario !== latest) return;
        status = { state: 'done', done: request.runs, total: request.runs, elapsedMs: now() - started };
        handlers.onResult(result, true);
      })
      .catch((err: unknown) => setStatus({ state: 'failed', done: 0, total: request.runs, message: (err as Error).message }));
  };

  const controller: EnsembleController = {
    get settings() {
      return settings;
    },
    get status() {
      return status;
    },
    connect(next) {
      handlers = next;
    },
    cached: (scenario) => client.cached({ scenario, ...settings }) ?? null,
    request(scenario) {
      latest = scenario;
      if (timer !== null) clearTimeout(timer);
      client.cancel();
      const hit = client.cached({ scenario, ...settings });
      if (hit) {
        status = { state: 'done', done: settings.runs, total: settings.runs };
        handlers.onResult(hit, false);
        return;
      }
      setStatus({ state: 'idle', done: 0, total: settings.runs });
      timer = setTimeout(() => runNow(scenario), DEBOUNCE_MS);
    },
    setSettings(next, scenario) {
      settings = next;
      controller.request(scenario);
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      client.dispose();
    },
  };
  return controller;
}
