// Model inference runs in a worker thread behind a typed request/response protocol with a timeout
// (STYLE note 13): a hung or crashed engine is terminated and started again on the next call, and
// the till never waits on it longer than the timeout.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { logger } from '../../log';

const log = logger('voice-worker');

export interface RpcRequest {
  type: string;
}

/** What a worker posts back for request `id`. */
export type RpcReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface WorkerRpcOptions<Req extends RpcRequest> {
  /** The worker module (a .ts file under tsx or Vitest, .js once built). */
  url: URL;
  name: string;
  timeoutMs: number;
  /** Sent first to every newly started worker (loads the model); its failure fails the call that started it. */
  init?: () => Req;
  initTimeoutMs?: number;
}

/** Starts a worker from a .ts file (under tsx, Vitest, the bench) by registering tsx inside it first. */
function startWorker(url: URL, name: string): Worker {
  const file = fileURLToPath(url);
  if (!file.endsWith('.ts')) return new Worker(url, { name });
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, name });
}

export class WorkerRpc<Req extends RpcRequest> {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private closed = false;
  /** How many times the worker was started; more than one means it was restarted. */
  starts = 0;

  constructor(private readonly opts: WorkerRpcOptions<Req>) {}

  private spawn(): Promise<void> {
    const w = startWorker(this.opts.url, this.opts.name);
    this.worker = w;
    this.starts++;
    w.unref();
    w.on('message', (m: RpcReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
    const fail = (why: string) => {
      if (this.worker !== w) return;
      log.warn(`${this.opts.name} worker stopped: ${why}`);
      this.drop(new Error(`${this.opts.name} stopped: ${why}`));
    };
    w.on('error', (e) => fail(e.message));
    w.on('exit', (code) => fail(`exit code ${code}`));
    const init = this.opts.init?.();
    return init ? this.send(init, [], this.opts.initTimeoutMs ?? 30_000).then(() => undefined) : Promise.resolve();
  }

  /** Forgets the current worker (terminating it) and fails what was waiting on it. */
  private drop(err: Error) {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
    if (w) void w.terminate().catch(() => undefined);
  }

  private send(req: Req, transfer: ArrayBuffer[], timeoutMs: number): Promise<unknown> {
    const w = this.worker;
    if (!w) return Promise.reject(new Error(`${this.opts.name} is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        log.warn(`${this.opts.name} did not answer ${req.type} within ${timeoutMs} ms: restarting it`);
        this.drop(new Error(`${this.opts.name} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      w.postMessage({ id, req }, transfer);
    });
  }

  async call<T>(req: Req, opts: { transfer?: ArrayBuffer[]; timeoutMs?: number } = {}): Promise<T> {
    if (this.closed) throw new Error(`${this.opts.name} is closed`);
    if (!this.ready) {
      this.ready = this.spawn();
      this.ready.catch(() => this.drop(new Error(`${this.opts.name} failed to start`)));
    }
    await this.ready;
    return (await this.send(req, opts.transfer ?? [], opts.timeoutMs ?? this.opts.timeoutMs)) as T;
  }

  /** Stops the worker now; the next call starts a fresh one (after a catalog change, say). */
  restart(): void {
    this.drop(new Error(`${this.opts.name} was restarted`));
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.drop(new Error(`${this.opts.name} is closed`));
    if (w) await w.terminate().catch(() => undefined);
  }
}

/** The worker side: answers each request, one at a time in arrival order, with its handler's value or error. */
export function serveRpc<Req extends RpcRequest>(port: import('node:worker_threads').MessagePort | null, handle: (req: Req) => unknown | Promise<unknown>) {
  if (!port) throw new Error('serveRpc must run inside a worker thread');
  let queue: Promise<void> = Promise.resolve();
  port.on('message', ({ id, req }: { id: number; req: Req }) => {
    queue = queue.then(async () => {
      try {
        const value = await handle(req);
        port.postMessage({ id, ok: true, value } satisfies RpcReply);
      } catch (e) {
        port.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies RpcReply);
      }
    });
  });
}
