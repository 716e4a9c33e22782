/**
 * Runs ensembles in the worker for the app: one job at a time (a new request cancels the one in
 * flight), results cached per scenario, run count and seed. The worker may die (worker-connection.ts):
 * then the job's promise rejects with a WorkerGone, and the next job gets a fresh worker.
 */
import { proxy } from 'comlink';
import type { EnsembleResult } from '../sim/ensemble';
import type { Scenario } from '../sim/scenario';
import type { EnsembleWorkerApi } from './ensemble-worker';
import { connectWorker, type WorkerLike } from './worker-connection';

export interface EnsembleRequest {
  scenario: Scenario;
  runs: number;
  seed: number;
}

export interface EnsembleClient {
  /** The cached result for a request, if any. */
  cached(request: EnsembleRequest): EnsembleResult | undefined;
  /**
   * Resolves with the result, or null when a newer request (or cancel) replaced it; rejects when the
   * job failed in the worker, or the worker ended under it (WorkerGone).
   */
  run(request: EnsembleRequest, onProgress: (done: number) => void): Promise<EnsembleResult | null>;
  cancel(): void;
  /** Ends the worker now, as a crash would (the next job starts a fresh one); true when one was running. */
  kill(): boolean;
  dispose(): void;
}

const CACHE_SIZE = 8;
/**
 * Longest silence from the worker during a job before it is taken for hung. It reports after every
 * slice of about 40 ms (planning the largest scenario the bounds allow takes a fraction of a
 * second), so this is generous for a machine that is very busy.
 */
export const ENSEMBLE_STALL_MS = 30_000;

export const requestKey = (r: EnsembleRequest): string => `${r.runs}|${r.seed}|${JSON.stringify(r.scenario)}`;

const spawnEnsembleWorker = (): WorkerLike => new Worker(new URL('./ensemble-worker.ts', import.meta.url), { type: 'module', name: 'ensembles' });

export function createEnsembleClient(spawn: () => WorkerLike = spawnEnsembleWorker, stallMs = ENSEMBLE_STALL_MS): EnsembleClient {
  const connection = connectWorker<EnsembleWorkerApi>(spawn, { stallMs });
  const cache = new Map<string, EnsembleResult>();
  let jobId = 0;

  return {
    cached: (request) => cache.get(requestKey(request)),
    async run(request, onProgress) {
      const key = requestKey(request);
      const hit = cache.get(key);
      if (hit) return hit;
      const id = ++jobId;
      const progress = proxy((done: number) => {
        connection.heard();
        if (id === jobId) onProgress(done);
      });
      const result = await connection.call((remote) => remote.run({ id, ...request }, progress));
      if (result === null || id !== jobId) return null;
      cache.set(key, result);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return result;
    },
    cancel() {
      const id = jobId;
      jobId++;
      connection.tell((remote) => remote.cancel(id));
    },
    kill: () => connection.kill(),
    dispose() {
      connection.dispose();
    },
  };
}
