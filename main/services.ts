// The shop's services in one process (STYLE note 1): the same code runs as Electron's
// utilityProcess and as the browser-mode server. It is the only owner of the database.
import { join } from 'node:path';
import { type Db, openDatabase } from './db';
import { type Clock, systemClock } from './commands/context';
import { createDispatcher, type Dispatcher } from './commands/dispatch';
import { allHandlers } from './commands/table';

export interface Services {
  db: Db;
  dbFile: string;
  dataDir: string | null;
  clock: Clock;
  dispatcher: Dispatcher;
  close(): void;
}

export interface ServicesOptions {
  /** A folder for galla.db and its backups; null for an in-memory shop (tests, the eval command). */
  dataDir: string | null;
  clock?: Clock;
}

export const DB_FILE_NAME = 'galla.db';

export function createServices(opts: ServicesOptions): Services {
  const dbFile = opts.dataDir ? join(opts.dataDir, DB_FILE_NAME) : ':memory:';
  const { db } = openDatabase(dbFile, opts.dataDir ? { backupDir: join(opts.dataDir, 'backups') } : {});
  const clock = opts.clock ?? systemClock;
  const dispatcher = createDispatcher({ db, clock, handlers: allHandlers });
  return {
    db,
    dbFile,
    dataDir: opts.dataDir,
    clock,
    dispatcher,
    close: () => {
      if (db.open) db.close();
    },
  };
}
