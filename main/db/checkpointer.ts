// WAL checkpoints off the till's thread. SQLite's automatic checkpoint runs inside whichever commit
// crosses its threshold, and that bill waits for it (about 9 ms on this machine for 4000 pages:
// the bench's p99). Here a second connection on a worker thread runs PASSIVE checkpoints, which
// never block the writer: after every `everyCommits` commits and when writes pause for `idleMs`.
// The automatic checkpoint stays as a safety net at `safetyPages` in case the worker falls behind.
// If the worker cannot start, the checkpoint runs on this thread when writes pause.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { logger } from '../log';
import type { Db } from './index';

const log = logger('db');

export interface Checkpointer {
  /** A write was committed. */
  touched(): void;
  /** Stops the timer and the worker; resolves once the worker's connection is closed and the thread gone. */
  stop(): Promise<void>;
  /** Checkpoints completed on the worker; for tests and diagnostics. */
  readonly done: number;
  /** Whether the worker thread is in use (false when it could not start, or for an in-memory database). */
  readonly background: boolean;
}

export interface CheckpointerOptions {
  everyCommits?: number;
  idleMs?: number;
  safetyPages?: number;
  nativeBinding?: string;
}

// Plain CommonJS evaluated in the worker: no TypeScript loader or bundler is involved, so it runs the
// same under tsx, in the esbuild bundle and in the packaged app.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 5000');
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); parentPort.close(); return; }
  try { parentPort.postMessage({ ok: true, result: db.pragma('wal_checkpoint(PASSIVE)')[0] }); }
  catch (e) { parentPort.postMessage({ ok: false, error: String(e && e.message || e) }); }
});
parentPort.postMessage({ ready: true });
`;

export function backgroundCheckpointer(db: Db, opts: CheckpointerOptions = {}): Checkpointer {
  const idleMs = opts.idleMs ?? 250;
  const everyCommits = opts.everyCommits ?? 100;
  if (db.memory || db.readonly) return { touched: () => {}, stop: () => Promise.resolve(), done: 0, background: false };
  db.pragma(`wal_autocheckpoint = ${opts.safetyPages ?? 10_000}`);

  let worker: Worker | null = null;
  let inFlight = false;
  let done = 0;
  let sinceLast = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const nativeBinding = opts.nativeBinding ?? process.env.GALLA_SQLITE_BINDING;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name, nativeBinding },
    });
    worker.unref();
    worker.on('message', (m: { ok?: boolean; error?: string }) => {
      if (m.ok === undefined) return;
      inFlight = false;
      if (m.ok) done++;
      else log.warn(`background checkpoint failed: ${m.error}`);
    });
    worker.on('error', (e) => {
      log.warn('the checkpoint worker stopped; checkpoints run on this thread when writes pause', e);
      worker = null;
      inFlight = false;
    });
  } catch (e) {
    log.warn('the checkpoint worker could not start; checkpoints run on this thread when writes pause', e);
    worker = null;
  }

  const checkpoint = () => {
    sinceLast = 0;
    if (stopped || !db.open) return;
    if (worker) {
      if (inFlight) return;
      inFlight = true;
      worker.postMessage('checkpoint');
    } else if (!db.inTransaction) {
      db.pragma('wal_checkpoint(PASSIVE)');
    }
  };

  let lastTouch = 0;
  const armIdle = (ms: number) => {
    timer = setTimeout(() => {
      timer = null;
      const quiet = performance.now() - lastTouch;
      if (quiet < idleMs) armIdle(idleMs - quiet);
      else checkpoint();
    }, ms);
    timer.unref();
  };

  return {
    touched() {
      if (stopped) return;
      if (worker && ++sinceLast >= everyCommits) checkpoint();
      // One timer at a time: a commit only notes its time, and the timer waits on until writes pause.
      lastTouch = performance.now();
      if (!timer) armIdle(idleMs);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const w = worker;
      worker = null;
      if (!w) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // The thread ends once its connection is closed; a stuck one is ended after 2 s.
        const force = setTimeout(() => void w.terminate(), 2000);
        force.unref();
        w.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        w.postMessage('close');
      });
    },
    get done() {
      return done;
    },
    get background() {
      return worker !== null;
    },
  };
}
