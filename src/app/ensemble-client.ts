/**
 * Runs ensembles in the worker for the app: one job at a time (a new request cancels the one in
 * flight), results cached per scenario, run count and seed.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { EnsembleResult } from '../sim/ensemble';
import type { Scenario } from '../sim/scenario';
import type { EnsembleWorkerApi } from './ensemble-worker';

export interface EnsembleRequest {
  scenario: Scenario;
  runs: number;
  seed: number;
}

export interface EnsembleClient {
  /** The cached result for a request, if any. */
  cached(request: EnsembleRequest): EnsembleResult | undefined;
  /** Resolves with the result, or null when a newer request (or cancel) replaced it. */
  run(request: EnsembleRequest, onProgress: (done: number) => void): Promise<EnsembleResult | null>;
  cancel(): void;
  dispose(): void;
}

const CACHE_SIZE = 8;

export const requestKey = (r: EnsembleRequest): string => `${r.runs}|${r.seed}|${JSON.stringify(r.scenario)}`;

export function createEnsembleClient(): EnsembleClient {
  const worker = new Worker(new URL('./ensemble-worker.ts', import.meta.url), { type: 'module', name: 'ensembles' });
  const remote: Remote<EnsembleWorkerApi> = wrap<EnsembleWorkerApi>(worker);
  const cache = new Map<string, EnsembleResult>();
  let jobId = 0;

  return {
    cached: (request) => cache.get(requestKey(request)),
    async run(request, onProgress) {
      const key = requestKey(request);
      const hit = cache.get(key);
      if (hit) return hit;
      const id = ++jobId;
      const result = await remote.run({ id, ...request }, proxy((done: number) => id === jobId && onProgress(done)));
      if (result === null || id !== jobId) return null;
      cache.set(key, result);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return result;
    },
    cancel() {
      const id = jobId;
      jobId++;
      void remote.cancel(id);
    },
    dispose() {
      worker.terminate();
    },
  };
}
