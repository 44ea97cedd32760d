// A model runs in its own child process behind a typed request/reply protocol with a timeout
// (STYLE note 13). A process, not a worker thread: on a bad model file one whisper binding aborts
// the whole process and another hangs forever inside native code, and neither can be stopped from
// inside. Here the parent kills the child (SIGKILL) on a timeout, fails what was waiting with a
// clear error, and starts a fresh child on the next request; the till never waits longer.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { logger } from '../../log';

/** Request type -> its payload and its answer. */
export type ProtocolSpec = Record<string, { req: unknown; res: unknown }>;

type Request<P extends ProtocolSpec> = { [K in keyof P & string]: { id: number; type: K; payload: P[K]['req'] } }[keyof P & string];

export interface WireError {
  name: string;
  message: string;
  code?: string;
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };
type ChildMessage = Reply | { ready: true };

export type ModelProcessErrorKind = 'timeout' | 'crashed' | 'failed' | 'start' | 'closed';

export class ModelProcessError extends Error {
  readonly kind: ModelProcessErrorKind;
  /** For 'failed': the error class the child threw (InvalidGgufMagicError, ...) and its code (ENOENT, ...). */
  readonly childError: WireError | undefined;
  constructor(kind: ModelProcessErrorKind, message: string, childError?: WireError) {
    super(message);
    this.name = 'ModelProcessError';
    this.kind = kind;
    this.childError = childError;
  }
}

export interface ModelProcessOptions {
  /** For messages and logs: "Whisper", "Llama". */
  name: string;
  /** The child's module: a .ts file (run through tsx) or the built .js. */
  entry: URL;
  /** How long a fresh child may take to load its module and say it is ready. */
  startTimeoutMs?: number;
  env?: Record<string, string>;
}

const requireHere = createRequire(import.meta.url);

function execArgvFor(entryPath: string): string[] {
  if (!entryPath.endsWith('.ts')) return [];
  // Resolved from here so the child finds tsx whatever its working directory is.
  return ['--import', pathToFileURL(requireHere.resolve('tsx')).href];
}

interface Pending {
  type: string;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout | null;
  timeoutMs: number;
}

export class ModelProcess<P extends ProtocolSpec> {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  /** Requests go to the child one at a time, so each timeout measures only its own work. */
  private queue: Promise<unknown> = Promise.resolve();
  private stderrTail: string[] = [];
  private closed = false;
  private readonly log;
  /** How many children were started: more than one means a restart. */
  generation = 0;

