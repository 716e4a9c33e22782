/**
 * A Web Worker that may die, behind comlink. However it ends — it crashes (its `error` event), a
 * message from it cannot be read (`messageerror`), it is killed, or it stops answering (nothing
 * heard from it for `stallMs` while a call waits) — the end is the same: the worker is terminated,
 * every call waiting on it rejects with a WorkerGone saying why, and the next call starts a fresh
 * worker. Without this, a call to a dead worker never settles, and whoever waits on it waits forever.
 */
import { wrap, type Remote } from 'comlink';

/** Why a worker ended: it crashed, sent what cannot be read, was killed, or stopped answering. */
export type WorkerEnd = 'crashed' | 'unreadable' | 'killed' | 'unresponsive';

export class WorkerGone extends Error {
  override name = 'WorkerGone';
  constructor(
    readonly why: WorkerEnd,
    detail = '',
  ) {
    super(`the worker ${why === 'crashed' ? 'crashed' : why === 'unreadable' ? 'sent a message that cannot be read' : why === 'killed' ? 'was stopped' : 'stopped answering'}${detail ? `: ${detail}` : ''}`);
  }
}

/** What the connection needs of a worker (a Worker has it; tests pass a MessagePort-backed stand-in). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerConnection<Api> {
  /** Calls into the worker, starting one if none runs; rejects with WorkerGone if it ends before answering. */
  call<T>(use: (remote: Remote<Api>) => Promise<T>): Promise<T>;
  /** Sends to the worker only if one runs (a cancel needs no fresh worker); not watched for an answer. */
  tell(use: (remote: Remote<Api>) => Promise<unknown>): void;
  /** The worker said something (progress): it is alive, and the stall watch starts again. */
  heard(): void;
  /** Ends the worker now, as a crash would; true when one was running. */
  kill(why?: WorkerEnd): boolean;
  dispose(): void;
}

interface Live<Api> {
  worker: WorkerLike;
  remote: Remote<Api>;
  /** Rejecters of the calls waiting on this worker. */
  waiting: Set<(gone: WorkerGone) => void>;
}

export interface WorkerConnectionOptions {
  /** Longest silence from a worker while a call waits before it is taken for hung. */
  stallMs: number;
}

/**
 * @example
 * const connection = connectWorker<EnsembleWorkerApi>(() => new Worker(url, { type: 'module' }), { stallMs: 30_000 });
 * await connection.call((remote) => remote.run(job, proxy((done) => { connection.heard(); show(done); })));
 * // rejects with WorkerGone('crashed') if the worker dies during the run; the next call gets a new worker
 */
export function connectWorker<Api>(spawn: () => WorkerLike, { stallMs }: WorkerConnectionOptions): WorkerConnection<Api> {
  let live: Live<Api> | null = null;
  let stallTimer: ReturnType<typeof setTimeout> | null = null;

  const start = (): Live<Api> => {
    const worker = spawn();
    const started: Live<Api> = { worker, remote: wrap<Api>(worker), waiting: new Set() };
    worker.addEventListener('error', (event) => {
      // Handled here: the person is told through whoever waits, not by an uncaught error.
      event.preventDefault();
      const { message } = event as Partial<ErrorEvent>;
      end(started, new WorkerGone('crashed', typeof message === 'string' ? message : ''));
    });
    worker.addEventListener('messageerror', () => end(started, new WorkerGone('unreadable')));
    live = started;
    return started;
  };

  const end = (which: Live<Api>, gone: WorkerGone) => {
    if (live !== which) return;
    live = null;
    watch();
    which.worker.terminate();
    for (const reject of which.waiting) reject(gone);
    which.waiting.clear();
  };

  /** Watches for silence while a call waits; stands down when none does. */
  const watch = () => {
    if (stallTimer !== null) clearTimeout(stallTimer);
    stallTimer = null;
    const watched = live;
    if (watched && watched.waiting.size > 0) stallTimer = setTimeout(() => end(watched, new WorkerGone('unresponsive')), stallMs);
  };

  return {
    call<T>(use: (remote: Remote<Api>) => Promise<T>): Promise<T> {
      const on = live ?? start();
      return new Promise<T>((resolve, reject) => {
        const settle = () => {
          on.waiting.delete(reject);
          watch();
        };
        on.waiting.add(reject);
        watch();
        use(on.remote).then(
          (value) => {
            settle();
            resolve(value);
          },
          (err: unknown) => {
            settle();
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      });
    },
    tell(use) {
      if (live) use(live.remote).catch(() => {});
    },
    heard: watch,
    kill(why = 'killed') {
      if (!live) return false;
      end(live, new WorkerGone(why));
      return true;
    },
    dispose() {
      if (live) end(live, new WorkerGone('killed'));
    },
  };
}
