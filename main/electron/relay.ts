// Main's end of the services' message port. Each call gets an id and a Promise; if the services
// process dies or does not answer in time, the call ends with UNAVAILABLE rather than hanging the
// screen (the till must never freeze on a lost reply).
import type { Actor } from '../../common/actor';
import type { CommandName } from '../../common/commands';
import type { Result } from '../../common/errors';
import { asFromServices, type FromServices, type ToServices } from './messages';

/** The parts of Electron's UtilityProcess the relay uses. */
export interface ServicesChild {
  postMessage(message: ToServices): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type ServicesEvent = Extract<FromServices, { type: 'event' }>;

export interface ServicesClient {
  call(name: CommandName, input: unknown, actor: Actor): Promise<Result<unknown>>;
  /** Resolves when the services listen; rejects with their message if they cannot start. */
  ready: Promise<{ url: string; dbFile: string }>;
  onEvent(listener: (e: ServicesEvent) => void): () => void;
  /** Called once if the process ends without being asked to stop. */
  onExit(listener: (code: number) => void): void;
  /** Asks the services to close the database cleanly; kills them if they do not in time. */
  stop(): Promise<void>;
}

export interface RelayTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const CALL_TIMEOUT_MS = 30_000;
export const STOP_TIMEOUT_MS = 5_000;

const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

export function connectServices(child: ServicesChild, timers: RelayTimers = { set: setTimeout, clear: (h) => clearTimeout(h as NodeJS.Timeout) }): ServicesClient {
  let nextId = 1;
  let exited = false;
  let stopping = false;
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; timer: unknown }>();
  const listeners = new Set<(e: ServicesEvent) => void>();
  const exitListeners: ((code: number) => void)[] = [];
  let stopped: (() => void) | null = null;
  let readyResolve!: (v: { url: string; dbFile: string }) => void;
  let readyReject!: (e: Error) => void;
  const ready = new Promise<{ url: string; dbFile: string }>((res, rej) => {
    readyResolve = res;
    readyReject = rej;
  });
  ready.catch(() => {});

  const settle = (id: number, result: Result<unknown>) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    timers.clear(p.timer);
    p.resolve(result);
  };

  child.on('message', (raw) => {
    const m = asFromServices(raw);
    if (!m) return;
    switch (m.type) {
      case 'reply':
        return settle(m.id, m.result);
      case 'ready':
        return readyResolve({ url: m.url, dbFile: m.dbFile });
      case 'event':
        for (const l of listeners) l(m);
        return;
      case 'fatal':
        return readyReject(new Error(m.message));
      case 'stopped':
        return stopped?.();
    }
  });

  child.on('exit', (code) => {
    exited = true;
    readyReject(new Error(`Galla's services stopped before they were ready (exit code ${code}).`));
    for (const id of [...pending.keys()]) settle(id, unavailable('Galla’s services stopped; nothing more was saved. Galla is restarting them: try again in a moment.'));
    stopped?.();
    if (!stopping) for (const l of exitListeners) l(code);
  });

  return {
    ready,
    call(name, input, actor) {
      if (exited) return Promise.resolve(unavailable('Galla’s services are not running: restart Galla.'));
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = timers.set(() => settle(id, unavailable(`${name} got no answer in ${CALL_TIMEOUT_MS / 1000} s; it may or may not have been saved. Check before trying again.`)), CALL_TIMEOUT_MS);
        pending.set(id, { resolve, timer });
        child.postMessage({ type: 'call', id, name, input, actor });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
    stop() {
      if (exited) return Promise.resolve();
      stopping = true;
      return new Promise<void>((resolve) => {
        const timer = timers.set(() => {
          child.kill();
          resolve();
        }, STOP_TIMEOUT_MS);
        stopped = () => {
          timers.clear(timer);
          resolve();
        };
        child.postMessage({ type: 'stop' });
      });
    },
  };
}
