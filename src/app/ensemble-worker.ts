/**
 * The ensemble worker: thousands of runs off the main thread, so frames keep coming while it works.
 * It adds runs in chunks, reports progress after each, and gives up as soon as a newer job arrives.
 */
import { expose } from 'comlink';
import { EnsembleAccumulator, type EnsembleResult } from '../sim/ensemble';
import { planScenario } from '../sim/plan';
import type { Scenario } from '../sim/scenario';
import { loadEmbeddedData } from './embedded-data';

export interface EnsembleJob {
  id: number;
  scenario: Scenario;
  runs: number;
  seed: number;
}

const CHUNK_RUNS = 100;
const { data } = loadEmbeddedData();
let currentJob = 0;

const api = {
  async run(job: EnsembleJob, onProgress: (done: number) => void): Promise<EnsembleResult | null> {
    currentJob = job.id;
    const accumulator = new EnsembleAccumulator(planScenario(data.world, job.scenario), job.runs, job.seed);
    while (accumulator.done < job.runs) {
      accumulator.add(accumulator.done + CHUNK_RUNS);
      onProgress(accumulator.done);
      // Let messages in between chunks: a cancel or a newer job stops this one here.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (currentJob !== job.id) return null;
    }
    return accumulator.result();
  },
  cancel(id: number): void {
    if (currentJob === id) currentJob = 0;
  },
};

export type EnsembleWorkerApi = typeof api;
expose(api);
