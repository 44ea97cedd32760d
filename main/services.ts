// The shop's services in one process (STYLE note 1): the same code runs as Electron's
// utilityProcess and as the browser-mode server. It is the only owner of the database.
import { join } from 'node:path';
import { backgroundCheckpointer, type Db, openDatabase } from './db';
import { type Clock, systemClock } from './commands/context';
import { createDispatcher, type Dispatcher } from './commands/dispatch';
import { buildHandlers } from './commands/table';
import { createReminderQueue, type ReminderQueue } from './jobs/reminder-queue';

export interface Services {
  db: Db;
  dbFile: string;
  dataDir: string | null;
  clock: Clock;
  dispatcher: Dispatcher;
  reminderQueue: ReminderQueue;
  close(): void;
  /** Resolves once what close() started in the background has ended (the WAL checkpoint worker). */
  readonly closed: Promise<void>;
}

export interface ServicesOptions {
  /** A folder for galla.db and its backups; null for an in-memory shop (tests, the eval command). */
  dataDir: string | null;
  clock?: Clock;
  /** Defaults to an in-process timer queue. */
  reminderQueue?: ReminderQueue;
}

export const DB_FILE_NAME = 'galla.db';

export function createServices(opts: ServicesOptions): Services {
  const dbFile = opts.dataDir ? join(opts.dataDir, DB_FILE_NAME) : ':memory:';
  const { db } = openDatabase(dbFile, opts.dataDir ? { backupDir: join(opts.dataDir, 'backups') } : {});
  const clock = opts.clock ?? systemClock;
  const reminderQueue = opts.reminderQueue ?? createReminderQueue(undefined, () => clock.now().getTime());
  const dispatcher = createDispatcher({ db, clock, handlers: buildHandlers({ reminderQueue }) });
  const checkpointer = backgroundCheckpointer(db);
  dispatcher.onCommand((e) => {
    if (e.mutates) checkpointer.touched();
  });
  // Reminders scheduled before a restart are queued again.
  const due = db.prepare(`SELECT id, send_at FROM reminders WHERE status = 'SCHEDULED'`).all() as { id: number; send_at: string }[];
  for (const r of due) reminderQueue.enqueue(r.id, new Date(r.send_at));
  let closed: Promise<void> = Promise.resolve();
  return {
    db,
    dbFile,
    dataDir: opts.dataDir,
    clock,
    dispatcher,
    reminderQueue,
    close: () => {
      reminderQueue.close();
      closed = checkpointer.stop();
      if (db.open) db.close();
    },
    get closed() {
      return closed;
    },
  };
}
