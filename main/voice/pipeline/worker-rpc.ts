// Model inference runs out of process behind a typed request/response protocol with a timeout
// (STYLE note 13): a hung or crashed engine is killed and started again on the next call, and the
// till never waits on it longer than the timeout. A child process, not a worker thread: stopping a
// worker thread while it is inside a native call (koffi, onnxruntime) aborts the whole process
// ("FATAL ERROR: Error::ThrowAsJavaScriptException"), and a hung native call cannot be stopped at all.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { logger } from '../../log';

const log = logger('voice-worker');
const requireHere = createRequire(import.meta.url);

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

export class WorkerRpc<Req extends RpcRequest> {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private closed = false;
  private stderrTail = '';
  /** How many times the worker was started; more than one means it was restarted. */
  starts = 0;

  constructor(private readonly opts: WorkerRpcOptions<Req>) {}

  private spawn(): Promise<void> {
    const file = fileURLToPath(this.opts.url);
    const env: NodeJS.ProcessEnv = { ...process.env };
    // Inside Electron's utilityProcess, process.execPath is Electron: make it behave as plain Node.
    if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
    const execArgv = file.endsWith('.ts') ? ['--import', pathToFileURL(requireHere.resolve('tsx')).href] : [];
    const child = fork(file, [], { execArgv, env, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child = child;
    this.starts++;
    this.stderrTail = '';
    child.stderr?.on('data', (d: Buffer) => {
      this.stderrTail = (this.stderrTail + d.toString('utf8')).slice(-600);
    });
    // An idle engine must not keep the services (or a test) alive.
    child.unref();
    child.channel?.unref();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    child.on('message', (m: RpcReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
    child.on('error', (e) => log.warn(`${this.opts.name}: ${e.message}`));
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      const tail = this.stderrTail.trim().split('\n').slice(-2).join(' | ');
      log.warn(`${this.opts.name} stopped (${how})${tail ? `: ${tail}` : ''}`);
      this.drop(new Error(`${this.opts.name} stopped (${how}); it starts again on the next request`));
    });
    const init = this.opts.init?.();
    return init ? this.send(init, this.opts.initTimeoutMs ?? 30_000).then(() => undefined) : Promise.resolve();
  }

  /** Forgets the current worker (killing it) and fails what was waiting on it. */
  private drop(err: Error) {
    const child = this.child;
    this.child = null;
    this.ready = null;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private send(req: Req, timeoutMs: number): Promise<unknown> {
    const child = this.child;
    if (!child) return Promise.reject(new Error(`${this.opts.name} is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        log.warn(`${this.opts.name} did not answer ${req.type} within ${timeoutMs} ms: restarting it`);
        this.drop(new Error(`${this.opts.name} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      child.send({ id, req }, (err) => {
        if (err) this.drop(new Error(`${this.opts.name} could not be sent ${req.type}: ${err.message}`));
      });
    });
  }

  async call<T>(req: Req, opts: { timeoutMs?: number } = {}): Promise<T> {
    if (this.closed) throw new Error(`${this.opts.name} is closed`);
    if (!this.ready) {
      const r = this.spawn();
      this.ready = r;
      r.catch(() => {
        if (this.ready === r) this.drop(new Error(`${this.opts.name} failed to start`));
      });
    }
    await this.ready;
    return (await this.send(req, opts.timeoutMs ?? this.opts.timeoutMs)) as T;
  }

  /** The worker's pid, for tests of the restart path. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Stops the worker now; the next call starts a fresh one. */
  restart(): void {
    this.drop(new Error(`${this.opts.name} was restarted`));
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    this.drop(new Error(`${this.opts.name} is closed`));
    if (child && child.exitCode === null && child.signalCode === null) {
      child.ref();
      await new Promise<void>((r) => child.once('exit', () => r()));
    }
  }
}

/** The worker side: answers each request, one at a time in arrival order, with its handler's value or error. */
export function serveRpc<Req extends RpcRequest>(handle: (req: Req) => unknown | Promise<unknown>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveRpc must run in a child process started by WorkerRpc');
  // Nobody left to answer: exit rather than hold a model in memory.
  process.on('disconnect', () => process.exit(0));
  let queue: Promise<void> = Promise.resolve();
  process.on('message', ({ id, req }: { id: number; req: Req }) => {
    queue = queue.then(async () => {
      try {
        const value = await handle(req);
        send({ id, ok: true, value } satisfies RpcReply);
      } catch (e) {
        send({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies RpcReply);
      }
    });
  });
}
