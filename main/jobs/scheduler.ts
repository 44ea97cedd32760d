// The Bree scheduler inside the services process. Bree runs each job in a worker thread; ours only
// tell the parent "due", and the parent does the work, because the services are the only owner of
// the database (STYLE note 1) and better-sqlite3 handles are not shared across threads.
import Bree from 'bree';
import { logger } from '../log';

const log = logger('jobs');

export interface ScheduledTask {
  name: string;
  /** Cron in IST ("0 23 * * *") or an interval ("1m", "6h"). */
  cron?: string;
  interval?: string;
  run(): void | Promise<void>;
}

export interface Scheduler {
  start(): Promise<void>;
  /** Runs a task now, through Bree, as its timer would. */
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

// Runs inside the worker: say "due", then "done".
function signalDue() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort } = require('node:worker_threads');
  parentPort.postMessage('due');
  parentPort.postMessage('done');
}

export function createScheduler(tasks: ScheduledTask[]): Scheduler {
  const byName = new Map(tasks.map((t) => [t.name, t]));
  const waiting = new Map<string, () => void>();
  const bree = new Bree({
    root: false,
    logger: false as never,
    timezone: 'Asia/Kolkata',
    jobs: tasks.map((t) => ({
      name: t.name,
      path: signalDue,
      ...(t.cron ? { cron: t.cron } : {}),
      ...(t.interval ? { interval: t.interval } : {}),
    })),
    workerMessageHandler: ({ name, message }: { name: string; message: unknown }) => {
      if (message !== 'due') return;
      const task = byName.get(name);
      if (!task) return;
      Promise.resolve()
        .then(() => task.run())
        .catch((e) => log.error(`job ${name} failed`, e))
        .finally(() => {
          waiting.get(name)?.();
          waiting.delete(name);
        });
    },
    errorHandler: (e: unknown, meta: unknown) => log.error('job error', e, meta),
  });
  return {
    start: async () => {
      await bree.start();
    },
    runNow: (name) =>
      new Promise<void>((resolve, reject) => {
        if (!byName.has(name)) return reject(new Error(`No such job: ${name}`));
        waiting.set(name, resolve);
        void bree.run(name);
      }),
    stop: async () => {
      await bree.stop();
    },
  };
}
