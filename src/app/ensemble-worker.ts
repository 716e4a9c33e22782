/**
 * The ensemble worker: thousands of runs off the main thread, so frames keep coming while it works.
 * It adds runs in slices of about 40 ms, reports progress after each, and gives up as soon as a newer
 * job arrives.
 */
import { expose } from 'comlink';
import { EnsembleAccumulator, type EnsembleResult } from '../sim/ensemble';
import { planScenario } from '../sim/plan';
import type { Scenario } from '../sim/scenario';
import { loadEmbeddedData } from './embedded-data';
import { now } from './loop';

export interface EnsembleJob {
  id: number;
  scenario: Scenario;
  runs: number;
  seed: number;
}

/** Runs per step between looks at the message queue, and how long a step may take before it yields. */
const STEP_RUNS = 25;
const SLICE_MS = 40;
const { data } = loadEmbeddedData();
let currentJob = 0;

// A macrotask without setTimeout's 4 ms clamp: lets a cancel or a newer job in, then goes on at once.
const yieldToMessages = (() => {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
})();

const api = {
  async run(job: EnsembleJob, onProgress: (done: number) => void): Promise<EnsembleResult | null> {
    currentJob = job.id;
    const accumulator = new EnsembleAccumulator(planScenario(data.world, job.scenario), job.runs, job.seed);
    while (accumulator.done < job.runs) {
      const sliceStart = now();
      while (accumulator.done < job.runs && now() - sliceStart < SLICE_MS) accumulator.add(accumulator.done + STEP_RUNS);
      onProgress(accumulator.done);
      // Let messages in between slices: a cancel or a newer job stops this one here.
      await yieldToMessages();
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