  constructor(private readonly opts: ModelProcessOptions) {
    this.log = logger(`model:${opts.name.toLowerCase()}`);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Sends one request after those before it; rejects with a ModelProcessError on timeout, crash or a thrown error. */
  call<K extends keyof P & string>(type: K, payload: P[K]['req'], timeoutMs: number): Promise<P[K]['res']> {
    const run = this.queue.then(() => this.send(type, payload, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run as Promise<P[K]['res']>;
  }

  private async send<K extends keyof P & string>(type: K, payload: P[K]['req'], timeoutMs: number): Promise<unknown> {
    if (this.closed) throw new ModelProcessError('closed', `${this.opts.name} is shut down.`);
    if (!this.ready) this.ready = this.start();
    await this.ready;
    const child = this.child;
    if (!child) throw new ModelProcessError('crashed', `${this.opts.name} stopped before it could be asked to ${type}.`);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill(new ModelProcessError('timeout', `${this.opts.name} did not answer "${type}" within ${timeoutMs} ms: it was stopped and starts afresh on the next request.`));
      }, timeoutMs);
      this.pending.set(id, { type, resolve, reject, timer, timeoutMs });
      child.send({ id, type, payload } satisfies Request<ProtocolSpec>, (err) => {
        if (err) this.kill(new ModelProcessError('crashed', `${this.opts.name} could not be sent "${type}": ${err.message}`));
      });
    });
  }

  private start(): Promise<void> {
    const entryPath = fileURLToPath(this.opts.entry);
    this.generation++;
    this.stderrTail = [];
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.opts.env };
    // Inside Electron's utilityProcess, process.execPath is Electron: make it behave as plain Node.
    if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
    let child: ChildProcess;
    try {
      child = fork(entryPath, [], { execArgv: execArgvFor(entryPath), env, serialization: 'advanced', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    } catch (e) {
      this.ready = null;
      return Promise.reject(new ModelProcessError('start', `${this.opts.name} could not be started: ${(e as Error).message}`));
    }
    this.child = child;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.stderrTail.push(line.trim());
      if (this.stderrTail.length > 40) this.stderrTail.splice(0, this.stderrTail.length - 40);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // An idle model must not keep the services (or a CLI, or a test) alive.
    child.unref();
    (child.stdout as { unref?: () => void } | null)?.unref?.();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    child.channel?.unref();

    return new Promise<void>((resolve, reject) => {
      const startTimer = setTimeout(() => {
        this.kill(new ModelProcessError('start', `${this.opts.name} did not start within ${this.opts.startTimeoutMs ?? 30_000} ms.`));
        reject(new ModelProcessError('start', `${this.opts.name} did not start within ${this.opts.startTimeoutMs ?? 30_000} ms.${this.tailText()}`));
      }, this.opts.startTimeoutMs ?? 30_000);
      child.on('message', (m: ChildMessage) => {
        if ('ready' in m) {
          clearTimeout(startTimer);
          resolve();
          return;
        }
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (p.timer) clearTimeout(p.timer);
        if (m.ok) p.resolve(m.value);
        else p.reject(new ModelProcessError('failed', m.error.message, m.error));
      });
      child.on('error', (e) => this.log.warn(`child error: ${e.message}`));
      child.on('exit', (code, signal) => {
        clearTimeout(startTimer);
        if (this.child !== child) return;
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        this.log.warn(`${this.opts.name} child stopped (${how})`);
        const waiting = [...this.pending.values()].map((p) => p.type);
        this.drop(new ModelProcessError('crashed', `${this.opts.name} stopped (${how})${waiting.length ? ` while answering "${waiting[0]}"` : ''}${this.tailText()}; it starts afresh on the next request.`));
        reject(new ModelProcessError('start', `${this.opts.name} stopped while starting (${how})${this.tailText()}`));
      });
    });
  }

  private tailText(): string {
    const last = this.stderrTail.filter((l) => !/^(whisper_|llama_|ggml_|load_|print_info|\s)/.test(l)).slice(-2);
    return last.length ? `: ${last.join(' | ')}` : '';
  }

  /** Forgets the child and fails whatever waited on it. */
  private drop(err: ModelProcessError) {
    const child = this.child;
    this.child = null;
    this.ready = null;
    for (const [id, p] of this.pending) {
      if (p.timer) clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(err);
    }
    return child;
  }

  /** Kills the child now (a hung native call ignores anything gentler); the next request starts a new one. */
  kill(err = new ModelProcessError('closed', `${this.opts.name} was restarted.`)): void {
    const child = this.drop(err);
    if (child && child.exitCode === null && child.signalCode === null) {
      (err.kind === 'closed' ? this.log.debug : this.log.warn)(`killing ${this.opts.name} child ${child.pid}: ${err.message}`);
      child.kill('SIGKILL');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    this.kill(new ModelProcessError('closed', `${this.opts.name} is shut down.`));
    if (child && child.exitCode === null && child.signalCode === null) {
      // The child is unref'd; without this a caller awaiting close() could see its process exit first.
      child.ref();
      await new Promise<void>((r) => child.once('exit', () => r()));
    }
  }
}

/**
 * The child's side: answers each request with its handler's value or error, one at a time.
 * Call it once at the top of the child's module.
 */
export function serveModelProcess<P extends ProtocolSpec>(handlers: { [K in keyof P & string]: (payload: P[K]['req']) => Promise<P[K]['res']> | P[K]['res'] }): void {
  if (!process.send) throw new Error('serveModelProcess must run in a child started by ModelProcess');
  const send = process.send.bind(process);
  // Nobody left to answer to: exit rather than linger holding a model in memory.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (m: Request<P>) => {
    const handler = handlers[m.type];
    try {
      if (!handler) throw new Error(`unknown request "${m.type}"`);
      const value = await handler(m.payload);
      send({ id: m.id, ok: true, value } satisfies Reply);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const code = (err as { code?: unknown }).code;
      // Libraries often subclass Error without setting name (node-llama-cpp's InvalidGgufMagicError): use the class.
      const name = err.name === 'Error' && err.constructor.name ? err.constructor.name : err.name;
      send({ id: m.id, ok: false, error: { name, message: err.message, ...(typeof code === 'string' ? { code } : {}) } } satisfies Reply);
    }
  });
  send({ ready: true });
}
