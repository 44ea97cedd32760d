// Starts the shop's services and the local API. Used by `npm run serve`, by browser mode and by
// Electron's utilityProcess: one code path.
import { buildApi, type Api } from './api/server';
import { createLanListener, type LanListener } from './api/lan-listener';
import { isLoopback } from './api/routes/auth';
import { readSettings } from './domains/system/settings';
import { seedDemoShop } from './demo/seed';
import { createServices, type Services } from './services';
import { logger } from './log';
import { join } from 'node:path';
import { nightlyBackup } from './jobs/backup';
import { warmCustomerIndexInSlices } from './domains/customers/search';
import { cleanupOldRecordings } from './voice/pipeline/recordings';
import { createScheduler, type ScheduledTask } from './jobs/scheduler';

const log = logger('server');

export interface StartOptions {
  dataDir: string | null;
  port: number;
  host: string;
  demo: boolean;
  /**
   * The port LAN access listens on (0.0.0.0) while the owner has it on; default GALLA_LAN_PORT, else
   * the API port + 1 (0 with port 0). Unused when host is not loopback: the API is on the LAN already.
   */
  lanPort?: number;
  /** Off in tests that do not want worker threads. */
  scheduler?: boolean;
}

export interface Running {
  services: Services;
  api: Api;
  url: string;
  /** LAN access's listener (null when host is not loopback); its port and URLs while the owner has it on. */
  lan: LanListener | null;
  stop(): Promise<void>;
}

function defaultLanPort(port: number): number {
  const fromEnv = Number(process.env.GALLA_LAN_PORT);
  if (process.env.GALLA_LAN_PORT && Number.isInteger(fromEnv) && fromEnv >= 0 && fromEnv <= 65535) return fromEnv;
  return port === 0 ? 0 : port + 1;
}

export async function startServer(opts: StartOptions): Promise<Running> {
  const services = createServices({ dataDir: opts.dataDir });
  try {
    if (opts.demo) {
      const r = seedDemoShop(services);
      log.info(r.seeded ? 'demo shop created' : 'shop already has data; demo not added');
    }
    let lan: LanListener | null = null;
    const api = await buildApi({
      services,
      lanUrls: async () => {
        await lan?.settled();
        return lan?.urls() ?? [];
      },
    });
    const address = await api.app.listen({ port: opts.port, host: opts.host });
    const port = Number(new URL(address).port);
    const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
    let offSettings = () => {};
    if (isLoopback(opts.host) || opts.host === 'localhost') {
      const listener = createLanListener(api.app, { port: opts.lanPort ?? defaultLanPort(port) });
      lan = listener;
      // Turning LAN access on or off in Settings takes effect at once.
      const follow = () =>
        listener.set(readSettings(services.db).lanAccess).catch((e: unknown) => {
          const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
          log.error(busy ? `LAN access could not start: port ${opts.lanPort ?? defaultLanPort(port)} is in use (set GALLA_LAN_PORT)` : 'LAN access could not start', e);
        });
      offSettings = services.dispatcher.onCommand((e) => {
        if (e.name === 'settings-update' && e.ok) void follow();
      });
      await follow();
    }
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
    // does not pay for it (about a second at 100,000 customers), in slices so the screen's own
    // requests while it loads are not kept waiting.
    setImmediate(() => {
      if (services.db.open) warmCustomerIndexInSlices(services.db).catch((e: unknown) => log.warn('could not build the customer search index ahead', e));
    });
    let stopped = false;
    return {
      services,
      api,
      url,
      lan,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await scheduler?.stop();
        offSettings();
        await lan?.set(false);
        await api.app.close();
        services.close();
        await services.closed;
      },
    };
  } catch (e) {
    services.close();
    throw e;
  }
}
