/**
 * When ensembles run: after each edit (debounced), one at a time in the worker, a newer request
 * cancelling the one in flight, answered from the cache when the same request comes back. Whoever
 * shows the results `connect`s to hear about progress and results.
 *
 * What can go wrong is said, never left running: an ensemble over the work bound is refused before
 * it starts, with the runs that fit; a job that fails, or whose worker dies under it, is run once
 * more in a fresh worker, and when that fails too the ranges are unavailable until `retry()`.
 */
import { checkEnsembleWork, ensembleGroupDays, MAX_ENSEMBLE_GROUP_DAYS, type EnsembleResult } from '../sim/ensemble';
import type { Scenario } from '../sim/scenario';
import type { EnsembleSettings, EnsembleStatus } from '../ui/ensemble-panel';
import { createEnsembleClient, type EnsembleClient, type EnsembleRequest } from './ensemble-client';
import { now } from './loop';
import { WorkerGone } from './worker-connection';

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
  /** After the ranges became unavailable: tries the last request again, at once. */
  retry(): void;
  /** Ends the worker now, as a crash would (a test hook); true when one was running. */
  killWorker(): boolean;
  dispose(): void;
}

/** Why a job failed, for the panel: the worker crashed or stopped answering, or the job itself failed. */
function failureOf(err: unknown): NonNullable<EnsembleStatus['failure']> {
  if (err instanceof WorkerGone) return err.why === 'unresponsive' ? 'unresponsive' : 'crashed';
  return 'error';
}

export function createEnsembleController(client: EnsembleClient = createEnsembleClient()): EnsembleController {
  let handlers: EnsembleHandlers = { onStatus: () => {}, onResult: () => {} };
  let settings: EnsembleSettings = { runs: 1000, seed: 1 };
  let status: EnsembleStatus = { state: 'idle', done: 0, total: 0 };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: Scenario | null = null;
  /** The request being worked on; a newer one (or a cancel) replaces it, and the older one's outcome is dropped. */
  let current: EnsembleRequest | null = null;
  const setStatus = (next: EnsembleStatus) => {
    status = next;
    handlers.onStatus(status);
  };

  const runNow = (scenario: Scenario) => {
    timer = null;
    const request: EnsembleRequest = { scenario, ...settings };
    current = request;
    const tooMuch = checkEnsembleWork(scenario, request.runs);
    if (tooMuch) {
      setStatus({ state: 'refused', done: 0, total: request.runs, runsThatFit: Math.floor(MAX_ENSEMBLE_GROUP_DAYS / ensembleGroupDays(scenario, 1)) });
      return;
    }
    attempt(request, 1, now());
  };

  const attempt = (request: EnsembleRequest, tryNumber: 1 | 2, started: number) => {
    const restarted = tryNumber === 2;
    setStatus({ state: 'running', done: 0, total: request.runs, restarted });
    client
      .run(request, (done) => {
        if (current === request) setStatus({ state: 'running', done, total: request.runs, restarted });
      })
      .then((result) => {
        if (result === null || current !== request) return;
        current = null;
        status = { state: 'done', done: request.runs, total: request.runs, elapsedMs: now() - started, restarted };
        handlers.onResult(result, true);
      })
      .catch((err: unknown) => {
        if (current !== request) return;
        if (tryNumber === 1) {
          // Once more, in a fresh worker: the failed one may hold whatever went wrong.
          client.kill();
          attempt(request, 2, started);
          return;
        }
        current = null;
        setStatus({ state: 'unavailable', done: 0, total: request.runs, failure: failureOf(err) });
      });
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
      current = null;
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
    retry() {
      if (latest === null) return;
      if (timer !== null) clearTimeout(timer);
      client.cancel();
      runNow(latest);
    },
    killWorker: () => client.kill(),
    dispose() {
      if (timer !== null) clearTimeout(timer);
      client.dispose();
    },
  };
  return controller;
}
