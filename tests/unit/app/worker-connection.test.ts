import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectWorker, WorkerGone } from '../../../src/app/worker-connection';
import { fakeWorkers } from '../../fixtures/fake-worker';

interface Api {
  echo(value: number): Promise<number>;
  /** Never answers. */
  hang(): Promise<number>;
}

const api = (): Api => ({
  echo: (value) => Promise.resolve(value),
  hang: () => new Promise<number>(() => {}),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a worker that may die', () => {
  it('answers a call, starting the worker on the first one', async () => {
    const workers = fakeWorkers(api);
    const connection = connectWorker<Api>(workers.spawn, { stallMs: 10_000 });
    expect(workers.started).toHaveLength(0);
    expect(await connection.call((remote) => remote.echo(7))).toBe(7);
    expect(await connection.call((remote) => remote.echo(8))).toBe(8);
    expect(workers.started).toHaveLength(1);
    connection.dispose();
  });

  it('rejects the call waiting on a worker that crashes, and starts a fresh worker for the next', async () => {
    const workers = fakeWorkers(api);
    const connection = connectWorker<Api>(workers.spawn, { stallMs: 10_000 });
    const waiting = connection.call((remote) => remote.hang());
    workers.started[0]!.crash('out of memory');
    await expect(waiting).rejects.toThrow(new WorkerGone('crashed', 'out of memory'));
    expect(workers.started[0]!.terminated).toBe(true);
    expect(await connection.call((remote) => remote.echo(3))).toBe(3);
    expect(workers.started).toHaveLength(2);
    connection.dispose();
  });

  it('rejects the waiting calls of a killed worker with the reason, and says whether one was running', async () => {
    const workers = fakeWorkers(api);
    const connection = connectWorker<Api>(workers.spawn, { stallMs: 10_000 });
    expect(connection.kill()).toBe(false);
    const waiting = connection.call((remote) => remote.hang());
    expect(connection.kill()).toBe(true);
    await expect(waiting).rejects.toMatchObject({ name: 'WorkerGone', why: 'killed' });
    connection.dispose();
  });

  it('takes a worker silent for the stall time while a call waits for hung; being heard from starts the watch again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const workers = fakeWorkers(api);
    const connection = connectWorker<Api>(workers.spawn, { stallMs: 1_000 });
    let outcome: unknown = 'waiting';
    connection.call((remote) => remote.hang()).catch((err: unknown) => (outcome = err));
    vi.advanceTimersByTime(999);
    connection.heard();
    vi.advanceTimersByTime(999);
    await Promise.resolve();
    expect(outcome).toBe('waiting');
    vi.advanceTimersByTime(1);
    await vi.waitFor(() => expect(outcome).toMatchObject({ why: 'unresponsive' }), { timeout: 10_000 });
    expect(workers.started[0]!.terminated).toBe(true);
    connection.dispose();
  });

  it('leaves an idle worker alone however long it is quiet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const workers = fakeWorkers(api);
    const connection = connectWorker<Api>(workers.spawn, { stallMs: 1_000 });
    expect(await connection.call((remote) => remote.echo(1))).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(workers.started[0]!.terminated).toBe(false);
    connection.dispose();
  });

  it('passes on a failure inside the worker as it is, keeping the worker', async () => {
    const workers = fakeWorkers(() => ({ fail: () => Promise.reject(new Error('no route')) }));
    const connection = connectWorker<{ fail(): Promise<void> }>(workers.spawn, { stallMs: 10_000 });
    await expect(connection.call((remote) => remote.fail())).rejects.toThrow('no route');
    expect(workers.started[0]!.terminated).toBe(false);
    connection.dispose();
  });
});
