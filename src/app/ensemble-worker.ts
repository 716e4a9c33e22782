/**
 * The ensemble worker: thousands of runs off the main thread, so frames keep coming while it works.
 * It adds runs in slices of about 40 ms, reports progress after each, and gives up as soon as a newer
 * job arrives.
 */
import { expose, transfer } from 'comlink';
import { EnsembleAccumulator, type EnsembleResult } from '../sim/ensemble';
import { planScenario } from '../sim/plan';
import type { Scenario } from '../sim/scenario';
import { fetchAppDataTexts, loadAppData } from './app-data';
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
// The worker fetches the data files itself (from the browser's cache, after the page did).
const loading = fetchAppDataTexts().then((texts) => loadAppData(texts).data);
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
    const data = await loading;
    if (currentJob !== job.id) return null;
    const accumulator = new EnsembleAccumulator(planScenario(data.world, job.scenario), job.runs, job.seed);
    while (accumulator.done < job.runs) {
      const sliceStart = now();
      while (accumulator.done < job.runs && now() - sliceStart < SLICE_MS) accumulator.add(accumulator.done + STEP_RUNS);
      onProgress(accumulator.done);
      // Let messages in between slices: a cancel or a newer job stops this one here.
      await yieldToMessages();
      if (currentJob !== job.id) return null;
    }
    // The summaries are built here; their typed arrays move to the page instead of being copied.
    const result = accumulator.result();
    return transfer(result, result.bands.flatMap((band) => [band.p10Km.buffer, band.p50Km.buffer, band.p90Km.buffer]));
  },
  cancel(id: number): void {
    if (currentJob === id) currentJob = 0;
  },
};

export type EnsembleWorkerApi = typeof api;
expose(api);
