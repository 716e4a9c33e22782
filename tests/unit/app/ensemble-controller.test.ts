/**
 * The ensemble controller with workers that crash or fail (fake workers: the worker boundary only;
 * the controller, the client and the connection are the app's own).
 */
import { describe, expect, it, vi } from 'vitest';
import { createEnsembleClient } from '../../../src/app/ensemble-client';
import { createEnsembleController } from '../../../src/app/ensemble-controller';
import type { EnsembleJob } from '../../../src/app/ensemble-worker';
import { loadPresets } from '../../../src/data/presets';
import { readPresetFiles } from '../../../src/data/read-data-files';
import type { EnsembleResult } from '../../../src/sim/ensemble';
import { parseScenario } from '../../../src/sim/scenario';
import type { EnsembleStatus } from '../../../src/ui/ensemble-panel';
import { fakeWorkers, type FakeWorker } from '../../fixtures/fake-worker';

const historical = loadPresets(readPresetFiles()).get('historical-2018')!;

/** Waits for a state (a bound for busy machines, not a speed target). */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000 });

type Behaviour = 'answers' | 'crashes' | 'fails';

/** Workers that do, one after the other, what `behaviours` says (the last one for any after). */
function workersThat(...behaviours: Behaviour[]) {
  return fakeWorkers((worker: FakeWorker, index: number) => ({
    // Called through comlink, the progress callback returns a promise (it waits for the main thread).
    async run(job: EnsembleJob, onProgress: (done: number) => Promise<void>) {
      await onProgress(Math.floor(job.runs / 2));
      const behaviour = behaviours[Math.min(index, behaviours.length - 1)];
      if (behaviour === 'crashes') {
        worker.crash('worker ran out of memory');
        return new Promise(() => {});
      }
      if (behaviour === 'fails') throw new Error('planning failed');
      // Enough of a result to tell which worker made it.
      return { runs: job.runs, madeBy: index } as unknown as EnsembleResult;
    },
    cancel() {},
  }));
}

function controllerWith(workers: ReturnType<typeof workersThat>) {
  const controller = createEnsembleController(createEnsembleClient(workers.spawn));
  const statuses: EnsembleStatus[] = [];
  const results: unknown[] = [];
  controller.connect({ onStatus: (status) => statuses.push(status), onResult: (result) => results.push(result) });
  return { controller, statuses, results };
}

describe('ensembles when the worker dies', () => {
  it('runs the job once more in a fresh worker when the first crashes mid-run, and the ranges arrive', async () => {
    const workers = workersThat('crashes', 'answers');
    const { controller, statuses, results } = controllerWith(workers);
    controller.request(historical);
    await eventually(() => expect(results).toEqual([{ runs: 1000, madeBy: 1 }]));
    expect(workers.started.map((w) => w.terminated)).toEqual([true, false]);
    expect(controller.status).toMatchObject({ state: 'done', restarted: true });
    expect(statuses.some((s) => s.state === 'running' && s.restarted === true)).toBe(true);
    controller.dispose();
  });

  it('says the ranges are unavailable when the second worker crashes too, and Retry brings them', async () => {
    const workers = workersThat('crashes', 'crashes', 'answers');
    const { controller, results } = controllerWith(workers);
    controller.request(historical);
    await eventually(() => expect(controller.status).toMatchObject({ state: 'unavailable', failure: 'crashed' }));
    expect(results).toEqual([]);
    controller.retry();
    await eventually(() => expect(results).toEqual([{ runs: 1000, madeBy: 2 }]));
    expect(controller.status.state).toBe('done');
    controller.dispose();
  });

  it('runs a job that failed inside the worker once more in a fresh one, then says it failed', async () => {
    const workers = workersThat('fails');
    const { controller } = controllerWith(workers);
    controller.request(historical);
    await eventually(() => expect(controller.status).toMatchObject({ state: 'unavailable', failure: 'error' }));
    expect(workers.started).toHaveLength(2);
    controller.dispose();
  });

  it('refuses an ensemble over the work bound before any worker starts, with the runs that fit', async () => {
    const workers = workersThat('answers');
    const { controller } = controllerWith(workers);
    // 12 groups for 366 days: 4,392 group-days a run; 10,000,000 / 4,392 = 2,276 runs fit.
    const heavy = parseScenario({ ...historical, maxDays: 365, splits: [], merges: [], groups: Array.from({ length: 12 }, (_, i) => ({ id: `g-${i}`, headcount: 10 })) });
    controller.setSettings({ runs: 5000, seed: 1 }, heavy);
    await eventually(() => expect(controller.status).toEqual({ state: 'refused', done: 0, total: 5000, runsThatFit: 2276 }));
    expect(workers.started).toHaveLength(0);
    controller.dispose();
  });
});
