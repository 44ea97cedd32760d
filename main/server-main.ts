// Starts the shop's services and the local API. Used by `npm run serve`, by browser mode and by
// Electron's utilityProcess: one code path.
import { buildApi, type Api } from './api/server';
import { seedDemoShop } from './demo/seed';
import { createServices, type Services } from './services';
import { logger } from './log';
import { join } from 'node:path';
import { nightlyBackup } from './jobs/backup';
import { warmCustomerIndex } from './domains/customers/search';
import { cleanupOldRecordings } from './voice/pipeline/recordings';
import { createScheduler, type ScheduledTask } from './jobs/scheduler';

const log = logger('server');

export interface StartOptions {
  dataDir: string | null;
  port: number;
  host: string;
  demo: boolean;
  /** Off in tests that do not want worker threads. */
  scheduler?: boolean;
}

export interface Running {
  services: Services;
  api: Api;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<Running> {
  const services = createServices({ dataDir: opts.dataDir });
  try {
    if (opts.demo) {
      const r = seedDemoShop(services);
      log.info(r.seeded ? 'demo shop created' : 'shop already has data; demo not added');
    }
    const api = await buildApi({ services });
    const address = await api.app.listen({ port: opts.port, host: opts.host });
    const port = Number(new URL(address).port);
    const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
    const tasks: ScheduledTask[] = [];
    const dataDir = opts.dataDir;
    if (dataDir) {
      tasks.push({
        name: 'nightly-backup',
        cron: '0 23 * * *',
        run: () => {
          const r = nightlyBackup(services.db, join(dataDir, 'backups'), services.clock.now());
          log.info(`nightly backup ${r.created ? 'written' : 'already there'}: ${r.file}`);
        },
      });
      tasks.push({
        name: 'recordings-cleanup',
        cron: '15 23 * * *',
        run: () => {
          const n = cleanupOldRecordings(services);
          if (n > 0) log.info(`deleted ${n} voice recording(s) past the retention period`);
        },
      });
    }
    const scheduler = opts.scheduler === false || tasks.length === 0 ? null : createScheduler(tasks);
    await scheduler?.start();
    // Build the customer search index once the server answers, so the first search at the counter
    // does not pay for it (about a second at 100,000 customers).
    setImmediate(() => {
      if (services.db.open) warmCustomerIndex(services.db);
    });
    let stopped = false;
    return {
      services,
      api,
      url,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await scheduler?.stop();
        await api.app.close();
        services.close();
      },
    };
  } catch (e) {
    services.close();
    throw e;
  }
}
