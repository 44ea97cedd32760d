// Starts the shop's services and the local API. Used by `npm run serve`, by browser mode and by
// Electron's utilityProcess: one code path.
import { buildApi, type Api } from './api/server';
import { seedDemoShop } from './demo/seed';
import { createServices, type Services } from './services';
import { logger } from './log';

const log = logger('server');

export interface StartOptions {
  dataDir: string | null;
  port: number;
  host: string;
  demo: boolean;
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
    let stopped = false;
    return {
      services,
      api,
      url,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await api.app.close();
        services.close();
      },
    };
  } catch (e) {
    services.close();
    throw e;
  }
}
