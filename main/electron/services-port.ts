// The services' end of the message port: every call goes through the same dispatcher as HTTP and
// voice. Runs in the utilityProcess (plain Node: no Electron imports here).
import { parsePort, SERVICE_OPTIONS } from '../cli-args';
import { parseArgs } from 'node:util';
import type { Dispatcher } from '../commands/dispatch';
import { defaultDataDir } from '../paths';
import { asToServices, type FromServices } from './messages';

/** process.parentPort in a utilityProcess: messages arrive as { data }. */
export interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: FromServices): void;
}

export function serveOverPort(port: ParentPortLike, dispatcher: Pick<Dispatcher, 'dispatch' | 'onCommand'>, stop: () => Promise<void>): void {
  // Screens refetch after a change, wherever it came from (this counter, a LAN device, voice, a job).
  dispatcher.onCommand((e) => {
    if (e.mutates) port.postMessage({ type: 'event', event: 'command', payload: { name: e.name, ok: e.ok, mutates: true } });
  });
  port.on('message', ({ data }) => {
    const m = asToServices(data);
    if (!m) return;
    if (m.type === 'stop') {
      void stop().then(() => port.postMessage({ type: 'stopped' }));
      return;
    }
    port.postMessage({ type: 'reply', id: m.id, result: dispatcher.dispatch(m.name, m.input, m.actor) });
  });
}

export interface ServicesArgs {
  dataDir: string;
  port: number;
  host: string;
  /** --host was given: keep it whatever the shop's LAN setting says. */
  hostGiven: boolean;
  demo: boolean;
}

/** The same options as `npm run serve`. */
export function parseServicesArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServicesArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SERVICE_OPTIONS,
    },
    strict: false,
    allowPositionals: true,
  });
  const port = parsePort(values.port);
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir(env);
  return { dataDir, port, host: String(values.host), hostGiven: argv.some((a) => a === '--host' || a.startsWith('--host=')), demo: values.demo === true };
}
